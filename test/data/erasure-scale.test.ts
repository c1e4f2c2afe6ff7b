// Issue 17, erasure at scale: a member with posts in 30 threads, 20 blocks and 100 reactions erases their
// account on the real Firestore emulator with the real rules, and it completes, leaving nothing that names
// them and every reaction count right. Production also refuses a batched write whose rules make more than
// 20 document-access calls, which the emulator does not enforce: erasure's batches are planned under that
// limit by construction (src/data/firebase/erasure-batches.ts), checked here for the largest case.
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {FINAL_BATCH_ENDED, FINAL_BATCH_FIXED_WRITES, FINAL_BATCH_KEPT, MAX_BATCH_WRITES, MAX_RULE_READS, packBatches, ruleReadsOf, type Keyed} from '../../src/data/firebase/erasure-batches.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {Connection, Post, Reaction, Thread} from '../../src/data/types.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {T0, member, post, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {layout} from '../../src/data/domain/layout.js';

const PROJECT = 'demo-kindred';
const admin = new FirestoreAdmin(PROJECT);

/** Batches as planned, with the keys kept so their rule reads can be counted. */
function planned(items: Keyed<string>[], readsPerKey: number) {
  const byWrite = new Map(items.map((i) => [i.write, i]));
  return packBatches(items, readsPerKey).map((b) => b.map((w) => byWrite.get(w)!));
}

describe('erasure at scale (issue 17)', function () {
  this.timeout(300000);

  describe('batch plan', () => {
    it('keeps every batch within 400 writes and 20 rule reads, for 30 threads and for 2,000 posts', () => {
      const cases: Array<[string, Keyed<string>[], number]> = [
        ['60 posts in 30 threads, 5 started', [
          ...Array.from({length: 60}, (_, i) => ({key: `t${i % 30}`, write: `post-${i}`})),
          ...Array.from({length: 5}, (_, i) => ({key: `t${i}`, write: `thread-${i}`})),
        ].sort((a, b) => a.key!.localeCompare(b.key!)), 3],
        ['2,000 posts in one thread', Array.from({length: 2000}, (_, i) => ({key: 't0', write: `p${i}`})), 3],
        ['2,000 posts in 2,000 threads', Array.from({length: 2000}, (_, i) => ({key: `t${i}`, write: `p${i}`})), 3],
        ['40 held-post markers', Array.from({length: 40}, (_, i) => ({key: `h${i}`, write: `h${i}`})), 1],
      ];
      for (const [name, items, perKey] of cases) {
        const batches = planned(items, perKey);
        expect(batches.flat().length, `${name}: every write planned once`).to.equal(items.length);
        for (const b of batches) {
          expect(b.length, name).to.be.at.most(MAX_BATCH_WRITES);
          expect(ruleReadsOf(b, perKey), name).to.be.at.most(MAX_RULE_READS);
        }
      }
      expect(planned(Array.from({length: 2000}, (_, i) => ({key: 't0', write: `p${i}`})), 3).length, 'one thread: 400 a batch').to.equal(5);
      expect(planned(Array.from({length: 60}, (_, i) => ({key: `t${i % 30}`, write: `p${i}`})).sort((a, b) => a.key.localeCompare(b.key)), 3).length,
        '30 threads: 5 a batch').to.equal(6);
    });

    it('keeps the last batch (the profile with the blocks this member made) within 400 writes, however many blocks', () => {
      // members.ts eraseMe step 3: its fixed writes, the blocks it takes and the kept connections it blanks.
      expect(FINAL_BATCH_FIXED_WRITES + FINAL_BATCH_ENDED + FINAL_BATCH_KEPT).to.be.at.most(MAX_BATCH_WRITES);
    });
  });

  describe('on the emulator', () => {
    let store: CommunityStore | null = null;
    let cid = '';
    after(async () => {
      await store?.dispose();
      if (cid) await admin.removeCommunity(cid).catch(() => undefined);
    });

    it('erases a member with posts in 30 threads, 20 blocks and 100 reactions: it completes, nothing names them, counts are right', async () => {
      cid = uniqueCommunityId('erase-scale');
      const erin = member('erin', {pseudonym: 'Erin Vaughan'});
      const bea = member('bea', {pseudonym: 'Bea'});
      const threads: Thread[] = Array.from({length: 30}, (_, i) => thread(`t${String(i).padStart(2, '0')}`,
        i < 5 ? {authorId: 'erin', authorName: 'Erin Vaughan', postCount: 4} : {authorId: 'bea', authorName: 'Bea', postCount: 4}));
      const posts: Post[] = [];
      const reactions: (Reaction & {threadId: string})[] = [];
      for (const [i, t] of threads.entries()) {
        posts.push(post(t.id, `e${i}a`, erin, {body: `Erin wrote this ${i}`, createdAt: T0 + i * 1000}));
        posts.push(post(t.id, `e${i}b`, erin, {body: `Erin again ${i}`, createdAt: T0 + i * 1000 + 1, status: i % 3 === 0 ? 'hidden' : 'visible', ...(i % 3 === 0 ? {body: ''} : {})}));
        // Bea's posts, which Erin reacted to: 50 posts, two reactions each (heart and hug).
        for (const j of [0, 1]) {
          const n = i * 2 + j;
          if (n >= 50) continue;
          posts.push(post(t.id, `b${n}`, bea, {body: `Bea ${n}`, createdAt: T0 + i * 1000 + 2 + j, reactions: {heart: 2, hug: 1, metoo: 0, thanks: 0}}));
          reactions.push({threadId: t.id, postId: `b${n}`, uid: 'erin', kind: 'heart', at: T0 + 5000});
          reactions.push({threadId: t.id, postId: `b${n}`, uid: 'erin', kind: 'hug', at: T0 + 5000});
        }
      }
      const blocked = Array.from({length: 20}, (_, i) => `zz${String(i).padStart(2, '0')}`);
      const connections: (Connection & {endedBy?: string | null})[] = blocked.map((uid) => ({
        id: `erin_${uid}`, members: ['erin', uid], requestedBy: uid, message: 'Hello', status: 'ended',
        createdAt: T0, updatedAt: T0, threadId: null, endedBy: 'erin',
      }));
      expect(new Set(posts.filter((p) => p.authorId === 'erin').map((p) => p.threadId)).size).to.equal(30);
      expect(reactions.length).to.equal(100);
      const s0 = performance.now();
      await admin.seed(sampleSeed(cid, {members: [erin, bea], threads, posts, reactions, connections}));
      console.log(`[erasure-scale] seeded ${posts.length} posts, ${reactions.length} reactions in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
      // Progress of the erasure, from the emulator: Erin's reactions left.
      const progress = setInterval(() => void admin.communityPaths(cid).then((ps) =>
        console.log(`[erasure-scale] ${((performance.now() - s0) / 1000).toFixed(0)} s: ${ps.filter((p) => p.includes('/reactions/')).length} reactions left, ${ps.length} docs`)), 15000);

      store = await createFirebaseStore({communityId: cid, emulator: {...emulatorHost(), mockUser: {uid: 'erin'}}});
      const t0 = performance.now();
      await store.eraseMe().finally(() => clearInterval(progress));
      console.log(`[erasure-scale] 60 posts in 30 threads, 5 threads started, 20 blocks, 100 reactions erased in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      const paths = await admin.communityPaths(cid);
      for (const p of paths) {
        expect(p, 'no document keyed to them').to.not.contain('erin');
        const json = JSON.stringify(await admin.getRaw(p));
        expect(json, `${p} does not name them`).to.not.contain('erin');
        expect(json, `${p} does not carry their pseudonym`).to.not.contain('Erin Vaughan');
        expect(json, `${p} keeps none of their text`).to.not.contain('Erin wrote this');
      }
      for (let n = 0; n < 50; n++) {
        const t = threads[Math.floor(n / 2)].id;
        const raw = await admin.getRaw(pathIn(cid, layout.post(t, `b${n}`))) as {reactions: {mapValue: {fields: Record<string, {integerValue: string}>}}};
        expect(Number(raw.reactions.mapValue.fields.heart.integerValue), `b${n} heart`).to.equal(1);
        expect(Number(raw.reactions.mapValue.fields.hug.integerValue), `b${n} hug`).to.equal(0);
      }
      const placeholder = await admin.getRaw(pathIn(cid, layout.post('t07', 'e7a'))) as Record<string, {stringValue?: string}>;
      expect(placeholder.authorId.stringValue).to.equal('former-member');
      expect(placeholder.status.stringValue).to.equal('deleted');
      expect(paths.filter((p) => /\/connections\//.test(p)), 'the blocks they made went with them').to.deep.equal([]);
    });
  });
});
