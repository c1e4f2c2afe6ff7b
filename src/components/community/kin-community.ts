import {KinCommunity} from './community.js';

KinCommunity.define('kin-community');

declare global {
  interface HTMLElementTagNameMap {
    'kin-community': KinCommunity;
  }
}
