// Issue 17: erasure at scale. A batched write may hold 500 writes, and production Firestore refuses a batch
// whose rules make more than 20 document-access calls (get/exists/getAfter/existsAfter) in all; calls to the
// same document are cached and count once. The emulator does not enforce that limit, so erasure's batches
// are kept under it by construction: each write is tagged with the one document its rules read that no
// other write of its kind shares (its thread, its post), and a batch takes at most as many such keys as the
// budget allows. No `firebase/*` import: this is plain arithmetic, tested on its own.
//
// The budget, read from firestore.rules (the member erasing themself, who may be a moderator):
//   shared by every write of a batch (cached): the community, members/{me}, roles/{me}           3
//   a post placeholder or a started thread's rename, per thread: the thread, its peer connection
//     (peerOpen), reportedThreads/{tid} (readable, for a moderator)                               3 a thread
//   a held-post marker: getAfter of its post                                                     1 a marker
// so 5 threads (3 + 5·3 = 18) or 17 markers (3 + 17 = 20) a batch, and never more than 400 writes.

/** Most writes in one erasure batch (Firestore allows 500). */
export const MAX_BATCH_WRITES = 400;
/** Production's limit on a batched write's rule document-access calls. */
export const MAX_RULE_READS = 20;
/** Rule reads every erasure write shares (community, members/{me}, roles/{me}). */
export const SHARED_RULE_READS = 3;

export interface Keyed<T> {
  /** The document-access key this write adds to its batch's rule reads (null: only the shared ones). */
  key: string | null;
  write: T;
}

/**
 * Packs writes, in order, into batches of at most `maxWrites` writes and at most `maxKeys` distinct keys,
 * where each key costs `readsPerKey` rule reads beyond the shared ones.
 */
export function packBatches<T>(items: Keyed<T>[], readsPerKey: number, maxWrites = MAX_BATCH_WRITES): T[][] {
  const maxKeys = Math.max(1, Math.floor((MAX_RULE_READS - SHARED_RULE_READS) / readsPerKey));
  const batches: T[][] = [];
  let current: T[] = [];
  let keys = new Set<string>();
  for (const {key, write} of items) {
    const adds = key !== null && !keys.has(key);
    if (current.length >= maxWrites || (adds && keys.size >= maxKeys)) {
      batches.push(current);
      current = [];
      keys = new Set();
    }
    if (key !== null) keys.add(key);
    current.push(write);
  }
  if (current.length) batches.push(current);
  return batches;
}

/** The most rule reads a batch from packBatches can make: shared ones plus its keys' own. */
export function ruleReadsOf<T>(batch: Keyed<T>[], readsPerKey: number): number {
  return SHARED_RULE_READS + new Set(batch.map((i) => i.key).filter((k) => k !== null)).size * readsPerKey;
}

/**
 * The last erasure batch (members.ts eraseMe, step 3) deletes the profile with the blocks this member made, which
 * may only go with it or after it. Its fixed writes: the sanction record, the rate-limit record, the match
 * profile, the private profile, the roles, the community's badge entry and the profile itself (7). With at most
 * 343 blocks and 50 kept connections blanked beside them, it holds at most 400 writes; the rest follow in
 * batches of 400. Its rules read only shared documents (the community, members/{me} after the write, its
 * sanction and limits), so its rule reads do not grow with its size.
 */
export const FINAL_BATCH_FIXED_WRITES = 7;
export const FINAL_BATCH_ENDED = 343;
export const FINAL_BATCH_KEPT = 50;
