// Issue 17: is the store in touch with the server? The SDK keeps listeners alive through an outage and
// serves them from its cache; a snapshot's `metadata.fromCache` turns true when it gives up on the
// current connection (server stopped, network gone) and false again once it is back in sync.
//
// Prompt recovery: after a long outage the SDK's own stream backoff has grown to as much as a minute, so a
// server that is back can wait that long to be noticed. While reconnecting (and the browser is online) the
// monitor asks the server's host a cheap question (an opaque `no-cors` GET: any HTTP answer means it is
// reachable) every few seconds; once it answers, it restarts the SDK's network (disableNetwork then
// enableNetwork, an intentional close, which resets the SDK's backoff), so listeners and queued writes
// resume at once. When the state turns `connected` it tells the page (`RECONNECTED_EVENT` on window), so
// failed loads (LiveController) try again at once instead of waiting for their own backoff.
import {disableNetwork, enableNetwork, onSnapshot, type DocumentReference, type Firestore} from 'firebase/firestore';
import type {ConnectionState, Unsubscribe} from '../store.js';
import {RECONNECTED_EVENT} from '../connection-events.js';

export {RECONNECTED_EVENT};

/** Delays between probes while reconnecting: 1.5 s growing to 10 s. */
const PROBE_FIRST_MS = 1500;
const PROBE_MAX_MS = 10000;

/** The URL to probe for a Firestore instance: its host (the emulator's, or Google's). */
export function probeUrl(db: Firestore): string | null {
  const settings = (db.toJSON() as {settings?: {host?: string; ssl?: boolean}}).settings;
  const host = settings?.host;
  if (!host || !/^[\w.-]+(:\d{1,5})?$/.test(host)) return null;
  return `${settings?.ssl === false ? 'http' : 'https'}://${host}/`;
}

/**
 * One per store: a metadata-change listener on `ref` shared by every element that follows the connection,
 * and the probe that restarts the SDK's network once the server answers again.
 */
export class ConnectionMonitor {
  #listeners = new Set<(state: ConnectionState) => void>();
  #unsub: Unsubscribe | null = null;
  #synced = false;
  #state: ConnectionState = 'connected';
  #probeTimer: ReturnType<typeof setTimeout> | null = null;
  #probeDelay = PROBE_FIRST_MS;
  #kicking = false;

  constructor(
    private ref: DocumentReference,
    private db: Firestore,
    private options: {probe?: string | null; probeFirstMs?: number; probeMaxMs?: number} = {},
  ) {}

  get state(): ConnectionState {
    return this.#state;
  }

  watch(next: (state: ConnectionState) => void): Unsubscribe {
    this.#listeners.add(next);
    if (!this.#unsub) this.#start();
    else if (this.#state === 'reconnecting') next('reconnecting');
    return () => {
      this.#listeners.delete(next);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  #start() {
    this.#synced = false;
    this.#state = 'connected';
    this.#unsub = onSnapshot(this.ref, {includeMetadataChanges: true}, (snap) => {
      if (!snap.metadata.fromCache) this.#synced = true;
      // The first load is each element's own loading state, not a reconnection.
      if (!this.#synced) return;
      this.#set(snap.metadata.fromCache ? 'reconnecting' : 'connected');
    }, () => {
      // A refusal or a bad configuration is shown by the elements' own listeners; nothing to add here.
    });
  }

  #stop() {
    this.#unsub?.();
    this.#unsub = null;
    this.#cancelProbe();
  }

  #set(state: ConnectionState) {
    if (state === this.#state) return;
    this.#state = state;
    for (const l of [...this.#listeners]) l(state);
    if (state === 'reconnecting') {
      this.#probeDelay = this.options.probeFirstMs ?? PROBE_FIRST_MS;
      this.#scheduleProbe();
    } else {
      this.#cancelProbe();
      window.dispatchEvent(new CustomEvent(RECONNECTED_EVENT));
    }
  }

  #scheduleProbe() {
    this.#cancelProbe();
    const url = this.options.probe === undefined ? probeUrl(this.db) : this.options.probe;
    if (!url || !this.#unsub) return;
    this.#probeTimer = setTimeout(() => void this.#probe(url), this.#probeDelay);
    this.#probeDelay = Math.min(this.#probeDelay * 2, this.options.probeMaxMs ?? PROBE_MAX_MS);
  }

  #cancelProbe() {
    if (this.#probeTimer) clearTimeout(this.#probeTimer);
    this.#probeTimer = null;
  }

  /** Re-read after an await: the state may have changed, or the last element left. */
  #stillReconnecting(): boolean {
    return this.#state === 'reconnecting' && this.#unsub !== null;
  }

  async #probe(url: string) {
    this.#probeTimer = null;
    if (this.#state !== 'reconnecting' || !this.#unsub) return;
    // Offline: the SDK itself restarts on the browser's `online` event.
    const online = typeof navigator === 'undefined' || navigator.onLine !== false;
    if (online && !this.#kicking) {
      let answered = false;
      try {
        await fetch(url, {mode: 'no-cors', cache: 'no-store', credentials: 'omit'});
        answered = true;
      } catch {
        // Not reachable yet.
      }
      if (answered && this.#stillReconnecting()) {
        this.#kicking = true;
        try {
          await disableNetwork(this.db);
          await enableNetwork(this.db);
        } catch {
          // The store was disposed meanwhile.
        } finally {
          this.#kicking = false;
        }
      }
    }
    if (this.#state === 'reconnecting') this.#scheduleProbe();
  }
}

/** Watches `ref` with metadata changes; reports `reconnecting` / `connected` after the first server sync. */
export function watchConnection(ref: DocumentReference, next: (state: ConnectionState) => void): Unsubscribe {
  return new ConnectionMonitor(ref, ref.firestore, {probe: null}).watch(next);
}
