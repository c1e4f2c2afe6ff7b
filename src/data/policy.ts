// Pure validation and permission rules shared by both adapters and mirrored by firestore.rules.
// Validation functions return the normalised value or throw KindredError('invalid-argument').
import {KindredError} from './errors.js';
import {
  REACTION_KINDS, RELATIONSHIPS, REPORT_REASONS,
  type CommunitySettings, type FounderStory, type LocalizedText, type MemberLimits, type MemberProfile, type Post, type ReactionKind, type Relationship,
  type ReportReason, type RoleRecord, type SessionUser, type Thread, type Visibility,
} from './types.js';
import {LIMITS, hasRole, validateHttpsUrl, validateText} from './policy-basics.js';

// Issue 16: limits, ids, ordering, cursors and a few checks live in ./policy-basics.ts (what the script-tag
// entry and a visitor's thread need, kept out of the bundle's entry chunk); every one is exported from here too.
export {
  LIMITS, DEFAULT_REACTIONS, validateText, validateHttpsUrl, isHttpsUrl, newId, threadIdForKey, postCursor, clampLimit,
  hasRole, canEditPost, canEditFounderStory, sanitizeRoles, threadCursor, comparePosts, compareThreads,
} from './policy-basics.js';

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

export const validatePostBody = (body: unknown) => validateText('body', body, {min: 1, max: LIMITS.postBody});
export const validateThreadTitle = (title: unknown) => validateText('title', title, {min: 1, max: LIMITS.threadTitle});

export function validatePseudonym(value: unknown): string {
  const name = validateText('pseudonym', value, {min: LIMITS.pseudonymMin, max: LIMITS.pseudonymMax});
  if (/\s{2,}|\n/.test(name)) throw invalid('pseudonym', 'pseudonym must be on one line, without double spaces.');
  if (/@|https?:|www\./i.test(name)) throw invalid('pseudonym', 'pseudonym must not contain an email address or a link.');
  return name;
}

export function validateRelationship(value: unknown): Relationship {
  if (!RELATIONSHIPS.includes(value as Relationship)) throw invalid('relationship', `relationship must be one of ${RELATIONSHIPS.join(', ')}.`);
  return value as Relationship;
}

export function validateReactionKind(value: unknown): ReactionKind {
  if (!REACTION_KINDS.includes(value as ReactionKind)) throw invalid('kind', `reaction must be one of ${REACTION_KINDS.join(', ')}.`);
  return value as ReactionKind;
}

export function validateReportReason(value: unknown): ReportReason {
  if (!REPORT_REASONS.includes(value as ReportReason)) throw invalid('reason', `reason must be one of ${REPORT_REASONS.join(', ')}.`);
  return value as ReportReason;
}

export function validateTags(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('tags', 'tags must be a list.');
  if (value.length > LIMITS.tags) throw invalid('tags', `at most ${LIMITS.tags} tags.`);
  return [...new Set(value.map((t) => validateText('tags', t, {min: 1, max: LIMITS.tag})))];
}

export function validateLocalized(field: string, value: unknown, max: number, {min = 0} = {}): LocalizedText {
  if (!value || typeof value !== 'object') throw invalid(field, `${field} must give at least the English text.`);
  const v = value as Record<string, unknown>;
  const out: LocalizedText = {en: validateText(field, v.en, {min, max})};
  if (v.cy !== undefined && v.cy !== null && v.cy !== '') out.cy = validateText(field, v.cy, {max});
  return out;
}

/** Client-made document ids: 1–64 of [A-Za-z0-9_-]. */
export function validateId(field: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw invalid(field, `${field} must be 1–64 letters, digits, "-" or "_".`);
  return value;
}

export function parsePostCursor(cursor: string): {createdAt: number; id: string} {
  const m = /^(\d+)_([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!m) throw invalid('cursor', 'cursor is not one this store made.');
  return {createdAt: Number(m[1]), id: m[2]};
}

// Permissions -----------------------------------------------------------------------------------

export const isModerator = (roles: RoleRecord | null) => hasRole(roles, 'moderator', 'admin');

export function isSuspended(roles: RoleRecord | null, now = Date.now()): boolean {
  return !!roles && roles.suspendedUntil !== null && roles.suspendedUntil > now;
}

/** Who may see a post's content: visible to all readers; held to its author and moderators. */
export function canSeePostBody(user: SessionUser | null, roles: RoleRecord | null, post: Post): boolean {
  if (post.status === 'visible') return true;
  if (post.status === 'held') return !!user && (post.authorId === user.uid || isModerator(roles));
  return false;
}

export function validateFounderStory(story: unknown): Omit<FounderStory, 'approvedBy' | 'approvedAt'> {
  if (!story || typeof story !== 'object') throw invalid('story', 'founder story is missing.');
  const s = story as Record<string, unknown>;
  const imageUrl = s.imageUrl == null || s.imageUrl === '' ? null : validateHttpsUrl('imageUrl', s.imageUrl);
  const imageAlt = s.imageAlt == null ? null : validateLocalized('imageAlt', s.imageAlt, LIMITS.altText, {min: 1});
  if (imageUrl && !imageAlt) throw invalid('imageAlt', 'a photo needs alt text describing it.');
  let cta: FounderStory['cta'] = null;
  if (s.cta != null) {
    const c = s.cta as Record<string, unknown>;
    cta = {label: validateLocalized('cta.label', c.label, LIMITS.ctaLabel, {min: 1}), url: validateHttpsUrl('cta.url', c.url)};
  }
  const toldAt = s.toldAt == null ? null : Number(s.toldAt);
  if (toldAt !== null && !Number.isFinite(toldAt)) throw invalid('toldAt', 'toldAt must be a time.');
  return {
    name: validateText('name', s.name, {min: 1, max: LIMITS.founderName}),
    role: validateLocalized('role', s.role ?? {en: ''}, LIMITS.founderRole),
    quote: validateLocalized('quote', s.quote ?? {en: ''}, LIMITS.quote),
    story: validateLocalized('story', s.story ?? {en: ''}, LIMITS.storyText),
    imageUrl,
    imageAlt,
    cta,
    toldAt,
    memorial: s.memorial === true,
  };
}

/** A thread is readable in a hub listing only when visible and not a private peer thread. */
export const isHubThread = (t: Thread) => t.status === 'visible' && t.participants === null && t.key === null;

// Shared by both adapters: reading, moderation and paging rules -----------------------------------
// firestore.rules decides the same things on the server; these let a client (and LocalStore) give
// the same answer with an actionable error before a write is attempted.

/** Who is asking, as far as the rules care. `isMember` = has a member profile in this community. */
export interface Reader {
  user: SessionUser | null;
  isMember: boolean;
  roles: RoleRecord | null;
}

/** A moderator or admin who is also a member (rules: `hasRole` requires membership). */
export const readerIsModerator = (r: Reader) => r.isMember && isModerator(r.roles);

/** A member in good standing at `now`: the only kind of user who writes. */
export const readerCanWrite = (r: Reader, now: number) => !!r.user && r.isMember && !isSuspended(r.roles, now);

/**
 * The community document (name, settings, founder story): anyone for a public community; a
 * members-only one only to signed-in users, so they can read its guidelines version and join.
 */
export const canReadCommunityDoc = (visibility: Visibility, r: Reader) => visibility === 'public' || !!r.user;

/** Threads, posts and reactions below the community document: public, or members only. */
export const canReadCommunityContent = (visibility: Visibility, r: Reader) => visibility === 'public' || r.isMember;

/**
 * A thread itself: community content; a private peer thread only to its two members, and to moderators
 * once a participant has reported a post in it (`reported`: the reportedThreads marker exists).
 */
export function canReadThread(visibility: Visibility, r: Reader, thread: Pick<Thread, 'participants'> & Partial<Pick<Thread, 'status' | 'authorId'>>, reported = false): boolean {
  if (!canReadCommunityContent(visibility, r)) return false;
  return (thread.participants === null || (!!r.user && thread.participants.includes(r.user.uid)) || (reported && readerIsModerator(r)))
    && threadShown(r, thread);
}

/** The marker that opens a private thread to moderators: a participant reported a post in it. */
export const isPeerThreadId = (threadId: string) => threadId.startsWith('c_');

/** Whether a reader may read a post at all (rules): placeholders yes; held posts their author and moderators. */
export function canSeePost(r: Reader, post: Pick<Post, 'status' | 'authorId'>): boolean {
  return post.status !== 'held' || (!!r.user && post.authorId === r.user.uid) || readerIsModerator(r);
}

/**
 * Whether a post is listed in a thread (watchPosts / listOlderPosts): placeholders yes; a held post
 * only for its author. Moderators review held posts in their queue, not inline.
 */
export function listedInThread(user: SessionUser | null, post: Pick<Post, 'status' | 'authorId'>): boolean {
  return post.status !== 'held' || (!!user && post.authorId === user.uid);
}

/** What a reader receives: hidden and deleted posts never carry a body. */
export function postForReader(post: Post): Post {
  return post.status === 'hidden' || post.status === 'deleted' ? {...post, body: ''} : post;
}

/** The first banned word (case-insensitive, whole word) found in `text`, or null. */
export function findBannedWord(text: string, bannedWords: readonly string[]): string | null {
  const lower = text.toLowerCase();
  for (const word of bannedWords) {
    const w = word.trim().toLowerCase();
    if (!w) continue;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower)) return word;
  }
  return null;
}

/** Why a post is held (`Post.statusReason` codes elements translate). */
export type HoldReason = 'moderation' | 'banned-word' | 'first-posts' | 'contact-details' | 'links' | 'crisis-review';

// Automatic holds (issue 7), whatever the moderation mode. firestore.rules mirrors these three
// patterns on the lower-cased body (RE2), so keep them in step with `heldByContent` there.
/** More links than this holds a post for review. */
export const MAX_LINKS = 2;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/;
// Ten or more digits, each separated by at most two spaces, brackets, dots or dashes: "(01970) 622-000".
const PHONE = /[0-9](?:[ ().-]{0,2}[0-9]){9,}/;
const LINK = /https?:\/\/|www\./g;

/** Whether text contains an email address or a phone number. */
export function findContactDetails(text: string): 'email' | 'phone' | null {
  const lower = text.toLowerCase();
  if (EMAIL.test(lower)) return 'email';
  if (PHONE.test(lower)) return 'phone';
  return null;
}

/** How many links (`http://`, `https://`, `www.`) text contains. */
export function countLinks(text: string): number {
  return text.toLowerCase().match(LINK)?.length ?? 0;
}

/** Why a member's post must be held whatever the mode (contact details, links, banned words), or null. */
export function contentHoldReason(body: string, bannedWords: readonly string[]): HoldReason | null {
  if (findContactDetails(body)) return 'contact-details';
  if (countLinks(body) > MAX_LINKS) return 'links';
  if (findBannedWord(body, bannedWords)) return 'banned-word';
  return null;
}

/**
 * The status a new post starts with. Moderators are never held; otherwise `all` holds every post, a
 * banned word holds the post for review rather than refusing it, and `first-posts` holds posts until
 * `holdFirstPosts` of the member's posts were approved (`authorPostCount` = how many of their posts
 * moderators approved, domain/posts.ts: the same count on both stores and in firestore.rules).
 */
export function initialPostStatus(
  settings: Pick<CommunitySettings, 'moderation' | 'holdFirstPosts' | 'bannedWords' | 'crisisReview'>,
  moderator: boolean,
  authorPostCount: number,
  body: string,
  /** Whether the body carries crisis wording (crisis.ts hasCrisisWording; passed in so this module stays small). */
  crisis = false,
): {status: 'visible' | 'held'; statusReason: HoldReason | null} {
  if (moderator) return {status: 'visible', statusReason: null};
  // The specific reason first, so the author is told what to change.
  const content = contentHoldReason(body, settings.bannedWords);
  if (content === 'contact-details' || content === 'links') return {status: 'held', statusReason: content};
  // Issue 18: routed to a moderator first, and the author told kindly (firestore.rules asks a banned word's
  // own reason outside 'all' mode, so that one stays).
  if (settings.crisisReview === true && crisis && (settings.moderation === 'all' || content !== 'banned-word')) {
    return {status: 'held', statusReason: 'crisis-review'};
  }
  if (settings.moderation === 'all') return {status: 'held', statusReason: 'moderation'};
  if (content) return {status: 'held', statusReason: content};
  if (settings.moderation === 'first-posts' && authorPostCount < settings.holdFirstPosts) return {status: 'held', statusReason: 'first-posts'};
  return {status: 'visible', statusReason: null};
}

/**
 * Why an author's edit holds their post again (issue 7), or null when its status stays. An edit of a
 * visible post whose new body would hold a new post whatever the mode (contact details, more than two
 * links, a banned word) turns it `held` with that reason; moderators are exempt, and a held post is already
 * awaiting review. firestore.rules (post update, "author edits") demands the same.
 */
export function editHoldReason(
  settings: Pick<CommunitySettings, 'bannedWords'> & Partial<Pick<CommunitySettings, 'moderation' | 'holdFirstPosts'>>,
  moderator: boolean,
  status: Post['status'],
  body: string,
  authorPostCount = Number.POSITIVE_INFINITY,
): HoldReason | null {
  if (moderator || status !== 'visible') return null;
  // Issue 11: in 'all' mode, and in 'first-posts' while the author is new (`authorPostCount` as for
  // initialPostStatus), an edit is unreviewed text too.
  return contentHoldReason(body, settings.bannedWords)
    ?? (settings.moderation === 'all' ? 'moderation'
      : settings.moderation === 'first-posts' && authorPostCount < (settings.holdFirstPosts ?? 0) ? 'first-posts' : null);
}

// Avatars live in the domain (one hue on every store); re-exported for existing callers.
export {defaultAvatarHue, validateAvatarHue} from './domain/avatars.js';

export function parseThreadCursor(cursor: string): {lastActivityAt: number; id: string} {
  const m = /^(\d+)_([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (!m) throw invalid('cursor', 'cursor is not one this store made.');
  return {lastActivityAt: Number(m[1]), id: m[2]};
}

// Per-member write limits (issue 7) -------------------------------------------------------------
// firestore.rules (limits/{uid}) enforces the same: a post no sooner than settings.postIntervalSeconds
// after the member's previous one, at most settings.reportsPerHour reports per one-hour window.

/** What a charity should set on a new community (missing settings mean no limit). */
export const RECOMMENDED_RATE_LIMITS = {postIntervalSeconds: 10, reportsPerHour: 10} as const;
/** The report window, in ms. */
export const REPORT_WINDOW_MS = 3600_000;

const EMPTY_LIMITS: MemberLimits = {lastPostAt: null, lastPost: null, reportWindowStart: null, reportCount: 0, lastReportId: null};

/** The community's post interval in ms (0 = none). */
export function postIntervalMs(settings: Pick<CommunitySettings, 'postIntervalSeconds'>): number {
  const s = settings.postIntervalSeconds;
  return typeof s === 'number' && s > 0 ? s * 1000 : 0;
}

/** The community's hourly report cap (0 = none). */
export function reportCap(settings: Pick<CommunitySettings, 'reportsPerHour'>): number {
  const n = settings.reportsPerHour;
  return typeof n === 'number' && n > 0 ? n : 0;
}

/** "1 second", "2 minutes": how long to wait, rounded up. */
function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/** The `rate-limited` error for a post `waitMs` too soon. */
export function postTooSoon(waitMs: number): KindredError {
  return new KindredError('rate-limited', `You posted a moment ago: wait ${waitText(waitMs)} before posting again.`);
}

/** The `rate-limited` error for a report beyond the hourly cap. */
export function tooManyReports(cap: number, waitMs: number): KindredError {
  return new KindredError('rate-limited',
    `You have sent ${cap} reports in the last hour: wait ${waitText(waitMs)} before sending another. For an emergency, call 999.`);
}

/**
 * The limits record after a post (`postPath` = `threadId/postId`), or null when the community sets no
 * interval (nothing to write). Throws `rate-limited` when the previous post was too recent.
 */
export function nextPostLimits(current: MemberLimits | null, settings: Pick<CommunitySettings, 'postIntervalSeconds'>, now: number, postPath: string): MemberLimits | null {
  const interval = postIntervalMs(settings);
  if (!interval) return null;
  const base = current ?? EMPTY_LIMITS;
  if (base.lastPostAt !== null && now < base.lastPostAt + interval) throw postTooSoon(base.lastPostAt + interval - now);
  return {...base, lastPostAt: now, lastPost: postPath};
}

/**
 * The limits record after a report, or null when the community sets no cap. Throws `rate-limited`
 * when the member has filed `reportsPerHour` reports in the current hour.
 */
export function nextReportLimits(current: MemberLimits | null, settings: Pick<CommunitySettings, 'reportsPerHour'>, now: number, reportId: string): MemberLimits | null {
  const cap = reportCap(settings);
  if (!cap) return null;
  const base = current ?? EMPTY_LIMITS;
  if (base.reportWindowStart === null || now >= base.reportWindowStart + REPORT_WINDOW_MS) {
    return {...base, reportWindowStart: now, reportCount: 1, lastReportId: reportId};
  }
  if (base.reportCount >= cap) throw tooManyReports(cap, base.reportWindowStart + REPORT_WINDOW_MS - now);
  return {...base, reportCount: base.reportCount + 1, lastReportId: reportId};
}

// Issue 11: holes closed in the rules, decided here for both stores -----------------------------------

/**
 * Whether a thread's status lets this reader see it (firestore.rules threadShown): a hidden or deleted
 * thread is for moderators only, by id too; a held one (its first post or title awaits review) for its
 * author and moderators.
 */
export function threadShown(r: Reader, thread: Partial<Pick<Thread, 'status' | 'authorId'>>): boolean {
  const status = thread.status ?? 'visible';
  return status === 'visible' || readerIsModerator(r) || (status === 'held' && !!r.user && thread.authorId === r.user.uid);
}

/** Uids no account may act as: the placeholder an erased member's posts carry (store.ts FORMER_MEMBER). */
export const RESERVED_UIDS: readonly string[] = ['former-member'];

/** Refuses a session whose uid is reserved (a custom token can name any uid). */
export function assertUsableUid(uid: string): void {
  if (RESERVED_UIDS.includes(uid)) {
    throw new KindredError('permission-denied', 'This account id is reserved by the community software: sign in with another account.');
  }
}

/**
 * A new hub thread's id: `k_…` belongs to page threads (threadIdForKey) and `c_…` to the private thread of
 * a connection, so neither can be taken by a thread of another kind (firestore.rules validNewThread).
 */
export function validateNewThreadId(threadId: string, key: string | null): string {
  if (key === null && /^[ck]_/.test(threadId)) {
    throw invalid('threadId', 'Thread ids starting "c_" or "k_" are reserved for private conversations and page threads: use store.newId().');
  }
  return threadId;
}

/**
 * A new thread's status and the hold its first post gets from the title (firestore.rules validNewThread):
 * a title that would hold a post (contact details, more than two links, a banned word) holds the first
 * post and the thread; a hub thread (key null) whose first post is held is held too, so its title is not
 * listed before review. A page thread's title comes from the host page and other visitors must still be
 * able to post under it, so it stays visible unless its own title holds. Moderators are never held.
 */
export function newThreadStatus(
  settings: Pick<CommunitySettings, 'bannedWords'>,
  moderator: boolean,
  key: string | null,
  title: string,
  postStatus: 'visible' | 'held',
): {status: 'visible' | 'held'; titleHold: HoldReason | null} {
  const titleHold = moderator ? null : contentHoldReason(title, settings.bannedWords);
  const held = titleHold !== null || (key === null && postStatus === 'held');
  return {status: held ? 'held' : 'visible', titleHold};
}

/** A private thread takes posts, edits and reactions only while its connection is accepted (firestore.rules peerOpen). */
export function peerThreadOpen(thread: Pick<Thread, 'participants'>, connectionStatus: string | null | undefined): boolean {
  return thread.participants === null || connectionStatus === 'accepted';
}

/** The connection id of a private thread's participants (`${a}_${b}`, in stored order). */
export const peerConnectionId = (participants: readonly string[]) => `${participants[0]}_${participants[1]}`;

/** sanctions/{uid}: what outlives a member's own erasure (docs/privacy.md). No name, no text, no reason. */
export interface Sanction {
  suspendedUntil: number;
  at: number;
}

/** Whether a sanctions record still refuses joining (firestore.rules sanctioned()). */
export const sanctionActive = (s: Sanction | null, now: number) => !!s && s.suspendedUntil > now;

/** The refusal a still-sanctioned uid gets on joining. */
export function sanctionedError(s: Sanction): KindredError {
  return new KindredError('permission-denied',
    `This account is suspended in this community until ${new Date(s.suspendedUntil).toISOString()}: you cannot join again until then.`);
}

/** The sanctions record erasure must keep: a suspension still running at `now`, or null. */
export function sanctionOnErasure(roles: RoleRecord | null, now: number): Sanction | null {
  return roles && isSuspended(roles, now) ? {suspendedUntil: roles.suspendedUntil!, at: now} : null;
}

/**
 * Profiles and connection messages have no "held for review" state, so text that would hold a post
 * (contact details, more than two links, a banned word) is refused there instead (firestore.rules
 * profileHold / validConnection). The profile's public text is checked as one: pseudonym, bio and tags,
 * one a line, so links spread over fields still count together. Returns the field at fault, or null.
 */
export function profileTextFault(profile: Pick<MemberProfile, 'pseudonym' | 'bio' | 'tags'>, bannedWords: readonly string[]): 'pseudonym' | 'bio' | 'tags' | null {
  if (!contentHoldReason([profile.pseudonym, profile.bio, ...profile.tags].join('\n'), bannedWords)) return null;
  if (contentHoldReason(profile.pseudonym, bannedWords)) return 'pseudonym';
  if (contentHoldReason(profile.tags.join('\n'), bannedWords)) return 'tags';
  return 'bio';
}

/** The `invalid-argument` error for profile or message text that would be held in a post. */
export function unheldTextError(field: string, reason: HoldReason): KindredError {
  const what = reason === 'contact-details' ? 'contact details (an email address or a phone number)'
    : reason === 'links' ? `more than ${MAX_LINKS} links` : 'a word this community does not allow';
  return invalid(field, `${field} cannot contain ${what}: it is shown without review. Share contact details in a private conversation once you are connected, or ask a moderator.`);
}

/** Checks a profile's public text; throws `invalid-argument` naming the field. */
export function assertProfileText(profile: Pick<MemberProfile, 'pseudonym' | 'bio' | 'tags'>, bannedWords: readonly string[]): void {
  const field = profileTextFault(profile, bannedWords);
  if (!field) return;
  const text = field === 'tags' ? profile.tags.join('\n') : profile[field];
  throw unheldTextError(field, contentHoldReason(text, bannedWords) ?? contentHoldReason([profile.pseudonym, profile.bio, ...profile.tags].join('\n'), bannedWords)!);
}

/** Checks a connection request's message; throws `invalid-argument` (field `message`). */
export function assertMessageText(message: string, bannedWords: readonly string[]): void {
  const reason = contentHoldReason(message, bannedWords);
  if (reason) throw unheldTextError('message', reason);
}

/** settings.requireEmailSignIn: an anonymous account may read but not join, post or ask to connect. */
export function assertSignInAccepted(settings: Pick<CommunitySettings, 'requireEmailSignIn'>, user: SessionUser, doing: string): void {
  if (settings.requireEmailSignIn === true && user.anonymous) {
    throw new KindredError('permission-denied', `This community asks members to sign in with an email link before they ${doing}: sign in with your email address, then try again.`);
  }
}
