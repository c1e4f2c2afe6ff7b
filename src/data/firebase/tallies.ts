// Issue 17: a thread's counts under load. Firestore sustains about one write per second per document, and the
// thread document (postCount, lastActivityAt: what the hub shows and sorts by) was written by every post. A
// thread switches once to ten tally documents, threads/{tid}/tallies/{0..9} {count, last, lastPostId}: a
// visible post moves only its own tally (tallyOf(postId)), and the poster's store then rolls the tallies up into
// the thread document, exactly their sum and their newest `last`, which firestore.rules lets happen at most once
// a second per thread (rolledAt). Visitors read the thread document as before: nothing more on a first view.
// The rules are the authority (firestore.rules, "ISSUE 17: the thread's counts under load"); tallyOf must match
// theirs.
import {
  Timestamp, collection, doc, getDoc, getDocs, increment, serverTimestamp, writeBatch,
  type DocumentSnapshot, type Firestore, type WriteBatch,
} from 'firebase/firestore';

export const TALLY_SHARDS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** The rollup's marker document, beside the tallies. */
const ROLLED = 'rolled';
const RANGES: [RegExp, string][] = [
  [/^[A-F]/, '0'], [/^[G-L]/, '1'], [/^[M-R]/, '2'], [/^[S-X]/, '3'], [/^[YZa-d]/, '4'],
  [/^[e-j]/, '5'], [/^[k-p]/, '6'], [/^[q-v]/, '7'], [/^[w-z01]/, '8'],
];

/** The tally a post names (any would do: the rollup sums all ten); from its id's first character, so store.newId() ids spread evenly. */
export function tallyOf(postId: string): string {
  for (const [re, s] of RANGES) if (re.test(postId)) return s;
  return '9';
}

export const isTallied = (thread: DocumentSnapshot | null | undefined): boolean => thread?.exists() === true && thread.get('tallies') === true;

const tallyRef = (db: Firestore, threadPath: string, s: string) => doc(db, `${threadPath}/tallies/${s}`);

/** In `batch`: a new visible post `postId`, stored with `tally`, moves that tally by one (not the thread document). */
export function bumpTally(batch: WriteBatch, db: Firestore, threadPath: string, postId: string, tally: string) {
  batch.update(tallyRef(db, threadPath, tally), {count: increment(1), last: serverTimestamp(), lastPostId: postId});
}

/** In `batch`: a moderator's approve (+1) or hide (-1) of a post in a tallied thread (any tally will do). */
export function moveTally(batch: WriteBatch, db: Firestore, threadPath: string, postId: string, by: number) {
  batch.update(tallyRef(db, threadPath, tallyOf(postId)), {count: increment(by)});
}

/**
 * Switches an existing thread to tallies (once; any member may). Resolves once the thread is tallied, whoever
 * switched it; throws what the commit threw when it is still not.
 */
export async function switchToTallies(db: Firestore, threadPath: string, thread: DocumentSnapshot): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (isTallied(thread)) return;
    const batch = writeBatch(db);
    const last = thread.get('lastActivityAt') as Timestamp;
    const count = Number(thread.get('postCount') ?? 0);
    for (const s of TALLY_SHARDS) batch.set(tallyRef(db, threadPath, s), {count: s === '0' ? count : 0, last, lastPostId: null});
    batch.update(doc(db, threadPath), {tallies: true});
    try {
      await batch.commit();
      return;
    } catch (e) {
      // Another member switched it first, or a post moved the thread since it was read: read it again.
      thread = await getDoc(doc(db, threadPath));
      if (attempt >= 3 && !isTallied(thread)) throw e;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A thread of at least BUSY_FROM_POSTS posts whose last activity is this recent is busy (the rules: one second,
 * and 50 posts; here with slack for a client's clock).
 */
const BUSY_MS = 1500;
const BUSY_FROM_POSTS = 50;

/**
 * Which threads this store knows are tallied, and the rollups after its posts: a loop per thread until a rollup
 * made after this store's newest post there has landed. The rules refuse a rollup within a second of the last
 * one, or one whose sum is stale (a post landed in between): both are tried again.
 */
export class TallyRollups {
  #running = new Map<string, {shard: string}>();
  #known = new Set<string>();
  #switched = new Set<string>();
  #stopped = false;

  constructor(private db: Firestore) {}

  /** Whether this store has seen the thread tallied (its quick post then moves a tally). */
  known(threadPath: string): boolean {
    return this.#known.has(threadPath);
  }

  /** For a visible post into an existing thread: 'tally', 'switch' (busy: switch it first) or null (bump the thread). */
  use(threadPath: string, thread: DocumentSnapshot): 'tally' | 'switch' | null {
    if (isTallied(thread)) {
      this.#known.add(threadPath);
      return 'tally';
    }
    const last = thread.get('lastActivityAt') as unknown;
    if (Number(thread.get('postCount') ?? 0) < BUSY_FROM_POSTS) return null;
    if (last instanceof Timestamp && Date.now() - last.toMillis() >= BUSY_MS) return null;
    this.#known.add(threadPath);
    this.#switched.add(threadPath);
    return 'switch';
  }

  /** After this store's visible post `postId` landed (in a tallied thread, or not: then nothing to do). */
  async posted(threadPath: string, postId: string) {
    if (!this.#known.has(threadPath) || this.#stopped) return;
    // The post that switched the thread rolls up at once (the first rollup has no second to wait), so the
    // thread's count is right when createPost resolves, as it was before the switch.
    if (this.#switched.delete(threadPath)) await this.#attempt(threadPath).catch(() => undefined);
    this.#after(threadPath, tallyOf(postId));
  }

  #after(threadPath: string, shard: string) {
    const running = this.#running.get(threadPath);
    if (running) {
      running.shard = shard;
      return;
    }
    const state = {shard};
    this.#running.set(threadPath, state);
    void this.#loop(threadPath, state).catch(() => undefined).finally(() => this.#running.delete(threadPath));
  }

  async #loop(threadPath: string, state: {shard: string}) {
    let wait = 300 + Math.random() * 400;
    for (let attempt = 0; attempt < 40 && !this.#stopped; attempt++) {
      await sleep(wait);
      if (this.#stopped) return;
      const [thread, mine] = await Promise.all([getDoc(doc(this.db, threadPath)), getDoc(tallyRef(this.db, threadPath, state.shard))]);
      if (!isTallied(thread) || !mine.exists()) return;
      const rolledAt = thread.get('rolledAt') as unknown;
      const myLast = mine.get('last') as unknown;
      // A rollup made after the newest post of this store's tally counted it (the rules checked the sum then).
      if (rolledAt instanceof Timestamp && myLast instanceof Timestamp && rolledAt.valueOf() > myLast.valueOf()) return;
      // The last rollup was under a second ago: the rules would refuse another one yet.
      const since = rolledAt instanceof Timestamp ? Date.now() - rolledAt.toMillis() : Infinity;
      if (since < 1000) {
        wait = 1000 - since + 50 + Math.random() * 300;
        continue;
      }
      if (await this.#attempt(threadPath).catch(() => false)) return;
      // Refused (a post landed between the read and the commit, or someone else rolled up just now).
      wait = 100 + Math.random() * 400;
    }
  }

  /** One rollup: the tallies' sum and newest `last` into the thread document. True when it landed. */
  #attempt(threadPath: string): Promise<boolean> {
    return rollUp(this.db, threadPath);
  }

  stop() {
    this.#stopped = true;
  }
}

/** One rollup of a tallied thread: the tallies' sum and newest `last` into its document. True when it landed. */
export async function rollUp(db: Firestore, threadPath: string): Promise<boolean> {
  const tallies = await getDocs(collection(db, `${threadPath}/tallies`));
  let count = 0;
  let last: Timestamp | null = null;
  for (const t of tallies.docs.filter((d) => (TALLY_SHARDS as readonly string[]).includes(d.id))) {
    count += Number(t.get('count') ?? 0);
    const l = t.get('last') as unknown;
    if (l instanceof Timestamp && (!last || l.valueOf() > last.valueOf())) last = l;
  }
  if (tallies.docs.filter((d) => d.id !== ROLLED).length !== TALLY_SHARDS.length || !last) return false;
  const batch = writeBatch(db);
  batch.update(doc(db, threadPath), {postCount: count, lastActivityAt: last, rolledAt: serverTimestamp()});
  // Makes the rollup a two-document batch, which the rules allow 20 document reads (a single write gets 10).
  batch.set(tallyRef(db, threadPath, ROLLED), {at: serverTimestamp()});
  await batch.commit();
  return true;
}

/**
 * A moderator's approve or hide in a tallied thread: rolled up once the rules allow (a second after the last
 * rollup), so the count is right when the action resolves; a few tries, then the next post's rollup does it.
 */
export async function rollUpSoon(db: Firestore, threadPath: string): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const thread = await getDoc(doc(db, threadPath));
    const rolledAt = thread.get('rolledAt') as unknown;
    const since = rolledAt instanceof Timestamp ? Date.now() - rolledAt.toMillis() : Infinity;
    if (since < 1100) await sleep(1100 - since);
    if (await rollUp(db, threadPath).catch(() => false)) return;
    await sleep(200 + Math.random() * 300);
  }
}


