// FirebaseStore's moderation (issue 7): the queue, moderator actions and the log. Documents (see
// firestore.rules):
//
//   communities/{cid}/heldPosts/{tid}_{pid}     {threadId, postId, authorId, createdAt}: written with a held
//                                               post, so moderators can list held posts with one query
//   communities/{cid}/hiddenBodies/{tid}_{pid}  {threadId, postId, body, hiddenBy, at}: a hidden post's text,
//                                               moderators only; the post itself keeps body ''
//   communities/{cid}/modLog/{eid}              every action appends one entry in the same batch
import {
  Timestamp, collection, doc, getDoc, increment, limit as qLimit, onSnapshot, orderBy, query, serverTimestamp, where,
  writeBatch, type DocumentSnapshot, type Firestore,
} from 'firebase/firestore';
import {KindredError} from '../errors.js';
import {checkModeration, sortQueue} from '../moderation.js';
import {DEFAULT_REACTIONS, isModerator, isSuspended, newId, sanitizeRoles} from '../policy.js';
import type {ModerationAction, ModerationItem, ModerationQueueOptions, ModerationTarget, OnError, Unsubscribe} from '../store.js';
import type {MemberProfile, ModLogEntry, Post, ReactionKind, Report, RoleRecord, SessionUser} from '../types.js';
import {mapFirebaseError} from './errors.js';

const base = (cid: string) => `communities/${cid}`;
export const heldMarkerRef = (db: Firestore, cid: string, tid: string, pid: string) => doc(db, `${base(cid)}/heldPosts/${tid}_${pid}`);
export const heldMarker = (threadId: string, postId: string, authorId: string) => ({threadId, postId, authorId, createdAt: serverTimestamp()});
const hiddenRef = (db: Firestore, cid: string, tid: string, pid: string) => doc(db, `${base(cid)}/hiddenBodies/${tid}_${pid}`);

function plain(value: unknown): unknown {
  if (value instanceof Timestamp) return Math.floor(value.toMillis());
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}
const data = (snap: DocumentSnapshot) => plain(snap.data({serverTimestamps: 'estimate'}) ?? {}) as Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' ? v : Date.now());

function toPost(snap: DocumentSnapshot, threadId: string, hiddenBody: string | null): Post | null {
  if (!snap.exists()) return null;
  const d = data(snap);
  const status = d.status as Post['status'];
  return {
    id: snap.id, threadId,
    body: status === 'hidden' ? hiddenBody ?? '' : status === 'deleted' ? '' : String(d.body ?? ''),
    authorId: d.authorId as string, authorName: d.authorName as string,
    authorRelationship: d.authorRelationship as Post['authorRelationship'],
    authorAvatarUrl: (d.authorAvatarUrl ?? null) as string | null, authorAvatarHue: (d.authorAvatarHue ?? 0) as number,
    authorBadges: sanitizeRoles(d.authorBadges), parentId: (d.parentId ?? null) as string | null,
    createdAt: num(d.createdAt), editedAt: typeof d.editedAt === 'number' ? d.editedAt : null, status,
    statusReason: (d.statusReason ?? null) as string | null,
    reactions: {...DEFAULT_REACTIONS(), ...(d.reactions as Partial<Record<ReactionKind, number>> | undefined)},
  };
}

function toMember(snap: DocumentSnapshot): MemberProfile | null {
  if (!snap.exists()) return null;
  const d = data(snap);
  return {
    uid: snap.id, pseudonym: d.pseudonym as string, avatarUrl: (d.avatarUrl ?? null) as string | null,
    avatarHue: (d.avatarHue ?? 0) as number, relationship: d.relationship as MemberProfile['relationship'],
    bio: (d.bio ?? '') as string, tags: (d.tags ?? []) as string[], listed: d.listed === true, badges: sanitizeRoles(d.badges),
    clinicianScope: (d.clinicianScope ?? null) as string | null, joinedAt: num(d.joinedAt),
    pseudonymLower: (d.pseudonymLower ?? String(d.pseudonym).toLowerCase()) as string,
  };
}

function toRoles(snap: DocumentSnapshot): RoleRecord | null {
  if (!snap.exists()) return null;
  const d = data(snap);
  return {
    uid: snap.id, roles: sanitizeRoles(d.roles), clinicianScope: (d.clinicianScope ?? null) as string | null,
    verifiedBy: (d.verifiedBy ?? null) as string | null, verifiedAt: typeof d.verifiedAt === 'number' ? d.verifiedAt : null,
    suspendedUntil: typeof d.suspendedUntil === 'number' ? d.suspendedUntil : null, grantedBy: String(d.grantedBy ?? ''),
    updatedAt: num(d.updatedAt),
  };
}

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

async function postItem(reads: Reads, cid: string, id: string, kind: 'report' | 'held', createdAt: number, report: Report | null, tid: string, pid: string): Promise<ModerationItem> {
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
  let generation = 0;
  let stopped = false;
  const fail = (e: unknown) => {
    if (stopped) return;
    stopped = true;
    stop();
    error(mapFirebaseError(e, 'load the moderation queue'));
  };
  const resolve = async () => {
    if (!reports || !held) return;
    const mine = ++generation;
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
    try {
      const items = (await Promise.all(jobs)).filter((i): i is ModerationItem => i !== null);
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
  function stop() {
    u1();
    u2();
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
      if (c.action === 'approve') {
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
