// LocalStore's rules: every read and write as a pure function of the documents, the signed-in user
// and the time. They decide what firestore.rules decides (through the shared helpers in policy.ts),
// so the contract suite passes against both stores.
import {guidelinesChanged, mustAgreeAgain} from '../guidelines.js';
import {editVersion} from '../domain/edit-version.js';
import {findCrisisWording, hasCrisisWording} from '../crisis.js';
import {modPaths} from './moderation.js';
import {KindredError} from '../errors.js';
import {
  LIMITS, canEditFounderStory, canReadCommunityContent, canReadCommunityDoc, canReadThread, clampLimit,
  compareThreads, comparePosts, defaultAvatarHue, initialPostStatus, isHubThread, isSuspended, listedInThread, newId, parsePostCursor,
  parseThreadCursor, postCursor, postForReader, readerIsModerator, threadCursor, threadIdForKey, validateAvatarHue,
  validateFounderStory, validateHttpsUrl, validateId, validatePostBody, validatePseudonym, validateReactionKind,
  validateRelationship, validateReportReason, validateTags, validateText, validateThreadTitle, DEFAULT_REACTIONS,
  isPeerThreadId, nextPostLimits, nextReportLimits, editHoldReason, type Reader,
  assertProfileText, assertSignInAccepted, assertUsableUid, newThreadStatus, peerConnectionId, peerThreadOpen, sanctionActive, sanctionedError, validateNewThreadId,
} from '../policy.js';
import type {CreatePostInput, FounderStoryInput, JoinInput, PageOptions, ProfilePatch, ReportInput} from '../store.js';
import type {
  Community, MemberProfile, Page, Post, PrivateRecord, ReactionKind, Report, RoleRecord, SessionUser, Thread,
} from '../types.js';
import {Db, paths, type Write} from './docs.js';
import {placeProfilePatch} from '../domain/members.js';
import {audienceAllows, newPostAudience, validateWarning, withSafety} from '../domain/safety.js';
import {gone, requireSignedIn, requireWriter as requireWriterOf} from '../domain/access.js';

export interface Ctx {
  user: SessionUser | null;
  now: number;
}

type Result<T> = {result: T; writes: Write[]};

const denied = (message: string) => new KindredError('permission-denied', message);
const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

function reader(db: Db, user: SessionUser | null): Reader {
  return {user, isMember: !!user && !!db.member(user.uid), roles: user ? db.roles(user.uid) : null};
}

function requireCommunity(db: Db): Community {
  const community = db.community();
  if (!community) {
    throw new KindredError('not-found',
      'This community has no data in this browser: it was erased, or its seed has no community. Reload the page to start a new preview.');
  }
  return community;
}

/** Threads, posts and reactions: public, or members only. */
function requireContent(db: Db, ctx: Ctx): {community: Community; r: Reader} {
  const community = requireCommunity(db);
  const r = reader(db, ctx.user);
  if (!canReadCommunityContent(community.settings.visibility, r)) {
    throw denied(ctx.user
      ? 'This community is for members only: join it to read its conversations.'
      : 'This community is for members only: sign in and join it to read its conversations.');
  }
  return {community, r};
}

/** A member in good standing; `doing` completes "before you …" in the messages. */
function requireWriter(db: Db, ctx: Ctx, doing: string): {community: Community; r: Reader; user: SessionUser; me: MemberProfile} {
  requireSignedIn(ctx.user, doing);
  const community = requireCommunity(db);
  const r = reader(db, ctx.user);
  const {user, me} = requireWriterOf({user: ctx.user, member: db.member(ctx.user!.uid), roles: r.roles, now: ctx.now}, doing);
  return {community, r, user, me};
}

// Reads -----------------------------------------------------------------------------------------

export function readCommunity(db: Db, ctx: Ctx): Community | null {
  const community = db.community();
  if (!community) return null;
  if (!canReadCommunityDoc(community.settings.visibility, reader(db, ctx.user))) {
    throw denied('This community is for members only: sign in to see it and join.');
  }
  return community;
}

export function getMember(db: Db, ctx: Ctx, uid: string): MemberProfile | null {
  // Your own profile (or its absence) is always yours to read.
  if (ctx.user && uid === ctx.user.uid) return db.member(uid);
  if (!reader(db, ctx.user).isMember) throw denied('Only members can see member profiles: join the community first.');
  return db.member(uid);
}

export const readMe = (db: Db, ctx: Ctx): MemberProfile | null => (ctx.user ? db.member(ctx.user.uid) : null);

export const readPrivate = (db: Db, ctx: Ctx): PrivateRecord | null => (ctx.user ? db.private(ctx.user.uid) : null);

export function getRoles(db: Db, ctx: Ctx, uid: string): RoleRecord | null {
  if (!ctx.user) throw denied('Sign in to see roles.');
  if (uid !== ctx.user.uid && !readerIsModerator(reader(db, ctx.user))) throw denied('Only moderators can see other members’ roles.');
  return db.roles(uid);
}

export function listThreads(db: Db, ctx: Ctx, options: PageOptions = {}): Page<Thread> {
  requireContent(db, ctx);
  const limit = clampLimit(options.limit);
  let threads = db.threads().filter(isHubThread).sort(compareThreads);
  if (options.cursor) {
    const after = parseThreadCursor(options.cursor);
    threads = threads.filter((t) => compareThreads(t, after) > 0);
  }
  const items = threads.slice(0, limit);
  return {items, next: threads.length > limit ? threadCursor(items[items.length - 1]) : null};
}

export function getThread(db: Db, ctx: Ctx, threadId: string): Thread | null {
  validateId('threadId', threadId);
  const {community, r} = requireContent(db, ctx);
  const thread = db.thread(threadId);
  if (thread && !canReadThread(community.settings.visibility, r, thread, db.reported(threadId))) throw denied('This is a private conversation between two members.');
  return thread;
}

/** Posts of a thread the reader may see, oldest first (placeholders without body). */
function visiblePosts(db: Db, ctx: Ctx, threadId: string): Post[] {
  validateId('threadId', threadId);
  const {community, r} = requireContent(db, ctx);
  const thread = db.thread(threadId);
  // A page-keyed thread that does not exist yet reads as empty, not as an error.
  if (thread && !canReadThread(community.settings.visibility, r, thread, db.reported(threadId))) throw denied('This is a private conversation between two members.');
  // Issue 18: a reader who is not a member receives only posts shared with everyone.
  return db.posts(threadId).filter((p) => listedInThread(r.user, p) && audienceAllows(r.isMember, p)).map(postForReader).map((p) => withCurrentBadges(db, p)).sort(comparePosts);
}

/**
 * Issue 12: a post shows its author's badges as they are now (the member profile's, which every role change
 * keeps equal to roles/{uid}), not the copy the post took when written; FirebaseStore reads the same from
 * the public badges/{uid} projection.
 */
function withCurrentBadges(db: Db, post: Post): Post {
  const now = db.member(post.authorId)?.badges;
  return now && (now.length !== post.authorBadges.length || now.some((r, i) => post.authorBadges[i] !== r)) ? {...post, authorBadges: [...now]} : post;
}

export function watchPosts(db: Db, ctx: Ctx, threadId: string, limit: number): Post[] {
  const n = clampLimit(limit);
  const posts = visiblePosts(db, ctx, threadId);
  return posts.slice(Math.max(0, posts.length - n));
}

export function listOlderPosts(db: Db, ctx: Ctx, threadId: string, options: {cursor: string; limit?: number}): Page<Post> {
  const limit = clampLimit(options.limit);
  const before = parsePostCursor(options.cursor);
  const older = visiblePosts(db, ctx, threadId).filter((p) => comparePosts(p, before) < 0);
  const items = older.slice(Math.max(0, older.length - limit));
  return {items, next: older.length > limit ? postCursor(items[0]) : null};
}

export function myReactions(db: Db, ctx: Ctx, threadId: string): Set<string> {
  validateId('threadId', threadId);
  if (!ctx.user) return new Set();
  requireContent(db, ctx);
  const uid = ctx.user.uid;
  return new Set(db.reactionsIn(threadId).filter((r) => r.uid === uid).map((r) => `${r.postId}:${r.kind}`));
}

// Writes ----------------------------------------------------------------------------------------

export function updateFounderStory(db: Db, ctx: Ctx, story: FounderStoryInput): Result<void> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in as the founder or an admin to change the founder story.');
  const valid = validateFounderStory(story);
  const {community, r, user} = requireWriter(db, ctx, 'change the founder story');
  if (!canEditFounderStory(r.roles)) throw denied('Only the founder or an admin can change the founder story.');
  return {
    result: undefined,
    writes: [[paths.community, {...community, founderStory: {...valid, approvedBy: user.uid, approvedAt: ctx.now}}]],
  };
}

export function join(db: Db, ctx: Ctx, input: JoinInput): Result<MemberProfile> {
  const user = ctx.user;
  if (!user) throw new KindredError('unauthenticated', 'Sign in first (session.signInAnonymously() needs no email), then join.');
  if (!input || typeof input !== 'object') throw invalid('input', 'join needs a pseudonym, relationship and the guidelines version.');
  const community = requireCommunity(db);
  if (db.member(user.uid)) throw new KindredError('already-exists', 'You are already a member of this community.');
  if (isSuspended(db.roles(user.uid), ctx.now)) throw denied('Your membership is suspended: you cannot join again until the suspension ends.');
  // Issue 11: a reserved uid never joins; a suspension kept through erasure still refuses joining.
  assertUsableUid(user.uid);
  const sanction = db.sanction(user.uid);
  if (sanctionActive(sanction, ctx.now)) throw sanctionedError(sanction!);
  assertSignInAccepted(community.settings, user, 'join');
  const pseudonym = validatePseudonym(input.pseudonym);
  const relationship = validateRelationship(input.relationship);
  const avatarUrl = input.avatarUrl == null || input.avatarUrl === '' ? null : validateHttpsUrl('avatarUrl', input.avatarUrl);
  const avatarHue = input.avatarHue === undefined ? defaultAvatarHue(user.uid) : validateAvatarHue(input.avatarHue);
  const {guidelinesVersion, consentVersion} = community.settings;
  if (input.guidelinesVersion !== guidelinesVersion) {
    throw invalid('guidelinesVersion',
      `The community guidelines are now version ${guidelinesVersion} (you accepted ${String(input.guidelinesVersion)}): show the current guidelines and ask again.`);
  }
  if (input.healthConsentVersion !== null && input.healthConsentVersion !== consentVersion) {
    throw invalid('healthConsentVersion',
      `The health-information consent text is now version ${consentVersion}: show it again, or pass null when consent is not given.`);
  }
  const member: MemberProfile = {
    uid: user.uid, pseudonym, pseudonymLower: pseudonym.toLowerCase(), avatarUrl, avatarHue, relationship,
    bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: ctx.now,
  };
  assertProfileText(member, community.settings.bannedWords);
  const record: PrivateRecord = {
    uid: user.uid,
    guidelines: {version: guidelinesVersion, at: ctx.now},
    healthConsent: input.healthConsentVersion === null ? null : {version: consentVersion, at: ctx.now},
    fieldVisibility: {},
  };
  const writes: Write[] = [[paths.member(user.uid), member], [paths.private(user.uid), record]];
  // Issue 12: the first member of a local preview is its admin, so staff can try every screen
  // (roles, moderation, the founder story). Firestore communities get their admin from the owner.
  if (community.preview === true && !hasAnyMember(db)) {
    member.badges = ['admin'];
    writes.push([paths.roles(user.uid), {
      uid: user.uid, roles: ['admin'], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null,
      grantedBy: 'preview', updatedAt: ctx.now,
    } satisfies RoleRecord]);
  }
  return {result: member, writes};
}

function hasAnyMember(db: Db): boolean {
  for (const path of db.docs.keys()) if (path.startsWith('members/')) return true;
  return false;
}

const PROFILE_KEYS = ['pseudonym', 'avatarUrl', 'avatarHue', 'relationship', 'bio', 'tags', 'listed'] as const;

export function updateProfile(db: Db, ctx: Ctx, patch: ProfilePatch): Result<MemberProfile> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to change your profile.');
  if (!patch || typeof patch !== 'object') throw invalid('patch', 'updateProfile needs an object of the fields to change.');
  for (const key of Object.keys(patch)) {
    if (!(PROFILE_KEYS as readonly string[]).includes(key)) {
      throw invalid(key, key === 'badges' || key === 'clinicianScope'
        ? `${key} shows roles that only an admin can grant; it cannot be changed from a profile.`
        : `${key} cannot be changed; a profile update may change ${PROFILE_KEYS.join(', ')}.`);
    }
  }
  const next: Partial<MemberProfile> = {};
  if (patch.pseudonym !== undefined) {
    next.pseudonym = validatePseudonym(patch.pseudonym);
    next.pseudonymLower = next.pseudonym.toLowerCase();
  }
  if (patch.avatarUrl !== undefined) next.avatarUrl = patch.avatarUrl === null || patch.avatarUrl === '' ? null : validateHttpsUrl('avatarUrl', patch.avatarUrl);
  if (patch.avatarHue !== undefined) next.avatarHue = validateAvatarHue(patch.avatarHue);
  if (patch.relationship !== undefined) next.relationship = validateRelationship(patch.relationship);
  if (patch.bio !== undefined) next.bio = validateText('bio', patch.bio, {max: LIMITS.bio});
  if (patch.tags !== undefined) next.tags = validateTags(patch.tags);
  if (patch.listed !== undefined) {
    if (typeof patch.listed !== 'boolean') throw invalid('listed', 'listed must be true or false.');
    next.listed = patch.listed;
  }
  const {me, user, community} = requireWriter(db, ctx, 'change your profile');
  // A field the member keeps "only me" goes to their private record; the public profile keeps its blank.
  const record = db.private(user.uid);
  const placed = placeProfilePatch(me, record, {bio: next.bio, tags: next.tags});
  if (placed && record) {
    const updated = {...me, ...next, ...placed.profile};
    assertProfileText(updated, community.settings.bannedWords);
    return {result: updated, writes: [[paths.member(user.uid), updated], [paths.private(user.uid), {...record, kept: placed.kept}]]};
  }
  const updated = {...me, ...next};
  assertProfileText(updated, community.settings.bannedWords);
  return {result: updated, writes: [[paths.member(user.uid), updated]]};
}

export function createPost(db: Db, ctx: Ctx, input: CreatePostInput): Result<Post> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in and join the community before you post.');
  if (!input || typeof input !== 'object') throw invalid('input', 'createPost needs an id, a threadId and a body.');
  const id = validateId('id', input.id);
  const threadId = validateId('threadId', input.threadId);
  const body = validatePostBody(input.body);
  const parentId = input.parentId == null ? null : validateId('parentId', input.parentId);
  if (parentId === id) throw invalid('parentId', 'a post cannot reply to itself.');
  const warning = validateWarning(input.warning);
  const {community, r, user, me} = requireWriter(db, ctx, 'post');
  assertSignInAccepted(community.settings, user, 'post');

  // A retried write (same client-made id) returns what the first attempt stored: never a duplicate.
  const existing = db.post(threadId, id);
  if (existing) {
    if (existing.authorId === user.uid) return {result: postForReader(existing), writes: []};
    throw new KindredError('already-exists', 'A post with this id already exists: make a new id with store.newId().');
  }
  // Issue 14: after a guidelines version bump, the member agrees again first (firestore.rules guidelinesAgreed).
  if (mustAgreeAgain(db.private(user.uid), community.settings)) throw guidelinesChanged(community.settings.guidelinesVersion);

  const writes: Write[] = [];
  let thread = db.thread(threadId);
  if (thread) {
    if (!canReadThread(community.settings.visibility, r, thread, db.reported(threadId))) throw denied('This is a private conversation between two members.');
    if (thread.status !== 'visible') throw denied('This conversation is closed to new posts.');
    assertPeerOpen(db, thread);
  } else {
    if (!input.createThread) {
      throw new KindredError('not-found', `Thread ${threadId} does not exist: pass createThread to start it with this post.`);
    }
    const key = input.createThread.key == null ? null : validateText('key', input.createThread.key, {min: 1, max: LIMITS.threadKey});
    if (key !== null && threadIdForKey(key) !== threadId) {
      throw invalid('threadId', `A page-keyed thread's id must be threadIdForKey(key) ("${threadIdForKey(key)}").`);
    }
    const title = validateThreadTitle(input.createThread.title);
    validateNewThreadId(threadId, key);
    thread = {
      id: threadId, key, title, authorId: user.uid, authorName: me.pseudonym, createdAt: ctx.now, lastActivityAt: ctx.now,
      postCount: 0, status: 'visible', participants: null,
    };
  }
  if (parentId) {
    const parent = db.post(threadId, parentId);
    if (!parent) throw invalid('parentId', 'The post you are replying to is not in this thread.');
    if (parent.parentId !== null) throw invalid('parentId', 'Replies are one level deep: reply to the top-level post instead.');
  }

  let {status, statusReason} = initialPostStatus(community.settings, readerIsModerator(r), db.approvedPosts(user.uid), body, hasCrisisWording(body));
  if (!db.thread(threadId)) {
    // Issue 11: a new thread's title is held like a post body; a held hub thread is not listed before review.
    const t = newThreadStatus(community.settings, readerIsModerator(r), thread.key, thread.title, status);
    if (t.titleHold && status === 'visible') ({status, statusReason} = {status: 'held', statusReason: t.titleHold});
    thread = {...thread, status: t.status};
  }
  // Issue 18: the warning, and the audience (a reply is at least as closed as its parent).
  const audience = newPostAudience(input.audience, parentId ? db.post(threadId, parentId) : null);
  const post: Post = withSafety({
    id, threadId, body, authorId: user.uid, authorName: me.pseudonym, authorRelationship: me.relationship,
    authorAvatarUrl: me.avatarUrl, authorAvatarHue: me.avatarHue, authorBadges: [...me.badges], parentId,
    createdAt: ctx.now, editedAt: null, status, statusReason, reactions: DEFAULT_REACTIONS(),
  } as Post, warning, audience);
  // Rate limit (firestore.rules limits/{uid}): throws rate-limited with how long to wait.
  const limits = nextPostLimits(db.limits(user.uid), community.settings, ctx.now, `${threadId}/${id}`);
  if (limits) writes.push([paths.limits(user.uid), limits]);
  writes.push([paths.post(threadId, id), post]);
  // Issue 18: crisis wording is flagged where only moderators read it (as crisisFlags/ in firestore.rules).
  const crisis = [...new Set(findCrisisWording(body).map((f) => f.kind))];
  if (crisis.length) writes.push([modPaths.crisisFlag(threadId, id), {threadId, postId: id, authorId: user.uid, kinds: crisis, createdAt: ctx.now}]);
  if (status === 'visible') thread = {...thread, postCount: thread.postCount + 1, lastActivityAt: ctx.now};
  if (status === 'visible' || !db.thread(threadId)) writes.push([paths.thread(threadId), thread]);
  return {result: post, writes};
}

/** Issue 11: a private thread whose connection was ended or blocked takes no more writes (policy.peerThreadOpen). */
function assertPeerOpen(db: Db, thread: Thread): void {
  if (!peerThreadOpen(thread, thread.participants ? db.connectionStatus(peerConnectionId(thread.participants)) : null)) {
    throw denied('This conversation has ended: neither of you can write in it any more.');
  }
}

function ownPost(db: Db, ctx: Ctx, threadId: string, postId: string, doing: string): {post: Post} {
  validateId('threadId', threadId);
  validateId('postId', postId);
  const {user} = requireWriter(db, ctx, doing);
  const post = db.post(threadId, postId);
  if (!post) throw gone.post();
  if (post.authorId !== user.uid) throw denied(`Only the author can ${doing}.`);
  return {post};
}

export function editPost(db: Db, ctx: Ctx, threadId: string, postId: string, body: string, expectedVersion?: number): Result<void> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to edit your post.');
  const text = validatePostBody(body);
  const {post} = ownPost(db, ctx, threadId, postId, 'edit this post');
  // Issue 17 (fault): edited meanwhile (another tab): refuse rather than overwrite (as firestore.rules does).
  const version = editVersion(post.version, expectedVersion);
  if (post.status !== 'visible' && post.status !== 'held') {
    throw denied(post.status === 'deleted' ? 'This post was deleted and cannot be edited.' : 'A moderator hid this post; it cannot be edited.');
  }
  const thread = db.thread(threadId);
  if (thread) assertPeerOpen(db, thread);
  // An edit that adds what would hold a new post (contact details, links, a banned word) holds it again
  // (issue 7); this store lists held posts in the queue from the posts themselves, so no marker.
  const {community, r} = requireWriter(db, ctx, 'edit this post');
  const reason = editHoldReason(community.settings, readerIsModerator(r), post.status, text, db.approvedPosts(ctx.user.uid));
  const edited: Post = reason ? {...post, body: text, editedAt: ctx.now, status: 'held', statusReason: reason, version} : {...post, body: text, editedAt: ctx.now, version};
  return {result: undefined, writes: [[paths.post(threadId, postId), edited]]};
}

export function deletePost(db: Db, ctx: Ctx, threadId: string, postId: string): Result<void> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to delete your post.');
  const {post} = ownPost(db, ctx, threadId, postId, 'delete this post');
  if (post.status === 'deleted') return {result: undefined, writes: []};
  if (post.status === 'hidden') throw denied('A moderator hid this post; ask a moderator to remove it.');
  // A placeholder keeps replies in context. postCount stays: only moderators lower it (as in the rules).
  return {result: undefined, writes: [[paths.post(threadId, postId), {...post, body: '', status: 'deleted', statusReason: null}]]};
}

export function setReaction(db: Db, ctx: Ctx, threadId: string, postId: string, kind: ReactionKind, on: boolean): Result<void> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in and join the community to react.');
  validateId('threadId', threadId);
  validateId('postId', postId);
  const k = validateReactionKind(kind);
  if (typeof on !== 'boolean') throw invalid('on', 'on must be true or false.');
  const {community, r, user} = requireWriter(db, ctx, 'react');
  const thread = db.thread(threadId);
  if (thread && !canReadThread(community.settings.visibility, r, thread, db.reported(threadId))) throw denied('This is a private conversation between two members.');
  const post = db.post(threadId, postId);
  if (!post) throw gone.post();
  if (post.status !== 'visible') throw denied('Reactions are only for visible posts.');
  if (thread) assertPeerOpen(db, thread);
  const path = paths.reaction(threadId, postId, user.uid, k);
  const has = !!db.reaction(threadId, postId, user.uid, k);
  if (has === on) return {result: undefined, writes: []};
  const reactions = {...DEFAULT_REACTIONS(), ...post.reactions};
  reactions[k] = Math.max(0, reactions[k] + (on ? 1 : -1));
  return {
    result: undefined,
    writes: [
      [paths.post(threadId, postId), {...post, reactions}],
      [path, on ? {postId, uid: user.uid, kind: k, at: ctx.now} : null],
    ],
  };
}

export function report(db: Db, ctx: Ctx, input: ReportInput): Result<Report> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in and join the community to report something.');
  if (!input || typeof input !== 'object') throw invalid('input', 'report needs a target and a reason.');
  const id = input.id === undefined ? newId() : validateId('id', input.id);
  const reason = validateReportReason(input.reason);
  const details = validateText('details', input.details ?? '', {max: LIMITS.reportDetails});
  const t = input.target as Record<string, unknown> | null | undefined;
  let target: Report['target'];
  if (t?.kind === 'post') target = {kind: 'post', threadId: validateId('threadId', t.threadId), postId: validateId('postId', t.postId)};
  else if (t?.kind === 'profile') target = {kind: 'profile', uid: validateText('uid', t.uid, {min: 1, max: 128})};
  else throw invalid('target', 'target must be {kind: "post", threadId, postId} or {kind: "profile", uid}.');
  const {community, user} = requireWriter(db, ctx, 'report');
  const existing = db.report(id);
  if (existing) {
    if (existing.reporterId === user.uid) return {result: existing, writes: []};
    throw new KindredError('already-exists', 'A report with this id already exists: omit the id or make a new one.');
  }
  const created: Report = {id, target, reason, details, reporterId: user.uid, createdAt: ctx.now, status: 'open'};
  const writes: Write[] = [[paths.report(id), created]];
  // Rate limit (firestore.rules limits/{uid}): throws rate-limited with how long to wait.
  const limits = nextReportLimits(db.limits(user.uid), community.settings, ctx.now, id);
  if (limits) writes.push([paths.limits(user.uid), limits]);
  // A report about a post in a private peer thread opens it to moderators (only a participant can).
  if (target.kind === 'post' && isPeerThreadId(target.threadId)) {
    const thread = db.thread(target.threadId);
    if (!thread?.participants?.includes(user.uid)) throw denied('This is a private conversation between two members.');
    writes.push([paths.reportedThread(target.threadId), {threadId: target.threadId, reportId: id, at: ctx.now}]);
  }
  return {result: created, writes};
}
