// Community settings as an admin edits them (issue 14, <kin-community-admin>): pure validation that says
// the same yes / no as firestore.rules validSettings and the community update rule, with a message per
// field. No Lit, no DOM, no Firebase.
import {KindredError} from './errors.js';
import {validateText} from './policy.js';
import {HIDEABLE_CONTACTS, MAX_COMMUNITY_CONTACTS, dialable} from './safeguarding.js';
import type {Community, CommunityCrisisContact, CommunityCrisisContacts, CommunitySettings, Locale, LocalizedText, ModerationMode, Nation, RoleRecord, Visibility} from './types.js';

export const VISIBILITIES: readonly Visibility[] = ['public', 'members'];
export const MODERATION_MODES: readonly ModerationMode[] = ['post', 'first-posts', 'all'];
export const NATIONS: readonly Nation[] = ['england', 'wales', 'scotland', 'northern-ireland'];

/** The numbers firestore.rules validSettings checks. */
export const SETTINGS_LIMITS = {
  name: 120, tagline: 300, holdFirstPosts: 100, bannedWords: 500, bannedWord: 100, tags: 100, tag: 40,
  version: 40, postIntervalSeconds: 86400, reportsPerHour: 1000,
  // issue 14, second slice: guidelines text, tag labels, the community's own crisis contacts
  guidelines: 8000, tagLabel: 60, contacts: MAX_COMMUNITY_CONTACTS, contactName: 80, contactDetail: 200,
} as const;

/** What an admin may change: name, tagline and settings (the founder story has its own call). */
export interface CommunityPatch {
  name?: LocalizedText;
  tagline?: LocalizedText;
  settings?: Partial<CommunitySettings>;
}

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);
/** Control characters a one-line text may not hold (firestore.rules issue-14 patterns; policy.validateText). */
const CONTROL = /[\u0000-\u001F\u007F]/;
/** One line as the console's single-line fields and lists keep it: trimmed, any run of whitespace one space. */
const oneLine = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : v);

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

/** A guidelines or consent version: 1–40 characters on one line (firestore.rules validSettings). */
function version(field: string, value: unknown): string {
  const v = validateText(field, value, {min: 1, max: SETTINGS_LIMITS.version});
  if (v.includes('\n')) throw invalid(field, `${field} must be on one line.`);
  return v;
}

function yesNo(field: string, value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw invalid(field, `${what} must be switched on or off (true or false).`);
  return value;
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
    if (CONTROL.test(w)) throw invalid(field, `${what}: “${w.slice(0, 30)}” contains control characters; remove them and try again.`);
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
    guidelinesVersion: version('guidelinesVersion', next.guidelinesVersion),
    consentVersion: version('consentVersion', next.consentVersion),
  };
  if (next.postIntervalSeconds !== undefined) {
    out.postIntervalSeconds = int('postIntervalSeconds', next.postIntervalSeconds, 0, SETTINGS_LIMITS.postIntervalSeconds, 'Seconds between posts');
  }
  if (next.reportsPerHour !== undefined) {
    out.reportsPerHour = int('reportsPerHour', next.reportsPerHour, 0, SETTINGS_LIMITS.reportsPerHour, 'Reports per hour');
  }
  // Settings other issues added (11, 18): kept as they are, so saving here never drops them.
  // Issue 14: the console edits them too (tick boxes); the rules take a bool only.
  if (next.requireEmailSignIn !== undefined) out.requireEmailSignIn = yesNo('requireEmailSignIn', next.requireEmailSignIn, 'Email sign-in for members');
  if (next.crisisReview !== undefined) out.crisisReview = yesNo('crisisReview', next.crisisReview, 'Crisis review');
  if (next.guidelines !== undefined) out.guidelines = localized('guidelines', next.guidelines, SETTINGS_LIMITS.guidelines, 0);
  if (next.tagLabels !== undefined) out.tagLabels = validateTagLabels(next.tagLabels, out.tags);
  if (next.crisisContacts !== undefined) out.crisisContacts = validateCrisisContacts(next.crisisContacts);
  if (out.moderation === 'first-posts' && out.holdFirstPosts < 1) {
    throw invalid('holdFirstPosts', 'With “first posts” moderation, hold at least 1 post of each new member.');
  }
  return out;
}

/**
 * Tag labels per language (firestore.rules validTagLabels): only for the community's tags, one line of 1–60
 * characters each. Empty labels are dropped (the tag id shows).
 */
export function validateTagLabels(value: unknown, tags: readonly string[]): NonNullable<CommunitySettings['tagLabels']> {
  if (!value || typeof value !== 'object') throw invalid('tagLabels', 'Tag labels must be a list per language.');
  const out: NonNullable<CommunitySettings['tagLabels']> = {};
  for (const [lang, labels] of Object.entries(value as Record<string, unknown>)) {
    if (lang !== 'en' && lang !== 'cy') throw invalid('tagLabels', `Tag labels are in English (en) or Welsh (cy), not “${lang}”.`);
    if (!labels || typeof labels !== 'object') throw invalid(`tagLabels.${lang}`, 'Tag labels must be a list.');
    const kept: Record<string, string> = {};
    for (const [tag, label] of Object.entries(labels as Record<string, unknown>)) {
      if (!tags.includes(tag)) throw invalid(`tagLabels.${lang}`, `“${tag}” is not one of the community’s tags: add it to the tags first.`);
      const text = typeof label === 'string' ? label.trim().replace(/\s+/g, ' ') : '';
      if (typeof label !== 'string') throw invalid(`tagLabels.${lang}`, `The label of “${tag}” must be text.`);
      if (text.length > SETTINGS_LIMITS.tagLabel) throw invalid(`tagLabels.${lang}`, `The label of “${tag}” is ${text.length} characters; the limit is ${SETTINGS_LIMITS.tagLabel}.`);
      if (CONTROL.test(text)) throw invalid(`tagLabels.${lang}`, `The label of “${tag}” contains control characters; remove them and try again.`);
      if (text) kept[tag] = text;
    }
    out[lang as 'en' | 'cy'] = kept;
  }
  return out;
}

/** "asthma = Asthma" lines (what the console's text areas hold) → {asthma: 'Asthma'}; lines without "=" are errors. */
export function parseTagLabels(field: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const i = line.indexOf('=');
    if (i < 1) throw invalid(field, `“${line.trim().slice(0, 40)}” needs the form “tag = label”.`);
    out[line.slice(0, i).trim().replace(/\s+/g, ' ')] = line.slice(i + 1).trim();
  }
  return out;
}

/** The community's own crisis contacts (firestore.rules validCrisisContacts). */
export function validateCrisisContacts(value: unknown): CommunityCrisisContacts {
  if (!value || typeof value !== 'object') throw invalid('crisisContacts', 'Crisis contacts must be a list.');
  const v = value as Partial<CommunityCrisisContacts>;
  const extra = Array.isArray(v.extra) ? v.extra : [];
  if (extra.length > SETTINGS_LIMITS.contacts) throw invalid('crisisContacts', `At most ${SETTINGS_LIMITS.contacts} contacts of your own (you have ${extra.length}).`);
  const contacts = extra.map((c, i): CommunityCrisisContact => {
    const field = `crisisContacts.${i}`;
    if (!c || typeof c !== 'object') throw invalid(field, 'A contact needs a name and a number.');
    // One line each (the rules check all of a contact's texts as lines of one joined text).
    const lines = (v: unknown) => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, oneLine(x)])) : v);
    const name = localized(`${field}.name`, lines(c.name), SETTINGS_LIMITS.contactName, 1);
    const detail = localized(`${field}.detail`, lines(c.detail ?? {en: ''}), SETTINGS_LIMITS.contactDetail, 0);
    const number = typeof c.number === 'string' ? c.number.trim().replace(/\s+/g, ' ') : '';
    if (!dialable(number) || !/^\+?[0-9]( ?[0-9]){2,14}$/.test(number)) throw invalid(`${field}.number`, `“${number}” is not a phone number: use 3 to 15 digits (spaces and a leading + are fine).`);
    return {name, detail, number, sms: c.sms === true};
  });
  const hide = Array.isArray(v.hide) ? v.hide : [];
  for (const id of hide) {
    if (!HIDEABLE_CONTACTS.includes(id)) throw invalid('crisisContacts.hide', `“${String(id)}” cannot be left out (999 and Samaritans always show).`);
  }
  return {extra: contacts, hide: [...new Set(hide)]};
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

/**
 * What the community's admins named a tag in `locale` (settings.tagLabels, set in the admin console; English when
 * there is no Welsh name), or null: then the elements show i18n/tags.ts tagLabel (the id read as words).
 */
export function customTagLabel(settings: Pick<CommunitySettings, 'tagLabels'> | null | undefined, tag: string, locale: Locale): string | null {
  const labels = settings?.tagLabels;
  const pick = (l: Locale) => {
    const v = labels?.[l as 'en' | 'cy']?.[tag];
    return typeof v === 'string' && v.trim() ? v : null;
  };
  return pick(locale) ?? pick('en');
}
