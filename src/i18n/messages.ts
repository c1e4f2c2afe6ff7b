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

// Chromium ships no Welsh date data (Intl falls back to English for 'cy'), so Welsh dates and
// relative times are formatted here; English uses Intl with en-GB.
const CY_MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
const CY_UNITS: Record<'minute' | 'hour' | 'day' | 'month' | 'year', [one: string, many: string]> = {
  minute: ['munud', 'munud'],
  hour: ['awr', 'awr'],
  day: ['diwrnod', 'diwrnod'],
  month: ['mis', 'mis'],
  year: ['blwyddyn', 'blynedd'],
};

function welshRelative(value: number, unit: keyof typeof CY_UNITS | 'second'): string {
  if (unit === 'second' || value === 0) return 'nawr';
  if (unit === 'day' && value === -1) return 'ddoe';
  if (unit === 'day' && value === 1) return 'yfory';
  const n = Math.abs(value);
  const [one, many] = CY_UNITS[unit];
  const phrase = n === 1 ? `${one}` : `${n} ${many}`;
  return value < 0 ? `${phrase} yn ôl` : `mewn ${phrase}`;
}

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
/** "3 minutes ago" / "3 munud yn ôl". */
export function relativeTime(ms: number, locale: Locale, now = Date.now()): string {
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  let value: number;
  let unit: 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';
  if (abs < 45) [value, unit] = [0, 'second'];
  else if (abs < 45 * 60) [value, unit] = [Math.round(diff / 60), 'minute'];
  else if (abs < 22 * 3600) [value, unit] = [Math.round(diff / 3600), 'hour'];
  else if (abs < 26 * 86400) [value, unit] = [Math.round(diff / 86400), 'day'];
  else if (abs < 320 * 86400) [value, unit] = [Math.round(diff / (30 * 86400)), 'month'];
  else [value, unit] = [Math.round(diff / (365 * 86400)), 'year'];
  if (locale === 'cy') return welshRelative(value, unit);
  let rtf = rtfCache.get('en');
  if (!rtf) rtfCache.set('en', (rtf = new Intl.RelativeTimeFormat('en-GB', {numeric: 'auto'})));
  return rtf.format(value, unit);
}

/** A localised date ("29 December 2024" / "29 Rhagfyr 2024"). */
export function formatDate(ms: number, locale: Locale, {utc = false} = {}): string {
  if (locale === 'cy') {
    const d = new Date(ms);
    return utc
      ? `${d.getUTCDate()} ${CY_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
      : `${d.getDate()} ${CY_MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  }
  return new Intl.DateTimeFormat('en-GB', {dateStyle: 'long', ...(utc ? {timeZone: 'UTC'} : {})}).format(ms);
}

/** Exact, localised date and time for a tooltip or `<time>` text. */
export function exactTime(ms: number, locale: Locale): string {
  if (locale === 'cy') {
    const d = new Date(ms);
    const hh = String(d.getHours()).padStart(2, '0');
    const mm = String(d.getMinutes()).padStart(2, '0');
    return `${formatDate(ms, 'cy')} am ${hh}:${mm}`;
  }
  return new Intl.DateTimeFormat('en-GB', {dateStyle: 'medium', timeStyle: 'short'}).format(ms);
}
