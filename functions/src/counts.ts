// Issue 17: a thread's postCount / lastActivityAt / lastPostId, kept by the server past one write a second.
// What is counted, and the marker, are decided in src/data/domain/thread-counts.ts (shared with the stores).
//
// Every post change that can move the counts runs countThread(). It recounts the thread (an aggregation
// count() of the counted posts and the newest one: exact and idempotent, so a retried or duplicated event
// can never count a post twice, and nothing drifts) and writes the thread document with `countedAt` = the
// recount's read time, on the condition that the document did not change since it was read. A change whose
// commit time is at or before the thread's countedAt is already counted. Otherwise, if the thread was
// counted less than THREAD_COUNT_INTERVAL_MS ago, the call waits for the window to end (with jitter, so
// that one of the waiting calls recounts for all of them and the others find their change counted). So
// the thread document takes at most about one write a second however fast posts arrive, and every change
// is counted within about a second of its commit.
//
// Issue 16/17 (s5): the same recount writes `membersOnly` (domain thread-counts countedMembersOnly: members-only
// posts that are not held), so a visitor's reader takes the count from the thread document it already listens
// to instead of reading audienceCounts/{tid} (one billed read per first view). No client may write the field
// (firestore.rules: every client write of a thread names its keys; test/rules/members-only-count.test.ts).
import {Timestamp, type Firestore} from 'firebase-admin/firestore';
import {COUNTED_STATUSES, MEMBERS_ONLY_FIELD, SERVER_COUNTS_FIELD, THREAD_COUNT_INTERVAL_MS, movesServerCounts, recountedThread,
  type CountedPost} from '../../src/data/domain/thread-counts.js';
import {communityPath, layout} from '../../src/data/domain/layout.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** a ≥ b, to the nanosecond. */
const atOrAfter = (a: Timestamp, b: Timestamp) => a.seconds > b.seconds || (a.seconds === b.seconds && a.nanoseconds >= b.nanoseconds);

/** What countThread did: 'counted' (this call wrote the counts), 'covered' (a later recount already counted the change), 'no-thread'. */
export type CountOutcome = 'counted' | 'covered' | 'no-thread';

export interface CountOptions {
  /** The commit time of the change being counted (the event's time). */
  since: Timestamp;
  /** Minimum ms between two writes of one thread's counts. */
  intervalMs?: number;
  /** Upper bound of the random delay added after a window ends (spreads the waiting calls). */
  jitterMs?: number;
  /** Give up (throw, so the event is retried) after this long. */
  deadlineMs?: number;
}

/** Communities this instance has marked (services.threadCounts on the community document). */
const marked = new Set<string>();

/** Marks the community: from now on its stores create posts alone and firestore.rules refuse a client's count change. */
export async function markCountsKeptByServer(db: Firestore, cid: string): Promise<void> {
  if (marked.has(cid)) return;
  const ref = db.doc(communityPath(cid));
  const snap = await ref.get();
  if (snap.exists && snap.get(SERVER_COUNTS_FIELD) == null) await ref.update({[SERVER_COUNTS_FIELD]: Timestamp.now()});
  marked.add(cid);
}

/** The recount in flight per thread in this instance (its read time once written, null if it lost the race). */
const running = new Map<string, Promise<Timestamp | null>>();

/**
 * Recounts one thread (at most once per interval) until the change committed at `since` is counted. In one
 * instance (Cloud Functions runs many events per instance) at most one recount per thread is in flight and
 * the other calls wait for it; across instances the interval, the jitter and the conditional write keep the
 * thread to about one write a second.
 */
export async function countThread(db: Firestore, cid: string, tid: string, o: CountOptions): Promise<CountOutcome> {
  const interval = o.intervalMs ?? THREAD_COUNT_INTERVAL_MS;
  const jitter = o.jitterMs ?? Math.round(interval / 2);
  const deadline = Date.now() + (o.deadlineMs ?? 120000);
  const ref = db.doc(`${communityPath(cid)}/${layout.thread(tid)}`);
  const all = db.collection(`${communityPath(cid)}/${layout.posts(tid)}`);
  const posts = all.where('status', 'in', [...COUNTED_STATUSES]);
  // safety.countsAsMembersOnly as a query (index: posts audience + status, firestore.indexes.json).
  const membersOnly = all.where('audience', '==', 'members').where('status', '!=', 'held');
  for (;;) {
    if (Date.now() > deadline) throw new Error(`countThread ${cid}/${tid}: not counted within the deadline`);
    const inFlight = running.get(ref.path);
    if (inFlight) {
      const at = await inFlight.catch(() => null);
      if (at && atOrAfter(at, o.since)) return 'covered';
      continue;
    }
    const snap = await ref.get();
    if (!snap.exists) return 'no-thread';
    const countedAt = snap.get('countedAt') as Timestamp | undefined;
    if (countedAt && atOrAfter(countedAt, o.since)) return 'covered';
    const wait = countedAt ? countedAt.toMillis() + interval - Date.now() : 0;
    if (wait > 0) {
      await sleep(wait + Math.random() * jitter);
      continue;
    }
    if (running.has(ref.path)) continue;
    let done: (at: Timestamp | null) => void = () => {};
    running.set(ref.path, new Promise((r) => (done = r)));
    let wrote: Timestamp | null = null;
    try {
      const [count, newest, members] = await Promise.all([posts.count().get(), posts.orderBy('createdAt', 'desc').limit(1).get(), membersOnly.count().get()]);
      // The earliest of the three read times: every change committed at or before it is in all three.
      const readTime = [count.readTime, newest.readTime, members.readTime].reduce((a, b) => (atOrAfter(b, a) ? a : b));
      const top = newest.docs[0];
      const last = snap.get('lastActivityAt') as Timestamp | undefined;
      const next = recountedThread(
        {lastActivityAt: last?.toMillis() ?? 0, lastPostId: (snap.get('lastPostId') ?? null) as string | null},
        {count: count.data().count, newest: top ? {id: top.id, createdAt: (top.get('createdAt') as Timestamp).toMillis()} : null});
      // The newest post's own timestamp (not rebuilt from ms), so lastActivityAt equals its createdAt exactly.
      const topAt = top?.get('createdAt') as Timestamp | undefined;
      const lastActivityAt = topAt && next.lastPostId === top!.id && next.lastActivityAt === topAt.toMillis() ? topAt : last ?? Timestamp.now();
      try {
        await ref.update({postCount: next.postCount, lastActivityAt, lastPostId: next.lastPostId, [MEMBERS_ONLY_FIELD]: members.data().count, countedAt: readTime},
          {lastUpdateTime: snap.updateTime!});
        wrote = readTime;
      } catch (e) {
        // FAILED_PRECONDITION: the thread changed since it was read (another instance's recount, a moderator).
        if ((e as {code?: number}).code !== 9) throw e;
      }
    } finally {
      running.delete(ref.path);
      done(wrote);
    }
    if (wrote) return 'counted';
    await sleep(Math.random() * jitter);
  }
}

/**
 * The trigger's work for one post change (before → after: the post's {status, audience}, or its status alone;
 * undefined = no document), committed at `since`: nothing when the change cannot move the counts; else the
 * community is marked and the thread recounted (see countThread).
 */
export async function countPostChange(db: Firestore, cid: string, tid: string, before: CountedPost, after: CountedPost, since: Timestamp,
  o: Omit<CountOptions, 'since'> = {}): Promise<CountOutcome | 'unchanged'> {
  if (!movesServerCounts(before, after)) return 'unchanged';
  await markCountsKeptByServer(db, cid);
  return countThread(db, cid, tid, {...o, since});
}
