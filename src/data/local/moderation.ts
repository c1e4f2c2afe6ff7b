// LocalStore's moderation (issue 7): the queue, moderator actions and the log, as pure operations over
// the documents, deciding what firestore.rules decides. Extra documents, laid out like Firestore:
//
//   modLog/{eid}                 ModLogEntry (append-only)
//   hiddenBodies/{tid}_{pid}     {threadId, postId, body, hiddenBy, at}: a hidden post's text, moderators only
//   crisisFlags/{tid}_{pid}      {threadId, postId, authorId, kinds, createdAt}: a post that carried crisis
//                                wording (issue 18), moderators only; any moderator action on the post clears it
import type {CrisisKind} from '../crisis.js';
import {KindredError} from '../errors.js';
import {checkModeration, compareLog, notModerator, sortQueue} from '../moderation.js';
import {isSuspended, newId, readerIsModerator, type Reader} from '../policy.js';
import type {ModerationAction, ModerationItem, ModerationQueueOptions, ModerationTarget} from '../store.js';
import type {ModLogEntry, Post, Report, RoleRecord} from '../types.js';
import {paths, type Db, type Write} from './docs.js';
import type {Ctx} from './engine.js';

export const modPaths = {
  log: (eid: string) => `modLog/${eid}`,
  hiddenBody: (tid: string, pid: string) => `hiddenBodies/${tid}_${pid}`,
  crisisFlag: (tid: string, pid: string) => `crisisFlags/${tid}_${pid}`,
};

interface CrisisFlag {threadId: string; postId: string; authorId: string; kinds: CrisisKind[]; createdAt: number}

interface HiddenBody {threadId: string; postId: string; body: string; hiddenBy: string; at: number}

const denied = (message: string) => new KindredError('permission-denied', message);

function reader(db: Db, ctx: Ctx): Reader {
  const user = ctx.user;
  return {user, isMember: !!user && !!db.member(user.uid), roles: user ? db.roles(user.uid) : null};
}

function requireModerator(db: Db, ctx: Ctx, writing: boolean): string {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in as a moderator to use the moderation queue.');
  const r = reader(db, ctx);
  if (!readerIsModerator(r)) throw notModerator();
  if (writing && isSuspended(r.roles, ctx.now)) throw denied('Your own membership is suspended: you cannot moderate until it ends.');
  return ctx.user.uid;
}

function* under<T>(db: Db, prefix: string): Iterable<[string, T]> {
  for (const [path, value] of db.docs) if (path.startsWith(prefix)) yield [path, value as T];
}

/** A post as a moderator reviews it: a hidden post carries its kept text. */
function forModerator(db: Db, post: Post | null): Post | null {
  if (!post) return null;
  if (post.status !== 'hidden') return post.status === 'deleted' ? {...post, body: ''} : post;
  const kept = db.docs.get(modPaths.hiddenBody(post.threadId, post.id)) as HiddenBody | undefined;
  return {...post, body: kept?.body ?? ''};
}

function suspendedUntil(db: Db, uid: string | undefined, now: number): number | null {
  const roles = uid ? db.roles(uid) : null;
  return isSuspended(roles, now) ? roles!.suspendedUntil : null;
}

function postItem(db: Db, ctx: Ctx, id: string, kind: ModerationItem['kind'], createdAt: number, report: Report | null, threadId: string, postId: string): ModerationItem {
  const post = forModerator(db, db.post(threadId, postId));
  const parent = post?.parentId ? forModerator(db, db.post(threadId, post.parentId)) : null;
  const flag = db.docs.get(modPaths.crisisFlag(threadId, postId)) as CrisisFlag | undefined;
  return {
    id, kind, createdAt, report, post, parent, ...(flag ? {crisis: flag.kinds} : {}),
    threadTitle: db.thread(threadId)?.title ?? null,
    member: post ? db.member(post.authorId) : null,
    suspendedUntil: suspendedUntil(db, post?.authorId, ctx.now),
  };
}

export function moderationQueue(db: Db, ctx: Ctx, options: ModerationQueueOptions): ModerationItem[] {
  requireModerator(db, ctx, false);
  const items: ModerationItem[] = [];
  for (const [, r] of under<Report>(db, 'reports/')) {
    if (r.status !== 'open') continue;
    if (r.target.kind === 'post') {
      items.push(postItem(db, ctx, `report:${r.id}`, 'report', r.createdAt, r, r.target.threadId, r.target.postId));
    } else {
      items.push({
        id: `report:${r.id}`, kind: 'report', createdAt: r.createdAt, report: r, post: null, parent: null, threadTitle: null,
        member: db.member(r.target.uid), suspendedUntil: suspendedUntil(db, r.target.uid, ctx.now),
      });
    }
  }
  for (const [, p] of under<Post>(db, 'posts/')) {
    if (p.status === 'held') items.push(postItem(db, ctx, `held:${p.threadId}/${p.id}`, 'held', p.createdAt, null, p.threadId, p.id));
  }
  // Issue 18: a flagged visible post that is neither held nor reported is an item of its own.
  const queued = new Set(items.map((i) => (i.post ? `${i.post.threadId}/${i.post.id}` : '')));
  for (const [, f] of under<CrisisFlag>(db, 'crisisFlags/')) {
    if (queued.has(`${f.threadId}/${f.postId}`) || db.post(f.threadId, f.postId)?.status !== 'visible') continue;
    items.push(postItem(db, ctx, `crisis:${f.threadId}/${f.postId}`, 'crisis', f.createdAt, null, f.threadId, f.postId));
  }
  return sortQueue(items, options?.order === 'oldest' ? 'oldest' : 'newest');
}

export function modLog(db: Db, ctx: Ctx, limit: number): ModLogEntry[] {
  requireModerator(db, ctx, false);
  const n = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 100) : 50;
  return [...under<ModLogEntry>(db, 'modLog/')].map(([, e]) => e).sort(compareLog).slice(0, n);
}

export function moderate(db: Db, ctx: Ctx, action: ModerationAction, target: ModerationTarget, reason: string): {result: ModLogEntry; writes: Write[]} {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in as a moderator to moderate.');
  const c = checkModeration(action, target, reason, ctx.now);
  const me = requireModerator(db, ctx, true);
  const writes: Write[] = [];
  const t = c.target;
  if (t.kind === 'post') {
    const post = db.post(t.threadId, t.postId);
    if (!post) throw new KindredError('not-found', 'That post no longer exists.');
    const thread = db.thread(t.threadId);
    const count = (by: number) => {
      if (thread) writes.push([paths.thread(t.threadId), {...thread, postCount: Math.max(0, thread.postCount + by)}]);
    };
    // Any moderator action on the post means a person has read it: the crisis flag is done with.
    if (db.docs.has(modPaths.crisisFlag(t.threadId, t.postId))) writes.push([modPaths.crisisFlag(t.threadId, t.postId), null]);
    if (c.action === 'clear-crisis') {
      // (clearing the flag is the whole action)
    } else if (c.action === 'approve') {
      if (post.status !== 'held') throw denied('Only a held post can be approved.');
      writes.push([paths.post(t.threadId, t.postId), {...post, status: 'visible', statusReason: null}]);
      // A thread held with its first post (issue 11: policy.newThreadStatus) is listed once that post is approved.
      if (thread?.status === 'held') writes.push([paths.thread(t.threadId), {...thread, status: 'visible', postCount: thread.postCount + 1}]);
      else count(1);
      // The author's approval count, which 'first-posts' reads (domain/posts.ts); an erased author has none.
      if (db.member(post.authorId)) writes.push([paths.approvals(post.authorId), db.approvedPosts(post.authorId) + 1]);
    } else if (c.action === 'hide') {
      if (post.status !== 'visible' && post.status !== 'held') throw denied('Only a visible or held post can be hidden.');
      writes.push([paths.post(t.threadId, t.postId), {...post, status: 'hidden', statusReason: c.reason, body: ''}]);
      writes.push([modPaths.hiddenBody(t.threadId, t.postId), {threadId: t.threadId, postId: t.postId, body: post.body, hiddenBy: me, at: ctx.now} satisfies HiddenBody]);
      if (post.status === 'visible') count(-1);
    } else {
      if (post.status !== 'hidden') throw denied('Only a hidden post can be restored.');
      const kept = db.docs.get(modPaths.hiddenBody(t.threadId, t.postId)) as HiddenBody | undefined;
      writes.push([paths.post(t.threadId, t.postId), {...post, status: 'visible', statusReason: null, body: kept?.body ?? ''}]);
      writes.push([modPaths.hiddenBody(t.threadId, t.postId), null]);
      count(1);
    }
  } else if (t.kind === 'report') {
    const report = db.report(t.reportId);
    if (!report) throw new KindredError('not-found', 'That report no longer exists.');
    writes.push([paths.report(t.reportId), {...report, status: 'dismissed'}]);
  } else {
    if (!db.member(t.uid)) throw new KindredError('not-found', 'That member is not in this community.');
    if (t.uid === me) throw denied('You cannot suspend yourself or lift your own suspension.');
    const existing: RoleRecord | null = db.roles(t.uid);
    // Moderators suspend ordinary members only; admins anyone but themselves (as in firestore.rules).
    const callerIsAdmin = db.roles(me)?.roles.includes('admin') ?? false;
    if (!callerIsAdmin && existing?.roles.some((n) => n === 'moderator' || n === 'admin')) throw denied('Only an admin can suspend a moderator or an admin.');
    const base: RoleRecord = existing ?? {uid: t.uid, roles: [], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: me, updatedAt: ctx.now};
    writes.push([paths.roles(t.uid), {...base, suspendedUntil: c.action === 'suspend' ? c.until : null, grantedBy: me, updatedAt: ctx.now}]);
  }
  if ('reportId' in t && t.reportId) {
    const report = db.report(t.reportId);
    if (!report) throw new KindredError('not-found', 'That report no longer exists.');
    writes.push([paths.report(t.reportId), {...report, status: 'actioned'}]);
  }
  const entry: ModLogEntry = {id: newId(), action: c.action, actorId: me, targetPath: c.targetPath, reason: c.reason, at: ctx.now};
  writes.push([modPaths.log(entry.id), entry]);
  return {result: entry, writes};
}
