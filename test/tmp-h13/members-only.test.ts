// TEMPORARY (h13): runs only the members contract on both stores; deleted before the report.
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../helpers/env.js';
import {FirestoreAdmin} from '../helpers/firestore-admin.js';
import type {StoreHarness} from '../data/contract-harness.js';
import {dumpFirebase, dumpLocal, runMembersContract} from '../data/members.contract.js';

const PROJECT = 'demo-kindred-h13';
function firebaseHarness(): StoreHarness {
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  const seeded = new Set<string>();
  return {
    kind: 'firebase',
    async seed(fixture) { seeded.add(fixture.community.id); await admin.seed(fixture); },
    async storeAs(communityId, uid) {
      const {port} = emulatorHost();
      const store = await createFirebaseStore({communityId, config: {projectId: PROJECT},
        emulator: {host: `${(uid ?? 'visitor').toLowerCase().replace(/[^a-z0-9-]/g, '-')}.localhost`, port, mockUser: uid ? {uid} : null}});
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
function localHarness(): StoreHarness {
  const stores: LocalStore[] = [];
  const seeded = new Set<string>();
  return {
    kind: 'local',
    async seed(fixture) { seeded.add(fixture.community.id); await LocalStore.reset({communityId: fixture.community.id, persistence: 'memory'}, fixture); },
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
runMembersContract(localHarness, dumpLocal);
runMembersContract(firebaseHarness, dumpFirebase(PROJECT));
