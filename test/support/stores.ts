// Store harnesses (issue 13: test/support is the one home for test helpers): a LocalStore in memory and a
// FirebaseStore on the real emulator with the real rules, each behind the StoreHarness seam the contract
// suites and the cross-store story use.
import {LocalStore} from '../../src/data/local/local-store.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from './env.js';
import {FirestoreAdmin} from './firestore-admin.js';
import type {StoreHarness} from '../data/contract-harness.js';

export type {StoreHarness};

export function localHarness(): StoreHarness {
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

/**
 * Each user's store reaches the emulator under its own `<name>.localhost` host (Chrome resolves every
 * *.localhost to loopback): a page has 6 HTTP/1.1 connections per host and every Firestore client holds
 * two streaming requests open, so several users on one host would starve each other's writes.
 */
export function emulatorHostFor(uid: string | null): {host: string; port: number} {
  const {port} = emulatorHost();
  return {host: `${(uid ?? 'visitor').toLowerCase().replace(/[^a-z0-9-]/g, '-')}.localhost`, port};
}

export function firebaseHarness(projectId = 'demo-kindred-contract'): StoreHarness {
  const admin = new FirestoreAdmin(projectId);
  const stores: CommunityStore[] = [];
  const seeded = new Set<string>();
  return {
    kind: 'firebase',
    async seed(fixture) {
      seeded.add(fixture.community.id);
      await admin.seed(fixture);
    },
    async storeAs(communityId, uid) {
      const store = await createFirebaseStore({
        communityId, config: {projectId}, emulator: {...emulatorHostFor(uid), mockUser: uid ? {uid} : null},
      });
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
