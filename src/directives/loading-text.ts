import {AsyncDirective, directive} from 'lit/async-directive.js';
import {commonMessages} from '../i18n/common.messages.js';
import type {Locale} from '../data/types.js';

/**
 * Issue 17: how long a first load may take before its "Loading…" says more. A listener that the server
 * keeps refusing (429 resource-exhausted, 503 unavailable, a deadline exceeded) gets no error from the SDK:
 * it backs off and tries again by itself, silently, sometimes for a minute or more.
 */
export const SLOW_LOADING_MS = 8000;

class LoadingText extends AsyncDirective {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #slow = false;
  #locale: Locale = 'en';

  render(locale: Locale) {
    this.#locale = locale;
    if (!this.#slow && this.#timer === undefined && this.isConnected) this.#start();
    const c = commonMessages(locale);
    return this.#slow ? c.slowLoading : c.loading;
  }

  #start() {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#slow = true;
      if (this.isConnected) this.setValue(commonMessages(this.#locale).slowLoading);
    }, SLOW_LOADING_MS);
  }

  protected override disconnected() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  protected override reconnected() {
    if (!this.#slow) this.#start();
  }
}

/**
 * The words of a loading state that waits on a listener: "Loading…", and after SLOW_LOADING_MS of the same
 * loading state, "taking longer than usual" with what happens next (it keeps trying and shows the content
 * by itself), never an endless spinner with no words. Put it inside the element's `role="status"`.
 */
export const loadingText = directive(LoadingText);
