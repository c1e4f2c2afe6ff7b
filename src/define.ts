// Registers every Kindred element. The entry of the script-tag bundle (dist/cdn/kindred.js).
import './components/community/kin-community.js';
import './components/join/kin-join.js';
import './components/founder-story-banner/kin-founder-story-banner.js';
import './components/discussion-thread/kin-discussion-thread.js';
import './components/peer-match-card/kin-peer-match-card.js';
import './components/member-directory/kin-member-directory.js';
import './components/profile/kin-profile.js';
import './components/crisis-help/kin-crisis-help.js';
import './components/moderation-queue/kin-moderation-queue.js';

// The script-tag API for host pages (a cookie banner calls `kindred.grantConsent()`). Only this entry
// sets a global; `src/index.ts` has no side effects. A second copy of the kit keeps the first one's
// object: both read the same consent state.
import {grantConsent, hasConsent, revokeConsent} from './consent.js';

/** What the script-tag bundle puts on `window.kindred`. */
export interface KindredGlobal {
  grantConsent(): void;
  revokeConsent(): void;
  hasConsent(): boolean;
}
declare global {
  interface Window {
    kindred?: KindredGlobal;
  }
}
window.kindred ??= {grantConsent, revokeConsent, hasConsent};
