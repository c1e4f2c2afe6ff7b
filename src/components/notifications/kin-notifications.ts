import {KinNotifications} from './notifications.js';

KinNotifications.define('kin-notifications');

declare global {
  interface HTMLElementTagNameMap {
    'kin-notifications': KinNotifications;
  }
}
