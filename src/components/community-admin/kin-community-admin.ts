import {KinCommunityAdmin} from './community-admin.js';

KinCommunityAdmin.define('kin-community-admin');

declare global {
  interface HTMLElementTagNameMap {
    'kin-community-admin': KinCommunityAdmin;
  }
}
