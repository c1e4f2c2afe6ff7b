// Issue 17: who keeps a thread's postCount and lastActivityAt, and what they count. Both stores and the
// counting Cloud Function (functions/src/counts.ts) ask here. No imports beyond types.
//
// Firestore sustains about one write a second on one document. A thread that took a write from every post
// stops at that rate (a campaign thread gets 10 posts a second), so once a community runs the counting
// function, a post is a single-document create and the function keeps the thread's counts: it recounts
// (an aggregation count plus the newest post) at most once per THREAD_COUNT_INTERVAL_MS per thread and
// writes the thread document once for all the posts of that second. The function marks the community
// document (`services.threadCounts`, written by the Admin SDK; no client may write it) when it first runs
// for it; from then on firestore.rules refuse a client's count change, and the stores stop writing one.
// Without the function (small communities, the LocalStore) the post's batch moves the count as before.

/** The post statuses a thread's postCount counts: visible posts and placeholders of deleted ones (an author's delete keeps the count; a moderator's hide lowers it). */
export const COUNTED_STATUSES: readonly string[] = ['visible', 'deleted'];

/** Whether a post with this status (null: no post) counts in its thread's postCount. */
export const countedInThread = (status: unknown): boolean => typeof status === 'string' && COUNTED_STATUSES.includes(status);

/** Whether a change of a post (status before → after; null = no document) can move its thread's counts. */
export const movesThreadCounts = (before: unknown, after: unknown): boolean => countedInThread(before) !== countedInThread(after);

/** The field on the community document that says its counts are kept by the server (a time, written by the function). */
export const SERVER_COUNTS_FIELD = 'services.threadCounts';

/** Whether a community's thread counts are kept by the counting function (its marker on the community document). */
export function countsKeptByServer(community: {services?: unknown} | Record<string, unknown> | null | undefined): boolean {
  const services = (community as {services?: {threadCounts?: unknown}} | null | undefined)?.services;
  return services != null && typeof services === 'object' && services.threadCounts != null;
}

/** The function writes one thread's counts at most once per this many ms (Firestore's ~1 write/s per document). */
export const THREAD_COUNT_INTERVAL_MS = 1000;

/** A thread's counts after a recount: the count as found, last activity never moving back (a hidden newest post leaves it). */
export function recountedThread(before: {lastActivityAt: number; lastPostId: string | null},
  found: {count: number; newest: {id: string; createdAt: number} | null}): {postCount: number; lastActivityAt: number; lastPostId: string | null} {
  const newer = found.newest !== null && found.newest.createdAt >= before.lastActivityAt;
  return {
    postCount: found.count,
    lastActivityAt: newer ? found.newest!.createdAt : before.lastActivityAt,
    lastPostId: newer ? found.newest!.id : before.lastPostId,
  };
}
