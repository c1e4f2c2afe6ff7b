import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../helpers/env.js';
import {FirestoreAdmin} from '../helpers/firestore-admin.js';
import type {StoreHarness} from '../data/contract-harness.js';
import {runMatchingContract} from '../data/matching.contract.js';
const PROJECT = 'demo-kindred-h10';
function hostFor(uid: string | null) { const {port} = emulatorHost(); return {host: `${(uid ?? 'visitor').toLowerCase().replace(/[^a-z0-9-]/g, '-')}.localhost`, port}; }
function firebaseHarness(): StoreHarness {
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  const seeded = new Set<string>();
  return {
    kind: 'firebase',
    async seed(fixture) { seeded.add(fixture.community.id); await admin.seed(fixture); },
    async storeAs(communityId, uid) { const s = await createFirebaseStore({communityId, config: {projectId: PROJECT}, emulator: {...hostFor(uid), mockUser: uid ? {uid} : null}}); stores.push(s); return s; },
    async cleanup() { await Promise.all(stores.splice(0).map((s) => s.dispose())); await Promise.all([...seeded].map((c) => admin.removeCommunity(c))); seeded.clear(); },
  };
}
runMatchingContract(firebaseHarness);
