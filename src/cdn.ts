// The script-tag bundle's entry (dist/cdn/kindred.js). Every element is registered: the root, the
// founder story banner (often the first thing a visitor sees) and crisis help (safety must never wait
// on a download) are defined at once; the others load the first time their tag appears in the page.
import './components/community/kin-community.js';
import './components/founder-story-banner/kin-founder-story-banner.js';
import './components/crisis-help/kin-crisis-help.js';
import {startAutoloader} from './autoloader.js';
import {installGlobal} from './global.js';

installGlobal();
startAutoloader();
