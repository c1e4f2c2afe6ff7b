// The seam between the store contract suite (store.contract.ts) and each adapter's runner
// (local-store.test.ts, firebase-store.test.ts). Each runner supplies a StoreHarness; the suite
// calls only these functions, so the same expectations run against both stores.
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';

export interface StoreHarness {
  /** 'local' or 'firebase', for test titles and the few documented differences. */
  readonly kind: 'local' | 'firebase';
  /** Writes the fixture with admin rights (bypassing rules), replacing anything under that community. */
  seed(fixture: SeedFixture): Promise<void>;
  /**
   * A store for `communityId` acting as `uid` (signed in) or as a signed-out visitor (null).
   * Two stores made for different uids behave like two browsers.
   */
  storeAs(communityId: string, uid: string | null): Promise<CommunityStore>;
  /** Disposes every store made and removes seeded data. */
  cleanup(): Promise<void>;
}
