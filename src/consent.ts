// Page-wide consent for `<kin-community consent="required">`. Nothing here runs at import time: the
// shared state is created on first use. It lives under a registered symbol (not a named global), so two
// copies of the kit on one page (npm build + script tag) see the same answer. It is never stored: the
// host's own cookie banner remembers the visitor's choice and calls grantConsent() on each page load.

/** Ends a consent subscription. */
export type ConsentUnsubscribe = () => void;

interface ConsentState {
  granted: boolean;
  listeners: Set<(granted: boolean) => void>;
}

const KEY = Symbol.for('kindred.consent@1');

function consentState(): ConsentState {
  const g = globalThis as typeof globalThis & {[KEY]?: ConsentState};
  return (g[KEY] ??= {granted: false, listeners: new Set()});
}

function notify(state: ConsentState) {
  for (const listener of [...state.listeners]) listener(state.granted);
}

/**
 * The visitor agreed (from the host's own cookie banner, or Kindred's built-in prompt): every
 * `<kin-community consent="required">` on the page may now connect and store a session.
 */
export function grantConsent(): void {
  const state = consentState();
  if (state.granted) return;
  state.granted = true;
  notify(state);
}

/**
 * The visitor withdrew consent: roots with `consent="required"` disconnect from their store and show
 * the prompt again. (What was already stored stays until the member erases it.)
 */
export function revokeConsent(): void {
  const state = consentState();
  if (!state.granted) return;
  state.granted = false;
  notify(state);
}

/** Whether the visitor has agreed on this page. */
export function hasConsent(): boolean {
  return consentState().granted;
}

/** Calls `listener` on every change of consent; returns the unsubscribe. */
export function watchConsent(listener: (granted: boolean) => void): ConsentUnsubscribe {
  const state = consentState();
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}
