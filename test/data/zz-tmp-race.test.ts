import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {emulatorHost} from '../helpers/env.js';
import {FirestoreAdmin} from '../helpers/firestore-admin.js';
import {member, post, sampleSeed, thread, uniqueCommunityId} from '../fixtures/community.js';

const admin = new FirestoreAdmin('demo-kindred');
describe('tmp race', function () {
  this.timeout(200000);
  it(`pair then sequential`, async () => {
    const id = uniqueCommunityId('race');
    const uids = ['alice', 'bea', 'mo'];
    await admin.seed(sampleSeed(id, {members: uids.map((u) => member(u)), threads: [thread('t1', {postCount: 1})], posts: [post('t1', 'p1', member('alice'))]}));
    const [a, b, c] = await Promise.all(uids.map((uid) => createFirebaseStore({communityId: id, emulator: {...emulatorHost(), mockUser: {uid}}})));
    const t0 = performance.now();
    const lap = (s: string) => console.log(s, Math.round(performance.now() - t0));
    await Promise.all([a.setReaction('t1', 'p1', 'hug', true), b.setReaction('t1', 'p1', 'hug', true)]); lap('ab add');
    await a.setReaction('t1', 'p1', 'hug', false); lap('a rm');
    await c.setReaction('t1', 'p1', 'hug', true); lap('c add');
    await b.setReaction('t1', 'p1', 'thanks', true); lap('b thanks');
    await Promise.all([a, b, c].map((s) => s.dispose()));
  });
  it(`sequential only`, async () => {
    const id = uniqueCommunityId('race');
    const uids = ['alice', 'bea', 'mo'];
    await admin.seed(sampleSeed(id, {members: uids.map((u) => member(u)), threads: [thread('t1', {postCount: 1})], posts: [post('t1', 'p1', member('alice'))]}));
    const [a, b, c] = await Promise.all(uids.map((uid) => createFirebaseStore({communityId: id, emulator: {...emulatorHost(), mockUser: {uid}}})));
    const t0 = performance.now();
    const lap = (s: string) => console.log('seq', s, Math.round(performance.now() - t0));
    await a.setReaction('t1', 'p1', 'hug', true); lap('a add');
    await b.setReaction('t1', 'p1', 'hug', true); lap('b add');
    await a.setReaction('t1', 'p1', 'hug', false); lap('a rm');
    await c.setReaction('t1', 'p1', 'hug', true); lap('c add');
    await Promise.all([a, b, c].map((s) => s.dispose()));
  });
});
