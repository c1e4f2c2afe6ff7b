// Reads per <kin-peer-match-card> view on the Firestore emulator with the real rules, at 10,000 seeded
// match profiles (issue 6 goal: ≤ 60). Run: node scripts/test.mjs --only=bench/peer-match.bench.ts.
// Prints figures; asserts only the goal on reads (a count, not a time, so a slow machine cannot fail it).
//
// One card view = FirebaseStore.findMatches({limit: 5}): the member's own match profile, the bounded
// candidate query (candidateQuery, ≤ 40 documents), their connections (one query) and one member
// document per suggestion shown. FirebaseMatching counts the documents each call reads.
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../src/data/firebase/firebase-store.js';
import {FirebaseMatching} from '../src/data/firebase/matching-store.js';
import {AGE_BANDS, DIAGNOSED_BANDS, REGIONS} from '../src/data/matching.js';
import {emulatorHost} from '../test/support/env.js';
import {FirestoreAdmin, fixtureDocs} from '../test/support/firestore-admin.js';
import {member, sampleSeed} from '../test/support/builders.js';

const PROJECT = 'demo-kindred-bench-match';
const SIZE = 10_000;
const CONDITIONS = ['type 1 diabetes', 'type 2 diabetes', 'asthma', 'COPD', 'long COVID', 'epilepsy', 'lupus', 'multiple sclerosis'];
const INTERESTS = ['walking', 'reading', 'gaming', 'music', 'baking', 'gardening', 'rugby', 'choirs'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('peer-match card: reads per view at 10,000 profiles (Firestore emulator)', function () {
  this.timeout(300000);
  const admin = new FirestoreAdmin(PROJECT);
  after(() => admin.clear());

  it('stays within 60 document reads per card view', async () => {
    const cid = 'bench-match';
    const rand = rng(42);
    const pick = <T>(l: readonly T[]) => l[Math.floor(rand() * l.length)];
    const uids = Array.from({length: SIZE}, (_, i) => `m${String(i).padStart(5, '0')}`);
    const seed = sampleSeed(cid, {members: uids.map((u) => member(u))}, {settings: {tags: CONDITIONS}});
    const t0 = performance.now();
    const docs = fixtureDocs(seed);
    for (const uid of uids) {
      docs.push([`communities/${cid}/matchProfiles/${uid}`, {
        uid, conditions: [pick(CONDITIONS)], diagnosedBand: pick(DIAGNOSED_BANDS), experiences: [], relationship: 'patient',
        ageBand: pick(AGE_BANDS), region: pick(Object.keys(REGIONS)), languages: rand() < 0.25 ? ['en', 'cy'] : ['en'],
        interests: INTERESTS.filter(() => rand() < 0.2), open: rand() < 0.85, updatedAt: 1_700_000_000_000 + Math.floor(rand() * 3e10),
      }]);
    }
    await admin.writeDocs(docs);
    console.log(`seeded ${SIZE} members + ${SIZE} match profiles in ${Math.round(performance.now() - t0)} ms`);

    const reads: number[] = [];
    const times: number[] = [];
    for (const uid of uids.slice(0, 10)) {
      const store = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT},
        emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid}}});
      const matching = new FirebaseMatching((store as unknown as {db: never}).db, cid, store.session);
      const t = performance.now();
      const matches = await matching.findMatches({limit: 5});
      times.push(performance.now() - t);
      reads.push(matching.reads);
      expect(matches.length).to.be.greaterThan(0);
      await store.dispose();
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`reads per card view: min ${Math.min(...reads)}, max ${Math.max(...reads)} (goal ≤ 60); ` +
      `findMatches on the emulator: median ${Math.round(sorted[5])} ms`);
    expect(Math.max(...reads)).to.be.at.most(60);
  });
});
