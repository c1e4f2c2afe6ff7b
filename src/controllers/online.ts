import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CommunityStore, Unsubscribe} from '../data/store.js';

/**
 * Whether the browser is online, kept current while the host is connected (the `online` / `offline`
 * window events), for the offline state every element shows. `onChange` runs on each change, e.g.
 * to retry a failed load when the connection comes back. Given the element's store, it also follows
 * the store's own connection (issue 17): `reconnecting` while the browser is online but the server
 * cannot be reached (a Firebase outage, a restarted emulator), for the "reconnecting" notice.
 */
export class OnlineController implements ReactiveController {
  online = true;
  /** The store lost its server while the browser is online; its listeners resume by themselves. */
  reconnecting = false;
  #store: CommunityStore | null = null;
  #unwatch: Unsubscribe | null = null;

  constructor(
    private host: ReactiveControllerHost,
    private onChange?: (online: boolean) => void,
    private store?: () => CommunityStore | null,
  ) {
    host.addController(this);
  }

  get offline(): boolean {
    return !this.online;
  }

  hostConnected() {
    this.online = typeof navigator === 'undefined' || navigator.onLine !== false;
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
    this.#follow();
  }

  hostUpdate() {
    this.#follow();
  }

  hostDisconnected() {
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    this.#unwatch?.();
    this.#unwatch = null;
    this.#store = null;
    this.reconnecting = false;
  }

  #follow() {
    const store = this.store?.() ?? null;
    if (store === this.#store) return;
    this.#unwatch?.();
    this.#unwatch = null;
    this.#store = store;
    this.reconnecting = false;
    if (!store?.watchConnection) return;
    this.#unwatch = store.watchConnection((state) => {
      const reconnecting = state === 'reconnecting';
      if (reconnecting === this.reconnecting) return;
      this.reconnecting = reconnecting;
      // Back in touch: the same hook as the browser coming back online (retry a failed load).
      if (!reconnecting) this.onChange?.(this.online);
      this.host.requestUpdate();
    });
  }

  #onNetwork = (e: Event) => {
    this.online = e.type === 'online';
    this.onChange?.(this.online);
    this.host.requestUpdate();
  };
}
