// Community settings as an admin edits them (issue 14, <kin-community-admin>): pure validation that says
// the same yes / no as firestore.rules validSettings and the community update rule, with a message per
// field. No Lit, no DOM, no Firebase.
import {KindredError} from './errors.js';
import {validateText} from './policy.js';
import type {Community, CommunitySettings, LocalizedText, ModerationMode, Nation, RoleRecord, Visibility} from './types.js';

export const VISIBILITIES: readonly Visibility[] = ['public', 'members'];
export const MODERATION_MODES: readonly ModerationMode[] = ['post', 'first-posts', 'all'];
export const NATIONS: readonly Nation[] = ['england', 'wales', 'scotland', 'northern-ireland'];

/** The numbers firestore.rules validSettings checks. */
export const SETTINGS_LIMITS = {
  name: 120, tagline: 300, holdFirstPosts: 100, bannedWords: 500, bannedWord: 100, tags: 100, tag: 40,
  version: 40, postIntervalSeconds: 86400, reportsPerHour: 1000,
} as const;

/** What an admin may change: name, tagline and settings (the founder story has its own call). */
export interface CommunityPatch {
  name?: LocalizedText;
  tagline?: LocalizedText;
  settings?: Partial<CommunitySettings>;
}

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

function localized(field: string, value: unknown, max: number, min: number): LocalizedText {
  if (!value || typeof value !== 'object') throw invalid(`${field}.en`, `${field} needs an English text.`);
  const v = value as Record<string, unknown>;
  const en = validateText(`${field}.en`, v.en ?? '', {min, max});
  const cy = v.cy == null ? '' : validateText(`${field}.cy`, v.cy, {max});
  return cy ? {en, cy} : {en};
}

function int(field: string, value: unknown, min: number, max: number, what: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw invalid(field, `${what} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** One word or phrase a line; blank lines dropped; duplicates (ignoring case) once. */
export function parseLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim().replace(/\s+/g, ' ');
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

function wordList(field: string, value: unknown, maxItems: number, maxLen: number, what: string): string[] {
  if (!Array.isArray(value)) throw invalid(field, `${what} must be a list.`);
  const list = value.map((w) => (typeof w === 'string' ? w.trim().replace(/\s+/g, ' ') : w));
  if (list.length > maxItems) throw invalid(field, `At most ${maxItems} ${what.toLowerCase()} (you have ${list.length}).`);
  for (const w of list) {
    if (typeof w !== 'string' || w.length < 1) throw invalid(field, `${what}: one entry is empty.`);
    if (w.length > maxLen) throw invalid(field, `${what}: “${w.slice(0, 30)}…” is ${w.length} characters; the limit is ${maxLen}.`);
  }
  return list as string[];
}

export function validateSettings(s: Partial<CommunitySettings>, current: CommunitySettings): CommunitySettings {
  const next = {...current, ...s};
  if (!VISIBILITIES.includes(next.visibility)) throw invalid('visibility', 'Choose who can read: everyone, or members only.');
  if (!MODERATION_MODES.includes(next.moderation)) throw invalid('moderation', 'Choose a moderation mode.');
  if (!NATIONS.includes(next.nation)) throw invalid('nation', 'Choose the UK nation whose crisis services members see.');
  const out: CommunitySettings = {
    visibility: next.visibility,
    moderation: next.moderation,
    holdFirstPosts: int('holdFirstPosts', next.holdFirstPosts, 0, SETTINGS_LIMITS.holdFirstPosts, 'Posts held for a new member'),
    bannedWords: wordList('bannedWords', next.bannedWords, SETTINGS_LIMITS.bannedWords, SETTINGS_LIMITS.bannedWord, 'Banned words'),
    nation: next.nation,
    tags: wordList('tags', next.tags, SETTINGS_LIMITS.tags, SETTINGS_LIMITS.tag, 'Tags'),
    guidelinesVersion: validateText('guidelinesVersion', next.guidelinesVersion, {min: 1, max: SETTINGS_LIMITS.version}),
    consentVersion: validateText('consentVersion', next.consentVersion, {min: 1, max: SETTINGS_LIMITS.version}),
  };
  if (next.postIntervalSeconds !== undefined) {
    out.postIntervalSeconds = int('postIntervalSeconds', next.postIntervalSeconds, 0, SETTINGS_LIMITS.postIntervalSeconds, 'Seconds between posts');
  }
  if (next.reportsPerHour !== undefined) {
    out.reportsPerHour = int('reportsPerHour', next.reportsPerHour, 0, SETTINGS_LIMITS.reportsPerHour, 'Reports per hour');
  }
  if (out.moderation === 'first-posts' && out.holdFirstPosts < 1) {
    throw invalid('holdFirstPosts', 'With “first posts” moderation, hold at least 1 post of each new member.');
  }
  return out;
}

/** The community after an admin's patch, validated as a whole. */
export function applyCommunityPatch(current: Community, patch: CommunityPatch): Pick<Community, 'name' | 'tagline' | 'settings'> {
  if (!patch || typeof patch !== 'object') throw invalid('patch', 'Nothing to save.');
  return {
    name: patch.name === undefined ? current.name : localized('name', patch.name, SETTINGS_LIMITS.name, 1),
    tagline: patch.tagline === undefined ? current.tagline : localized('tagline', patch.tagline, SETTINGS_LIMITS.tagline, 0),
    settings: patch.settings === undefined ? current.settings : validateSettings(patch.settings, current.settings),
  };
}

/** The next guidelines version: "3" → "4", "2026-1" → "2026-2", anything else gets "-2" appended. */
export function bumpVersion(version: string): string {
  const m = /^(.*?)(\d+)$/.exec(version);
  const next = m ? `${m[1]}${Number(m[2]) + 1}` : `${version}-2`;
  return next.slice(0, SETTINGS_LIMITS.version);
}

/** One person with a role, for the team list. */
export interface TeamMember {
  uid: string;
  /** Null when their profile is gone (erased): the role record stays until an admin removes it. */
  pseudonym: string | null;
  roles: RoleRecord['roles'];
  clinicianScope: string | null;
  suspendedUntil: number | null;
  /** An admin's uid, or `invite:<id>` when the role came from an accepted invite. */
  grantedBy: string;
  updatedAt: number;
}
