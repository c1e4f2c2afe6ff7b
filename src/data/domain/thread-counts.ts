// Issue 17: who keeps a thread's postCount and lastActivityAt, and what they count. Both stores and the
// counting Cloud Function (functions/src/counts.ts) ask here. Imports only the pure safety test (domain/safety.ts).
//
// Firestore sustains about one write a second on one document. A thread that took a write from every post
// stops at that rate (a campaign thread gets 10 posts a second), so once a community runs the counting
// function, a post is a single-document create and the function keeps the thread's counts: it recounts
// (an aggregation count plus the newest post) at most once per THREAD_COUNT_INTERVAL_MS per thread and
// writes the thread document once for all the posts of that second. The function marks the community
// document (`services.threadCounts`, written by the Admin SDK; no client may write it) when it first runs
// for it; from then on firestore.rules refuse a client's count change, and the stores stop writing one.
// Without the function (small communities, the LocalStore) the post's batch moves the count as before.
//
// Issue 16/17 (s5): the function also writes `membersOnly` on the thread, the count of its members-only posts
// a visitor is told about (domain/safety.ts countsAsMembersOnly: members only, not held; the same test as the
// audienceCounts/{tid} document the client batches keep). A visitor's reader then takes it from the thread
// document it already listens to (FirebaseStore.watchMembersOnlyCount): one document fewer per first view.
import {countsAsMembersOnly} from './safety.js';

/** The post statuses a thread's postCount counts: visible posts and placeholders of deleted ones (an author's delete keeps the count; a moderator's hide lowers it). */
export const COUNTED_STATUSES: readonly string[] = ['visible', 'deleted'];

/** Whether a post with this status (null: no post) counts in its thread's postCount. */
export const countedInThread = (status: unknown): boolean => typeof status === 'string' && COUNTED_STATUSES.includes(status);

/** Whether a change of a post (status before → after; null = no document) can move its thread's counts. */
export const movesThreadCounts = (before: unknown, after: unknown): boolean => countedInThread(before) !== countedInThread(after);

/** The field on the thread document that the function keeps: how many of its posts are members only (not held). */
export const MEMBERS_ONLY_FIELD = 'membersOnly';

/** A post as the counting function sees a change: its status, or its {status, audience}; null/undefined = no document. */
export type CountedPost = string | {status?: unknown; audience?: unknown} | null | undefined;

const asPost = (p: CountedPost): {status: string; audience?: unknown} | null => {
  if (p == null) return null;
  if (typeof p === 'string') return {status: p};
  return typeof p.status === 'string' ? {status: p.status, audience: p.audience} : null;
};

/** Whether a post counts in its thread's `membersOnly` (the test visitors are told by: safety.countsAsMembersOnly). */
export const countedMembersOnly = (p: CountedPost): boolean => countsAsMembersOnly(asPost(p));

/**
 * Whether a change of a post (before → after) can move what the function keeps on the thread: postCount and
 * lastActivityAt (its status), or membersOnly (its audience and status). A bare status says nothing of the
 * audience: it is taken as a post for everyone.
 */
export const movesServerCounts = (before: CountedPost, after: CountedPost): boolean =>
  movesThreadCounts(asPost(before)?.status, asPost(after)?.status) || countedMembersOnly(before) !== countedMembersOnly(after);

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
