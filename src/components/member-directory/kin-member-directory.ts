import {KinMemberDirectory} from './member-directory.js';

KinMemberDirectory.define('kin-member-directory');

declare global {
  interface HTMLElementTagNameMap {
    'kin-member-directory': KinMemberDirectory;
  }
}
