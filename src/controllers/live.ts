import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Unsubscribe} from '../data/store.js';
import {KindredError, toKindredError} from '../data/errors.js';
import {backoffMs, isTransient} from './resend.js';
import {RECONNECTED_EVENT} from '../data/connection-events.js';

export type LiveStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Binds a live store subscription to an element's lifecycle: subscribes while connected (and when the
 * key changes), unsubscribes on disconnect, and exposes `status` / `value` / `error` for render().
 *
 *   #posts = new LiveController(this, {
 *     key: () => [this.store, this.threadId],            // re-subscribe when any of these change
 *     subscribe: ([store, id], next, error) => store ? store.watchPosts(id, {limit: 20}, next, error) : null,
 *   });
 */
export class LiveController<T, K extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  status: LiveStatus = 'idle';
  value: T | undefined = undefined;
  error: KindredError | null = null;
  #unsub: Unsubscribe | null = null;
  #key: K | null = null;
  #connected = false;
  /** Automatic attempts since the last value (the backoff grows with it). */
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retryFor = -1;
  /** When the next automatic attempt is due (ms since the epoch), or null. */
  retryAt: number | null = null;

  constructor(
    private host: ReactiveControllerHost,
    private options: {
      key: () => K;
      /** Return null when there is nothing to subscribe to yet (no store, no id). */
      subscribe: (key: K, next: (value: T) => void, error: (e: KindredError) => void) => Unsubscribe | null;
      /** Called with each new value before the host re-renders. */
      onValue?: (value: T, previous: T | undefined) => void;
      /** Delays of the automatic retries (tests); defaults 2 s doubling to 60 s. */
      backoff?: {baseMs?: number; maxMs?: number};
    },
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.#connected = true;
    window.addEventListener('online', this.#onOnline);
    // A store back in touch with its server (issue 17): a failed load tries again now, not after its backoff.
    window.addEventListener(RECONNECTED_EVENT, this.#onOnline);
    this.#sync(true);
  }

  hostUpdate() {
    this.#sync(false);
  }

  hostDisconnected() {
    this.#connected = false;
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener(RECONNECTED_EVENT, this.#onOnline);
    this.#stop();
    this.#key = null;
    this.#attempt = 0;
  }

  /** Re-subscribes (e.g. the "try again" button after an error). */
  retry() {
    this.#cancelRetry();
    this.#stop();
    this.#key = null;
    this.#sync(true);
    this.host.requestUpdate();
  }

  /** Whether a subscription is open now (tests prove removal ends it). */
  get active(): boolean {
    return this.#unsub !== null;
  }

  #sync(force: boolean) {
    if (!this.#connected) return;
    const key = this.options.key();
    if (!force && this.#key && key.length === this.#key.length && key.every((v, i) => Object.is(v, this.#key![i]))) return;
    this.#stop();
    this.#key = key;
    this.value = undefined;
    this.error = null;
    let unsub: Unsubscribe | null;
    const generation = (this.#generation = this.#generation + 1);
    try {
      unsub = this.options.subscribe(
        key,
        (value) => {
          if (generation !== this.#generation) return;
          const previous = this.value;
          this.value = value;
          this.status = 'ready';
          this.error = null;
          this.#attempt = 0;
          this.options.onValue?.(value, previous);
          this.host.requestUpdate();
        },
        (e) => {
          if (generation !== this.#generation) return;
          this.error = toKindredError(e);
          this.status = 'error';
          this.#scheduleRetry();
          this.host.requestUpdate();
        },
      );
    } catch (e) {
      this.error = e instanceof KindredError ? e : toKindredError(e);
      this.status = 'error';
      this.#scheduleRetry();
      return;
    }
    this.#unsub = unsub;
    if (unsub && this.status !== 'ready' && this.status !== 'error') this.status = 'loading';
    if (!unsub) this.status = 'idle';
  }
  #generation = 0;

  #scheduleRetry() {
    // One attempt per subscription: a store may report the same failure more than once.
    if (this.#retryTimer && this.#retryFor === this.#generation) return;
    this.#cancelRetry();
    if (!this.#connected || !isTransient(this.error)) return;
    this.#retryFor = this.#generation;
    // Offline: the `online` event tries again; a timer would only fail again.
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    this.#attempt++;
    const wait = backoffMs(this.#attempt, this.options.backoff?.baseMs, this.options.backoff?.maxMs);
    this.retryAt = Date.now() + wait;
    this.#retryTimer = setTimeout(() => this.#autoRetry(), wait);
  }

  #cancelRetry() {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.retryAt = null;
  }

  #autoRetry() {
    this.#retryTimer = null;
    this.retryAt = null;
    if (!this.#connected || this.status !== 'error') return;
    // retry() keeps the attempt count (only a value resets it), so the next delay is longer.
    this.retry();
  }

  #onOnline = () => {
    if (this.status === 'error' && isTransient(this.error)) this.#autoRetry();
  };

  #stop() {
    this.#cancelRetry();
    this.#generation++;
    this.#unsub?.();
    this.#unsub = null;
    this.status = 'idle';
  }
}
