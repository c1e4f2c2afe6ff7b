// LocalStore's rules: every read and write as a pure function of the documents, the signed-in user
// and the time. They decide what firestore.rules decides (through the shared helpers in policy.ts),
// so the contract suite passes against both stores.
import {reportAbout, withoutAbout} from '../domain/moderation.js';
import {modPaths} from './moderation.js';
import {KindredError} from '../errors.js';
import {
  canEditFounderStory, canReadCommunityContent, canReadCommunityDoc, canReadThread, clampLimit,
  compareThreads, comparePosts, isHubThread, listedInThread, parsePostCursor,
  parseThreadCursor, postCursor, postForReader, readerIsModerator, threadCursor,
  validateFounderStory, validateId, validatePostBody, isPeerThreadId, type Reader, peerConnectionId,
} from '../policy.js';
import type {CreatePostInput, FounderStoryInput, JoinInput, PageOptions, ProfilePatch, ReportInput} from '../store.js';
import type {
  Community, MemberProfile, Page, Post, PrivateRecord, ReactionKind, Report, RoleRecord, SessionUser, Thread,
} from '../types.js';
import {Db, paths, type Write} from './docs.js';
import {checkJoinInput, checkProfilePatch, decideJoin, decideProfileUpdate} from '../domain/members.js';
import {
  bumpedThread, checkPostInput, checkReaction, checkReport, decideCreatePost, decideDelete, decideEdit, decideReaction, decideReport,
  reactionsAfter, type Writer as DomainWriter,
} from '../domain/posts.js';
import {audienceAllows} from '../domain/safety.js';
import {requireSignedIn, requireWriter as requireWriterOf, signedIn} from '../domain/access.js';

export interface Ctx {
  user: SessionUser | null;
  now: number;
}

type Result<T> = {result: T; writes: Write[]};

const denied = (message: string) => new KindredError('permission-denied', message);

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
  const uid = signedIn(ctx.user, 'join').uid;
  const checked = checkJoinInput(input);
  const community = requireCommunity(db);
  const {member, record} = decideJoin(checked, {
    user: ctx.user, now: ctx.now, settings: community.settings, isMember: !!db.member(uid),
    roles: db.roles(uid), sanction: db.sanction(uid),
  });
  const writes: Write[] = [[paths.member(uid), member], [paths.private(uid), record]];
  // Issue 12: the first member of a local preview is its admin, so staff can try every screen
  // (roles, moderation, the founder story). Firestore communities get their admin from the owner.
  if (community.preview === true && !hasAnyMember(db)) {
    member.badges = ['admin'];
    writes.push([paths.roles(uid), {
      uid, roles: ['admin'], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null,
      grantedBy: 'preview', updatedAt: ctx.now,
    } satisfies RoleRecord]);
  }
  return {result: member, writes};
}

function hasAnyMember(db: Db): boolean {
  for (const path of db.docs.keys()) if (path.startsWith('members/')) return true;
  return false;
}

/** The caller as the domain's guards see them. */
function writer(db: Db, ctx: Ctx): DomainWriter {
  const uid = ctx.user?.uid;
  return {user: ctx.user, member: uid ? db.member(uid) : null, roles: uid ? db.roles(uid) : null, now: ctx.now};
}

export function updateProfile(db: Db, ctx: Ctx, patch: ProfilePatch): Result<MemberProfile> {
  const uid = signedIn(ctx.user, 'profile').uid;
  const next = checkProfilePatch(patch);
  const community = requireCommunity(db);
  const record = db.private(uid);
  const d = decideProfileUpdate(next, {...writer(db, ctx), bannedWords: community.settings.bannedWords, record});
  const writes: Write[] = [[paths.member(uid), d.profile]];
  if (d.kept && record) writes.push([paths.private(uid), {...record, kept: d.kept}]);
  return {result: d.profile, writes};
}

export function createPost(db: Db, ctx: Ctx, input: CreatePostInput): Result<Post> {
  const uid = signedIn(ctx.user, 'post').uid;
  const p = checkPostInput(input);
  const community = requireCommunity(db);
  const thread = db.thread(p.threadId);
  const existing = db.post(p.threadId, p.id);
  const d = decideCreatePost(p, {
    ...writer(db, ctx), settings: community.settings, approvedPosts: db.approvedPosts(uid), existing,
    privateRecord: db.private(uid), thread, reported: db.reported(p.threadId),
    connectionStatus: thread?.participants ? db.connectionStatus(peerConnectionId(thread.participants)) : null,
    parent: p.parentId ? db.post(p.threadId, p.parentId) : undefined, limits: db.limits(uid),
  });
  if (d.kind === 'stored') return {result: postForReader(existing!), writes: []};
  const writes: Write[] = [];
  if (d.limits) writes.push([paths.limits(uid), d.limits]);
  writes.push([paths.post(p.threadId, p.id), d.post]);
  // Issue 18: crisis wording is flagged where only moderators read it (as crisisFlags/ in firestore.rules).
  if (d.crisis.length) writes.push([modPaths.crisisFlag(p.threadId, p.id), {threadId: p.threadId, postId: p.id, authorId: uid, kinds: d.crisis, createdAt: ctx.now}]);
  if (d.thread && 'create' in d.thread) writes.push([paths.thread(p.threadId), d.thread.create]);
  else if (d.thread) writes.push([paths.thread(p.threadId), bumpedThread(thread!, ctx.now)]);
  return {result: d.post, writes};
}

/** What an author's edit or delete reads. */
function ownPostState(db: Db, ctx: Ctx, threadId: string, postId: string) {
  validateId('threadId', threadId);
  validateId('postId', postId);
  const community = requireCommunity(db);
  const thread = db.thread(threadId);
  return {
    ...writer(db, ctx), settings: community.settings, approvedPosts: ctx.user ? db.approvedPosts(ctx.user.uid) : 0,
    post: db.post(threadId, postId), thread,
    connectionStatus: thread?.participants ? db.connectionStatus(peerConnectionId(thread.participants)) : null,
  };
}

export function editPost(db: Db, ctx: Ctx, threadId: string, postId: string, body: string, expectedVersion?: number): Result<void> {
  signedIn(ctx.user, 'edit');
  const text = validatePostBody(body);
  const s = ownPostState(db, ctx, threadId, postId);
  const d = decideEdit(text, {...s, expectedVersion});
  // This store lists held posts in the queue from the posts themselves, so no marker.
  return {result: undefined, writes: [[paths.post(threadId, postId), {...s.post!, ...d.patch}]]};
}

export function deletePost(db: Db, ctx: Ctx, threadId: string, postId: string): Result<void> {
  signedIn(ctx.user, 'delete');
  const s = ownPostState(db, ctx, threadId, postId);
  const d = decideDelete(s);
  return {result: undefined, writes: d ? [[paths.post(threadId, postId), {...s.post!, ...d}]] : []};
}

export function setReaction(db: Db, ctx: Ctx, threadId: string, postId: string, kind: ReactionKind, on: boolean): Result<void> {
  const uid = signedIn(ctx.user, 'react').uid;
  const r = checkReaction(threadId, postId, kind, on);
  requireCommunity(db);
  const thread = db.thread(r.threadId);
  const post = db.post(r.threadId, r.postId);
  const d = decideReaction(r.on, {
    user: ctx.user, writer: writer(db, ctx), has: !!db.reaction(r.threadId, r.postId, uid, r.kind), post, thread,
    reported: db.reported(r.threadId), connectionStatus: thread?.participants ? db.connectionStatus(peerConnectionId(thread.participants)) : null,
  });
  if (!d) return {result: undefined, writes: []};
  return {
    result: undefined,
    writes: [
      [paths.post(r.threadId, r.postId), {...post!, reactions: reactionsAfter(post!.reactions, r.kind, d.delta)}],
      [paths.reaction(r.threadId, r.postId, uid, r.kind), r.on ? {postId: r.postId, uid, kind: r.kind, at: ctx.now} : null],
    ],
  };
}

const maybe = <T extends object>(v: T | null | undefined) => (v ? withoutAbout(v) : v);

export function report(db: Db, ctx: Ctx, input: ReportInput): Result<Report> {
  const uid = signedIn(ctx.user, 'report').uid;
  const r = checkReport(input);
  const community = requireCommunity(db);
  const d = decideReport(r, {
    user: ctx.user, writer: writer(db, ctx), settings: community.settings, existing: maybe(db.report(r.id)), limits: db.limits(uid),
    peerThread: r.target.kind === 'post' && isPeerThreadId(r.target.threadId) ? db.thread(r.target.threadId) : undefined,
  }, ctx.now);
  if (d.kind === 'stored') return {result: d.report, writes: []};
  // Issue 17: the report carries what the moderators' queue shows of the post, as FirebaseStore's does.
  const post = r.target.kind === 'post' ? db.post(r.target.threadId, r.target.postId) : null;
  const about = r.target.kind === 'post'
    ? reportAbout(post, post?.parentId ? db.post(r.target.threadId, post.parentId) : null, db.thread(r.target.threadId)?.title ?? null) : null;
  const writes: Write[] = [[paths.report(r.id), about ? {...d.report, about} : d.report]];
  if (d.limits) writes.push([paths.limits(uid), d.limits]);
  if (d.openThread) writes.push([paths.reportedThread(d.openThread), {threadId: d.openThread, reportId: r.id, at: ctx.now}]);
  return {result: d.report, writes};
}
