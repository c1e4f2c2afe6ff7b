// The script-tag bundle's entry (dist/cdn/kindred.js). Every element is registered: the root and crisis
// help (safety must never wait on a download) are defined at once; the others load the first time their
// tag appears in the page. Issue 16: the founder story banner too, its box kept meanwhile (autoloader.ts).
import './components/community/kin-community.js';
import './components/crisis-help/kin-crisis-help.js';
import {startAutoloader} from './autoloader.js';
import {installGlobal} from './global.js';

installGlobal();
startAutoloader();
