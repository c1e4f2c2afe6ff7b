// The card opens private conversations in place, so it registers <kin-discussion-thread> too.
import '../discussion-thread/kin-discussion-thread.js';
import {KinPeerMatchCard} from './peer-match-card.js';

KinPeerMatchCard.define('kin-peer-match-card');

declare global {
  interface HTMLElementTagNameMap {
    'kin-peer-match-card': KinPeerMatchCard;
  }
}
