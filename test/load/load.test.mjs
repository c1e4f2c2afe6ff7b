// Issue 17: the load benchmark's reduced asserting form (the full one is `npm run bench:load`, bench/load.mjs).
// 5 writers (each its own Firebase app and member) post into one thread for 10 s at a combined 2 posts/s,
// while 20 members join and react to one post and 3 readers watch live: the kit's real FirebaseStore on the
// real Firestore emulator with the real firestore.rules. It asserts the invariants, never the timings:
// every confirmed post stored exactly once, no refused post stored, the thread's count and last activity and
// every reaction count equal a recount, and every reader ends with the same list, the recount's newest.
// Issue 17: the thread's counts are kept by the counting function (its handler run in-process from an Admin
// SDK listener, as bench/load.mjs says): no post is refused, and the thread's count equals the recount once
// the function has caught up. Issue 17 (s5): the reacted post's counts likewise, by the reaction counting function.
//
// Runs under `node --test` (scripts/test.mjs passes KINDRED_EMULATOR_HOST); alone it starts an emulator.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {setLogLevel} from 'firebase/firestore';
import {startEmulator} from '../../scripts/emulator.mjs';
import {formatLoad, runLoad} from '../../bench/load.mjs';

let emulator = process.env.KINDRED_EMULATOR_HOST || '';
let own = null;

before(async () => {
  if (!emulator) {
    own = await startEmulator();
    emulator = `${own.host}:${own.port}`;
  }
  // The SDK logs every retried (ABORTED) write; the figures below say what happened.
  setLogLevel('silent');
});
after(async () => {
  await own?.stop();
});

test('a busy thread under 5 writers, 20 reactors and 3 readers loses nothing and counts exactly', {timeout: 600000}, async () => {
  const r = await runLoad({emulator, project: 'demo-kindred-load-test', writers: 5, seconds: 10, rate: 2, reactors: 20, readers: 3,
    log: (m) => console.log(m)});
  console.log(formatLoad(r));
  assert.equal(r.attempts, 20, 'every scheduled post was attempted');
  // Issue 17: a post is a single-document create and the counting function keeps the thread's counts, so no
  // post is refused however busy the thread is.
  assert.equal(r.refused, 0, `refused posts: ${JSON.stringify(r.refusedCodes)}`);
  assert.equal(r.confirmed, r.attempts);
  assert.deepEqual(r.failures, []);
  // The function caught up: every change it was given was counted, the thread written at most once a second.
  assert.equal(r.counts, 'server');
  assert.deepEqual(r.counter.errors, []);
  assert.ok(r.counter.counted >= 1, 'the counting function recounted the thread');
  assert.ok(r.threadWritesPerSecond <= 1, `the thread document took ${r.threadWritesPerSecond} writes in one second`);
  // Issue 17 (s5): reactions are single-document writes; the reaction counting function keeps the post's counts
  // (every reaction count = recount is among r.failures' checks), writing the post at most once a second.
  // No reaction refused by the rules (a reactor whose join the overloaded emulator answered 'unavailable' is
  // not a refusal; every confirmed one is in the recount, which r.failures checks).
  assert.equal(r.reactionRefusedCodes['permission-denied'] ?? 0, 0, `refused reactions: ${r.reactionErrors.join('; ')}`);
  assert.ok(r.reactionsConfirmed >= 1, 'reactions were saved');
  assert.deepEqual(r.reactionCounter.errors, []);
  assert.ok(r.reactionCounter.counted >= 1, 'the reaction counting function recounted the post');
  assert.ok(r.reactionWritesPerSecond <= 1, `the reacted post took ${r.reactionWritesPerSecond} count writes in one second`);
  // The recount saw the seeded posts plus every confirmed one.
  assert.equal(r.postsStored, r.earlier + r.confirmed);
  assert.equal(r.postCount, r.earlier + r.confirmed);
});
