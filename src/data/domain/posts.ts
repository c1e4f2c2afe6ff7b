// Posts and holds (issue 13), written once for both stores: given the documents a write reads, the
// documents it writes — or a typed KindredError. LocalStore turns the answer into a write list
// (local/engine.ts), FirebaseStore into one batch (firebase/firebase-store.ts: server times, counts as
// increments, the held-post queue marker and audience count only the Firestore layout has).
//
// A store passes what it has read. A field left `undefined` was not read: FirebaseStore's quick paths
// (issue 16: a post is two reads and a commit) leave the thread, parent, limits and the like to
// firestore.rules, which refuse what the domain would; the store then takes its checked path, which
// reads them and asks here again, so the member is told what was wrong.
//
// "Hold first N posts" has one meaning on every store: a member's posts are held until moderators have
// approved N of them. The count is members/{uid}.approvedPosts on Firestore (moved only by a moderator's
// approve batch; firestore.rules reads it) and approvedPosts/{uid} in LocalStore.
import {KindredError} from '../errors.js';
import {findCrisisWording, hasCrisisWording, type CrisisKind} from '../crisis.js';
import {guidelinesChanged, mustAgreeAgain} from '../guidelines.js';
import {editVersion} from './edit-version.js';
import {
  DEFAULT_REACTIONS, LIMITS, assertSignInAccepted, editHoldReason, initialPostStatus, isModerator, isPeerThreadId, newId,
  newThreadStatus, nextPostLimits, nextReportLimits, peerThreadOpen, postIntervalMs, threadIdForKey, validateId,
  validateNewThreadId, validatePostBody, validateReactionKind, validateReportReason, validateText, validateThreadTitle,
} from '../policy.js';
import type {CreatePostInput, ReportInput} from '../store.js';
import type {
  CommunitySettings, MemberLimits, MemberProfile, Post, PrivateRecord, ReactionKind, Report, RoleRecord, SessionUser, Thread,
} from '../types.js';
import {denied, gone, invalid, requireWriter, signedIn} from './access.js';
import {
  membersOnlyDelta, newPostAudience, validateAudience, validateWarning, withSafety, type ContentWarning, type PostAudience,
} from './safety.js';

/** A stored approval count; missing, negative or malformed counts as none. */
export function approvedPostCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** Who is writing, as every post decision needs it: the signed-in user, their member document and roles. */
export interface Writer {
  user: SessionUser | null;
  member: MemberProfile | null;
  roles: RoleRecord | null;
  now: number;
}

/** A private thread's participants only (a moderator reads a reported one, as firestore.rules readable()). */
function assertThreadWritable(uid: string, thread: Pick<Thread, 'participants'>, moderator: boolean, reported: boolean | undefined): void {
  if (thread.participants && !thread.participants.includes(uid) && !(moderator && (reported ?? true))) {
    throw denied('This is a private conversation between two members.');
  }
}

/** Issue 11: a private thread whose connection was ended or blocked takes no more writes (firestore.rules peerOpen). */
function assertPeerOpen(thread: Pick<Thread, 'participants'>, connectionStatus: string | null | undefined): void {
  if (connectionStatus !== undefined && !peerThreadOpen(thread, connectionStatus)) {
    throw denied('This conversation has ended: neither of you can write in it any more.');
  }
}

// createPost --------------------------------------------------------------------------------------

/** createPost's input, checked without any document. */
export interface CheckedPost {
  id: string;
  threadId: string;
  body: string;
  parentId: string | null;
  warning: ContentWarning | null;
  /** The audience the author chose (a reply may still be closed by its parent: newPostAudience). */
  audience: PostAudience;
  /** The thread to start with this post, when asked for. */
  newThread: {key: string | null; title: string} | null;
}

/** Checks createPost's input; throws invalid-argument naming the field. */
export function checkPostInput(input: CreatePostInput): CheckedPost {
  if (!input || typeof input !== 'object') throw invalid('input', 'createPost needs an id, a threadId and a body.');
  const id = validateId('id', input.id);
  const threadId = validateId('threadId', input.threadId);
  const body = validatePostBody(input.body);
  const parentId = input.parentId == null ? null : validateId('parentId', input.parentId);
  if (parentId === id) throw invalid('parentId', 'a post cannot reply to itself.');
  const warning = validateWarning(input.warning);
  const audience = validateAudience(input.audience);
  let newThread: CheckedPost['newThread'] = null;
  if (input.createThread) {
    const key = input.createThread.key == null ? null : validateText('key', input.createThread.key, {min: 1, max: LIMITS.threadKey});
    if (key !== null && threadIdForKey(key) !== threadId) {
      throw invalid('threadId', `A page-keyed thread's id must be threadIdForKey(key) ("${threadIdForKey(key)}").`);
    }
    const title = validateThreadTitle(input.createThread.title);
    validateNewThreadId(threadId, key);
    newThread = {key, title};
  }
  return {id, threadId, body, parentId, warning, audience, newThread};
}

/** What createPost reads. `undefined`: not read (the quick path), left to firestore.rules. */
export interface PostState extends Writer {
  settings: CommunitySettings;
  /** The author's approval count ('first-posts'). */
  approvedPosts: number;
  /** A post already stored under this id (a retried write). */
  existing?: Pick<Post, 'authorId'> | null;
  /** The author's private record (issue 14: guidelines agreed to). */
  privateRecord?: Pick<PrivateRecord, 'guidelines'> | null;
  thread?: Thread | null;
  /** Whether a participant reported a post in this private thread (it is then open to moderators). */
  reported?: boolean;
  /** The status of a private thread's connection (null: none). */
  connectionStatus?: string | null;
  parent?: Pick<Post, 'parentId'> & {audience?: unknown} | null;
  limits?: MemberLimits | null;
  /** Issue 17: the community's thread counts are kept by the counting function (domain/thread-counts.ts): a post does not move them. */
  countsKeptByServer?: boolean;
}

/** What a new post writes. */
export interface PostWrite {
  kind: 'write';
  /** The post as the stores hand it out (warning and audience only when set: withSafety). */
  post: Post;
  warning: ContentWarning | null;
  audience: PostAudience;
  /** Held for review: listed in the moderators' queue. */
  held: boolean;
  /** The thread started with this post (postCount 1 when the post is visible, else 0), or a visible post's bump (postCount + 1, lastActivityAt now; none when the server keeps the counts, issue 17). */
  thread: {create: Thread} | {bump: true} | null;
  /** The author's limits record after this post (null: the community sets no interval); undefined when not read. */
  limits?: MemberLimits | null;
  /** Whether this community paces posts (the limits record must move with the post). */
  paced: boolean;
  /** Crisis wording found in the body: flagged where only moderators read it (issue 18). */
  crisis: CrisisKind[];
  /** How far the thread's members-only count moves (issue 18). */
  membersOnly: number;
}

/** A retried write whose first attempt landed: the stored post is the answer. */
export interface PostStored {kind: 'stored'}

/** The decision for a new post. */
export function decideCreatePost(p: CheckedPost, s: PostState): PostWrite | PostStored {
  signedIn(s.user, 'post');
  const {user, me} = requireWriter(s, 'post');
  assertSignInAccepted(s.settings, user, 'post');
  if (s.existing) {
    if (s.existing.authorId === user.uid) return {kind: 'stored'};
    throw new KindredError('already-exists', 'A post with this id already exists: make a new id with store.newId().', 'id');
  }
  // Issue 14: after a guidelines version bump, the member agrees again first (firestore.rules guidelinesAgreed).
  if (s.privateRecord !== undefined && mustAgreeAgain(s.privateRecord, s.settings)) throw guidelinesChanged(s.settings.guidelinesVersion);
  const moderator = isModerator(s.roles);
  // Without the thread read, the input says whether it exists (firestore.rules check it).
  const startsThread = s.thread === undefined ? !!p.newThread : !s.thread;
  if (s.thread) {
    assertThreadWritable(user.uid, s.thread, moderator, s.reported);
    if (s.thread.status !== 'visible') throw denied('This conversation is closed to new posts.');
    assertPeerOpen(s.thread, s.connectionStatus);
  } else if (startsThread && !p.newThread) {
    throw new KindredError('not-found', `Thread ${p.threadId} does not exist: pass createThread to start it with this post.`, 'threadId');
  }
  if (p.parentId && s.parent !== undefined) {
    if (!s.parent) throw invalid('parentId', 'The post you are replying to is not in this thread.');
    if (s.parent.parentId !== null) throw invalid('parentId', 'Replies are one level deep: reply to the top-level post instead.');
  }
  // Rate limit (firestore.rules limits/{uid}): throws rate-limited with how long to wait.
  const limits = s.limits === undefined ? undefined : nextPostLimits(s.limits, s.settings, s.now, `${p.threadId}/${p.id}`);

  let {status, statusReason} = initialPostStatus(s.settings, moderator, s.approvedPosts, p.body, hasCrisisWording(p.body));
  let thread: PostWrite['thread'] = null;
  if (startsThread) {
    // Issue 11: a new thread's title is held like a post body; a held hub thread is not listed before review.
    const t = newThreadStatus(s.settings, moderator, p.newThread!.key, p.newThread!.title, status);
    if (t.titleHold && status === 'visible') ({status, statusReason} = {status: 'held', statusReason: t.titleHold});
    thread = {create: {
      id: p.threadId, key: p.newThread!.key, title: p.newThread!.title, authorId: user.uid, authorName: me.pseudonym,
      createdAt: s.now, lastActivityAt: s.now, postCount: status === 'visible' ? 1 : 0, status: t.status, participants: null,
    }};
  } else if (status === 'visible' && !s.countsKeptByServer) thread = {bump: true};
  // Issue 18: the warning, and the audience (a reply is at least as closed as its parent).
  const audience = newPostAudience(p.audience, s.parent ?? null);
  const post = withSafety({
    id: p.id, threadId: p.threadId, body: p.body, authorId: user.uid, authorName: me.pseudonym, authorRelationship: me.relationship,
    authorAvatarUrl: me.avatarUrl, authorAvatarHue: me.avatarHue, authorBadges: [...me.badges], parentId: p.parentId,
    createdAt: s.now, editedAt: null, status, statusReason, reactions: DEFAULT_REACTIONS(),
  } as Post, p.warning, audience);
  return {
    kind: 'write', post, warning: p.warning, audience, held: status === 'held', thread, limits,
    paced: postIntervalMs(s.settings) > 0,
    crisis: [...new Set(findCrisisWording(p.body).map((f) => f.kind))],
    membersOnly: membersOnlyDelta(null, {audience, status}),
  };
}

/**
 * Whether a post decided without the checked path's documents may be written as it is (FirebaseStore's
 * quick path, issue 16): a visible post starting or bumping a visible thread in a community that does
 * not pace posts. Anything else is decided again with every document read.
 */
export function writableUnchecked(d: PostWrite | PostStored): d is PostWrite {
  return d.kind === 'write' && !d.held && !d.paced && (d.thread === null || !('create' in d.thread) || d.thread.create.status === 'visible');
}

/** A thread after a visible post bumped it (the store encodes the bump as it must: increment on Firestore). */
export const bumpedThread = (thread: Thread, now: number): Thread => ({...thread, postCount: thread.postCount + 1, lastActivityAt: now});

// editPost / deletePost -----------------------------------------------------------------------------

/** What an author's edit or delete reads. `undefined` as for PostState. */
export interface OwnPostState extends Writer {
  settings: CommunitySettings;
  approvedPosts: number;
  post: Pick<Post, 'authorId' | 'status'> & {audience?: unknown; version?: number} | null;
  thread?: Pick<Thread, 'participants'> | null;
  connectionStatus?: string | null;
  /** Issue 17 (fault): the version the editor started from; a different stored one is a `conflict`. */
  expectedVersion?: number;
}

/** An author's delete reads only the caller and the post. */
export type DeleteState = Writer & Pick<OwnPostState, 'post'>;

function ownPost(s: DeleteState, doing: string): {uid: string; post: NonNullable<OwnPostState['post']>} {
  const {user} = requireWriter(s, doing);
  if (!s.post) throw gone.post();
  if (s.post.authorId !== user.uid) throw denied(`Only the author can ${doing}.`);
  return {uid: user.uid, post: s.post};
}

/** What an edit writes: the post's changed fields, and whether it is held again. */
export interface EditWrite {
  patch: Pick<Post, 'body' | 'editedAt'> & Partial<Pick<Post, 'status' | 'statusReason' | 'version'>>;
  /** A visible post held again by its edit: listed in the moderators' queue. */
  heldAgain: boolean;
  membersOnly: number;
}

/**
 * An author's edit. An edit that adds what would hold a new post (contact details, links, a banned
 * word; in 'all' and new-member 'first-posts' mode any edit) holds the post again (issues 7, 11).
 */
export function decideEdit(body: string, s: OwnPostState): EditWrite {
  signedIn(s.user, 'edit');
  const {post} = ownPost(s, 'edit this post');
  if (post.status !== 'visible' && post.status !== 'held') {
    throw denied(post.status === 'deleted' ? 'This post was deleted and cannot be edited.' : 'A moderator hid this post; it cannot be edited.');
  }
  if (s.thread) assertPeerOpen(s.thread, s.connectionStatus);
  // Issue 17 (fault): edited meanwhile (another tab or device) → `conflict`, never a silent overwrite.
  const version = editVersion(post.version, s.expectedVersion);
  const reason = editHoldReason(s.settings, isModerator(s.roles), post.status, body, s.approvedPosts);
  if (!reason) return {patch: {body, editedAt: s.now, version}, heldAgain: false, membersOnly: 0};
  return {
    patch: {body, editedAt: s.now, status: 'held', statusReason: reason, version}, heldAgain: true,
    membersOnly: membersOnlyDelta({audience: post.audience, status: post.status}, {audience: post.audience, status: 'held'}),
  };
}

/** An author's delete: the placeholder's fields (replies keep their context), or null when already deleted. postCount stays: only moderators lower it. */
export function decideDelete(s: DeleteState): Pick<Post, 'body' | 'status' | 'statusReason'> | null {
  signedIn(s.user, 'delete');
  const {post} = ownPost(s, 'delete this post');
  if (post.status === 'deleted') return null;
  if (post.status === 'hidden') throw denied('A moderator hid this post; ask a moderator to remove it.');
  return {body: '', status: 'deleted', statusReason: null};
}

// Reactions ---------------------------------------------------------------------------------------

/** What a reaction reads: whether the member's reaction is there; the rest `undefined` when not read. */
export interface ReactionState {
  user: SessionUser | null;
  /** The caller as the guards see them; undefined when not read (the rules check membership). */
  writer?: Writer;
  has: boolean;
  post?: Pick<Post, 'status' | 'reactions'> | null;
  thread?: Pick<Thread, 'participants'> | null;
  reported?: boolean;
  connectionStatus?: string | null;
}

/** Checks a reaction's arguments. */
export function checkReaction(threadId: string, postId: string, kind: ReactionKind, on: boolean): {threadId: string; postId: string; kind: ReactionKind; on: boolean} {
  const tid = validateId('threadId', threadId);
  const pid = validateId('postId', postId);
  const k = validateReactionKind(kind);
  if (typeof on !== 'boolean') throw invalid('on', 'on must be true or false.');
  return {threadId: tid, postId: pid, kind: k, on};
}

/** A reaction: the count's move (+1 / -1), or null when the member's reaction already is as asked. */
export function decideReaction(on: boolean, s: ReactionState): {delta: 1 | -1; reactions?: Post['reactions']} | null {
  const user = signedIn(s.user, 'react');
  if (s.writer) requireWriter(s.writer, 'react');
  const moderator = s.writer ? isModerator(s.writer.roles) : false;
  if (s.thread) assertThreadWritable(user.uid, s.thread, moderator, s.reported);
  if (s.post === null) throw gone.post();
  if (s.post && s.post.status !== 'visible') throw denied('Reactions are only for visible posts.');
  if (s.thread) assertPeerOpen(s.thread, s.connectionStatus);
  if (s.has === on) return null;
  const delta = on ? 1 : -1;
  if (!s.post) return {delta};
  return {delta, reactions: {...DEFAULT_REACTIONS(), ...s.post.reactions}};
}

/** The counts after a reaction, never below zero (LocalStore writes the whole map). */
export function reactionsAfter(reactions: Post['reactions'], kind: ReactionKind, delta: 1 | -1): Post['reactions'] {
  const out = {...DEFAULT_REACTIONS(), ...reactions};
  out[kind] = Math.max(0, out[kind] + delta);
  return out;
}

// Reports -----------------------------------------------------------------------------------------

/** A report's input, checked. */
export function checkReport(input: ReportInput): {id: string; target: Report['target']; reason: Report['reason']; details: string} {
  if (!input || typeof input !== 'object') throw invalid('input', 'report needs a target and a reason.');
  const id = input.id === undefined || input.id === '' ? newId() : validateId('id', input.id);
  const reason = validateReportReason(input.reason);
  const details = validateText('details', input.details ?? '', {max: LIMITS.reportDetails});
  const t = input.target as Record<string, unknown> | null | undefined;
  let target: Report['target'];
  if (t?.kind === 'post') target = {kind: 'post', threadId: validateId('threadId', t.threadId), postId: validateId('postId', t.postId)};
  else if (t?.kind === 'profile') target = {kind: 'profile', uid: validateText('uid', t.uid, {min: 1, max: 128})};
  else throw invalid('target', 'target must be {kind: "post", threadId, postId} or {kind: "profile", uid}.');
  return {id, target, reason, details};
}

/** What a report reads; `undefined` as for PostState. */
export interface ReportState {
  user: SessionUser | null;
  writer?: Writer;
  settings: CommunitySettings | null;
  existing?: Report | null;
  limits?: MemberLimits | null;
  /** A post target in a private thread: that thread's participants (null: no such thread). */
  peerThread?: Pick<Thread, 'participants'> | null;
}

export type ReportDecision =
  | {kind: 'stored'; report: Report}
  | {kind: 'write'; report: Report; limits: MemberLimits | null | undefined; openThread: string | null};

/** A report: the report, the reporter's limits record, and the private thread it opens to moderators. */
export function decideReport(r: ReturnType<typeof checkReport>, s: ReportState, now: number): ReportDecision {
  const uid = signedIn(s.user, 'report').uid;
  if (s.writer) requireWriter(s.writer, 'report');
  if (s.existing) {
    if (s.existing.reporterId === uid) return {kind: 'stored', report: s.existing};
    throw new KindredError('already-exists', 'A report with this id already exists: omit the id or make a new one.', 'id');
  }
  const report: Report = {id: r.id, target: r.target, reason: r.reason, details: r.details, reporterId: uid, createdAt: now, status: 'open'};
  // Rate limit (firestore.rules limits/{uid}): throws rate-limited with how long to wait.
  const limits = s.limits === undefined || !s.settings ? undefined : nextReportLimits(s.limits, s.settings, now, r.id);
  // A report about a post in a private peer thread opens it to moderators (only a participant can).
  let openThread: string | null = null;
  if (r.target.kind === 'post' && isPeerThreadId(r.target.threadId)) {
    if (s.peerThread !== undefined && !s.peerThread?.participants?.includes(uid)) throw denied('This is a private conversation between two members.');
    openThread = r.target.threadId;
  }
  return {kind: 'write', report, limits, openThread};
}
