import {KinModerationQueue} from './moderation-queue.js';

KinModerationQueue.define('kin-moderation-queue');

declare global {
  interface HTMLElementTagNameMap {
    'kin-moderation-queue': KinModerationQueue;
  }
}
