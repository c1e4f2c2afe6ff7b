// The thread shows crisis help through <kin-crisis-help>, so it registers that element too.
import '../crisis-help/kin-crisis-help.js';
import {KinDiscussionThread} from './discussion-thread.js';

KinDiscussionThread.define('kin-discussion-thread');

declare global {
  interface HTMLElementTagNameMap {
    'kin-discussion-thread': KinDiscussionThread;
  }
}
