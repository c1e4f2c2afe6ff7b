import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {emulatorHost} from '../helpers/env.js';
import {FirestoreAdmin} from '../helpers/firestore-admin.js';
import {member, post, sampleSeed, thread, uniqueCommunityId} from '../fixtures/community.js';

const admin = new FirestoreAdmin('demo-kindred');
describe('tmp race', function () {
  this.timeout(60000);
  it('4 reactors', async () => {
    const id = uniqueCommunityId('race');
    const uids = ['alice', 'bea', 'mo', 'fay'];
    await admin.seed(sampleSeed(id, {members: uids.map((u) => member(u)), threads: [thread('t1', {postCount: 1})], posts: [post('t1', 'p1', member('alice'))]}));
    const stores = await Promise.all(uids.map((uid) => createFirebaseStore({communityId: id, emulator: {...emulatorHost(), mockUser: {uid}}})));
    const t0 = performance.now();
    const results = await Promise.allSettled(stores.map(async (s, i) => { await s.setReaction('t1', 'p1', 'hug', true); console.log('done', i, Math.round(performance.now() - t0)); }));
    console.log(JSON.stringify(results.map((r) => r.status === 'rejected' ? String((r as PromiseRejectedResult).reason) : 'ok')));
    const r2 = await Promise.allSettled(stores.slice(0, 2).map((s) => s.setReaction('t1', 'p1', 'hug', false)));
    console.log('removed', JSON.stringify(r2.map((r) => r.status)), Math.round(performance.now() - t0));
    await Promise.all(stores.map((s) => s.dispose()));
  });
});
