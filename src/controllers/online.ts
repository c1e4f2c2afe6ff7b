import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * Whether the browser is online, kept current while the host is connected (the `online` / `offline`
 * window events), for the offline state every element shows. `onChange` runs on each change, e.g.
 * to retry a failed load when the connection comes back.
 */
export class OnlineController implements ReactiveController {
  online = true;

  constructor(private host: ReactiveControllerHost, private onChange?: (online: boolean) => void) {
    host.addController(this);
  }

  get offline(): boolean {
    return !this.online;
  }

  hostConnected() {
    this.online = typeof navigator === 'undefined' || navigator.onLine !== false;
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
  }

  hostDisconnected() {
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
  }

  #onNetwork = (e: Event) => {
    this.online = e.type === 'online';
    this.onChange?.(this.online);
    this.host.requestUpdate();
  };
}
