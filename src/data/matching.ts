// Peer matching: pure, deterministic scoring of "people like me" suggestions.
//
// No Lit, no DOM, no store: the card (or a store adapter) loads a bounded page of candidates with
// `candidateQuery(me)`, then ranks it here. The same inputs always give the same output, whatever
// the order of the candidates: ties are broken by a total order (score, then number of shared
// attributes, then uid by code unit), never by input order or randomness.
//
// Explanation phrases live here as plain en/cy tables (src/data never imports the Lit catalogues).
// Community-defined strings (conditions, experiences, interests) are shown verbatim.
import type {ContentLocale, Locale, MatchProfile, Relationship} from './types.js';

export type DiagnosedBand = NonNullable<MatchProfile['diagnosedBand']>;
export type AgeBand = NonNullable<MatchProfile['ageBand']>;

/** Diagnosis bands in order of time since diagnosis; neighbours in this list are "adjacent". */
export const DIAGNOSED_BANDS: readonly DiagnosedBand[] = ['under-1', '1-3', '3-10', 'over-10'];
/** Age bands in order; neighbours in this list are "adjacent". */
export const AGE_BANDS: readonly AgeBand[] = ['18-24', '25-34', '35-49', '50-64', '65+'];

/**
 * How much each shared attribute adds to a score. A community may override any of them
 * (`Partial<MatchWeights>`); a weight of 0 means "do not match on this" (the attribute is then
 * neither scored nor mentioned in the explanation). Negative or non-finite weights are ignored.
 */
export interface MatchWeights {
  /** Per shared condition (at most `LIST_CAP` counted). */
  conditions: number;
  /** Same diagnosis band; an adjacent band earns `diagnosis × adjacent`. */
  diagnosis: number;
  /** Per shared treatment or experience (at most `LIST_CAP` counted). */
  experiences: number;
  /** Same relationship to the illness (patient, carer, professional). */
  relationship: number;
  /** Same age band; an adjacent band earns `age × adjacent`. */
  age: number;
  /** Same region; different regions of the same UK nation earn `region × adjacent`. */
  region: number;
  /** Per shared language other than English (which every member of a UK community is assumed to share). */
  languages: number;
  /** Per shared interest outside the illness (at most `LIST_CAP` counted). */
  interests: number;
  /** Fraction (0–1) of a band or region weight that a near miss earns. */
  adjacent: number;
}

// Diagnosis alone never outweighs a shared life stage plus interests: 4 < 2 (age) + 2 × 2 (interests).
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  conditions: 5,
  diagnosis: 4,
  experiences: 3,
  relationship: 3,
  age: 2,
  region: 2,
  languages: 2,
  interests: 2,
  adjacent: 0.5,
});

/** At most this many shared items of one list (conditions, experiences, interests) add to a score. */
export const LIST_CAP = 3;

/** Most candidate profiles a store may read for one suggestion list. */
export const MAX_CANDIDATES = 60;

/** Languages every member is assumed to share; sharing them is not remarkable and scores nothing. */
const COMMON_LANGUAGES: ReadonlySet<ContentLocale> = new Set<ContentLocale>(['en']);

export type Closeness = 'same' | 'adjacent';

/** One thing two members have in common, with the points it earned. */
export type SharedAttribute =
  | {kind: 'condition' | 'experience' | 'interest'; value: string; points: number}
  | {kind: 'diagnosis'; mine: DiagnosedBand; theirs: DiagnosedBand; closeness: Closeness; points: number}
  | {kind: 'relationship'; value: Relationship; points: number}
  | {kind: 'age'; mine: AgeBand; theirs: AgeBand; closeness: Closeness; points: number}
  /** `value` is the shared region code, or the shared nation code when the regions differ. */
  | {kind: 'region'; value: string; closeness: Closeness; points: number}
  | {kind: 'language'; value: ContentLocale; points: number};

export interface MatchSuggestion {
  uid: string;
  score: number;
  /** In a fixed order: conditions, diagnosis, experiences, relationship, age, region, languages, interests. */
  shared: SharedAttribute[];
  /** "You both: type 1 diabetes · diagnosed 1–3 years ago · Wales · Welsh speakers", in the requested language. */
  explanation: string;
}

export interface ScoreOptions {
  /** Community overrides of `DEFAULT_WEIGHTS`. */
  weights?: Partial<MatchWeights>;
  /** Members never suggested: those the member blocked (or who blocked them) and existing connections. */
  exclude?: {blocked?: Iterable<string>; connected?: Iterable<string>};
  /** Most suggestions returned (all when omitted). */
  limit?: number;
  /** Language of the explanations. */
  locale: Locale;
}

// ---------------------------------------------------------------------------------------------
// Phrase tables (en, cy)

interface RegionName {
  en: string;
  cy: string;
  /** Welsh "in X", with its mutation ("yng Nghymru"), for "Mae’r ddau ohonoch: … · yng Nghymru". */
  cyIn: string;
  /** The UK nation the region lies in. */
  nation: string;
}

/** Coarse regions a member may choose: the four nations and their regions (never a town). */
export const REGIONS: Readonly<Record<string, RegionName>> = Object.freeze({
  'england': {en: 'England', cy: 'Lloegr', cyIn: 'yn Lloegr', nation: 'england'},
  'wales': {en: 'Wales', cy: 'Cymru', cyIn: 'yng Nghymru', nation: 'wales'},
  'scotland': {en: 'Scotland', cy: 'Yr Alban', cyIn: 'yn yr Alban', nation: 'scotland'},
  'northern-ireland': {en: 'Northern Ireland', cy: 'Gogledd Iwerddon', cyIn: 'yng Ngogledd Iwerddon', nation: 'northern-ireland'},
  'north-wales': {en: 'North Wales', cy: 'Gogledd Cymru', cyIn: 'yng Ngogledd Cymru', nation: 'wales'},
  'mid-wales': {en: 'Mid Wales', cy: 'Canolbarth Cymru', cyIn: 'yng Nghanolbarth Cymru', nation: 'wales'},
  'south-west-wales': {en: 'South West Wales', cy: 'De-orllewin Cymru', cyIn: 'yn Ne-orllewin Cymru', nation: 'wales'},
  'south-east-wales': {en: 'South East Wales', cy: 'De-ddwyrain Cymru', cyIn: 'yn Ne-ddwyrain Cymru', nation: 'wales'},
  'north-east-england': {en: 'North East England', cy: 'Gogledd-ddwyrain Lloegr', cyIn: 'yng Ngogledd-ddwyrain Lloegr', nation: 'england'},
  'north-west-england': {en: 'North West England', cy: 'Gogledd-orllewin Lloegr', cyIn: 'yng Ngogledd-orllewin Lloegr', nation: 'england'},
  'yorkshire-and-the-humber': {en: 'Yorkshire and the Humber', cy: 'Swydd Efrog a’r Humber', cyIn: 'yn Swydd Efrog a’r Humber', nation: 'england'},
  'east-midlands': {en: 'East Midlands', cy: 'Dwyrain Canolbarth Lloegr', cyIn: 'yn Nwyrain Canolbarth Lloegr', nation: 'england'},
  'west-midlands': {en: 'West Midlands', cy: 'Gorllewin Canolbarth Lloegr', cyIn: 'yng Ngorllewin Canolbarth Lloegr', nation: 'england'},
  'east-of-england': {en: 'East of England', cy: 'Dwyrain Lloegr', cyIn: 'yn Nwyrain Lloegr', nation: 'england'},
  'london': {en: 'London', cy: 'Llundain', cyIn: 'yn Llundain', nation: 'england'},
  'south-east-england': {en: 'South East England', cy: 'De-ddwyrain Lloegr', cyIn: 'yn Ne-ddwyrain Lloegr', nation: 'england'},
  'south-west-england': {en: 'South West England', cy: 'De-orllewin Lloegr', cyIn: 'yn Ne-orllewin Lloegr', nation: 'england'},
  'scotland-highlands-and-islands': {en: 'Highlands and Islands', cy: 'Yr Ucheldiroedd a’r Ynysoedd', cyIn: 'yn yr Ucheldiroedd a’r Ynysoedd', nation: 'scotland'},
});

/** The name of a region code in a language; an unknown code is returned as it is. */
export function regionName(code: string, locale: Locale): string {
  const r = REGIONS[code];
  return r ? r[locale === 'cy' ? 'cy' : 'en'] : code;
}

interface Phrases {
  lead: string;
  /** "diagnosed 1–3 years ago" as an item of the "You both:" list. */
  diagnosedSame: (band: DiagnosedBand) => string;
  /** A sentence for a neighbouring band: they are further along, or more recently diagnosed. */
  diagnosedAhead: (band: DiagnosedBand) => string;
  diagnosedBehind: (band: DiagnosedBand) => string;
  ageSame: (band: AgeBand) => string;
  ageClose: string;
  relationship: Record<Relationship, string>;
  region: (code: string) => string;
  language: Record<ContentLocale, string>;
}

const ENGLISH_AGO: Record<DiagnosedBand, string> = {
  'under-1': 'under a year ago',
  '1-3': '1–3 years ago',
  '3-10': '3–10 years ago',
  'over-10': 'over 10 years ago',
};

// Adverbial time takes the soft mutation ("lai na blwyddyn yn ôl"); the noun after a numeral follows
// the nearest numeral ("3 blynedd", "10 mlynedd").
const WELSH_AGO: Record<DiagnosedBand, string> = {
  'under-1': 'lai na blwyddyn yn ôl',
  '1-3': 'rhwng 1 a 3 blynedd yn ôl',
  '3-10': 'rhwng 3 a 10 mlynedd yn ôl',
  'over-10': 'dros 10 mlynedd yn ôl',
};

const PHRASES: Record<ContentLocale, Phrases> = {
  en: {
    lead: 'You both: ',
    diagnosedSame: (b) => `diagnosed ${ENGLISH_AGO[b]}`,
    diagnosedAhead: (b) => `Further along: diagnosed ${ENGLISH_AGO[b]}.`,
    diagnosedBehind: (b) => `More recently diagnosed: ${ENGLISH_AGO[b]}.`,
    ageSame: (b) => (b === '65+' ? 'aged 65 or over' : `aged ${b.replace('-', '–')}`),
    ageClose: 'close in age',
    relationship: {patient: 'patients', carer: 'carers or family', professional: 'professionals', other: 'members'},
    region: (code) => regionName(code, 'en'),
    language: {en: 'English speakers', cy: 'Welsh speakers'},
  },
  cy: {
    lead: 'Mae’r ddau ohonoch: ',
    diagnosedSame: (b) => `wedi cael diagnosis ${WELSH_AGO[b]}`,
    diagnosedAhead: (b) => `Ymhellach ymlaen: wedi cael diagnosis ${WELSH_AGO[b]}.`,
    diagnosedBehind: (b) => `Diagnosis mwy diweddar: ${WELSH_AGO[b]}.`,
    ageSame: (b) => (b === '65+' ? '65 oed neu’n hŷn' : `rhwng ${b.replace('-', ' a ')} oed`),
    ageClose: 'tua’r un oed',
    relationship: {patient: 'cleifion', carer: 'gofalwyr neu deulu', professional: 'gweithwyr proffesiynol', other: 'aelodau'},
    region: (code) => REGIONS[code]?.cyIn ?? code,
    language: {en: 'siaradwyr Saesneg', cy: 'siaradwyr Cymraeg'},
  },
};

/** The explanation of a suggestion's shared attributes in `locale` ('' when nothing is shared). */
export function explain(shared: readonly SharedAttribute[], locale: Locale): string {
  const p = PHRASES[locale as ContentLocale] ?? PHRASES.en;
  const items: string[] = [];
  let trailing = '';
  for (const s of shared) {
    switch (s.kind) {
      case 'condition':
        // Issue 12: a condition is a community tag id ("adult-onset"): read as words mid-sentence ("adult onset").
        items.push(/^[\p{Ll}\p{N}]+(-[\p{Ll}\p{N}]+)+$/u.test(s.value) ? s.value.replace(/-/g, ' ') : s.value);
        break;
      case 'experience':
      case 'interest':
        items.push(s.value);
        break;
      case 'diagnosis':
        if (s.closeness === 'same') items.push(p.diagnosedSame(s.theirs));
        else trailing = bandIndex(DIAGNOSED_BANDS, s.theirs) > bandIndex(DIAGNOSED_BANDS, s.mine)
          ? p.diagnosedAhead(s.theirs) : p.diagnosedBehind(s.theirs);
        break;
      case 'relationship':
        items.push(p.relationship[s.value]);
        break;
      case 'age':
        items.push(s.closeness === 'same' ? p.ageSame(s.theirs) : p.ageClose);
        break;
      case 'region':
        items.push(p.region(s.value));
        break;
      case 'language':
        items.push(p.language[s.value]);
        break;
    }
  }
  const list = items.length ? p.lead + items.join(' · ') : '';
  if (!trailing) return list;
  return list ? `${list}. ${trailing}` : trailing;
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** `weights` merged over the defaults; negative, non-finite or non-number overrides are ignored. */
export function resolveWeights(weights: Partial<MatchWeights> = {}): MatchWeights {
  const out = {...DEFAULT_WEIGHTS};
  for (const key of Object.keys(DEFAULT_WEIGHTS) as (keyof MatchWeights)[]) {
    const w = weights[key];
    if (typeof w === 'number' && Number.isFinite(w) && w >= 0) out[key] = w;
  }
  out.adjacent = Math.min(out.adjacent, 1);
  return out;
}

// Community strings are compared trimmed and case-folded (toLowerCase, not the locale-dependent
// toLocaleLowerCase, so every machine agrees); the viewer's own spelling is what is shown.
const key = (s: string): string => s.trim().toLowerCase();

function bandIndex<T>(bands: readonly T[], band: T | null | undefined): number {
  return band == null ? -1 : bands.indexOf(band);
}

function closeness<T>(bands: readonly T[], mine: T | null | undefined, theirs: T | null | undefined): Closeness | null {
  const a = bandIndex(bands, mine);
  const b = bandIndex(bands, theirs);
  if (a < 0 || b < 0) return null;
  if (a === b) return 'same';
  return Math.abs(a - b) === 1 ? 'adjacent' : null;
}

/** My side, prepared once per call: lookups of each list by case-folded key. */
interface Prepared {
  conditions: Map<string, string>;
  experiences: Map<string, string>;
  interests: Map<string, string>;
  /** Position of each of my list items, so shared items come out in my order. */
  order: Map<string, number>;
}

function toMap(list: readonly string[] | null | undefined, order: Map<string, number>, tag: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const v of list ?? []) {
    if (typeof v !== 'string') continue;
    const k = key(v);
    if (!k || m.has(k)) continue;
    m.set(k, v.trim());
    order.set(tag + k, order.size);
  }
  return m;
}

function prepare(me: MatchProfile): Prepared {
  const order = new Map<string, number>();
  return {
    conditions: toMap(me.conditions, order, 'c:'),
    experiences: toMap(me.experiences, order, 'e:'),
    interests: toMap(me.interests, order, 'i:'),
    order,
  };
}

function sharedList(
  mine: Map<string, string>, theirs: readonly string[] | null | undefined, order: Map<string, number>, tag: string,
): {keys: string[]; values: string[]} {
  const keys: string[] = [];
  if (mine.size && theirs) {
    for (const v of theirs) {
      if (typeof v !== 'string') continue;
      const k = key(v);
      if (mine.has(k) && !keys.includes(k)) keys.push(k);
    }
  }
  if (keys.length > 1) keys.sort((a, b) => order.get(tag + a)! - order.get(tag + b)!);
  return {keys, values: keys.map((k) => mine.get(k)!)};
}

function compare(me: MatchProfile, mine: Prepared, them: MatchProfile, w: MatchWeights): SharedAttribute[] {
  const shared: SharedAttribute[] = [];
  const pushList = (kind: 'condition' | 'experience' | 'interest', weight: number, list: Map<string, string>,
    theirs: readonly string[] | null | undefined, tag: string) => {
    if (weight <= 0) return;
    const {values} = sharedList(list, theirs, mine.order, tag);
    values.forEach((value, i) => shared.push({kind, value, points: i < LIST_CAP ? weight : 0}));
  };

  pushList('condition', w.conditions, mine.conditions, them.conditions, 'c:');

  const dx = closeness(DIAGNOSED_BANDS, me.diagnosedBand, them.diagnosedBand);
  const dPoints = dx === 'same' ? w.diagnosis : dx === 'adjacent' ? w.diagnosis * w.adjacent : 0;
  if (dx && dPoints > 0) {
    shared.push({kind: 'diagnosis', mine: me.diagnosedBand!, theirs: them.diagnosedBand!, closeness: dx, points: dPoints});
  }

  pushList('experience', w.experiences, mine.experiences, them.experiences, 'e:');

  // "other" says nothing about shared experience, so it never makes a match.
  if (w.relationship > 0 && me.relationship && me.relationship !== 'other' && me.relationship === them.relationship) {
    shared.push({kind: 'relationship', value: me.relationship, points: w.relationship});
  }

  const ax = closeness(AGE_BANDS, me.ageBand, them.ageBand);
  const aPoints = ax === 'same' ? w.age : ax === 'adjacent' ? w.age * w.adjacent : 0;
  if (ax && aPoints > 0) shared.push({kind: 'age', mine: me.ageBand!, theirs: them.ageBand!, closeness: ax, points: aPoints});

  if (w.region > 0 && me.region && them.region) {
    const a = key(me.region);
    const b = key(them.region);
    if (a && a === b) shared.push({kind: 'region', value: REGIONS[a] ? a : me.region.trim(), closeness: 'same', points: w.region});
    else {
      const nation = REGIONS[a]?.nation;
      const points = w.region * w.adjacent;
      if (nation && nation === REGIONS[b]?.nation && points > 0) {
        shared.push({kind: 'region', value: nation, closeness: 'adjacent', points});
      }
    }
  }

  if (w.languages > 0 && me.languages?.length && them.languages?.length) {
    // In LOCALES order, whatever order either profile lists them in.
    for (const lang of ['en', 'cy'] as const) {
      if (!COMMON_LANGUAGES.has(lang) && me.languages.includes(lang) && them.languages.includes(lang)) {
        shared.push({kind: 'language', value: lang, points: w.languages});
      }
    }
  }

  pushList('interest', w.interests, mine.interests, them.interests, 'i:');
  return shared;
}

interface Scored {
  profile: MatchProfile;
  score: number;
  shared: SharedAttribute[];
}

// A total order (uids are unique by then): higher score, then more shared attributes, then uid by
// code unit (never localeCompare, whose order depends on the machine's locale data).
function rank(a: Scored, b: Scored): number {
  return b.score - a.score
    || b.shared.length - a.shared.length
    || (a.profile.uid < b.profile.uid ? -1 : a.profile.uid > b.profile.uid ? 1 : 0);
}

/**
 * Ranks `candidates` for `me`: best first, each with what is shared and why, in `options.locale`.
 *
 * Never suggested: `me` itself, members in `exclude.blocked` or `exclude.connected`, members whose
 * profile is not `open: true` (missing counts as closed: private by default), and candidates with
 * nothing in common (score 0). A uid that appears twice is suggested once. Pure: the inputs are not
 * changed and the result does not depend on the order of `candidates`.
 */
export function scoreCandidates(me: MatchProfile, candidates: readonly MatchProfile[], options: ScoreOptions): MatchSuggestion[] {
  const limit = options.limit === undefined ? Infinity : Math.max(0, Math.floor(options.limit));
  if (!(limit > 0)) return [];
  const w = resolveWeights(options.weights);
  const excluded = new Set<string>([me.uid]);
  for (const uid of options.exclude?.blocked ?? []) excluded.add(uid);
  for (const uid of options.exclude?.connected ?? []) excluded.add(uid);

  // A uid listed twice (a stale copy beside a fresh one) counts once: the newer profile wins (and
  // between identical timestamps a fixed rule, so input order never matters).
  const latest = new Map<string, MatchProfile>();
  for (const p of candidates) {
    if (!p || typeof p.uid !== 'string') continue;
    const seen = latest.get(p.uid);
    if (!seen) {
      latest.set(p.uid, p);
      continue;
    }
    const age = (p.updatedAt ?? 0) - (seen.updatedAt ?? 0);
    if (age > 0 || (age === 0 && JSON.stringify(p) < JSON.stringify(seen))) latest.set(p.uid, p);
  }

  const mine = prepare(me);
  const scored: Scored[] = [];
  for (const profile of latest.values()) {
    if (profile.open !== true || excluded.has(profile.uid)) continue;
    const shared = compare(me, mine, profile, w);
    let score = 0;
    for (const s of shared) score += s.points;
    if (score > 0) scored.push({profile, score, shared});
  }
  scored.sort(rank);

  const out: MatchSuggestion[] = [];
  for (const s of scored) {
    if (out.length >= limit) break;
    // Explanations are built only for what is returned: ranking 10,000 profiles makes 10,000 lists
    // of shared attributes but only `limit` strings.
    out.push({uid: s.profile.uid, score: s.score, shared: s.shared, explanation: explain(s.shared, options.locale)});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Candidate loading

export type CandidateFilter =
  | {field: 'open'; op: '=='; value: true}
  | {field: 'conditions'; op: 'array-contains-any'; value: string[]}
  | {field: 'region'; op: '=='; value: string};

/**
 * A bounded read of `communities/{cid}/matchProfiles`, as plain data. Stores translate it
 * one-to-one: FirebaseStore into `query(collection, where(...)..., orderBy(updatedAt, 'desc'),
 * limit(n))`, LocalStore with `matchesCandidateQuery` + sort + slice.
 */
export interface CandidateQuery {
  collection: 'matchProfiles';
  /** All must hold (AND). */
  where: CandidateFilter[];
  orderBy: {field: 'updatedAt'; direction: 'desc'};
  /** At most `MAX_CANDIDATES`. */
  limit: number;
}

/** Firestore allows at most 30 values in `array-contains-any`; 10 keeps the query cheap. */
export const MAX_QUERY_CONDITIONS = 10;

/**
 * The query plan a store must use to load match candidates for `me`. The contract for store
 * implementers:
 *
 * - **Bounded.** It reads at most `limit` (≤ `MAX_CANDIDATES` = 60) documents per suggestion list and
 *   never lists every profile in the community. A store must not widen it, page through it to the end,
 *   or fetch profiles one by one.
 * - **Filters.** Always `open == true`. Then the narrowest useful filter: `conditions
 *   array-contains-any` the member's conditions (their first, primary, condition first; at most
 *   `MAX_QUERY_CONDITIONS`); with no conditions, `region ==` their region; with neither, only
 *   `open == true`. Newest profiles first (`updatedAt desc`), so active members surface.
 * - **Indexes.** Firestore needs composite indexes on matchProfiles: (open ASC, conditions CONTAINS,
 *   updatedAt DESC) and (open ASC, region ASC, updatedAt DESC); (open, updatedAt DESC) for the last case.
 * - **Exclusions stay here.** The page may contain the member, blocked members and connections;
 *   `scoreCandidates` drops them, so a store does not need extra reads for them.
 * - **Rules.** The read succeeds only for a member who has opted in (has their own match profile);
 *   firestore.rules enforce that, not this plan.
 */
export function candidateQuery(me: MatchProfile, options: {limit?: number} = {}): CandidateQuery {
  const requested = options.limit === undefined ? MAX_CANDIDATES : Math.floor(options.limit);
  const limit = Math.min(MAX_CANDIDATES, Math.max(1, Number.isFinite(requested) ? requested : MAX_CANDIDATES));
  const where: CandidateFilter[] = [{field: 'open', op: '==', value: true}];
  const conditions: string[] = [];
  for (const c of me.conditions ?? []) {
    if (typeof c === 'string' && c.trim() && !conditions.includes(c)) conditions.push(c);
    if (conditions.length === MAX_QUERY_CONDITIONS) break;
  }
  if (conditions.length) where.push({field: 'conditions', op: 'array-contains-any', value: conditions});
  else if (me.region) where.push({field: 'region', op: '==', value: me.region});
  return {collection: 'matchProfiles', where, orderBy: {field: 'updatedAt', direction: 'desc'}, limit};
}

/** Whether `profile` satisfies every filter of `query` (Firestore's equality semantics, exact strings). */
export function matchesCandidateQuery(query: CandidateQuery, profile: MatchProfile): boolean {
  return query.where.every((f) => {
    switch (f.field) {
      case 'open': return profile.open === f.value;
      case 'region': return profile.region === f.value;
      case 'conditions': return (profile.conditions ?? []).some((c) => f.value.includes(c));
    }
  });
}

/** Applies `query` to profiles held in memory (LocalStore, benchmarks): filter, newest first, limit. */
export function runCandidateQuery(query: CandidateQuery, profiles: Iterable<MatchProfile>): MatchProfile[] {
  const hits: MatchProfile[] = [];
  for (const p of profiles) if (matchesCandidateQuery(query, p)) hits.push(p);
  hits.sort((a, b) => b.updatedAt - a.updatedAt || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return hits.slice(0, query.limit);
}
