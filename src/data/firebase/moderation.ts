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
  Timestamp, collection, deleteField, doc, getDoc, increment, limit as qLimit, onSnapshot, orderBy, query, serverTimestamp, where,
  writeBatch, type DocumentSnapshot, type Firestore, type Query,
} from 'firebase/firestore';
import {watchPagedSource} from './paged-source.js';
import type {CrisisKind} from '../crisis.js';
import {membersOnlyDelta} from '../domain/safety.js';
import {checkModeration, sortQueue} from '../moderation.js';
import {isSuspended, newId} from '../policy.js';
import type {ModerationAction, ModerationItem, ModerationQueueOptions, ModerationTarget, OnError, Unsubscribe} from '../store.js';
import type {MemberProfile, ModLogEntry, Post, Report, RoleRecord, SessionUser, Thread} from '../types.js';
import {guard, requireModerator} from '../domain/access.js';
import {decideModeration, queueLimit, readReportAbout, reportAbout, reportItemFromAbout, type ReportAbout} from '../domain/moderation.js';
import {countsKeptByServer} from '../domain/thread-counts.js';
import {communityPath, layout} from '../domain/layout.js';
import {mapFirebaseError} from './errors.js';
import {dataOf, ms, toMember as decodeMember, toPost as decodePost, toRoles as decodeRoles} from './converters.js';

const base = communityPath;
export const heldMarkerRef = (db: Firestore, cid: string, tid: string, pid: string) => doc(db, `${base(cid)}/${layout.heldPost(tid, pid)}`);
export const heldMarker = (threadId: string, postId: string, authorId: string) => ({threadId, postId, authorId, createdAt: serverTimestamp()});
export const crisisFlagRef = (db: Firestore, cid: string, tid: string, pid: string) => doc(db, `${base(cid)}/${layout.crisisFlag(tid, pid)}`);
export const crisisFlag = (threadId: string, postId: string, authorId: string, kinds: CrisisKind[]) =>
  ({threadId, postId, authorId, kinds, createdAt: serverTimestamp()});
const flagKinds = (snap: DocumentSnapshot | undefined): CrisisKind[] | undefined =>
  (snap?.exists() ? (snap.get('kinds') as CrisisKind[]) : undefined);

const data = dataOf;
const num = ms;
const toPost = (snap: DocumentSnapshot, threadId: string, hiddenBody: string | null): Post | null => snap.exists() ? decodePost(snap, threadId, hiddenBody) : null;
const toMember = (snap: DocumentSnapshot): MemberProfile | null => snap.exists() ? decodeMember(snap) : null;
const toRoles = (snap: DocumentSnapshot): RoleRecord | null => snap.exists() ? decodeRoles(snap) : null;

const toReport = (snap: DocumentSnapshot): Report => {
  const {about: _about, ...fields} = data(snap);
  return {id: snap.id, ...fields} as Report;
};
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
    const snap = await reads.get(`${base(cid)}/${layout.post(tid, postId)}`);
    const hidden = snap.exists() && snap.get('status') === 'hidden'
      ? await reads.get(`${base(cid)}/${layout.hiddenBody(tid, postId)}`).then((h) => (h.exists() ? String(h.get('body')) : null))
      : null;
    return toPost(snap, tid, hidden);
  };
  const [post, threadSnap] = await Promise.all([load(pid), reads.get(`${base(cid)}/${layout.thread(tid)}`)]);
  const [parent, member, roles] = await Promise.all([
    post?.parentId ? load(post.parentId) : null,
    post ? reads.get(`${base(cid)}/${layout.member(post.authorId)}`).then(toMember) : null,
    post ? reads.get(`${base(cid)}/${layout.roles(post.authorId)}`).then(toRoles) : null,
  ]);
  return {
    id, kind, createdAt, report, post, parent, member,
    threadTitle: threadSnap.exists() ? String(threadSnap.get('title')) : null,
    suspendedUntil: isSuspended(roles) ? roles!.suspendedUntil : null,
  };
}

/**
 * Issue 17: the copy of a reported post that its report carries (domain ReportAbout), read by the reporter
 * when the report is made: the post, its thread and the post it replies to (3 reads at most, once per report,
 * so that the queue reads none). Null when any of them cannot be read or the post is not visible.
 */
export async function aboutReportedPost(db: Firestore, cid: string, tid: string, pid: string): Promise<ReportAbout | null> {
  try {
    const [postSnap, threadSnap] = await Promise.all([getDoc(doc(db, `${base(cid)}/${layout.post(tid, pid)}`)), getDoc(doc(db, `${base(cid)}/${layout.thread(tid)}`))]);
    const post = toPost(postSnap, tid, null);
    const parentSnap = post?.parentId ? await getDoc(doc(db, `${base(cid)}/${layout.post(tid, post.parentId)}`)) : null;
    return reportAbout(post, parentSnap ? toPost(parentSnap, tid, null) : null, threadSnap.exists() ? String(threadSnap.get('title')) : null);
  } catch {
    return null;
  }
}

/**
 * Issue 16: what a queue item was resolved from, so a refresh reuses it. `sig` is the marker document's
 * content (a report's status, a held marker, a flag); `post` and `uid` say which moderator actions make it
 * stale (see invalidateQueues).
 */
type Resolved = {sig: string; post: string | null; uid: string | null; item: Promise<ModerationItem | null>};

/** The open queues of this page, told when this page's moderator acted (see moderate()). */
const openQueues = new Set<(touched: {post: string | null; uid: string | null}) => void>();

/**
 * Open reports + held posts + crisis flags, each resolved to its content in context. Issue 16: incremental.
 * An item is read once (its post, parent, thread, author and the author's roles, each document once per
 * refresh however many items mention it) and kept while its marker document is unchanged, so a change to
 * the queue reads only the items it adds or changes (before, every change re-read every item: ~4–12
 * documents per item). An action of this page's moderator re-reads the items it touched (same post, or
 * same member) at once.
 */
export function watchModerationQueue(db: Firestore, cid: string, options: ModerationQueueOptions, next: (items: ModerationItem[]) => void, error: OnError): Unsubscribe {
  const order = options?.order === 'oldest' ? 'oldest' : 'newest';
  // Issue 17: one page. Each source (open reports, held markers, crisis flags) is asked for at most a page in
  // the queue's order; the merged queue shows the first `limit` of them (domain queueLimit).
  const limit = queueLimit(options);
  const dir = order === 'oldest' ? 'asc' : 'desc';
  let reports: DocumentSnapshot[] | null = null;
  let held: DocumentSnapshot[] | null = null;
  let flags: DocumentSnapshot[] | null = null;
  let generation = 0;
  let stopped = false;
  const cache = new Map<string, Resolved>();
  /** Issue 17: report items no longer shown from their copy of the post (see touched). */
  const reread = new Set<string>();
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
    const current = new Set<string>();
    /** The cached resolution of `id` while `marker` is unchanged; otherwise `make()` (with this refresh's reads). */
    const job = (id: string, marker: DocumentSnapshot, post: string | null, uid: string | null, make: () => Promise<ModerationItem | null>) => {
      current.add(id);
      const sig = JSON.stringify(marker.data() ?? null);
      let r = cache.get(id);
      if (!r || r.sig !== sig) {
        const item = make();
        const entry: Resolved = {sig, post, uid, item};
        r = entry;
        cache.set(id, entry);
        // The author of a reported post is known once it is read: a suspension of theirs makes it stale too.
        void item.then((i) => (entry.uid ??= i?.post?.authorId ?? i?.member?.uid ?? null), () => undefined);
        // A failed read is not kept: the next refresh tries again.
        item.catch(() => (cache.get(id)?.item === item ? cache.delete(id) : undefined));
      }
      jobs.push(r.item);
    };
    for (const snap of reports) {
      const r = toReport(snap);
      // Issue 17: a report that carries its post's copy is shown from it, with no reads.
      // Once this page's moderator acted on its post or author, it is read like any other (it may be hidden now).
      const about = readReportAbout(snap.get('about'));
      const copied = about && !reread.has(`report:${r.id}`) ? reportItemFromAbout(r, about) : null;
      if (copied && r.target.kind === 'post') {
        job(`report:${r.id}`, snap, `${r.target.threadId}/${r.target.postId}`, about!.authorId, () => Promise.resolve(copied));
      } else if (r.target.kind === 'post') {
        const {threadId, postId} = r.target;
        job(`report:${r.id}`, snap, `${threadId}/${postId}`, null,
          () => postItem(reads, cid, `report:${r.id}`, 'report', r.createdAt, r, threadId, postId));
      } else {
        const uid = r.target.uid;
        job(`report:${r.id}`, snap, null, uid, () => Promise.all([reads.get(`${base(cid)}/${layout.member(uid)}`), reads.get(`${base(cid)}/${layout.roles(uid)}`)]).then(([m, ro]) => {
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
      job(`held:${tid}/${pid}`, snap, `${tid}/${pid}`, String(snap.get('authorId') ?? '') || null,
        () => postItem(reads, cid, `held:${tid}/${pid}`, 'held', num(data(snap).createdAt), null, tid, pid)
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
      job(`crisis:${key}`, snap, key, String(snap.get('authorId') ?? '') || null,
        () => postItem(reads, cid, `crisis:${key}`, 'crisis', num(data(snap).createdAt), null, tid, pid)
          .then((item) => (item.post?.status === 'visible' ? item : null)));
    }
    for (const id of [...cache.keys()]) if (!current.has(id)) cache.delete(id);
    try {
      const page = sortQueue((await Promise.all(jobs)).filter((i): i is ModerationItem => i !== null), order).slice(0, limit);
      // Issue 17: crisis flags are paged too. When their page is full, a shown post whose flag is not in it is
      // looked up by id (this refresh's reads), so no held or reported post loses its crisis note.
      const full = flags.length >= limit;
      const items = await Promise.all(page.map(async (item) => {
        const key = item.post ? `${item.post.threadId}/${item.post.id}` : null;
        let flag = key ? flagged.get(key) : undefined;
        if (key && !flag && full) flag = await reads.get(`${base(cid)}/${layout.crisisFlag(item.post!.threadId, item.post!.id)}`);
        const kinds = flagKinds(flag);
        return kinds ? {...item, crisis: kinds} : item;
      }));
      if (mine === generation && !stopped) next(items);
    } catch (e) {
      fail(e);
    }
  };
  // This page's moderator acted: the items about that post or member are read again.
  const touched = (t: {post: string | null; uid: string | null}) => {
    let stale = false;
    for (const [id, r] of cache) {
      if ((t.post && r.post === t.post) || (t.uid && r.uid === t.uid)) {
        cache.delete(id);
        reread.add(id);
        stale = true;
      }
    }
    if (stale) void resolve();
  };
  openQueues.add(touched);
  // Issue 16/17 (s5): each source is a chain of live pages (./paged-source.ts): "Show more" (a larger limit)
  // reads only the new page of each source whose page was full, not the whole larger page again.
  const source = (name: string, q: Query, set: (docs: DocumentSnapshot[]) => void) => watchPagedSource(db, `${base(cid)}|${name}|${dir}`, q, dir, limit,
    (docs) => {
      set(docs);
      void resolve();
    }, (e) => fail(e), 'load the moderation queue');
  const u1 = source('reports', query(collection(db, `${base(cid)}/${layout.reports}`), where('status', '==', 'open'), orderBy('createdAt', dir)), (d) => (reports = d));
  const u2 = source('held', query(collection(db, `${base(cid)}/${layout.heldPosts}`), orderBy('createdAt', dir)), (d) => (held = d));
  const u3 = source('flags', query(collection(db, `${base(cid)}/${layout.crisisFlags}`), orderBy('createdAt', dir)), (d) => (flags = d));
  function stop() {
    openQueues.delete(touched);
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
  return onSnapshot(query(collection(db, `${base(cid)}/${layout.modLog}`), orderBy('at', 'desc'), qLimit(n)),
    (s) => next(s.docs.map(toEntry)), (e) => error(mapFirebaseError(e, 'load the moderation log')));
}

export async function moderate(db: Firestore, cid: string, user: SessionUser | null, action: ModerationAction, target: ModerationTarget, reason: string): Promise<ModLogEntry> {
  if (!user) throw guard.moderatorSignIn();
  const c = checkModeration(action, target, reason, Date.now());
  const at = (path: string) => doc(db, `${base(cid)}/${path}`);
  try {
    const t = c.target;
    const reportId = t.kind === 'report' ? t.reportId : 'reportId' in t ? t.reportId : undefined;
    const none = Promise.resolve(null);
    const [meMember, meRoles, postSnap, threadSnap, hiddenSnap, reportSnap, targetSnap, targetRolesSnap, communitySnap] = await Promise.all([
      getDoc(at(layout.member(user.uid))), getDoc(at(layout.roles(user.uid))),
      t.kind === 'post' ? getDoc(at(layout.post(t.threadId, t.postId))) : none,
      t.kind === 'post' ? getDoc(at(layout.thread(t.threadId))) : none,
      t.kind === 'post' ? getDoc(at(layout.hiddenBody(t.threadId, t.postId))) : none,
      reportId ? getDoc(at(layout.report(reportId))) : none,
      t.kind === 'member' ? getDoc(at(layout.member(t.uid))) : none,
      t.kind === 'member' ? getDoc(at(layout.roles(t.uid))) : none,
      // Issue 17: whether the counting function keeps the thread's counts (then firestore.rules refuse our moving them).
      t.kind === 'post' ? getDoc(doc(db, base(cid))) : none,
    ]);
    const roles = toRoles(meRoles);
    requireModerator({user, member: toMember(meMember), roles, now: Date.now()}, true);
    const post = postSnap?.exists() ? {status: postSnap.get('status') as Post['status'], authorId: String(postSnap.get('authorId')), body: String(postSnap.get('body') ?? '')} : null;
    const authorSnap = post ? await getDoc(at(layout.member(post.authorId))) : null;
    const e = decideModeration(c, {
      me: user.uid, callerIsAdmin: roles?.roles.includes('admin') ?? false,
      post, threadStatus: threadSnap?.exists() ? threadSnap.get('status') as Thread['status'] : null,
      authorIsMember: !!authorSnap?.exists(), hiddenBody: hiddenSnap?.exists() ? String(hiddenSnap.get('body')) : null,
      reportExists: !!reportSnap?.exists(), targetIsMember: !!targetSnap?.exists(), targetRoles: targetRolesSnap ? toRoles(targetRolesSnap) : null,
      countsKeptByServer: countsKeptByServer(communitySnap?.data()),
    }, Date.now());
    // The domain's answer as one batch, shaped as firestore.rules expects (server times, increments).
    const batch = writeBatch(db);
    if (t.kind === 'post') {
      if (e.crisisFlagDone) batch.delete(at(layout.crisisFlag(t.threadId, t.postId)));
      if (e.post) batch.update(at(layout.post(t.threadId, t.postId)), e.post);
      // Issue 18: a members-only post leaving 'held' (approved, or hidden from the queue) joins the thread's
      // members-only count that visitors are told (domain/safety.ts; firestore.rules audienceCounts).
      const audience = postSnap?.exists() ? postSnap.get('audience') : undefined;
      const delta = post && e.post?.status ? membersOnlyDelta({audience, status: post.status}, {audience, status: e.post.status}) : 0;
      if (delta) batch.set(at(`audienceCounts/${t.threadId}`), {membersOnly: increment(delta), lastPostId: t.postId}, {merge: true});
      if (e.postCount || e.listThread) {
        batch.update(at(layout.thread(t.threadId)), {...(e.postCount ? {postCount: increment(e.postCount)} : {}), ...(e.listThread ? {status: 'visible'} : {})});
      }
      if (e.heldMarkerDone) batch.delete(at(layout.heldPost(t.threadId, t.postId)));
      // The author's approval count, which 'first-posts' reads (firestore.rules: only a moderator moves it, by one).
      if (e.approvalFor) batch.update(at(layout.member(e.approvalFor)), {approvedPosts: increment(1)});
      if (e.hiddenBody === 'delete') batch.delete(at(layout.hiddenBody(t.threadId, t.postId)));
      else if (e.hiddenBody) batch.set(at(layout.hiddenBody(t.threadId, t.postId)), {...e.hiddenBody, at: serverTimestamp()});
    }
    // Issue 17: a closed report drops its copy of the post (domain ReportAbout): the text is kept no longer than needed.
    for (const r of e.reports) batch.update(at(layout.report(r.id)), {status: r.status, about: deleteField()});
    if (e.suspension) {
      const until = e.suspension.until === null ? null : Timestamp.fromMillis(e.suspension.until);
      const ref = at(layout.roles(e.suspension.uid));
      if (!e.suspension.create) batch.update(ref, {suspendedUntil: until, grantedBy: user.uid, updatedAt: serverTimestamp()});
      else {
        batch.set(ref, {uid: e.suspension.uid, roles: [], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: until, grantedBy: user.uid, updatedAt: serverTimestamp()});
      }
    }
    const id = newId();
    batch.set(at(layout.logEntry(id)), {...e.log, at: serverTimestamp()});
    await batch.commit();
    // Issue 16: the open queues re-read what this action changed (the post, its author, a suspended member).
    const touched = {post: t.kind === 'post' ? `${t.threadId}/${t.postId}` : null, uid: e.suspension?.uid ?? (t.kind === 'member' ? t.uid : post?.authorId ?? null)};
    for (const q of [...openQueues]) q(touched);
    return {id, ...e.log, at: Date.now()};
  } catch (e) {
    throw mapFirebaseError(e, 'moderate');
  }
}
