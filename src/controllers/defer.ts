import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Where the page cannot tell (no IntersectionObserver, a background tab), work starts at once. */
function canObserve(): boolean {
  return typeof IntersectionObserver !== 'undefined' && typeof document !== 'undefined' && document.visibilityState !== 'hidden';
}

export interface DeferOptions {
  /**
   * How far beyond the viewport counts as near, as an IntersectionObserver `rootMargin`. Default
   * `100% 0px`: a viewport's height above and below, so the work is done before the element scrolls into view.
   */
  rootMargin?: string;
  /** Ready at once when this returns true (checked on connect and before every update), e.g. the address links into the element. */
  now?: () => boolean;
  /** Ready anyway after this long (ms) once the browser is idle; default never (idle work still blocks a tap that comes during it). */
  idleAfterMs?: number;
  /** Called once, when the element becomes ready (before the update it asks for). */
  onReady?: () => void;
}

/**
 * Issue 16: "render when near the viewport". An element below the first screen does none of its heavy
 * work (subscribing to data, rendering a list) while the page loads; it keeps showing what it shows while
 * loading, so its reserved size, and the page around it, do not move. It becomes `ready`, once and for
 * good, when the first of these happens:
 *   - it comes within `rootMargin` of the viewport (IntersectionObserver);
 *   - keyboard (or any) focus moves into it, or the page is printed;
 *   - `now()` says so (a link into it in the address);
 *   - the browser cannot tell (no IntersectionObserver, a page loaded in a background tab: nobody waits there);
 *   - `idleAfterMs` passed and the browser is idle (optional).
 *
 *   #defer = new DeferController(this);
 *   get store() { return this.#defer.ready ? this.#consumer.store : null; }   // nothing loads until near
 *
 * Add it before the controllers whose work it holds back, so its check runs first in each update.
 */
export class DeferController implements ReactiveController {
  /** Whether the element may do its work now. Never goes back to false. */
  ready = false;
  #observer: IntersectionObserver | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #idle: number | null = null;
  /** Listening for focus and print (each listener added is removed exactly once: host pages count them). */
  #listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DeferOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected() {
    if (this.ready) return;
    if (this.options.now?.() || !canObserve()) {
      this.#becomeReady();
      return;
    }
    this.host.addEventListener('focusin', this.#wake);
    window.addEventListener('beforeprint', this.#wake);
    this.#listening = true;
    const near = (entries: IntersectionObserverEntry[]) => {
      if (entries.some((e) => e.isIntersecting)) this.#wake();
    };
    const rootMargin = this.options.rootMargin ?? '100% 0px';
    try {
      // The element's own document as the root: inside an iframe, the implicit root (the top page's viewport)
      // is clipped by the frame, so content below the frame's fold would never count as near.
      this.#observer = new IntersectionObserver(near, {root: this.host.ownerDocument, rootMargin});
    } catch {
      this.#observer = new IntersectionObserver(near, {rootMargin});
    }
    this.#observer.observe(this.host);
    const after = this.options.idleAfterMs;
    if (after !== undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        if (typeof requestIdleCallback === 'function') this.#idle = requestIdleCallback(this.#wake, {timeout: after});
        else this.#wake();
      }, after);
    }
  }

  hostUpdate() {
    if (!this.ready && this.options.now?.()) this.#becomeReady();
  }

  hostDisconnected() {
    this.#stop();
  }

  #wake = () => {
    if (this.ready) return;
    this.#becomeReady();
    this.host.requestUpdate();
  };

  #becomeReady() {
    this.#stop();
    this.ready = true;
    this.options.onReady?.();
  }

  #stop() {
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#listening) {
      this.host.removeEventListener('focusin', this.#wake);
      window.removeEventListener('beforeprint', this.#wake);
      this.#listening = false;
    }
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#idle !== null) cancelIdleCallback(this.#idle);
    this.#timer = null;
    this.#idle = null;
  }
}
