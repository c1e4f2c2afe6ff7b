// LocalStore's notifications (issue 15): what the Cloud Functions do on Firebase, done in the browser
// after each write, from the same decisions (src/data/domain/notifications.ts). Each of the store's
// writes is looked at like a Firestore trigger would see it (the document before and after), and the
// notifications it causes are written in the same atomic step. No emails: mail is server-only.
//
//   notifications/{uid}/{id}    KinNotification (without the id)
//   followers/{tid}/{uid}       FollowRecord
import {KindredError} from '../errors.js';
import {pairId} from '../connections.js';
import {canReadThread, validateId} from '../policy.js';
import {
  NOTIFY_LIMITS, bumped, compareNotifications, validateNotificationId, decideConnection, decidePostWrite, decideReaction,
  decideReport, followOnPost, readPrefs, unreadCount, validatePrefs,
  type Delivery, type FollowRecord, type KinNotification, type NotifyPrefs, type Recipient, type ThreadCtx,
} from '../domain/notifications.js';
import type {NotificationFeed} from '../store.js';
import type {Connection, Post, PrivateRecord, Reaction, Report, RoleRecord} from '../types.js';
import {Db, paths, type Docs, type Write} from './docs.js';
import type {Ctx} from './engine.js';
import {notifyMessages} from '../domain/access.js';

export const notifyPaths = {
  items: (uid: string) => `notifications/${uid}/`,
  item: (uid: string, id: string) => `notifications/${uid}/${id}`,
  followers: (tid: string) => `followers/${tid}/`,
  follower: (tid: string, uid: string) => `followers/${tid}/${uid}`,
};

type Result<T> = {result: T; writes: Write[]};

function* under<T>(docs: Docs, prefix: string): Iterable<[string, T]> {
  for (const [path, value] of docs) if (path.startsWith(prefix)) yield [path, value as T];
}

function recipients(db: Db, uids: Iterable<string>, actorId: string | null): Map<string, Recipient> {
  const out = new Map<string, Recipient>();
  for (const uid of uids) {
    if (!uid || out.has(uid)) continue;
    const pair = actorId ? db.docs.get(`connections/${pairId(uid, actorId)}`) as Pick<Connection, 'status'> | undefined : undefined;
    out.set(uid, {uid, member: db.member(uid), roles: db.roles(uid), blockedWithActor: pair?.status === 'ended'});
  }
  return out;
}

function threadCtx(db: Db, tid: string): ThreadCtx {
  const t = db.thread(tid);
  return {
    visibility: db.community()?.settings.visibility ?? 'members',
    thread: t ? {id: tid, participants: t.participants ?? null, authorId: t.authorId} : null,
    reported: db.reported(tid),
  };
}

const moderatorIds = (db: Db) => [...under<RoleRecord>(db.docs, 'roles/')]
  .filter(([, r]) => r.roles?.some((x) => x === 'moderator' || x === 'admin')).map(([p]) => p.slice('roles/'.length));

/**
 * The notification (and follow) writes caused by `writes`, applied on top of `docs`. Called by the
 * LocalStore inside the same atomic step as the writes themselves.
 */
export function deliver(docs: Docs, writes: readonly Write[], now: number): Write[] {
  if (!writes.length) return [];
  const afterDocs = new Map(docs);
  for (const [path, value] of writes) {
    if (value === null) afterDocs.delete(path);
    else afterDocs.set(path, value);
  }
  const db = new Db(afterDocs);
  const deliveries: Delivery[] = [];
  const out: Write[] = [];
  for (const [path, value] of writes) {
    const before = docs.get(path) ?? null;
    const parts = path.split('/');
    if (parts[0] === 'posts' && parts.length === 3 && value) {
      const [, tid, pid] = parts;
      const after = value as Post;
      const prev = before as Post | null;
      if (!prev && after.authorId) {
        const follow = followOnPost(after.authorId, db.docs.get(notifyPaths.follower(tid, after.authorId)) as FollowRecord ?? null, now);
        if (follow) out.push([notifyPaths.follower(tid, after.authorId), follow]);
      }
      const parentAuthorId = after.parentId ? db.post(tid, after.parentId)?.authorId ?? null : null;
      const followerIds = [...under<FollowRecord>(afterDocs, notifyPaths.followers(tid))].filter(([, f]) => f.state === 'following').map(([, f]) => f.uid);
      const mods = moderatorIds(db);
      const r = recipients(db, [...(parentAuthorId ? [parentAuthorId] : []), ...followerIds, ...mods], after.authorId);
      r.set(after.authorId, recipients(db, [after.authorId], null).get(after.authorId)!);
      deliveries.push(...decidePostWrite({threadId: tid, postId: pid, before: prev, after, audience: {parentAuthorId, followerIds, moderatorIds: mods},
        recipients: r, ctx: threadCtx(db, tid), now}));
    } else if (parts[0] === 'reactions' && parts.length === 3 && value && !before) {
      const tid = parts[1];
      const reaction = value as Reaction;
      const post = db.post(tid, reaction.postId);
      const recipient = post ? recipients(db, [post.authorId], reaction.uid).get(post.authorId) ?? null : null;
      deliveries.push(...decideReaction({threadId: tid, postId: reaction.postId, kind: reaction.kind, actorId: reaction.uid, post, recipient,
        ctx: threadCtx(db, tid), now}));
    } else if (parts[0] === 'connections' && parts.length === 2 && value) {
      const c = value as Connection;
      deliveries.push(...decideConnection({before: before as Connection | null, after: {...c, id: parts[1]},
        recipients: recipients(db, c.members ?? [], null), now}));
    } else if (parts[0] === 'reports' && parts.length === 2 && value && !before) {
      const report = value as Report;
      const mods = moderatorIds(db);
      const ctx = report.target.kind === 'post' ? threadCtx(db, report.target.threadId) : null;
      deliveries.push(...decideReport({report, moderatorIds: mods, recipients: recipients(db, mods, report.reporterId), ctx, now}));
    } else if (parts[0] === 'members' && parts.length === 2 && !value && before) {
      // Erasure: nothing of the member's notifications or follows remains.
      const uid = parts[1];
      for (const [p] of under(afterDocs, notifyPaths.items(uid))) out.push([p, null]);
      for (const [p] of under<FollowRecord>(afterDocs, 'followers/')) if (p.endsWith(`/${uid}`)) out.push([p, null]);
    }
  }
  for (const d of deliveries) {
    const path = notifyPaths.item(d.uid, d.notification.id);
    const existing = afterDocs.get(path) as Omit<KinNotification, 'id'> | undefined;
    const {id, ...stored} = d.notification;
    if (d.mode === 'create') {
      if (!existing) out.push([path, stored]);
    } else {
      const next = bumped(existing ? {...existing, id} : null, d.notification);
      if (next) {
        const {id: _id, ...rest} = next;
        out.push([path, rest]);
      }
    }
  }
  return out;
}

// Reads and the member's own writes -------------------------------------------------------------

export function feed(db: Db, ctx: Ctx, limit: number, enabled: boolean): NotificationFeed {
  if (!ctx.user) return {items: [], unread: 0, enabled};
  const all = [...under<Omit<KinNotification, 'id'>>(db.docs, notifyPaths.items(ctx.user.uid))]
    .map(([p, n]) => ({...n, id: p.slice(notifyPaths.items(ctx.user!.uid).length)}) as KinNotification)
    .sort(compareNotifications);
  const n = Math.max(1, Math.min(limit || NOTIFY_LIMITS.listed, 200));
  return {items: all.slice(0, n), unread: unreadCount(all), enabled};
}

export function markRead(db: Db, ctx: Ctx, ids: readonly string[] | 'all'): Result<void> {
  if (!ctx.user) throw notifyMessages.signInToRead();
  if (ids !== 'all' && !Array.isArray(ids)) throw notifyMessages.badReadIds();
  const uid = ctx.user.uid;
  const writes: Write[] = [];
  const targets = ids === 'all'
    ? [...under<Omit<KinNotification, 'id'>>(db.docs, notifyPaths.items(uid))].map(([p]) => p)
    : ids.map((id) => notifyPaths.item(uid, validateNotificationId(id)));
  for (const path of targets) {
    const n = db.docs.get(path) as Omit<KinNotification, 'id'> | undefined;
    if (n && !n.read) writes.push([path, {...n, read: true}]);
  }
  return {result: undefined, writes};
}

export function follow(db: Db, ctx: Ctx, threadId: string, on: boolean): Result<void> {
  if (!ctx.user) throw notifyMessages.signInToFollow();
  const tid = validateId('threadId', threadId);
  if (typeof on !== 'boolean') throw notifyMessages.followNotBoolean();
  const uid = ctx.user.uid;
  const community = db.community();
  const me = db.member(uid);
  if (!community || !me) throw new KindredError('permission-denied', 'Only members can follow a conversation: join the community first.');
  const roles = db.roles(uid);
  if (roles?.suspendedUntil && roles.suspendedUntil > ctx.now) throw new KindredError('permission-denied', 'Your membership is suspended: you can read, but not follow conversations, until then.');
  const thread = db.thread(tid);
  if (!thread) throw new KindredError('not-found', 'This conversation has no posts yet: post in it to follow it.');
  if (!canReadThread(community.settings.visibility, {user: ctx.user, isMember: true, roles}, thread, db.reported(tid))) {
    throw new KindredError('permission-denied', 'This is a private conversation between two members.');
  }
  const record: FollowRecord = {uid, state: on ? 'following' : 'muted', at: ctx.now};
  return {result: undefined, writes: [[notifyPaths.follower(tid, uid), record]]};
}

export function following(db: Db, ctx: Ctx, threadId: string): boolean | null {
  if (!ctx.user) return null;
  const f = db.docs.get(notifyPaths.follower(validateId('threadId', threadId), ctx.user.uid)) as FollowRecord | undefined;
  return f ? f.state === 'following' : null;
}

export function setPrefs(db: Db, ctx: Ctx, prefs: NotifyPrefs): Result<PrivateRecord> {
  if (!ctx.user) throw notifyMessages.signInForEmail();
  const valid = validatePrefs(prefs);
  const uid = ctx.user.uid;
  const record = db.private(uid);
  if (!record || !db.member(uid)) throw new KindredError('permission-denied', 'Join the community first.');
  const roles = db.roles(uid);
  if (roles?.suspendedUntil && roles.suspendedUntil > ctx.now) throw new KindredError('permission-denied', 'Your membership is suspended: you cannot change settings until then.');
  const next: PrivateRecord = {...record, notify: valid};
  return {result: next, writes: [[paths.private(uid), next]]};
}

export {readPrefs};
