// Delivery: loads what an event touches with the Admin SDK, asks the domain (src/data/domain/
// notifications.ts) who is told what, and writes its answer. Nothing is decided here.
//
// Idempotent: every notification and mail document has a deterministic id (the event's post, reaction,
// connection or report and the recipient). `create` deliveries write only the ids that do not exist yet,
// in batches of at most NOTIFY_LIMITS.batch writes, with the recipient's immediate email in the same
// batch; a retried event (or one delivered twice) finds them and writes nothing. `bump` deliveries (the
// gathered reaction line) run in a transaction and only ever raise the count.
import {Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore} from 'firebase-admin/firestore';
import {pairId} from '../../src/data/connections.js';
import {
  NOTIFY_LIMITS, bumped, decideConnection, decidePostWrite, decideReaction, decideReport, digestMail, followOnPost,
  immediateMail, isEmailAddress, mailOpenLink, readPrefs, wantsImmediateEmail,
  type Delivery, type FollowRecord, type KinNotification, type NotifyPrefs, type Recipient, type ThreadCtx,
} from '../../src/data/domain/notifications.js';
import type {Community, Connection, Post, ReactionKind, Report, RoleRecord, Thread} from '../../src/data/types.js';
import {unsubscribeUrl} from './unsubscribe.js';

/** Where links in emails point. */
export interface MailConfig {
  /** The page that hosts the community (the bell opens from there). */
  siteUrl: string;
  /** The deployed `unsubscribe` function's URL. */
  unsubscribeUrl: string;
  secret: string;
  now: number;
}

/** Firestore values → plain objects (Timestamps → epoch ms), as the domain expects. */
export function plain(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toMillis();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

export const dataOf = <T>(snap: DocumentSnapshot | undefined | null): T | null =>
  snap?.exists ? plain(snap.data()) as T : null;

const c = (cid: string) => `communities/${cid}`;
export const notificationRef = (db: Firestore, cid: string, uid: string, id: string) => db.doc(`${c(cid)}/notifications/${uid}/items/${id}`);
export const mailRef = (db: Firestore, cid: string, uid: string, id: string) => db.doc(`mail/${cid}~${uid}~${id}`);

function stored(n: KinNotification): Record<string, unknown> {
  const {id: _id, ...rest} = n;
  return {...rest, createdAt: Timestamp.fromMillis(n.createdAt), updatedAt: Timestamp.fromMillis(n.updatedAt)};
}

async function getAll(db: Firestore, refs: DocumentReference[]): Promise<DocumentSnapshot[]> {
  const out: DocumentSnapshot[] = [];
  for (let i = 0; i < refs.length; i += 300) if (refs.slice(i, i + 300).length) out.push(...await db.getAll(...refs.slice(i, i + 300)));
  return out;
}

/** Members, roles and blocks of possible recipients, in bulk reads. */
export async function loadRecipients(db: Firestore, cid: string, uids: Iterable<string>, actorId: string | null): Promise<Map<string, Recipient>> {
  const list = [...new Set(uids)].filter((u) => u && u !== 'former-member');
  const [members, roles, pairs] = await Promise.all([
    getAll(db, list.map((u) => db.doc(`${c(cid)}/members/${u}`))),
    getAll(db, list.map((u) => db.doc(`${c(cid)}/roles/${u}`))),
    actorId ? getAll(db, list.map((u) => db.doc(`${c(cid)}/connections/${pairId(u, actorId)}`))) : Promise.resolve([] as DocumentSnapshot[]),
  ]);
  const out = new Map<string, Recipient>();
  list.forEach((uid, i) => {
    const pair = actorId ? dataOf<Connection>(pairs[i]) : null;
    out.set(uid, {
      uid,
      member: members[i].exists ? {uid} : null,
      roles: dataOf<RoleRecord>(roles[i]),
      blockedWithActor: pair?.status === 'ended',
    });
  });
  return out;
}

async function threadCtx(db: Firestore, cid: string, community: Community | null, threadId: string): Promise<ThreadCtx> {
  const [thread, reported] = await Promise.all([
    db.doc(`${c(cid)}/threads/${threadId}`).get(),
    db.doc(`${c(cid)}/reportedThreads/${threadId}`).get(),
  ]);
  const t = dataOf<Thread>(thread);
  return {
    visibility: community?.settings.visibility ?? 'members',
    thread: t ? {id: threadId, participants: t.participants ?? null, authorId: t.authorId} : null,
    reported: reported.exists,
  };
}

async function moderatorIds(db: Firestore, cid: string): Promise<string[]> {
  const snap = await db.collection(`${c(cid)}/roles`).where('roles', 'array-contains-any', ['moderator', 'admin']).get();
  return snap.docs.map((d) => d.id);
}

async function community(db: Firestore, cid: string): Promise<Community | null> {
  return dataOf<Community>(await db.doc(c(cid)).get());
}

// Communities this instance has marked: services/notifications tells the bell they are switched on.
const marked = new Set<string>();
async function markSwitchedOn(db: Firestore, cid: string): Promise<void> {
  if (marked.has(cid)) return;
  await db.doc(`${c(cid)}/services/notifications`).create({since: Timestamp.now()})
    .catch((e: {code?: number}) => { if (e.code !== 6) throw e; });
  marked.add(cid);
}

/** What one event wrote: for tests and the note's figures. */
export interface DeliveryReport {
  notifications: number;
  mails: number;
  batches: number;
}

/**
 * Writes `create` deliveries that do not exist yet (with their immediate emails) in batches, and `bump`
 * deliveries in transactions.
 */
export async function write(db: Firestore, cid: string, deliveries: Delivery[], mail: MailConfig | null, comm: Community | null): Promise<DeliveryReport> {
  await markSwitchedOn(db, cid);
  const report: DeliveryReport = {notifications: 0, mails: 0, batches: 0};
  const creates = deliveries.filter((d) => d.mode === 'create');
  const existing = await getAll(db, creates.map((d) => notificationRef(db, cid, d.uid, d.notification.id)));
  const fresh = creates.filter((_d, i) => !existing[i].exists);
  // Immediate emails: the recipients' choices, from their private records.
  const privates = mail && comm && fresh.length
    ? await getAll(db, [...new Set(fresh.map((d) => d.uid))].map((u) => db.doc(`${c(cid)}/private/${u}`)))
    : [];
  const prefs = new Map<string, NotifyPrefs>();
  for (const p of privates) if (p.exists) prefs.set(p.id, readPrefs(p.get('notify')));

  let batch = db.batch();
  let n = 0;
  const flush = async () => {
    if (!n) return;
    await batch.commit();
    report.batches++;
    batch = db.batch();
    n = 0;
  };
  for (const d of fresh) {
    const mailDoc = mail && comm ? emailFor(d, prefs.get(d.uid) ?? null, cid, comm, mail) : null;
    if (n + (mailDoc ? 2 : 1) > NOTIFY_LIMITS.batch) await flush();
    batch.create(notificationRef(db, cid, d.uid, d.notification.id), stored(d.notification));
    n++;
    report.notifications++;
    if (mailDoc) {
      batch.create(mailRef(db, cid, d.uid, d.notification.id), {...mailDoc, kindred: {communityId: cid, uid: d.uid, kind: d.notification.kind}});
      n++;
      report.mails++;
    }
  }
  await flush();

  for (const d of deliveries.filter((x) => x.mode === 'bump')) {
    const ref = notificationRef(db, cid, d.uid, d.notification.id);
    const wrote = await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      const current = snap.exists ? {...(plain(snap.data()) as KinNotification), id: snap.id} : null;
      const next = bumped(current, d.notification);
      if (!next) return false;
      tx.set(ref, stored(next));
      return true;
    });
    if (wrote) report.notifications++;
  }
  return report;
}

function emailFor(d: Delivery, prefs: NotifyPrefs | null, cid: string, comm: Community, mail: MailConfig) {
  if (!prefs || !wantsImmediateEmail(prefs, d.notification.kind) || !isEmailAddress(prefs.address)) return null;
  return immediateMail(d.notification, prefs.address, comm.name, prefs.language, {
    open: mailOpenLink(mail.siteUrl, d.notification),
    unsubscribe: unsubscribeUrl(mail.unsubscribeUrl, mail.secret, cid, d.uid, mail.now + NOTIFY_LIMITS.unsubscribeMs),
  });
}

// Events ------------------------------------------------------------------------------------------

type PostDoc = Pick<Post, 'authorId' | 'parentId' | 'status' | 'statusReason'>;

/** threads/{tid}/posts/{pid} was written. */
export async function onPost(db: Firestore, p: {cid: string; tid: string; pid: string}, before: PostDoc | null, after: PostDoc | null,
  mail: MailConfig | null, now = Date.now()): Promise<DeliveryReport> {
  if (!after) return {notifications: 0, mails: 0, batches: 0};
  const comm = await community(db, p.cid);
  const ctx = await threadCtx(db, p.cid, comm, p.tid);
  // Posting follows the thread (once: an unfollow on purpose stays).
  if (!before && after.authorId !== 'former-member') {
    const ref = db.doc(`${c(p.cid)}/threads/${p.tid}/followers/${after.authorId}`);
    const follow = followOnPost(after.authorId, dataOf<FollowRecord>(await ref.get()), now);
    if (follow) await ref.create({...follow, at: Timestamp.fromMillis(follow.at)}).catch((e: {code?: number}) => { if (e.code !== 6) throw e; });
  }
  const needsReaders = after.status === 'visible' && (!before || before.status === 'held');
  const needsMods = after.status === 'held' && (!before || before.status === 'visible');
  const [parent, followers, mods] = await Promise.all([
    needsReaders && after.parentId ? db.doc(`${c(p.cid)}/threads/${p.tid}/posts/${after.parentId}`).get() : null,
    needsReaders ? db.collection(`${c(p.cid)}/threads/${p.tid}/followers`).where('state', '==', 'following').get() : null,
    needsMods ? moderatorIds(db, p.cid) : Promise.resolve([] as string[]),
  ]);
  const audience = {
    parentAuthorId: parent?.exists ? String(parent.get('authorId')) : null,
    followerIds: followers ? followers.docs.map((d) => d.id) : [],
    moderatorIds: mods,
  };
  const recipients = await loadRecipients(db, p.cid,
    [after.authorId, ...(audience.parentAuthorId ? [audience.parentAuthorId] : []), ...audience.followerIds, ...audience.moderatorIds],
    after.authorId);
  // The author's own outcome is not "across a block" with anyone: load them without an actor.
  const self = (await loadRecipients(db, p.cid, [after.authorId], null)).get(after.authorId);
  if (self) recipients.set(after.authorId, self);
  const deliveries = decidePostWrite({threadId: p.tid, postId: p.pid, before, after, audience, recipients, ctx, now});
  return write(db, p.cid, deliveries, mail, comm);
}

/** threads/{tid}/reactions/{pid}_{uid}_{kind} was created. */
export async function onReaction(db: Firestore, p: {cid: string; tid: string}, reaction: {postId: string; uid: string; kind: ReactionKind},
  mail: MailConfig | null, now = Date.now()): Promise<DeliveryReport> {
  const comm = await community(db, p.cid);
  const [ctx, postSnap] = await Promise.all([threadCtx(db, p.cid, comm, p.tid), db.doc(`${c(p.cid)}/threads/${p.tid}/posts/${reaction.postId}`).get()]);
  const post = dataOf<Post>(postSnap);
  const recipient = post ? (await loadRecipients(db, p.cid, [post.authorId], reaction.uid)).get(post.authorId) ?? null : null;
  const deliveries = decideReaction({threadId: p.tid, postId: reaction.postId, kind: reaction.kind, actorId: reaction.uid, post, recipient, ctx, now});
  return write(db, p.cid, deliveries, mail, comm);
}

/** connections/{id} was written. */
export async function onConnection(db: Firestore, cid: string, before: Connection | null, after: Connection | null,
  mail: MailConfig | null, now = Date.now()): Promise<DeliveryReport> {
  if (!after) return {notifications: 0, mails: 0, batches: 0};
  // The pair's own document is not a block between them while it is pending or accepted.
  const recipients = await loadRecipients(db, cid, after.members, null);
  const deliveries = decideConnection({before, after, recipients, now});
  return write(db, cid, deliveries, mail, await community(db, cid));
}

/** reports/{rid} was created. */
export async function onReport(db: Firestore, cid: string, report: Report, mail: MailConfig | null, now = Date.now()): Promise<DeliveryReport> {
  const comm = await community(db, cid);
  const mods = await moderatorIds(db, cid);
  const ctx = report.target.kind === 'post' ? await threadCtx(db, cid, comm, report.target.threadId) : null;
  const recipients = await loadRecipients(db, cid, mods, report.reporterId);
  const deliveries = decideReport({report, moderatorIds: mods, recipients, ctx, now});
  return write(db, cid, deliveries, mail, comm);
}

// Daily digest --------------------------------------------------------------------------------------

/**
 * One email per member who chose the daily digest and has unread notifications newer than their last
 * digest. The mail id names the day, so a retried run sends nothing twice.
 */
export async function runDigest(db: Firestore, mail: MailConfig): Promise<{mails: number}> {
  const day = new Date(mail.now).toISOString().slice(0, 10);
  const wanting = await db.collectionGroup('private').where('notify.email', '==', 'daily').get();
  let mails = 0;
  for (const doc of wanting.docs) {
    const cid = doc.ref.parent.parent?.id;
    const uid = doc.id;
    if (!cid) continue;
    const prefs = readPrefs(doc.get('notify'));
    if (!isEmailAddress(prefs.address)) continue;
    // When the last digest went out: on the server-only parent of the member's notifications.
    const stateRef = db.doc(`${c(cid)}/notifications/${uid}`);
    const last = (await stateRef.get()).get('digestAt');
    const since = last instanceof Timestamp ? last : Timestamp.fromMillis(0);
    const unread = await db.collection(`${c(cid)}/notifications/${uid}/items`)
      .where('read', '==', false).where('updatedAt', '>', since).orderBy('updatedAt', 'desc').limit(200).get();
    const items = unread.docs.map((d) => ({kind: d.get('kind'), count: Number(d.get('count') ?? 1)}));
    const comm = await community(db, cid);
    const member = await db.doc(`${c(cid)}/members/${uid}`).get();
    if (!comm || !member.exists) continue;
    const message = digestMail(items, prefs.address, comm.name, prefs.language, {
      open: mailOpenLink(mail.siteUrl, {threadId: null, postId: null}),
      unsubscribe: unsubscribeUrl(mail.unsubscribeUrl, mail.secret, cid, uid, mail.now + NOTIFY_LIMITS.unsubscribeMs),
    });
    if (!message) continue;
    const ref = db.doc(`mail/${cid}~${uid}~digest~${day}`);
    const batch = db.batch();
    batch.create(ref, {...message, kindred: {communityId: cid, uid, kind: 'digest'}});
    batch.set(stateRef, {digestAt: Timestamp.fromMillis(mail.now)}, {merge: true});
    try {
      await batch.commit();
      mails++;
    } catch (e) {
      if ((e as {code?: number}).code !== 6) throw e; // ALREADY_EXISTS: today's digest went out already
    }
  }
  return {mails};
}

/** Turns a member's emails off (the unsubscribe link). Missing record (erased) = nothing to do. */
export async function emailOff(db: Firestore, cid: string, uid: string): Promise<void> {
  const ref = db.doc(`${c(cid)}/private/${uid}`);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return;
    tx.update(ref, {'notify.email': 'off'});
  });
}


/**
 * Erasure (members/{uid} deleted): the member's notifications, digest state, follows and unsent emails
 * go too, so nothing of them remains in the community.
 */
export async function forgetMember(db: Firestore, cid: string, uid: string): Promise<number> {
  let removed = 0;
  await db.recursiveDelete(db.doc(`${c(cid)}/notifications/${uid}`));
  const follows = await db.collectionGroup('followers').where('uid', '==', uid).get();
  const mails = await db.collection('mail').where('kindred.uid', '==', uid).where('kindred.communityId', '==', cid).get();
  const refs = [...follows.docs.filter((d) => d.ref.path.startsWith(`${c(cid)}/`)), ...mails.docs].map((d) => d.ref);
  for (let i = 0; i < refs.length; i += NOTIFY_LIMITS.batch) {
    const batch = db.batch();
    for (const ref of refs.slice(i, i + NOTIFY_LIMITS.batch)) batch.delete(ref);
    await batch.commit();
    removed += Math.min(NOTIFY_LIMITS.batch, refs.length - i);
  }
  return removed;
}
