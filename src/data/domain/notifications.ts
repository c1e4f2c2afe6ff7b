// Notifications (issue 15): who is told what. Pure decisions, no I/O: the Cloud Functions
// (functions/src) and the LocalStore (src/data/local/notify.ts) both load the documents an event
// touches, ask these functions, and write their answer. Neither decides anything itself.
//
// The "nevers", all decided here (and each proven in test/functions and test/data):
//   - a held post tells nobody but moderators until it is approved (then it tells as if new);
//   - nobody is told across a block (for now: the pair's connection is `ended`, which is how a block,
//     a decline and an ended connection are all stored; a sanctions record may add to it later);
//   - nobody suspended or erased (no member profile) is told anything;
//   - nobody is told about a thread they cannot read (members-only community, private thread);
//   - a notification never copies text a member wrote: it names the thread and post, and the reader
//     opens them through the rules. A hidden post's reason is the moderator's words, not the author's.
//
// Where notifications live (Firestore): communities/{cid}/notifications/{uid}/items/{id}, under the
// community, because everything that decides them is per community (membership, roles, visibility,
// suspension, erasure): the rules check membership with the community's own documents, erasing a member
// from one community removes their notifications there only, and an email names the one community.
import {KindredError} from '../errors.js';
import {canReadThread, isSuspended} from '../policy.js';
import type {
  Connection, ContentLocale as Locale, LocalizedText, MemberProfile, Post, ReactionKind, Report, RoleRecord, Thread, Visibility,
} from '../types.js';

export type NotificationKind =
  /** Someone replied to my post. */
  | 'reply'
  /** A new post in a thread I follow. */
  | 'thread-post'
  /** Reactions on my post, gathered by kind ("3 people sent a hug"). */
  | 'reaction'
  | 'connection-request'
  | 'connection-accepted'
  /** My held post was approved. */
  | 'post-approved'
  /** My post was hidden by a moderator (with the reason). */
  | 'post-hidden'
  /** Moderators: a new report. */
  | 'report'
  /** Moderators: a post is waiting in the queue. */
  | 'held-post';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'reply', 'thread-post', 'reaction', 'connection-request', 'connection-accepted', 'post-approved', 'post-hidden', 'report', 'held-post',
];

/** One notification, as the recipient reads it. Times in epoch ms. Never holds text a member wrote. */
export interface KinNotification {
  /** Deterministic (see notificationId): a retried event writes the same document. */
  id: string;
  kind: NotificationKind;
  threadId: string | null;
  postId: string | null;
  connectionId: string | null;
  reportId: string | null;
  reactionKind: ReactionKind | null;
  /** How many: people who sent this reaction (the post's public count); 1 otherwise. */
  count: number;
  /** post-hidden: the moderator's reason; held-post: the hold reason code. Never member text. */
  reason: string | null;
  createdAt: number;
  updatedAt: number;
  read: boolean;
}

/** A member's email choice, kept in their private record (private/{uid}.notify). */
export type EmailMode = 'off' | 'immediate' | 'daily';
export const EMAIL_MODES: readonly EmailMode[] = ['off', 'immediate', 'daily'];

export interface NotifyPrefs {
  email: EmailMode;
  /** Where to send; null = the verified sign-in address (Firebase Auth), if any. */
  address: string | null;
  /** Language of the emails. */
  language: Locale;
}

export const DEFAULT_PREFS: NotifyPrefs = {email: 'off', address: null, language: 'en'};

/** Follow state of one member for one thread (threads/{tid}/followers/{uid}). */
export interface FollowRecord {
  uid: string;
  /** `muted` = unfollowed on purpose: posting again does not follow again. */
  state: 'following' | 'muted';
  at: number;
}

export const NOTIFY_LIMITS = {
  /** Most writes in one Firestore batch (Firestore's own limit is 500). */
  batch: 450,
  /** Notifications a member's list shows. */
  listed: 50,
  /** Items one digest email lists by kind (counts cover the rest). */
  digestItems: 40,
  /** An unsubscribe link's lifetime. */
  unsubscribeMs: 60 * 24 * 3600_000,
} as const;

// Inputs ---------------------------------------------------------------------------------------

/** What the deliverer knows about one possible recipient. */
export interface Recipient {
  uid: string;
  /** Null = not a member (never joined, or erased). */
  member: Pick<MemberProfile, 'uid'> | null;
  roles: RoleRecord | null;
  /** Whether a block (or an ended connection) stands between this recipient and the actor. */
  blockedWithActor: boolean;
}

export interface ThreadCtx {
  visibility: Visibility;
  thread: Pick<Thread, 'id' | 'participants' | 'authorId'> | null;
  /** A participant reported a post in this private thread (reportedThreads/{tid}). */
  reported: boolean;
}

/** One notification to deliver: `create` writes it if missing; `bump` raises a gathered count. */
export interface Delivery {
  uid: string;
  notification: KinNotification;
  mode: 'create' | 'bump';
}

type PostLike = Pick<Post, 'authorId' | 'parentId' | 'status' | 'statusReason'>;

// Ids ------------------------------------------------------------------------------------------

/** The one id per event and recipient, so a retried event writes nothing twice. */
export function notificationId(kind: NotificationKind, ...keys: string[]): string {
  return [kind, ...keys].join('~');
}

/** A notification id as notificationId makes them (ids of posts, threads and kinds joined by "~"). */
export function validateNotificationId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_~-]{1,400}$/.test(id)) {
    throw new KindredError('invalid-argument', 'This is not a notification id: use the id of a notification from watchNotifications.', 'id');
  }
  return id;
}

function make(kind: NotificationKind, id: string, now: number, fields: Partial<KinNotification> = {}): KinNotification {
  return {
    id, kind, threadId: null, postId: null, connectionId: null, reportId: null, reactionKind: null, count: 1, reason: null,
    createdAt: now, updatedAt: now, read: false, ...fields,
  };
}

// Who may be told ---------------------------------------------------------------------------------

/** Every "never" about the recipient: a member, not suspended, not the actor, no block, can read the thread. */
export function mayTell(r: Recipient, actorId: string | null, ctx: ThreadCtx | null, now: number): boolean {
  if (!r.member) return false;
  if (isSuspended(r.roles, now)) return false;
  if (actorId !== null && r.uid === actorId) return false;
  if (r.blockedWithActor) return false;
  if (ctx?.thread) {
    const reader = {user: {uid: r.uid, anonymous: false}, isMember: true, roles: r.roles};
    if (!canReadThread(ctx.visibility, reader, ctx.thread, ctx.reported)) return false;
  }
  return true;
}

const isModRoles = (roles: RoleRecord | null) => !!roles && roles.roles.some((x) => x === 'moderator' || x === 'admin');

// Events -----------------------------------------------------------------------------------------

/** Whether a post write makes it newly visible to readers: created visible, or approved from held. */
export function becameVisible(before: PostLike | null, after: PostLike | null): boolean {
  return !!after && after.status === 'visible' && (!before || before.status === 'held');
}

/**
 * The uids a post write might tell, so the deliverer loads only those: the parent's author, the
 * thread's followers, the post's author (its moderation outcome) and, for a new held post, moderators.
 */
export interface PostAudience {
  parentAuthorId: string | null;
  followerIds: readonly string[];
  moderatorIds: readonly string[];
}

/**
 * A post was created or changed (firestore trigger on threads/{tid}/posts/{pid}; LocalStore after a
 * write). Returns who is told what. `recipients` holds every uid of `audience` and the post's author.
 */
export function decidePostWrite(input: {
  threadId: string;
  postId: string;
  before: PostLike | null;
  after: PostLike | null;
  audience: PostAudience;
  recipients: ReadonlyMap<string, Recipient>;
  ctx: ThreadCtx;
  now: number;
}): Delivery[] {
  const {threadId, postId, before, after, audience, recipients, ctx, now} = input;
  if (!after) return [];
  const out: Delivery[] = [];
  const seen = new Set<string>();
  const tell = (uid: string, actorId: string | null, notification: KinNotification) => {
    if (seen.has(uid)) return;
    const r = recipients.get(uid);
    if (!r || !mayTell(r, actorId, ctx, now)) return;
    seen.add(uid);
    out.push({uid, notification, mode: 'create'});
  };
  const base = {threadId, postId};
  const author = after.authorId;

  // The author hears what happened to their held or visible post (never about their own deletion).
  if (before && before.status === 'held' && after.status === 'visible') {
    tell(author, null, make('post-approved', notificationId('post-approved', threadId, postId), now, base));
  }
  if (before && before.status !== 'hidden' && after.status === 'hidden') {
    tell(author, null, make('post-hidden', notificationId('post-hidden', threadId, postId), now, {...base, reason: after.statusReason}));
  }
  // Moderators hear of a post waiting in the queue (created held, or re-held by an edit).
  if (after.status === 'held' && (!before || before.status === 'visible')) {
    for (const uid of audience.moderatorIds) {
      const r = recipients.get(uid);
      if (r && isModRoles(r.roles)) {
        tell(uid, author, make('held-post', notificationId('held-post', threadId, postId), now, {...base, reason: after.statusReason}));
      }
    }
  }
  // Readers hear of a post only once it is visible: never while held.
  if (becameVisible(before, after)) {
    if (after.parentId && audience.parentAuthorId) {
      tell(audience.parentAuthorId, author, make('reply', notificationId('reply', threadId, postId), now, base));
    }
    for (const uid of audience.followerIds) {
      tell(uid, author, make('thread-post', notificationId('thread-post', threadId, postId), now, base));
    }
  }
  return out;
}

/** Posting in a thread follows it, unless the member unfollowed it on purpose. */
export function followOnPost(authorId: string, existing: FollowRecord | null, now: number): FollowRecord | null {
  return existing ? null : {uid: authorId, state: 'following', at: now};
}

/**
 * A reaction was added (threads/{tid}/reactions/{pid}_{uid}_{kind}). The post's author is told, in one
 * line per post and kind whose count is the post's public count (so the notification never reveals who
 * reacted, and a retried event sets the same number).
 */
export function decideReaction(input: {
  threadId: string;
  postId: string;
  kind: ReactionKind;
  actorId: string;
  post: Pick<Post, 'authorId' | 'status' | 'reactions'> | null;
  recipient: Recipient | null;
  ctx: ThreadCtx;
  now: number;
}): Delivery[] {
  const {threadId, postId, kind, actorId, post, recipient, ctx, now} = input;
  if (!post || post.status !== 'visible' || !recipient || recipient.uid !== post.authorId) return [];
  if (!mayTell(recipient, actorId, ctx, now)) return [];
  const count = Math.max(1, post.reactions?.[kind] ?? 1);
  return [{
    uid: post.authorId, mode: 'bump',
    notification: make('reaction', notificationId('reaction', threadId, postId, kind), now, {threadId, postId, reactionKind: kind, count}),
  }];
}

/** The stored notification after a `bump`: a higher count shows again as unread; the same count changes nothing. */
export function bumped(existing: KinNotification | null, incoming: KinNotification): KinNotification | null {
  if (!existing) return incoming;
  if (incoming.count <= existing.count) return null;
  return {...existing, count: incoming.count, updatedAt: incoming.updatedAt, read: false};
}

/** A connection was written: a new request tells the recipient; an acceptance tells the requester. Declines are silent. */
export function decideConnection(input: {
  before: Pick<Connection, 'status'> | null;
  after: Pick<Connection, 'id' | 'members' | 'requestedBy' | 'status'> | null;
  recipients: ReadonlyMap<string, Recipient>;
  now: number;
}): Delivery[] {
  const {before, after, recipients, now} = input;
  if (!after) return [];
  const other = after.members[0] === after.requestedBy ? after.members[1] : after.members[0];
  const tell = (uid: string, actorId: string, n: KinNotification): Delivery[] => {
    const r = recipients.get(uid);
    return r && mayTell(r, actorId, null, now) ? [{uid, notification: n, mode: 'create'}] : [];
  };
  if (after.status === 'pending' && !before) {
    return tell(other, after.requestedBy,
      make('connection-request', notificationId('connection-request', after.id), now, {connectionId: after.id}));
  }
  if (after.status === 'accepted' && before?.status === 'pending') {
    return tell(after.requestedBy, other,
      make('connection-accepted', notificationId('connection-accepted', after.id), now, {connectionId: after.id}));
  }
  return [];
}

/** A report was filed: each moderator who may read what it is about is told (never the reporter's words). */
export function decideReport(input: {
  report: Pick<Report, 'id' | 'reporterId' | 'target'>;
  moderatorIds: readonly string[];
  recipients: ReadonlyMap<string, Recipient>;
  /** The reported post's thread (post reports), else null. */
  ctx: ThreadCtx | null;
  now: number;
}): Delivery[] {
  const {report, moderatorIds, recipients, ctx, now} = input;
  const target = report.target;
  const fields = target.kind === 'post' ? {reportId: report.id, threadId: target.threadId, postId: target.postId} : {reportId: report.id};
  const out: Delivery[] = [];
  for (const uid of moderatorIds) {
    const r = recipients.get(uid);
    if (!r || !isModRoles(r.roles) || !mayTell(r, report.reporterId, ctx, now)) continue;
    out.push({uid, mode: 'create', notification: make('report', notificationId('report', report.id), now, fields)});
  }
  return out;
}

// Email ------------------------------------------------------------------------------------------

/** Which kinds are worth an immediate email (reactions and followed threads wait for a digest). */
export const IMMEDIATE_EMAIL_KINDS: readonly NotificationKind[] = [
  'reply', 'connection-request', 'connection-accepted', 'post-approved', 'post-hidden', 'report', 'held-post',
];

export function wantsImmediateEmail(prefs: NotifyPrefs | null, kind: NotificationKind): boolean {
  return !!prefs && prefs.email === 'immediate' && IMMEDIATE_EMAIL_KINDS.includes(kind);
}

/** Reads a stored `notify` value defensively (older records have none). */
export function readPrefs(value: unknown): NotifyPrefs {
  const v = (value ?? {}) as Partial<NotifyPrefs>;
  return {
    email: EMAIL_MODES.includes(v.email as EmailMode) ? v.email as EmailMode : 'off',
    address: typeof v.address === 'string' && v.address ? v.address : null,
    language: v.language === 'cy' ? 'cy' : 'en',
  };
}

/** Validates what a member chose for email notifications. */
export function validatePrefs(prefs: unknown): NotifyPrefs {
  const p = (prefs ?? {}) as Partial<NotifyPrefs>;
  if (!EMAIL_MODES.includes(p.email as never)) throw new KindredError('invalid-argument', `email must be one of ${EMAIL_MODES.join(', ')}.`, 'email');
  const address = p.address == null || p.address === '' ? null : String(p.address).trim();
  if (address !== null && !isEmailAddress(address)) {
    throw new KindredError('invalid-argument', 'That does not look like an email address: check it, or leave it empty to use your sign-in address.', 'address');
  }
  if (p.language !== undefined && p.language !== 'en' && p.language !== 'cy') throw new KindredError('invalid-argument', 'language must be en or cy.', 'language');
  return {...DEFAULT_PREFS, email: p.email as NotifyPrefs['email'], address, language: p.language ?? 'en'};
}

/** A plausible email address (the mail provider has the last word). */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]{2,}$/.test(value);
}

const SUBJECTS: Record<NotificationKind, Record<Locale, (c: string) => string>> = {
  'reply': {en: (c) => `Someone replied to you in ${c}`, cy: (c) => `Mae rhywun wedi ateb chi yn ${c}`},
  'thread-post': {en: (c) => `New posts in a conversation you follow in ${c}`, cy: (c) => `Negeseuon newydd mewn sgwrs rydych yn ei dilyn yn ${c}`},
  'reaction': {en: (c) => `People reacted to your post in ${c}`, cy: (c) => `Mae pobl wedi ymateb i’ch neges yn ${c}`},
  'connection-request': {en: (c) => `Someone would like to connect with you in ${c}`, cy: (c) => `Hoffai rhywun gysylltu â chi yn ${c}`},
  'connection-accepted': {en: (c) => `Your connection request was accepted in ${c}`, cy: (c) => `Derbyniwyd eich cais i gysylltu yn ${c}`},
  'post-approved': {en: (c) => `Your post was approved in ${c}`, cy: (c) => `Cymeradwywyd eich neges yn ${c}`},
  'post-hidden': {en: (c) => `A moderator hid your post in ${c}`, cy: (c) => `Cuddiodd cymedrolwr eich neges yn ${c}`},
  'report': {en: (c) => `New report to review in ${c}`, cy: (c) => `Adroddiad newydd i’w adolygu yn ${c}`},
  'held-post': {en: (c) => `A post is waiting for review in ${c}`, cy: (c) => `Mae neges yn aros i’w hadolygu yn ${c}`},
};

const MAIL_TEXT = {
  en: {
    open: 'Open the community to read it:',
    digestSubject: (c: string, n: number) => `${n} new ${n === 1 ? 'notification' : 'notifications'} in ${c}`,
    digestIntro: (c: string) => `Here is what happened in ${c} since your last email:`,
    unsubscribe: 'Stop these emails:',
    why: 'You get this email because you asked for notifications by email. We never put what members wrote in an email.',
  },
  cy: {
    open: 'Agorwch y gymuned i’w ddarllen:',
    digestSubject: (c: string, n: number) => `${n} hysbysiad newydd yn ${c}`,
    digestIntro: (c: string) => `Dyma beth ddigwyddodd yn ${c} ers eich e-bost diwethaf:`,
    unsubscribe: 'Peidio â chael y negeseuon e-bost hyn:',
    why: 'Rydych yn cael yr e-bost hwn am i chi ofyn am hysbysiadau drwy e-bost. Nid ydym byth yn rhoi’r hyn a ysgrifennodd aelodau mewn e-bost.',
  },
} as const;

const DIGEST_LINES: Record<NotificationKind, Record<Locale, (n: number) => string>> = {
  'reply': {en: (n) => `${n} ${n === 1 ? 'reply' : 'replies'} to your posts`, cy: (n) => `${n} ateb i’ch negeseuon`},
  'thread-post': {en: (n) => `${n} new ${n === 1 ? 'post' : 'posts'} in conversations you follow`, cy: (n) => `${n} neges newydd mewn sgyrsiau rydych yn eu dilyn`},
  'reaction': {en: (n) => `${n} ${n === 1 ? 'reaction' : 'reactions'} to your posts`, cy: (n) => `${n} ymateb i’ch negeseuon`},
  'connection-request': {en: (n) => `${n} connection ${n === 1 ? 'request' : 'requests'}`, cy: (n) => `${n} cais i gysylltu`},
  'connection-accepted': {en: (n) => `${n} accepted ${n === 1 ? 'connection' : 'connections'}`, cy: (n) => `${n} cysylltiad wedi’i dderbyn`},
  'post-approved': {en: (n) => `${n} of your posts approved`, cy: (n) => `${n} o’ch negeseuon wedi’u cymeradwyo`},
  'post-hidden': {en: (n) => `${n} of your posts hidden by a moderator`, cy: (n) => `${n} o’ch negeseuon wedi’u cuddio gan gymedrolwr`},
  'report': {en: (n) => `${n} new ${n === 1 ? 'report' : 'reports'} to review`, cy: (n) => `${n} adroddiad newydd i’w adolygu`},
  'held-post': {en: (n) => `${n} ${n === 1 ? 'post' : 'posts'} waiting for review`, cy: (n) => `${n} neges yn aros i’w hadolygu`},
};

/** The community's name in the member's language (only its name: never its condition or anything else). */
export const communityName = (name: LocalizedText, language: Locale) => (language === 'cy' && name.cy) || name.en;

/** The mail document the Trigger Email extension sends (mail/{id}): no member text, the community's name only. */
export interface MailDoc {
  to: string;
  message: {subject: string; text: string; html: string};
  /** RFC 8058 one-click unsubscribe (the extension passes headers to the mail transport). */
  headers: {'List-Unsubscribe': string; 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'};
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;'})[c]!);

function mailDoc(to: string, subject: string, lines: string[], language: Locale, links: {open: string; unsubscribe: string}): MailDoc {
  const t = MAIL_TEXT[language];
  const text = [...lines, '', `${t.open} ${links.open}`, '', t.why, `${t.unsubscribe} ${links.unsubscribe}`].join('\n');
  const html = [...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p>${escapeHtml(t.open)} <a href="${escapeHtml(links.open)}">${escapeHtml(links.open)}</a></p>`,
    `<p><small>${escapeHtml(t.why)} <a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(t.unsubscribe)}</a></small></p>`].join('\n');
  return {
    to, message: {subject, text, html},
    headers: {'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'},
  };
}

/**
 * Where an email's "open" link goes: the site address (KINDRED_SITE_URL), whose `{thread}` and `{post}` are
 * filled with the notification's ids like the bell's `thread-href` ("https://…/talk?thread={thread}#post-{post}"),
 * so the email opens the post in its thread. An item with no thread (a connection, a report) links to the page
 * itself, without the placeholders' query and fragment.
 */
export function mailOpenLink(siteUrl: string, n: Pick<KinNotification, 'threadId' | 'postId'>): string {
  if (!/\{(thread|post)\}/.test(siteUrl)) return siteUrl;
  if (!n.threadId) return siteUrl.split(/[?#]/)[0];
  return siteUrl.replace(/\{thread\}/g, encodeURIComponent(n.threadId)).replace(/\{post\}/g, encodeURIComponent(n.postId ?? ''));
}

/** An immediate email about one notification. */
export function immediateMail(n: Pick<KinNotification, 'kind'>, to: string, community: LocalizedText, language: Locale,
  links: {open: string; unsubscribe: string}): MailDoc {
  const name = communityName(community, language);
  const subject = SUBJECTS[n.kind][language](name);
  return mailDoc(to, subject, [subject + '.'], language, links);
}

/** A daily digest of unread notifications: counts by kind, never their content. Null when nothing is unread. */
export function digestMail(items: readonly Pick<KinNotification, 'kind' | 'count'>[], to: string, community: LocalizedText, language: Locale,
  links: {open: string; unsubscribe: string}): MailDoc | null {
  if (!items.length) return null;
  const name = communityName(community, language);
  const counts = new Map<NotificationKind, number>();
  for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + (i.kind === 'reaction' ? i.count : 1));
  const lines = [MAIL_TEXT[language].digestIntro(name)];
  for (const kind of NOTIFICATION_KINDS) if (counts.has(kind)) lines.push(`- ${DIGEST_LINES[kind][language](counts.get(kind)!)}`);
  return mailDoc(to, MAIL_TEXT[language].digestSubject(name, items.length), lines, language, links);
}

// Reading ----------------------------------------------------------------------------------------

/** Newest first; unread count of a list. */
export const compareNotifications = (a: KinNotification, b: KinNotification) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
export const unreadCount = (items: readonly KinNotification[]) => items.filter((n) => !n.read).length;
