// LocalStore's moderation (issue 7): the queue, moderator actions and the log, as pure operations over
// the documents, deciding what firestore.rules decides. Extra documents, laid out like Firestore:
//
//   modLog/{eid}                 ModLogEntry (append-only)
//   hiddenBodies/{tid}_{pid}     {threadId, postId, body, hiddenBy, at}: a hidden post's text, moderators only
//   crisisFlags/{tid}_{pid}      {threadId, postId, authorId, kinds, createdAt}: a post that carried crisis
//                                wording (issue 18), moderators only; any moderator action on the post clears it
import type {CrisisKind} from '../crisis.js';
import {KindredError} from '../errors.js';
import {checkModeration, compareLog, sortQueue} from '../moderation.js';
import {isSuspended, newId, type Reader} from '../policy.js';
import {guard, requireModerator as requireModeratorOf} from '../domain/access.js';
import {decideModeration, queueLimit, queuePage, readReportAbout, reportItemFromAbout, withoutAbout, type HiddenBody} from '../domain/moderation.js';
import {layout} from '../domain/layout.js';
import type {ModerationAction, ModerationItem, ModerationQueueOptions, ModerationTarget} from '../store.js';
import type {ModLogEntry, Post, Report, RoleRecord} from '../types.js';
import {paths, type Db, type Write} from './docs.js';
import type {Ctx} from './engine.js';

export const modPaths = {log: layout.logEntry, hiddenBody: layout.hiddenBody, crisisFlag: layout.crisisFlag};

interface CrisisFlag {threadId: string; postId: string; authorId: string; kinds: CrisisKind[]; createdAt: number}


function reader(db: Db, ctx: Ctx): Reader {
  const user = ctx.user;
  return {user, isMember: !!user && !!db.member(user.uid), roles: user ? db.roles(user.uid) : null};
}

function requireModerator(db: Db, ctx: Ctx, writing: boolean): string {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in as a moderator to use the moderation queue.');
  const r = reader(db, ctx);
  return requireModeratorOf({user: ctx.user, member: db.member(ctx.user.uid), roles: r.roles, now: ctx.now}, writing).uid;
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
  for (const [, stored] of under<Report & {about?: unknown}>(db, 'reports/')) {
    if (stored.status !== 'open') continue;
    // Issue 17: a report that carries its post's copy is shown from it (domain reportItemFromAbout), as in FirebaseStore.
    const {about: aboutField, ...r} = stored;
    // (Its reads are free here: once the post is no longer visible or its author is suspended, the documents decide.)
    const about = readReportAbout(aboutField);
    const current = r.target.kind === 'post' ? db.post(r.target.threadId, r.target.postId) : null;
    const copied = about && current?.status === 'visible' && !suspendedUntil(db, about.authorId, ctx.now) ? reportItemFromAbout(r, about) : null;
    if (copied) {
      items.push(copied);
    } else if (r.target.kind === 'post') {
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
  // Issue 17: one page (the first `limit` items), as FirebaseStore shows.
  return queuePage(sortQueue(items, options?.order === 'oldest' ? 'oldest' : 'newest'), queueLimit(options)).items;
}

export function modLog(db: Db, ctx: Ctx, limit: number): ModLogEntry[] {
  requireModerator(db, ctx, false);
  const n = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 100) : 50;
  return [...under<ModLogEntry>(db, 'modLog/')].map(([, e]) => e).sort(compareLog).slice(0, n);
}

export function moderate(db: Db, ctx: Ctx, action: ModerationAction, target: ModerationTarget, reason: string): {result: ModLogEntry; writes: Write[]} {
  if (!ctx.user) throw guard.moderatorSignIn();
  const c = checkModeration(action, target, reason, ctx.now);
  const me = requireModerator(db, ctx, true);
  const t = c.target;
  const post = t.kind === 'post' ? db.post(t.threadId, t.postId) : null;
  const reportId = t.kind === 'report' ? t.reportId : 'reportId' in t ? t.reportId : undefined;
  const e = decideModeration(c, {
    me, callerIsAdmin: db.roles(me)?.roles.includes('admin') ?? false,
    post, threadStatus: t.kind === 'post' ? db.thread(t.threadId)?.status ?? null : null,
    authorIsMember: !!post && !!db.member(post.authorId),
    hiddenBody: t.kind === 'post' ? (db.docs.get(modPaths.hiddenBody(t.threadId, t.postId)) as HiddenBody | undefined)?.body ?? null : null,
    reportExists: reportId ? !!db.report(reportId) : false,
    targetIsMember: t.kind === 'member' && !!db.member(t.uid), targetRoles: t.kind === 'member' ? db.roles(t.uid) : null,
  }, ctx.now);
  // The domain's answer as a write list.
  const writes: Write[] = [];
  if (t.kind === 'post') {
    if (e.crisisFlagDone && db.docs.has(modPaths.crisisFlag(t.threadId, t.postId))) writes.push([modPaths.crisisFlag(t.threadId, t.postId), null]);
    if (e.post) writes.push([paths.post(t.threadId, t.postId), {...post!, ...e.post}]);
    const thread = db.thread(t.threadId);
    if (thread && (e.postCount || e.listThread)) {
      writes.push([paths.thread(t.threadId), {
        ...thread, postCount: Math.max(0, thread.postCount + (e.postCount ?? 0)), ...(e.listThread ? {status: 'visible'} : {}),
      }]);
    }
    if (e.approvalFor) writes.push([paths.approvals(e.approvalFor), db.approvedPosts(e.approvalFor) + 1]);
    if (e.hiddenBody) writes.push([modPaths.hiddenBody(t.threadId, t.postId), e.hiddenBody === 'delete' ? null : e.hiddenBody]);
  }
  // Issue 17: a closed report drops its copy of the post, as in FirebaseStore.
  for (const r of e.reports) writes.push([paths.report(r.id), {...withoutAbout(db.report(r.id)!), status: r.status}]);
  if (e.suspension) {
    const base: RoleRecord = db.roles(e.suspension.uid) ?? {
      uid: e.suspension.uid, roles: [], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: me, updatedAt: ctx.now,
    };
    writes.push([paths.roles(e.suspension.uid), {...base, suspendedUntil: e.suspension.until, grantedBy: me, updatedAt: ctx.now}]);
  }
  const entry: ModLogEntry = {id: newId(), ...e.log};
  writes.push([modPaths.log(entry.id), entry]);
  return {result: entry, writes};
}
