// Registers every Kindred element. The entry of the script-tag bundle (dist/cdn/kindred.js).
import './components/community/kin-community.js';
import './components/join/kin-join.js';
import './components/founder-story-banner/kin-founder-story-banner.js';
import './components/discussion-thread/kin-discussion-thread.js';
