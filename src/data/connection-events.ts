// Issue 17: the page-wide signal that a store is back in touch with its server after reconnecting
// (src/data/firebase/connection.ts fires it; LiveController retries failed loads on it at once).
// No Firebase import: the script-tag entry's controllers listen for it.

/** Fired on window when a store is back in touch with its server after reconnecting. */
export const RECONNECTED_EVENT = 'kindred-reconnected';
