// FirebaseStore's moderation (issue 7): the queue, moderator actions and the log. Documents (see
// firestore.rules):
//
//   communities/{cid}/heldPosts/{tid}_{pid}     {threadId, postId, authorId, createdAt}: written with a held
//                                               post, so moderators can list held posts with one query
//   communities/{cid}/hiddenBodies/{tid}_{pid}  {threadId, postId, body, hiddenBy, at}: a hidden post's text,
//                                               moderators only; the post itself keeps body ''
//   communities/{cid}/modLog/{eid}              every action appends one entry in the same batch
//   communities/{cid}/crisisFlags/{tid}_{pid}   {threadId, postId, authorId, kinds, createdAt}: written by the
//                                               author with a post that carried crisis wording (issue 18);
//                                               moderators only. Any moderator action on the post clears it.
import {
  Timestamp, collection, doc, getDoc, increment, limit as qLimit, onSnapshot, orderBy, query, serverTimestamp, where,
  writeBatch, type DocumentSnapshot, type Firestore,
} from 'firebase/firestore';
import type {CrisisKind} from '../crisis.js';
import {membersOnlyDelta} from '../domain/safety.js';
import {KindredError} from '../errors.js';
import {checkModeration, sortQueue} from '../moderation.js';
import {isModerator, isSuspended, newId} from '../policy.js';
import type {ModerationAction, ModerationItem, ModerationQueueOptions, ModerationTarget, OnError, Unsubscribe} from '../store.js';
import type {MemberProfile, ModLogEntry, Post, Report, RoleRecord, SessionUser} from '../types.js';
import {mapFirebaseError} from './errors.js';
import {dataOf, ms, toMember as decodeMember, toPost as decodePost, toRoles as decodeRoles} from './converters.js';

const base = (cid: string) => `communities/${cid}`;
export const heldMarkerRef = (db: Firestore, cid: string, tid: string, pid: string) => doc(db, `${base(cid)}/heldPosts/${tid}_${pid}`);
export const heldMarker = (threadId: string, postId: string, authorId: string) => ({threadId, postId, authorId, createdAt: serverTimestamp()});
const hiddenRef = (db: Firestore, cid: string, tid: string, pid: string) => doc(db, `${base(cid)}/hiddenBodies/${tid}_${pid}`);
export const crisisFlagRef = (db: Firestore, cid: string, tid: string, pid: string) => doc(db, `${base(cid)}/crisisFlags/${tid}_${pid}`);
export const crisisFlag = (threadId: string, postId: string, authorId: string, kinds: CrisisKind[]) =>
  ({threadId, postId, authorId, kinds, createdAt: serverTimestamp()});
const flagKinds = (snap: DocumentSnapshot | undefined): CrisisKind[] | undefined =>
  (snap?.exists() ? (snap.get('kinds') as CrisisKind[]) : undefined);

const data = dataOf;
const num = ms;
const toPost = (snap: DocumentSnapshot, threadId: string, hiddenBody: string | null): Post | null => snap.exists() ? decodePost(snap, threadId, hiddenBody) : null;
const toMember = (snap: DocumentSnapshot): MemberProfile | null => snap.exists() ? decodeMember(snap) : null;
const toRoles = (snap: DocumentSnapshot): RoleRecord | null => snap.exists() ? decodeRoles(snap) : null;

const toReport = (snap: DocumentSnapshot): Report => ({id: snap.id, ...data(snap)} as Report);
const toEntry = (snap: DocumentSnapshot): ModLogEntry => {
  const d = data(snap);
  return {id: snap.id, action: d.action as ModLogEntry['action'], actorId: d.actorId as string, targetPath: d.targetPath as string, reason: String(d.reason ?? ''), at: num(d.at)};
};

/** Reads each document once per queue refresh, however many items mention it. */
class Reads {
  #cache = new Map<string, Promise<DocumentSnapshot>>();
  constructor(private db: Firestore) {}
  get(path: string): Promise<DocumentSnapshot> {
    let p = this.#cache.get(path);
    if (!p) this.#cache.set(path, (p = getDoc(doc(this.db, path))));
    return p;
  }
}

async function postItem(reads: Reads, cid: string, id: string, kind: ModerationItem['kind'], createdAt: number, report: Report | null, tid: string, pid: string): Promise<ModerationItem> {
  const load = async (postId: string) => {
    const snap = await reads.get(`${base(cid)}/threads/${tid}/posts/${postId}`);
    const hidden = snap.exists() && snap.get('status') === 'hidden'
      ? await reads.get(`${base(cid)}/hiddenBodies/${tid}_${postId}`).then((h) => (h.exists() ? String(h.get('body')) : null))
      : null;
    return toPost(snap, tid, hidden);
  };
  const [post, threadSnap] = await Promise.all([load(pid), reads.get(`${base(cid)}/threads/${tid}`)]);
  const [parent, member, roles] = await Promise.all([
    post?.parentId ? load(post.parentId) : null,
    post ? reads.get(`${base(cid)}/members/${post.authorId}`).then(toMember) : null,
    post ? reads.get(`${base(cid)}/roles/${post.authorId}`).then(toRoles) : null,
  ]);
  return {
    id, kind, createdAt, report, post, parent, member,
    threadTitle: threadSnap.exists() ? String(threadSnap.get('title')) : null,
    suspendedUntil: isSuspended(roles) ? roles!.suspendedUntil : null,
  };
}

/** Open reports + held posts, each resolved to its content in context; re-resolved on every change. */
export function watchModerationQueue(db: Firestore, cid: string, options: ModerationQueueOptions, next: (items: ModerationItem[]) => void, error: OnError): Unsubscribe {
  const order = options?.order === 'oldest' ? 'oldest' : 'newest';
  let reports: DocumentSnapshot[] | null = null;
  let held: DocumentSnapshot[] | null = null;
  let flags: DocumentSnapshot[] | null = null;
  let generation = 0;
  let stopped = false;
  const fail = (e: unknown) => {
    if (stopped) return;
    stopped = true;
    stop();
    error(mapFirebaseError(e, 'load the moderation queue'));
  };
  const resolve = async () => {
    if (!reports || !held || !flags) return;
    const mine = ++generation;
    const flagged = new Map(flags.map((f) => [`${String(f.get('threadId'))}/${String(f.get('postId'))}`, f]));
    const reads = new Reads(db);
    const jobs: Promise<ModerationItem | null>[] = [];
    for (const snap of reports) {
      const r = toReport(snap);
      if (r.target.kind === 'post') {
        jobs.push(postItem(reads, cid, `report:${r.id}`, 'report', r.createdAt, r, r.target.threadId, r.target.postId));
      } else {
        const uid = r.target.uid;
        jobs.push(Promise.all([reads.get(`${base(cid)}/members/${uid}`), reads.get(`${base(cid)}/roles/${uid}`)]).then(([m, ro]) => {
          const roles = toRoles(ro);
          return {
            id: `report:${r.id}`, kind: 'report' as const, createdAt: r.createdAt, report: r, post: null, parent: null, threadTitle: null,
            member: toMember(m), suspendedUntil: isSuspended(roles) ? roles!.suspendedUntil : null,
          };
        }));
      }
    }
    for (const snap of held) {
      const tid = String(snap.get('threadId'));
      const pid = String(snap.get('postId'));
      jobs.push(postItem(reads, cid, `held:${tid}/${pid}`, 'held', num(data(snap).createdAt), null, tid, pid)
        .then((item) => (item.post?.status === 'held' ? {...item, createdAt: item.post.createdAt} : null)));
    }
    // Issue 18: a flagged post that is neither held nor reported is an item of its own.
    const queued = new Set(held.map((snap) => `${String(snap.get('threadId'))}/${String(snap.get('postId'))}`));
    for (const r of reports) {
      const target = toReport(r).target;
      if (target.kind === 'post') queued.add(`${target.threadId}/${target.postId}`);
    }
    for (const [key, snap] of flagged) {
      if (queued.has(key)) continue;
      const [tid, pid] = key.split('/');
      jobs.push(postItem(reads, cid, `crisis:${key}`, 'crisis', num(data(snap).createdAt), null, tid, pid)
        .then((item) => (item.post?.status === 'visible' ? item : null)));
    }
    try {
      const items = (await Promise.all(jobs)).filter((i): i is ModerationItem => i !== null).map((item) => {
        const kinds = item.post ? flagKinds(flagged.get(`${item.post.threadId}/${item.post.id}`)) : undefined;
        return kinds ? {...item, crisis: kinds} : item;
      });
      if (mine === generation && !stopped) next(sortQueue(items, order));
    } catch (e) {
      fail(e);
    }
  };
  const u1 = onSnapshot(query(collection(db, `${base(cid)}/reports`), where('status', '==', 'open')), (s) => {
    reports = s.docs;
    void resolve();
  }, fail);
  const u2 = onSnapshot(collection(db, `${base(cid)}/heldPosts`), (s) => {
    held = s.docs;
    void resolve();
  }, fail);
  const u3 = onSnapshot(collection(db, `${base(cid)}/crisisFlags`), (s) => {
    flags = s.docs;
    void resolve();
  }, fail);
  function stop() {
    u1();
    u2();
    u3();
  }
  return () => {
    stopped = true;
    stop();
  };
}

export function watchModLog(db: Firestore, cid: string, limit: number, next: (entries: ModLogEntry[]) => void, error: OnError): Unsubscribe {
  const n = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 100) : 50;
  return onSnapshot(query(collection(db, `${base(cid)}/modLog`), orderBy('at', 'desc'), qLimit(n)),
    (s) => next(s.docs.map(toEntry)), (e) => error(mapFirebaseError(e, 'load the moderation log')));
}

export async function moderate(db: Firestore, cid: string, user: SessionUser | null, action: ModerationAction, target: ModerationTarget, reason: string): Promise<ModLogEntry> {
  if (!user) throw new KindredError('unauthenticated', 'Sign in as a moderator to moderate.');
  const c = checkModeration(action, target, reason, Date.now());
  try {
    const [meMember, meRoles] = await Promise.all([getDoc(doc(db, `${base(cid)}/members/${user.uid}`)), getDoc(doc(db, `${base(cid)}/roles/${user.uid}`))]);
    const roles = toRoles(meRoles);
    if (!meMember.exists() || !isModerator(roles)) throw new KindredError('permission-denied', 'Only moderators and admins can moderate.');
    if (isSuspended(roles)) throw new KindredError('permission-denied', 'Your own membership is suspended: you cannot moderate until it ends.');
    const batch = writeBatch(db);
    const t = c.target;
    if (t.kind === 'post') {
      const postRef = doc(db, `${base(cid)}/threads/${t.threadId}/posts/${t.postId}`);
      const threadRef = doc(db, `${base(cid)}/threads/${t.threadId}`);
      const snap = await getDoc(postRef);
      if (!snap.exists()) throw new KindredError('not-found', 'That post no longer exists.');
      const status = snap.get('status') as Post['status'];
      const marker = heldMarkerRef(db, cid, t.threadId, t.postId);
      // Issue 18: a members-only post leaving 'held' (approved, or hidden from the queue) joins the thread's
      // members-only count that visitors are told (domain/safety.ts; firestore.rules audienceCounts).
      const after = c.action === 'approve' ? 'visible' : c.action === 'hide' ? 'hidden' : c.action === 'restore' ? 'visible' : status;
      const delta = membersOnlyDelta({audience: snap.get('audience'), status}, {audience: snap.get('audience'), status: after});
      if (delta) batch.set(doc(db, `${base(cid)}/audienceCounts/${t.threadId}`), {membersOnly: increment(delta), lastPostId: t.postId}, {merge: true});
      // Any moderator action on the post means a person has read it: the crisis flag is done with.
      batch.delete(crisisFlagRef(db, cid, t.threadId, t.postId));
      if (c.action === 'clear-crisis') {
        // (the flag's deletion above is the whole action)
      } else if (c.action === 'approve') {
        if (status !== 'held') throw new KindredError('permission-denied', 'Only a held post can be approved.');
        batch.update(postRef, {status: 'visible', statusReason: null});
        // A thread held with its first post (issue 11: policy.newThreadStatus) is listed once that post is approved.
        const threadHeld = (await getDoc(threadRef)).get('status') === 'held';
        batch.update(threadRef, threadHeld ? {postCount: increment(1), status: 'visible'} : {postCount: increment(1)});
        batch.delete(marker);
        // The author's approval count, which 'first-posts' reads (firestore.rules: only a moderator moves it,
        // by one). An erased author has no profile left to count on.
        const authorRef = doc(db, `${base(cid)}/members/${String(snap.get('authorId'))}`);
        if ((await getDoc(authorRef)).exists()) batch.update(authorRef, {approvedPosts: increment(1)});
      } else if (c.action === 'hide') {
        if (status !== 'visible' && status !== 'held') throw new KindredError('permission-denied', 'Only a visible or held post can be hidden.');
        batch.set(hiddenRef(db, cid, t.threadId, t.postId), {threadId: t.threadId, postId: t.postId, body: snap.get('body'), hiddenBy: user.uid, at: serverTimestamp()});
        batch.update(postRef, {status: 'hidden', statusReason: c.reason, body: ''});
        if (status === 'visible') batch.update(threadRef, {postCount: increment(-1)});
        else batch.delete(marker);
      } else {
        if (status !== 'hidden') throw new KindredError('permission-denied', 'Only a hidden post can be restored.');
        const kept = await getDoc(hiddenRef(db, cid, t.threadId, t.postId));
        batch.update(postRef, {status: 'visible', statusReason: null, body: kept.exists() ? kept.get('body') : ''});
        if (kept.exists()) batch.delete(kept.ref);
        batch.update(threadRef, {postCount: increment(1)});
      }
    } else if (t.kind === 'report') {
      batch.update(doc(db, `${base(cid)}/reports/${t.reportId}`), {status: 'dismissed'});
    } else {
      const ref = doc(db, `${base(cid)}/roles/${t.uid}`);
      const existing = await getDoc(ref);
      const until = c.action === 'suspend' ? Timestamp.fromMillis(c.until!) : null;
      if (existing.exists()) batch.update(ref, {suspendedUntil: until, grantedBy: user.uid, updatedAt: serverTimestamp()});
      else {
        batch.set(ref, {uid: t.uid, roles: [], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: until, grantedBy: user.uid, updatedAt: serverTimestamp()});
      }
    }
    if ('reportId' in t && t.reportId) batch.update(doc(db, `${base(cid)}/reports/${t.reportId}`), {status: 'actioned'});
    const id = newId();
    batch.set(doc(db, `${base(cid)}/modLog/${id}`), {action: c.action, actorId: user.uid, targetPath: c.targetPath, reason: c.reason, at: serverTimestamp()});
    await batch.commit();
    return {id, action: c.action, actorId: user.uid, targetPath: c.targetPath, reason: c.reason, at: Date.now()};
  } catch (e) {
    throw mapFirebaseError(e, 'moderate');
  }
}
