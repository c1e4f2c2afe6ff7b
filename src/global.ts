// The script-tag API for host pages (a cookie banner calls `kindred.grantConsent()`). Only the
// script-tag entries (define.ts, cdn.ts) install it; `src/index.ts` has no side effects. A second copy
// of the kit keeps the first one's object: both read the same consent state.
import {grantConsent, hasConsent, revokeConsent} from './consent.js';
import type {KindredCatalogue} from './i18n/catalogue.js';

/** What the script-tag bundle puts on `window.kindred`. */
export interface KindredGlobal {
  grantConsent(): void;
  revokeConsent(): void;
  hasConsent(): boolean;
  /** Issue 18: adds a language from a charity's catalogue (the parsed JSON); loads the template compiler first. */
  addCatalogue?: (lang: string, catalogue: KindredCatalogue) => Promise<string>;
}
declare global {
  interface Window {
    kindred?: KindredGlobal;
  }
}

export function installGlobal(): void {
  window.kindred ??= {grantConsent, revokeConsent, hasConsent};
  window.kindred.addCatalogue ??= (lang, catalogue) => import('./i18n/catalogue.js').then((m) => m.addCatalogue(lang, catalogue));
}
