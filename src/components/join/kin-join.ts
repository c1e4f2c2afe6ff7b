import {KinJoin} from './join.js';

KinJoin.define('kin-join');

declare global {
  interface HTMLElementTagNameMap {
    'kin-join': KinJoin;
  }
}
