import {KinProfile} from './profile.js';

KinProfile.define('kin-profile');

declare global {
  interface HTMLElementTagNameMap {
    'kin-profile': KinProfile;
  }
}
