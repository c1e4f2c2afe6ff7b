// Message catalogues. Each element keeps its strings beside it (`<name>.messages.ts`) as an English
// object and a Welsh object of the same type, so a missing Welsh string is a compile error.
//
// Why not @lit/localize: its locale is global to the page (configureLocalization once), but Kindred
// must let two <kin-community> roots on one page speak different languages, and two copies of the kit
// coexist. A typed catalogue per element, chosen by the locale in context, needs no build step.
import type {Locale} from '../data/types.js';

export type Message = string | ((...args: never[]) => string);
export type Catalogue = Record<string, Message>;

export interface Messages<C extends Catalogue> {
  en: C;
  cy: C;
}

/** Declare an element's catalogue: `defineMessages({en, cy})` with `cy` typed as `typeof en`. */
export function defineMessages<C extends Catalogue>(messages: Messages<C>): (locale: Locale) => C {
  return (locale) => messages[locale] ?? messages.en;
}

/** Picks a supported locale from a BCP 47 tag ("cy-GB" → "cy"); English otherwise. */
export function toLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'cy' ? 'cy' : 'en';
}

/** The page's language, for elements used outside a <kin-community>. */
export function pageLocale(): Locale {
  return toLocale(typeof document === 'undefined' ? 'en' : document.documentElement.lang);
}

/** Text in the wanted language, falling back to English. `fellBack` says whether it did. */
export function pickLocalized(text: {en: string; cy?: string} | null | undefined, locale: Locale): {text: string; lang: Locale; fellBack: boolean} {
  if (!text) return {text: '', lang: locale, fellBack: false};
  const want = locale === 'cy' ? text.cy : text.en;
  if (want) return {text: want, lang: locale, fellBack: false};
  return {text: text.en ?? '', lang: 'en', fellBack: locale !== 'en'};
}

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
/** "3 minutes ago" / "3 munud yn ôl". */
export function relativeTime(ms: number, locale: Locale, now = Date.now()): string {
  const key = locale;
  let rtf = rtfCache.get(key);
  if (!rtf) rtfCache.set(key, (rtf = new Intl.RelativeTimeFormat(locale === 'cy' ? 'cy' : 'en-GB', {numeric: 'auto'})));
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 26 * 86400) return rtf.format(Math.round(diff / 86400), 'day');
  if (abs < 320 * 86400) return rtf.format(Math.round(diff / (30 * 86400)), 'month');
  return rtf.format(Math.round(diff / (365 * 86400)), 'year');
}

/** Exact, localised date and time for a tooltip or `<time>` text. */
export function exactTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'cy' ? 'cy' : 'en-GB', {dateStyle: 'medium', timeStyle: 'short'}).format(ms);
}
