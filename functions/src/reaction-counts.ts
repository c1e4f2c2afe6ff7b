// Issue 17 (s5): a post's reaction counts, kept by the server past one write a second (the campaign post that
// 200 members react to in a minute). What is counted, and the marker, are decided in
// src/data/domain/reaction-counts.ts (shared with FirebaseStore).
//
// The same design as the thread counts (./counts.ts): every reaction created or deleted runs countReactions(),
// which recounts the post's reactions (one aggregation count() per kind over reactions/{postId}_{uid}_{kind}:
// exact and idempotent, so a retried or duplicated event can never count a reaction twice, and nothing drifts)
// and writes the post's `reactions` with `reactionsCountedAt` = the recount's read time, on the condition that
// the post did not change since it was read. A reaction committed at or before the post's reactionsCountedAt
// is already counted. Otherwise, if the post was counted less than REACTION_COUNT_INTERVAL_MS ago, the call
// waits for the window to end (with jitter), so one of the waiting calls recounts for all of them. In one
// instance at most one recount per post is in flight. So a post takes about one count write a second however
// fast reactions arrive, and every reaction is counted within about a second of its commit.
import {Timestamp, type Firestore} from 'firebase-admin/firestore';
import {REACTIONS_COUNTED_AT, REACTION_COUNTS_FIELD, REACTION_COUNT_INTERVAL_MS, movesReactionCounts, reactionTarget} from '../../src/data/domain/reaction-counts.js';
import {communityPath, layout} from '../../src/data/domain/layout.js';
import {REACTION_KINDS, type ReactionKind} from '../../src/data/types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** a ≥ b, to the nanosecond. */
const atOrAfter = (a: Timestamp, b: Timestamp) => a.seconds > b.seconds || (a.seconds === b.seconds && a.nanoseconds >= b.nanoseconds);

/** What countReactions did: 'counted' (this call wrote the counts), 'covered' (a later recount already counted the change), 'no-post'. */
export type ReactionCountOutcome = 'counted' | 'covered' | 'no-post';

export interface ReactionCountOptions {
  /** The commit time of the reaction change being counted (the event's time). */
  since: Timestamp;
  /** Minimum ms between two writes of one post's counts. */
  intervalMs?: number;
  /** Upper bound of the random delay added after a window ends. */
  jitterMs?: number;
  /** Give up (throw, so the event is retried) after this long. */
  deadlineMs?: number;
}

const marked = new Set<string>();

/** Marks the community: from now on its stores write a reaction alone and firestore.rules refuse a client's count change. */
export async function markReactionCountsKeptByServer(db: Firestore, cid: string): Promise<void> {
  if (marked.has(cid)) return;
  const ref = db.doc(communityPath(cid));
  const snap = await ref.get();
  if (snap.exists && snap.get(REACTION_COUNTS_FIELD) == null) await ref.update({[REACTION_COUNTS_FIELD]: Timestamp.now()});
  marked.add(cid);
}

const running = new Map<string, Promise<Timestamp | null>>();

/** Recounts one post's reactions (at most once per interval) until the change committed at `since` is counted. */
export async function countReactions(db: Firestore, cid: string, tid: string, pid: string, o: ReactionCountOptions): Promise<ReactionCountOutcome> {
  const interval = o.intervalMs ?? REACTION_COUNT_INTERVAL_MS;
  const jitter = o.jitterMs ?? Math.round(interval / 2);
  const deadline = Date.now() + (o.deadlineMs ?? 120000);
  const ref = db.doc(`${communityPath(cid)}/${layout.post(tid, pid)}`);
  const reactions = db.collection(`${communityPath(cid)}/${layout.reactions(tid)}`).where('postId', '==', pid);
  for (;;) {
    if (Date.now() > deadline) throw new Error(`countReactions ${cid}/${tid}/${pid}: not counted within the deadline`);
    const inFlight = running.get(ref.path);
    if (inFlight) {
      const at = await inFlight.catch(() => null);
      if (at && atOrAfter(at, o.since)) return 'covered';
      continue;
    }
    const snap = await ref.get();
    if (!snap.exists) return 'no-post';
    const countedAt = snap.get(REACTIONS_COUNTED_AT) as Timestamp | undefined;
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
      const found = await Promise.all(REACTION_KINDS.map((k) => reactions.where('kind', '==', k).count().get()));
      // The earliest read time of the four: every reaction committed at or before it is in every count.
      const readTime = found.map((f) => f.readTime).reduce((a, b) => (atOrAfter(a, b) ? b : a));
      const counts = Object.fromEntries(REACTION_KINDS.map((k, i) => [k, found[i].data().count])) as Record<ReactionKind, number>;
      try {
        await ref.update({reactions: counts, [REACTIONS_COUNTED_AT]: readTime}, {lastUpdateTime: snap.updateTime!});
        wrote = readTime;
      } catch (e) {
        // FAILED_PRECONDITION: the post changed since it was read (another recount, an edit, a moderator).
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
 * The trigger's work for one reaction document change (its data before → after; null/undefined = no document),
 * committed at `since`: nothing for an update (a reaction is created or deleted, never changed); else the
 * community is marked and the post's reactions recounted (see countReactions).
 */
export async function countReactionChange(db: Firestore, cid: string, tid: string, before: unknown, after: unknown, since: Timestamp,
  o: Omit<ReactionCountOptions, 'since'> = {}): Promise<ReactionCountOutcome | 'unchanged'> {
  const target = reactionTarget(before, after);
  if (!target || !movesReactionCounts(before, after)) return 'unchanged';
  await markReactionCountsKeptByServer(db, cid);
  return countReactions(db, cid, tid, target.postId, {...o, since});
}
