// Peer matching and connections (issue 6): validation and naming shared by both store adapters and
// mirrored by firestore.rules (matchProfiles, connections, connectionLimits, peer threads).
//
// Decisions, the same in both stores and in the rules:
// - Opting in = having a match profile. Turning matching off deletes it (removeMatchProfile).
// - A connection's id is `${smallerUid}_${largerUid}`, so a pair has exactly one document.
// - Double opt-in: one member requests (status `pending`), the other accepts (`accepted`). Accepting
//   creates the pair's private thread `c_${pairId}` (Thread.participants = the pair) in the same write.
// - Declining, withdrawing, ending and blocking all leave the pair's document `ended`, and an ended pair
//   is never suggested again and cannot be requested again. `watchConnections` lists only pending and
//   accepted connections, so the other member sees the request or connection simply disappear: nobody
//   is told that they were declined or blocked, and the `blocked` status is never stored.
// - Requests are rate-limited: at most `CONNECTION_LIMITS.requestsPerWindow` per member per window
//   (`connectionLimits/{uid}`: {windowStart, count}, moved in the same write as each request).
import {KindredError} from './errors.js';
import {LIMITS, validateText} from './policy.js';
import {AGE_BANDS, DIAGNOSED_BANDS, REGIONS} from './matching.js';
import {LOCALES, RELATIONSHIPS, type ContentLocale, type MatchProfile, type Relationship} from './types.js';

export const CONNECTION_LIMITS = {
  /** Most connection requests a member may send per window. */
  requestsPerWindow: 10,
  /** The window, in ms (24 hours). */
  windowMs: 24 * 3600_000,
  /** Longest "say hello" message. */
  message: 280,
  /** Most items in each list of a match profile. */
  listItems: 10,
  /** Longest item of a list. */
  item: LIMITS.tag,
  /**
   * Candidates read per suggestion list (≤ MAX_CANDIDATES): with the member's own profile, their
   * connections and one member document per suggestion shown, a card view stays under 60 reads.
   */
  candidates: 40,
  /** Most suggestions per findMatches call. */
  maxSuggestions: 20,
  defaultSuggestions: 5,
} as const;

/** What a member sets in their match profile; `uid` and `updatedAt` are the store's. */
export type MatchProfileInput = Partial<Omit<MatchProfile, 'uid' | 'updatedAt'>>;

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

function list(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(field, `${field} must be a list.`);
  if (value.length > CONNECTION_LIMITS.listItems) throw invalid(field, `${field}: at most ${CONNECTION_LIMITS.listItems} items.`);
  const out: string[] = [];
  for (const item of value) {
    const t = validateText(field, item, {min: 1, max: CONNECTION_LIMITS.item});
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

function oneOf<T extends string>(field: string, value: unknown, options: readonly T[]): T | null {
  if (value === undefined || value === null || value === '') return null;
  if (!options.includes(value as T)) throw invalid(field, `${field} must be one of ${options.join(', ')}.`);
  return value as T;
}

/**
 * The stored shape of a match profile from what the member chose. Conditions must come from the
 * community's tags (`communityTags`); the region is a UK nation or region code (never a town).
 */
export function validateMatchProfile(uid: string, input: MatchProfileInput, communityTags: readonly string[], now: number): MatchProfile {
  if (!input || typeof input !== 'object') throw invalid('input', 'setMatchProfile needs an object of the fields to match on.');
  const conditions = list('conditions', input.conditions);
  const unknown = conditions.find((c) => !communityTags.includes(c));
  if (unknown) throw invalid('conditions', `"${unknown}" is not one of this community's conditions (${communityTags.join(', ')}).`);
  const languages = input.languages ?? [];
  if (!Array.isArray(languages) || languages.some((l) => !LOCALES.includes(l as ContentLocale))) {
    throw invalid('languages', `languages must be a list of ${LOCALES.join(', ')}.`);
  }
  if (input.open !== undefined && typeof input.open !== 'boolean') throw invalid('open', 'open must be true or false.');
  return {
    uid,
    conditions,
    diagnosedBand: oneOf('diagnosedBand', input.diagnosedBand, DIAGNOSED_BANDS),
    experiences: list('experiences', input.experiences),
    relationship: oneOf<Relationship>('relationship', input.relationship, RELATIONSHIPS),
    ageBand: oneOf('ageBand', input.ageBand, AGE_BANDS),
    region: oneOf('region', input.region, Object.keys(REGIONS)),
    languages: LOCALES.filter((l: ContentLocale) => languages.includes(l)),
    interests: list('interests', input.interests),
    open: input.open ?? true,
    updatedAt: now,
  };
}

export const validateConnectionMessage = (message: unknown) =>
  validateText('message', message ?? '', {max: CONNECTION_LIMITS.message});

/** The one document id of a pair: `${smallerUid}_${largerUid}` (code-unit order). */
export function pairId(a: string, b: string): string {
  return a < b ? `${a}_${b}` : `${b}_${a}`;
}

/** The pair's members in id order. */
export function pairMembers(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** The private thread of an accepted connection. */
export const peerThreadId = (connectionId: string) => `c_${connectionId}`;

/** Member uids: what Firebase Auth issues (1–128 chars), restricted to id characters. */
export function validateUid(field: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(value)) throw invalid(field, `${field} must be a member's uid.`);
  return value;
}

/** A connection id (`a_b`); the store reads the pair from the document itself, never from the id. */
export function validateConnectionId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9-][A-Za-z0-9_-]*_[A-Za-z0-9_-]+$/.test(id) || id.length > 257) {
    throw invalid('id', 'This is not a connection id: use the id of a connection from watchConnections.');
  }
  return id;
}

/** connectionLimits/{uid}: requests in the current window; `lastConnectionId` names the one request the last move paid for. */
export interface ConnectionLimit {
  windowStart: number;
  count: number;
  lastConnectionId: string;
}

/**
 * The next rate-limit record for the request `connectionId`, or a `rate-limited` error when the window is
 * full. The record names the request it pays for (issue 11), so one move never covers several requests.
 */
export function nextLimit(current: {windowStart: number; count: number} | null, now: number, connectionId: string): ConnectionLimit {
  if (!current || now >= current.windowStart + CONNECTION_LIMITS.windowMs) return {windowStart: now, count: 1, lastConnectionId: connectionId};
  if (current.count >= CONNECTION_LIMITS.requestsPerWindow) {
    throw new KindredError('rate-limited',
      `You have sent ${CONNECTION_LIMITS.requestsPerWindow} connection requests today: wait until tomorrow before sending more.`);
  }
  return {windowStart: current.windowStart, count: current.count + 1, lastConnectionId: connectionId};
}

// Issue 12: conditions, time since diagnosis and experiences are health information. A match profile
// that carries any of them needs the member's health-information consent (both stores; firestore.rules
// refuses it too, in its "issue 12" section).

/** Whether a match profile holds health information. */
export function matchProfileHasHealthData(p: Pick<MatchProfile, 'conditions' | 'diagnosedBand' | 'experiences'>): boolean {
  return p.conditions.length > 0 || p.diagnosedBand != null || p.experiences.length > 0;
}

/** Refuses a match profile with health information from a member without health-information consent. */
export function requireHealthConsentForMatching(profile: MatchProfile, healthConsent: unknown): void {
  if (matchProfileHasHealthData(profile) && !healthConsent) {
    throw new KindredError('permission-denied',
      'Conditions, time since diagnosis and experiences are health information: give your consent to health information in your profile first, or match without them.');
  }
}
