// Registers every Kindred element at once (npm: `import 'kindred-kit/define.js'`). The script-tag
// bundle uses cdn.ts instead, which registers the same elements but loads the less common ones on
// first use.
import './components/community/kin-community.js';
import './components/join/kin-join.js';
import './components/founder-story-banner/kin-founder-story-banner.js';
import './components/discussion-thread/kin-discussion-thread.js';
import './components/peer-match-card/kin-peer-match-card.js';
import './components/member-directory/kin-member-directory.js';
import './components/profile/kin-profile.js';
import './components/crisis-help/kin-crisis-help.js';
import './components/moderation-queue/kin-moderation-queue.js';
import './components/notifications/kin-notifications.js';
import './components/community-admin/kin-community-admin.js';
import {installGlobal} from './global.js';

export type {KindredGlobal} from './global.js';
installGlobal();
