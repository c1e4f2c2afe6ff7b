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

// Issue 18: a charity adds a language without code. `addCatalogue(tag, {namespace: {key: 'text'}})`
// (src/i18n/catalogue.ts, typed against English) stores the strings here; each element's catalogue,
// declared with its namespace, merges them over English the first time that language is asked for.
// Where English has a function, the supplied string is a template: `{0}` is the first argument,
// `{0, plural, one {# reply} other {# replies}}` picks by Intl.PluralRules, `{0, select, a {…} other {…}}`
// by value (`null` matches an empty argument), and numbers and lists are formatted for the language.
const added = new Map<string, Record<string, unknown>>();
/** The template compiler, installed by catalogue.ts (so pages that never add a language do not load it). */
type Compile = (template: string, lang: string) => (...args: unknown[]) => string;
let compiler: Compile | null = null;
const merged = new Map<string, Catalogue>();
const warned = new Set<string>();

/** Whether the page is a developer's (localhost, file:, or `globalThis.kindredDev = true`): only then does the kit warn in the console. */
export function devMode(): boolean {
  const g = globalThis as {kindredDev?: unknown; location?: Location};
  if (typeof g.kindredDev === 'boolean') return g.kindredDev;
  const loc = g.location;
  if (!loc) return false;
  const h = loc.hostname;
  return loc.protocol === 'file:' || h === 'localhost' || h === '127.0.0.1' || h === '[::1]' || h.endsWith('.localhost');
}

function devWarn(key: string, message: string): void {
  if (warned.has(key) || !devMode()) return;
  warned.add(key);
  console.warn(`Kindred: ${message}`);
}

/** Normalises a BCP 47 tag ("ar_EG" → "ar-eg"). */
function normTag(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/** Stores a charity's catalogue (see `addCatalogue` in catalogue.ts, which types it against English). */
export function registerCatalogue(tag: string, catalogue: Record<string, unknown>, compile: Compile): string {
  compiler = compile;
  const lang = normTag(tag);
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(lang)) throw new TypeError(`Kindred: “${tag}” is not a language tag (for example "ar" or "pt-br").`);
  if (!catalogue || typeof catalogue !== 'object') throw new TypeError(`Kindred: the catalogue for “${tag}” must be an object (the parsed JSON).`);
  added.set(lang, {...(added.get(lang) ?? {}), ...catalogue});
  for (const k of [...merged.keys()]) if (k.endsWith(`\n${lang}`)) merged.delete(k);
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('kin-catalogue-added', {detail: {lang}}));
  return lang;
}

/** The languages a charity added, for tests and diagnostics. */
export function addedLanguages(): string[] {
  return [...added.keys()];
}

// Issue 16: Welsh strings only on Welsh pages. Each element's Welsh object lives in a sibling module
// (`<name>.messages.cy.ts`) that is loaded with import() the first time a page's language resolves to
// Welsh: an English visitor downloads none of it. Until a catalogue's Welsh has arrived, elements do not
// render (KinElement.scheduleUpdate waits on `welshPending()`), so a Welsh page never flashes English;
// their hosts keep their reserved size meanwhile.
interface WelshCatalogue {
  cy: Catalogue | null;
  load: () => Promise<{cy: Catalogue}>;
  promise: Promise<void> | null;
  /** When the last attempt failed (offline, CDN hiccup): English is shown, and it is tried again later. */
  failedAt: number;
}
const welsh: WelshCatalogue[] = [];
let welshWanted = false;
/** Renders that asked for Welsh before it had arrived (KinElement renders again when it does). */
let welshMisses = 0;
const RETRY_MS = 10000;

function loadWelsh(w: WelshCatalogue): Promise<void> {
  return (w.promise ??= w.load().then(
    (m) => {
      w.cy = m.cy;
      for (const k of [...merged.keys()]) if (k.endsWith('\ncy')) merged.delete(k);
      // Arrived after a failed attempt: roots showing English for it speak Welsh again (as for a charity's catalogue).
      if (w.failedAt && typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('kin-catalogue-added', {detail: {lang: 'cy'}}));
    },
    (e: unknown) => {
      w.promise = null;
      w.failedAt = Date.now();
      devWarn(`cy load ${Date.now()}`, `Welsh strings could not be loaded (${(e as Error)?.message}); English is shown meanwhile.`);
    },
  ));
}

/** Starts loading the Welsh of every catalogue declared so far (and of those declared later). */
export function wantWelsh(): void {
  welshWanted = true;
  const now = Date.now();
  for (const w of welsh) if (!w.cy && !w.promise && now - w.failedAt >= RETRY_MS) void loadWelsh(w);
}

/** Whether Welsh was asked for on this page (a Welsh page, `lang="cy"` somewhere, or a switch to it). */
export function isWelshWanted(): boolean {
  return welshWanted;
}

/** While Welsh is wanted and some declared catalogue's Welsh is still arriving: a promise for it; else null. */
export function welshPending(): Promise<void> | null {
  if (!welshWanted) return null;
  const now = Date.now();
  const waiting = welsh.filter((w) => !w.cy && (w.promise || now - w.failedAt >= RETRY_MS));
  if (!waiting.length) return null;
  return Promise.all(waiting.map(loadWelsh)).then(() => undefined);
}

/** How many renders so far asked for Welsh strings that had not arrived (see KinElement). */
export function welshMissCount(): number {
  return welshMisses;
}

/**
 * Declare an element's catalogue: `defineMessages({en}, 'join', () => import('./join.messages.cy.js'))`,
 * the sibling module exporting `cy` typed as `typeof en` (a missing Welsh string is a compile error).
 * The namespace names its part of a supplied catalogue; without one, the element speaks only en and cy.
 * `{en, cy}` together (no loader) is still accepted, for a catalogue whose Welsh is small.
 */
export function defineMessages<C extends Catalogue>(
  messages: {en: C; cy?: C},
  namespace?: string,
  loadCy?: () => Promise<{cy: C}>,
): (locale: Locale) => C {
  const w: WelshCatalogue = {cy: messages.cy ?? null, load: loadCy ?? (() => Promise.resolve({cy: messages.en})), promise: null, failedAt: 0};
  if (!w.cy) {
    welsh.push(w);
    if (welshWanted) void loadWelsh(w);
  }
  const welshOrEnglish = (): C => {
    if (w.cy) return w.cy as C;
    welshMisses++;
    wantWelsh();
    return messages.en;
  };
  return (locale) => {
    if (locale === 'en') return messages.en;
    const extra = namespace ? added.get(locale) : undefined;
    if (!extra) return locale === 'cy' ? welshOrEnglish() : messages.en;
    const id = `${namespace}\n${locale}`;
    let c = merged.get(id) as C | undefined;
    if (!c) {
      const base = locale === 'cy' ? welshOrEnglish() : messages.en;
      c = mergeCatalogue(messages.en, base, namespace!, locale, extra[namespace!]);
      if (locale !== 'cy' || w.cy) merged.set(id, c);
    }
    return c;
  };
}

function mergeCatalogue<C extends Catalogue>(en: C, base: C, namespace: string, lang: string, strings: unknown): C {
  const messages = {en};
  const out: Record<string, Message> = {...base};
  const given = strings && typeof strings === 'object' ? (strings as Record<string, unknown>) : {};
  const missing: string[] = [];
  for (const key of Object.keys(messages.en)) {
    const v = given[key];
    if (typeof v === 'function' && typeof messages.en[key] === 'function') {
      out[key] = v as Message;
      continue;
    }
    if (typeof v !== 'string') {
      if (base === messages.en) missing.push(key);
      continue;
    }
    if (typeof messages.en[key] !== 'function') out[key] = v;
    else {
      try {
        out[key] = compiler!(v, lang);
      } catch (e) {
        devWarn(`${lang} ${namespace}.${key} bad`, `the "${lang}" string ${namespace}.${key} is not a valid template (${(e as Error).message}); English is shown instead.`);
        out[key] = messages.en[key];
      }
    }
  }
  const unknown = Object.keys(given).filter((k) => !(k in messages.en));
  if (unknown.length) devWarn(`${lang} ${namespace} unknown`, `the "${lang}" catalogue has strings ${namespace}.{${unknown.join(', ')}} that English does not have; they are ignored.`);
  if (missing.length) devWarn(`${lang} ${namespace} missing`, `the "${lang}" catalogue has no ${namespace}.{${missing.join(', ')}}; English is shown instead.`);
  return out as C;
}

/** Picks a supported locale from a BCP 47 tag: a language a charity added ("ar-EG" → "ar"), else "cy" or "en". */
export function toLocale(tag: string | null | undefined): Locale {
  const t = normTag(tag ?? '');
  if (added.has(t)) {
    if (t === 'cy') wantWelsh();
    return t;
  }
  const base = t.split('-')[0];
  if (added.has(base)) return base;
  if (base !== 'cy') return 'en';
  wantWelsh();
  return 'cy';
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

// Intl formatting for any language the browser knows. English is British English. Chromium ships no
// Welsh date or relative-time data (Intl quietly falls back to English for 'cy'), so while that is so,
// Welsh dates and relative times are formatted here; Welsh plural rules are in Chromium's Intl.
const intlCache = new Map<string, unknown>();
function intl<T>(key: string, make: () => T): T {
  let v = intlCache.get(key) as T | undefined;
  if (!v) intlCache.set(key, (v = make()));
  return v;
}

/** The tag handed to Intl for a locale ("en" → "en-GB"). */
export function intlTag(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/** Whether the browser's Intl has date data for the locale (Chromium has none for Welsh). */
function hasDates(locale: Locale): boolean {
  return intl(`dates ${locale}`, () => Intl.DateTimeFormat.supportedLocalesOf([intlTag(locale)]).length > 0);
}

/** "1,234" / "١٬٢٣٤", in the locale's own digits and separators. */
export function formatNumber(n: number, locale: Locale): string {
  return intl(`num ${locale}`, () => new Intl.NumberFormat(intlTag(locale))).format(n);
}

/** "a, b and c" in the locale's own words. */
export function formatList(items: readonly string[], locale: Locale): string {
  return intl(`list ${locale}`, () => new Intl.ListFormat(intlTag(locale), {type: 'conjunction'})).format(items);
}

export type PluralCategory = Intl.LDMLPluralRule;

/** The plural category of `n` in the locale (Welsh: zero, one, two, few, many, other). */
export function pluralCategory(n: number, locale: Locale): PluralCategory {
  return intl(`plural ${locale}`, () => new Intl.PluralRules(intlTag(locale))).select(n);
}

/** Picks the form for `n` ("other" when the locale's category has no form); `#` in a form is the number. */
export function plural(n: number, locale: Locale, forms: Partial<Record<PluralCategory, string>> & {other: string}): string {
  return (forms[pluralCategory(n, locale)] ?? forms.other).replace(/#/g, formatNumber(n, locale));
}

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

// Issue 16: English dates and relative times are formatted here too, exactly as Chromium's Intl formats
// en-GB (test/components/catalogues.test.ts compares them). The first Intl formatter a page creates loads
// ICU's data: ~50 ms of main thread (~200–400 ms at Lighthouse's 4× CPU slowdown, bench:profile), and a
// visitor's first view of the banner and the thread needed Intl for nothing else.
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const EN_NAMED: Record<string, Record<string, string>> = {
  second: {0: 'now'}, minute: {0: 'this minute'}, hour: {0: 'this hour'},
  day: {'-1': 'yesterday', 0: 'today', 1: 'tomorrow'},
  month: {'-1': 'last month', 0: 'this month', 1: 'next month'},
  year: {'-1': 'last year', 0: 'this year', 1: 'next year'},
};
const groupEn = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function englishRelative(value: number, unit: 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year'): string {
  const named = EN_NAMED[unit][String(value === 0 ? 0 : value)];
  if (named) return named;
  const n = Math.abs(value);
  const phrase = `${groupEn(n)} ${unit}${n === 1 ? '' : 's'}`;
  return value < 0 ? `${phrase} ago` : `in ${phrase}`;
}

/** "3 minutes ago" / "3 munud yn ôl" / "قبل ٣ دقائق". */
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
  if (locale === 'en') return englishRelative(value, unit);
  if (locale === 'cy' && !hasDates('cy')) return welshRelative(value, unit);
  return intl(`rtf ${locale}`, () => new Intl.RelativeTimeFormat(intlTag(locale), {numeric: 'auto'})).format(value, unit);
}

/** A localised date ("29 December 2024" / "29 Rhagfyr 2024"). */
export function formatDate(ms: number, locale: Locale, {utc = false} = {}): string {
  if (locale === 'en' || (locale === 'cy' && !hasDates('cy'))) {
    const d = new Date(ms);
    const months = locale === 'en' ? EN_MONTHS : CY_MONTHS;
    return utc
      ? `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`
      : `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
  }
  return intl(`date ${locale} ${utc}`, () => new Intl.DateTimeFormat(intlTag(locale), {dateStyle: 'long', ...(utc ? {timeZone: 'UTC'} : {})})).format(ms);
}

/** Exact, localised date and time for a tooltip or `<time>` text. */
export function exactTime(ms: number, locale: Locale): string {
  if (locale === 'en' || (locale === 'cy' && !hasDates('cy'))) {
    const d = new Date(ms);
    const hh = String(d.getHours()).padStart(2, '0');
    const mm = String(d.getMinutes()).padStart(2, '0');
    return locale === 'en'
      ? `${d.getDate()} ${EN_MONTHS_SHORT[d.getMonth()]} ${d.getFullYear()}, ${hh}:${mm}`
      : `${formatDate(ms, 'cy')} am ${hh}:${mm}`;
  }
  return intl(`exact ${locale}`, () => new Intl.DateTimeFormat(intlTag(locale), {dateStyle: 'medium', timeStyle: 'short'})).format(ms);
}
