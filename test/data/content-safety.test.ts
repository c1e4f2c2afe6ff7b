// Issue 18: content warnings and per-post audience, one contract run against LocalStore (memory) and
// FirebaseStore on the real Firestore emulator with the real firestore.rules. Its own file (rather than
// two more suites in local-store.test.ts / firebase-store.test.ts) so it can be run on its own quickly.
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../helpers/env.js';
import {FirestoreAdmin} from '../helpers/firestore-admin.js';
import type {StoreHarness} from './contract-harness.js';
import {runContentSafetyContract} from './content-safety.contract.js';

const PROJECT = 'demo-kindred-safety';

function localHarness(): StoreHarness {
  const stores: LocalStore[] = [];
  const seeded = new Set<string>();
  return {
    kind: 'local',
    async seed(fixture) {
      seeded.add(fixture.community.id);
      await LocalStore.reset({communityId: fixture.community.id, persistence: 'memory'}, fixture);
    },
    async storeAs(communityId, uid) {
      const store = await LocalStore.open({communityId, persistence: 'memory', user: uid ? {uid, anonymous: false} : null});
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(stores.splice(0).map((s) => s.dispose()));
      for (const communityId of seeded) await LocalStore.reset({communityId, persistence: 'memory'});
      seeded.clear();
    },
  };
}

// Each user on its own *.localhost host, as firebase-store.test.ts does (6 connections per host).
function firebaseHarness(): StoreHarness {
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  const seeded = new Set<string>();
  return {
    kind: 'firebase',
    async seed(fixture) {
      seeded.add(fixture.community.id);
      await admin.seed(fixture);
    },
    async storeAs(communityId, uid) {
      const {port} = emulatorHost();
      const host = `${(uid ?? 'visitor').toLowerCase().replace(/[^a-z0-9-]/g, '-')}.localhost`;
      const store = await createFirebaseStore({communityId, config: {projectId: PROJECT}, emulator: {host, port, mockUser: uid ? {uid} : null}});
      stores.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(stores.splice(0).map((s) => s.dispose()));
      await Promise.all([...seeded].map((cid) => admin.removeCommunity(cid)));
      seeded.clear();
    },
  };
}

runContentSafetyContract(localHarness);
runContentSafetyContract(firebaseHarness);
