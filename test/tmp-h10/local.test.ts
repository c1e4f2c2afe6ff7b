import {LocalStore} from '../../src/data/local/local-store.js';
import type {StoreHarness} from '../data/contract-harness.js';
import {runMatchingContract} from '../data/matching.contract.js';
function localHarness(): StoreHarness {
  const stores: LocalStore[] = [];
  const seeded = new Set<string>();
  return {
    kind: 'local',
    async seed(fixture) { seeded.add(fixture.community.id); await LocalStore.reset({communityId: fixture.community.id, persistence: 'memory'}, fixture); },
    async storeAs(communityId, uid) { const s = await LocalStore.open({communityId, persistence: 'memory', user: uid ? {uid, anonymous: false} : null}); stores.push(s); return s; },
    async cleanup() { await Promise.all(stores.splice(0).map((s) => s.dispose())); for (const c of seeded) await LocalStore.reset({communityId: c, persistence: 'memory'}); seeded.clear(); },
  };
}
runMatchingContract(localHarness);
