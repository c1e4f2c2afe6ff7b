// Issue 17 (s5): who keeps a post's reaction counts, and what they count. FirebaseStore and the reaction
// counting Cloud Function (functions/src/reaction-counts.ts) ask here. No imports beyond types.
//
// A campaign post gets hundreds of reactions in a minute; when each reaction's batch also moved the post's
// `reactions` map, that one document took every reaction's write (Firestore sustains about one a second per
// document). Once a community runs the reaction counting function, a reaction is a single-document write
// (its reactions/{postId}_{uid}_{kind} document, created or deleted) and the function recounts the post's
// reactions (one aggregation count per kind) at most once per REACTION_COUNT_INTERVAL_MS per post, writing
// the post's `reactions` once for all the reactions of that second. The function marks the community
// document (`services.reactionCounts`, Admin SDK; no client may write it) when it first runs for it; from
// then on firestore.rules refuse a client's change of a post's counts and the store stops writing one.
// Without the function (and always in the LocalStore) the reaction's batch moves the count as before.
import type {ReactionKind} from '../types.js';

/** The field on the community document that says its reaction counts are kept by the server (a time, written by the function). */
export const REACTION_COUNTS_FIELD = 'services.reactionCounts';

/** The post field the function writes with each recount: the recount's read time (reactions committed at or before it are counted). */
export const REACTIONS_COUNTED_AT = 'reactionsCountedAt';

/** The function writes one post's reaction counts at most once per this many ms. */
export const REACTION_COUNT_INTERVAL_MS = 1000;

/** Whether a community's reaction counts are kept by the reaction counting function (its marker on the community document). */
export function reactionCountsKeptByServer(community: {services?: unknown} | Record<string, unknown> | null | undefined): boolean {
  const services = (community as {services?: {reactionCounts?: unknown}} | null | undefined)?.services;
  return services != null && typeof services === 'object' && services.reactionCounts != null;
}

/** How a reaction is written: the reaction document alone (the function counts it), or with its post's count in one batch. */
export type ReactionWrite = {alone: true} | {alone: false; delta: 1 | -1};

/** The write of a decided reaction (decideReaction's delta) in a community whose counts are (or are not) kept by the server. */
export function reactionWrite(delta: 1 | -1, countsKeptByServer: boolean): ReactionWrite {
  return countsKeptByServer ? {alone: true} : {alone: false, delta};
}

/** The reaction document a change concerns (before or after), for the trigger: null when it names no post. */
export function reactionTarget(before: unknown, after: unknown): {postId: string; kind: ReactionKind} | null {
  const d = (after ?? before) as {postId?: unknown; kind?: unknown} | null | undefined;
  if (!d || typeof d.postId !== 'string' || !d.postId || typeof d.kind !== 'string') return null;
  return {postId: d.postId, kind: d.kind as ReactionKind};
}

/** Whether a reaction document's change can move a count (created or deleted; an update of a reaction moves nothing). */
export const movesReactionCounts = (before: unknown, after: unknown): boolean => (before == null) !== (after == null);
