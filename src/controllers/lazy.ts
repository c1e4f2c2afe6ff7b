import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * Tells an element when it comes near the viewport, once. Until then the element does no heavy work
 * (no store module import, no subscription). Where IntersectionObserver is missing, it is near at once.
 *
 *   #lazy = new LazyController(this, {enabled: () => this.loading === 'lazy', onNear: () => this.#start()});
 */
export class LazyController implements ReactiveController {
  /** Whether the element has been near the viewport (or is not lazy). Never goes back to false. */
  near = false;
  #observer: IntersectionObserver | null = null;

  constructor(
    private host: ReactiveControllerHost & Element,
    private options: {
      /** Whether to wait for the viewport at all (read on connect and on each update). */
      enabled: () => boolean;
      /** Called once, when the element first comes near the viewport (or at once when not enabled). */
      onNear: () => void;
      /** How far outside the viewport counts as near, as a CSS margin; default 400px. */
      rootMargin?: string;
    },
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.#check();
  }

  hostUpdate() {
    this.#check();
  }

  hostDisconnected() {
    this.#stopObserving();
  }

  #check() {
    if (this.near || this.#observer) return;
    if (!this.options.enabled() || typeof IntersectionObserver === 'undefined') {
      this.#becomeNear();
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#becomeNear();
    }, {rootMargin: this.options.rootMargin ?? '400px'});
    this.#observer.observe(this.host);
  }

  #becomeNear() {
    this.#stopObserving();
    if (this.near) return;
    this.near = true;
    this.options.onNear();
    this.host.requestUpdate();
  }

  #stopObserving() {
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
