// Issue 17: is the store in touch with the server? The SDK keeps listeners alive through an outage and
// serves them from its cache; a snapshot's `metadata.fromCache` turns true when it gives up on the
// current connection (server stopped, network gone) and false again once it is back in sync.
import {onSnapshot, type DocumentReference} from 'firebase/firestore';
import type {ConnectionState, Unsubscribe} from '../store.js';

/** Watches `ref` with metadata changes; reports `reconnecting` / `connected` after the first server sync. */
export function watchConnection(ref: DocumentReference, next: (state: ConnectionState) => void): Unsubscribe {
  let synced = false;
  let last: ConnectionState = 'connected';
  return onSnapshot(ref, {includeMetadataChanges: true}, (snap) => {
    if (!snap.metadata.fromCache) synced = true;
    // The first load is each element's own loading state, not a reconnection.
    if (!synced) return;
    const state: ConnectionState = snap.metadata.fromCache ? 'reconnecting' : 'connected';
    if (state === last) return;
    last = state;
    next(state);
  }, () => {
    // A refusal or a bad configuration is shown by the elements' own listeners; nothing to add here.
  });
}
