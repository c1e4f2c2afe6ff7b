// FirebaseStore on the real Firestore emulator with the real firestore.rules: the store contract, then
// what only the Firebase adapter does (named app, Timestamp conversion, error mapping, batching).
import {expect} from '@open-wc/testing';
import {getApp, getApps, initializeApp, deleteApp} from 'firebase/app';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {mapFirebaseError} from '../../src/data/firebase/errors.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {member, post, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {firebaseHarness as firebaseHarnessFor} from '../support/stores.js';
import {runModerationContract} from './moderation.contract.js';
import {runCrisisFlagsContract} from './crisis-flags.contract.js';
import {Live, runStoreContract} from './store.contract.js';
import {runMatchingContract} from './matching.contract.js';
import {runHolesContract} from './holes.contract.js';
import {dumpFirebase, runMembersContract} from './members.contract.js';
import {layout} from '../../src/data/domain/layout.js';

const PROJECT = 'demo-kindred-contract';

// The harness (and why each user gets its own *.localhost host) lives in test/support/stores.ts.
const firebaseHarness = () => firebaseHarnessFor(PROJECT);

runStoreContract(firebaseHarness);
runMembersContract(firebaseHarness, dumpFirebase(PROJECT));
runModerationContract(firebaseHarness);
runCrisisFlagsContract(firebaseHarness);
runMatchingContract(firebaseHarness);
runHolesContract(firebaseHarness);

describe('FirebaseStore (Firebase only)', function () {
  this.timeout(30000);
  const admin = new FirestoreAdmin('demo-kindred-firebase');
  const stores: CommunityStore[] = [];
  const open = async (communityId: string, uid: string | null) => {
    const store = await createFirebaseStore({communityId, config: {projectId: 'demo-kindred-firebase'}, emulator: {...emulatorHost(), mockUser: uid ? {uid} : null}});
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
  });
  after(() => admin.clear());

  it('uses a named app and leaves the page\'s own [DEFAULT] Firebase app alone', async () => {
    const host = initializeApp({projectId: 'host-page', apiKey: 'k', appId: 'a'});
    try {
      const id = uniqueCommunityId('named');
      await admin.seed(sampleSeed(id));
      const store = await open(id, 'alice');
      expect(getApp().options.projectId).to.equal('host-page');
      expect(getApps().map((a) => a.name)).to.include('kindred-demo-kindred-firebase-emulator-alice');
      await store.dispose();
      expect(getApps().map((a) => a.name), 'the store\'s app is deleted on dispose').to.not.include('kindred-demo-kindred-firebase-emulator-alice');
      expect(getApps().map((a) => a.name)).to.include('[DEFAULT]');
    } finally {
      await deleteApp(host);
    }
  });

  it('stores server times as Timestamps and hands back whole epoch milliseconds', async () => {
    const id = uniqueCommunityId('times');
    const alice = member('alice');
    await admin.seed(sampleSeed(id, {members: [alice], threads: [thread('t1', {postCount: 1})], posts: [post('t1', 'p1', alice)]}));
    const store = await open(id, 'alice');
    const before = Date.now();
    const created = await store.createPost({id: store.newId(), threadId: 't1', body: 'Hello from the emulator'});
    const raw = await admin.getRaw(pathIn(id, layout.post('t1', created.id)));
    expect(raw?.createdAt).to.have.property('timestampValue');
    const thread1 = await store.getThread('t1');
    expect(Number.isInteger(thread1!.lastActivityAt)).to.equal(true);
    expect(thread1!.lastActivityAt).to.be.within(before - 5000, Date.now() + 5000);
    expect(thread1!.postCount).to.equal(2);
    const live = new Live<unknown>((next, error) => store.watchPosts('t1', {limit: 10}, next, error));
    const posts = (await live.until((p) => (p as unknown[]).length === 2, 'both posts')) as {createdAt: unknown}[];
    live.stop();
    for (const p of posts) expect(typeof p.createdAt).to.equal('number');
  });

  it('maps Firestore codes to KindredError codes with a next step', () => {
    const limited = mapFirebaseError({code: 'resource-exhausted', message: 'quota'}, 'post');
    expect(limited.code).to.equal('rate-limited');
    expect(limited.message).to.match(/wait/i);
    expect(mapFirebaseError({code: 'permission-denied'}, 'post').code).to.equal('permission-denied');
    expect(mapFirebaseError({code: 'failed-precondition', message: 'index'}, 'load').message).to.contain('firestore.indexes.json');
    expect(mapFirebaseError({code: 'auth/operation-not-allowed'}, 'sign in').code).to.equal('misconfigured');
    expect(mapFirebaseError(new Error('boom'), 'post').code).to.equal('internal');
  });

  it('refuses sign-in calls in emulator mode with a misconfigured error, not a crash', async () => {
    const id = uniqueCommunityId('auth');
    await admin.seed(sampleSeed(id));
    const store = await open(id, null);
    expect(store.session.user).to.equal(null);
    const error = await store.session.signInAnonymously().catch((e) => e);
    expect(error.code).to.equal('misconfigured');
  });
});
