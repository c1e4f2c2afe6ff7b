import {KinDiscussionThread} from './discussion-thread.js';

KinDiscussionThread.define('kin-discussion-thread');

declare global {
  interface HTMLElementTagNameMap {
    'kin-discussion-thread': KinDiscussionThread;
  }
}
