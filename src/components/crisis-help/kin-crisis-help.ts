import {KinCrisisHelp} from './crisis-help.js';

KinCrisisHelp.define('kin-crisis-help');

declare global {
  interface HTMLElementTagNameMap {
    'kin-crisis-help': KinCrisisHelp;
  }
}
