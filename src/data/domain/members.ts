// Members (issue 5, issue 13): the pure decisions about profiles both stores share: the directory
// query and its order, field visibility and where a kept-private value lives, the erased-post
// placeholder, and the roles record after a grant or revoke. No I/O: LocalStore and FirebaseStore load
// the documents, ask these functions, and write what they return.
import {KindredError} from '../errors.js';
import {
  LIMITS, assertProfileText, assertSignInAccepted, assertUsableUid, clampLimit, isSuspended, sanctionActive, sanctionedError,
  validateHttpsUrl, validatePseudonym, validateRelationship, validateTags, validateText, type Sanction,
} from '../policy.js';
import {
  FORMER_MEMBER, HIDEABLE_FIELDS, type FieldVisibility, type HideableField, type JoinInput, type MemberQuery, type ProfilePatch,
} from '../store.js';
import {
  ROLE_NAMES, type CommunitySettings, type MemberProfile, type Post, type PrivateRecord, type RoleName, type RoleRecord, type SessionUser,
} from '../types.js';
import {defaultAvatarHue, validateAvatarHue} from './avatars.js';
import {requireWriter, signedIn} from './access.js';

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

/** Validated directory query (shared by both adapters). */
export interface DirectoryQuery {
  search: string | null;
  relationship: MemberQuery['relationship'] | null;
  tag: string | null;
  role: RoleName | null;
  /** A search always orders by name (a prefix range needs that order). */
  sort: 'newest' | 'name';
  cursor: {key: string | number; uid: string} | null;
  limit: number;
}

export function validateMemberQuery(q: MemberQuery): DirectoryQuery {
  if (!q || typeof q !== 'object') throw invalid('query', 'listMembers needs {sort: "newest" | "name"}.');
  if (q.sort !== 'newest' && q.sort !== 'name') throw invalid('sort', 'sort must be "newest" or "name".');
  const search = q.search == null || q.search.trim() === '' ? null : validateText('search', q.search, {min: 1, max: LIMITS.pseudonymMax}).toLowerCase();
  const relationship = q.relationship == null ? null : validateRelationship(q.relationship);
  const tag = q.tag == null || q.tag === '' ? null : validateText('tag', q.tag, {min: 1, max: LIMITS.tag});
  const role = q.role == null ? null : (ROLE_NAMES.includes(q.role) ? q.role : (() => {
    throw invalid('role', `role must be one of ${ROLE_NAMES.join(', ')}.`);
  })());
  if (tag && role) throw invalid('role', 'Filter by a tag or by a role, not both at once.');
  const sort = search ? 'name' : q.sort;
  return {search, relationship, tag, role, sort, cursor: q.cursor ? parseMemberCursor(q.cursor, sort) : null, limit: clampLimit(q.limit)};
}

/**
 * Issue 17: a directory page is read with no look-ahead document (a first view is billed page size + 2:
 * the page, the reader's own profile, the community), so a full page carries a cursor (there may be more)
 * and a short one ends the list. A list that ends exactly at a page boundary answers "Show more" with an
 * empty page, which ends it. Both stores page this way.
 */
export function memberPage(items: MemberProfile[], limit: number, sort: 'newest' | 'name'): {items: MemberProfile[]; next: string | null} {
  const page = items.slice(0, limit);
  return {items: page, next: page.length === limit && page.length > 0 ? memberCursor(page[page.length - 1], sort) : null};
}

/** Cursor: `n~<pseudonymLower>~<uid>` by name, `j~<joinedAt>~<uid>` by newest. */
export function memberCursor(m: Pick<MemberProfile, 'pseudonymLower' | 'joinedAt' | 'uid'>, sort: 'newest' | 'name'): string {
  return sort === 'name' ? `n~${encodeURIComponent(m.pseudonymLower)}~${m.uid}` : `j~${m.joinedAt}~${m.uid}`;
}

function parseMemberCursor(cursor: string, sort: 'newest' | 'name'): {key: string | number; uid: string} {
  const m = /^([nj])~([^~]*)~([A-Za-z0-9_-]{1,128})$/.exec(String(cursor));
  if (!m || (m[1] === 'n') !== (sort === 'name')) throw invalid('cursor', 'cursor is not one this store made for this order.');
  if (m[1] === 'j') {
    if (!/^\d+$/.test(m[2])) throw invalid('cursor', 'cursor is not one this store made.');
    return {key: Number(m[2]), uid: m[3]};
  }
  try {
    return {key: decodeURIComponent(m[2]), uid: m[3]};
  } catch {
    throw invalid('cursor', 'cursor is not one this store made.');
  }
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Directory order: name ascending (then uid), or newest first (then uid descending). */
export function compareMembers(sort: 'newest' | 'name', a: {pseudonymLower: string; joinedAt: number; uid: string}, b: {pseudonymLower: string; joinedAt: number; uid: string}): number {
  return sort === 'name'
    ? cmpStr(a.pseudonymLower, b.pseudonymLower) || cmpStr(a.uid, b.uid)
    : b.joinedAt - a.joinedAt || cmpStr(b.uid, a.uid);
}

export function validateVisibility(visibility: unknown): Partial<Record<HideableField, FieldVisibility>> {
  if (!visibility || typeof visibility !== 'object') throw invalid('visibility', 'visibility must be an object such as {bio: "only-me"}.');
  const out: Partial<Record<HideableField, FieldVisibility>> = {};
  for (const [k, v] of Object.entries(visibility)) {
    if (!(HIDEABLE_FIELDS as readonly string[]).includes(k)) throw invalid(k, `Only ${HIDEABLE_FIELDS.join(' and ')} can be kept to yourself.`);
    if (v !== 'members' && v !== 'only-me') throw invalid(k, `${k} must be shared with "members" or kept "only-me".`);
    out[k as HideableField] = v;
  }
  return out;
}

export function validateHideableValues(values: unknown): {bio?: string; tags?: string[]} {
  if (values == null) return {};
  if (typeof values !== 'object') throw invalid('values', 'values must be {bio?, tags?}.');
  const v = values as Record<string, unknown>;
  const out: {bio?: string; tags?: string[]} = {};
  for (const k of Object.keys(v)) if (!(HIDEABLE_FIELDS as readonly string[]).includes(k)) throw invalid(k, `values may only set ${HIDEABLE_FIELDS.join(' and ')}.`);
  if (v.bio !== undefined) out.bio = validateText('bio', v.bio, {max: LIMITS.bio});
  if (v.tags !== undefined) out.tags = validateTags(v.tags);
  return out;
}

/** Where each hideable field's value goes: the public profile, or `kept` in the private record. */
export function placeFields(
  me: Pick<MemberProfile, 'bio' | 'tags'>, record: PrivateRecord,
  visibility: Partial<Record<HideableField, FieldVisibility>>, values: {bio?: string; tags?: string[]},
): {profile: {bio: string; tags: string[]}; fieldVisibility: PrivateRecord['fieldVisibility']; kept: {bio?: string; tags?: string[]}} {
  const before = record.fieldVisibility;
  const fieldVisibility = {...before, ...visibility};
  const kept = {...(record.kept ?? {})};
  // The member's real values, wherever they are kept now.
  const value = {
    bio: values.bio ?? (before.bio === 'only-me' ? kept.bio ?? '' : me.bio),
    tags: values.tags ?? (before.tags === 'only-me' ? kept.tags ?? [] : me.tags),
  };
  const profile = {bio: value.bio, tags: value.tags};
  delete kept.bio;
  delete kept.tags;
  if (fieldVisibility.bio === 'only-me') {
    kept.bio = value.bio;
    profile.bio = '';
  }
  if (fieldVisibility.tags === 'only-me') {
    kept.tags = value.tags;
    profile.tags = [];
  }
  return {profile, fieldVisibility, kept};
}

/**
 * updateProfile's bio / tags under the member's current visibility (shared by both adapters): null when
 * neither changed field is kept "only me" (the patch goes to the public profile as it is); otherwise the
 * public values (a blank for a kept field) and the private record's new `kept`.
 */
export function placeProfilePatch(
  me: Pick<MemberProfile, 'bio' | 'tags'>, record: PrivateRecord | null, values: {bio?: string; tags?: string[]},
): {profile: {bio: string; tags: string[]}; kept: {bio?: string; tags?: string[]}} | null {
  const vis = record?.fieldVisibility ?? {};
  if (!record || !((values.bio !== undefined && vis.bio === 'only-me') || (values.tags !== undefined && vis.tags === 'only-me'))) return null;
  const placed = placeFields(me, record, {}, values);
  return {profile: placed.profile, kept: placed.kept};
}

/** A post with nothing left that leads to its author: a "removed" placeholder. */
export function erasedPost(p: Post): Post {
  return {
    ...p, body: '', authorId: FORMER_MEMBER, authorName: '', authorRelationship: 'other', authorAvatarUrl: null, authorAvatarHue: 0,
    authorBadges: [], status: 'deleted', statusReason: null, editedAt: null,
  };
}

export function validateRole(role: unknown): RoleName {
  if (!ROLE_NAMES.includes(role as RoleName)) throw invalid('role', `role must be one of ${ROLE_NAMES.join(', ')}.`);
  return role as RoleName;
}

export function emptyRoles(uid: string): RoleRecord {
  return {uid, roles: [], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: '', updatedAt: 0};
}

/** The roles record after granting or revoking (shared by both adapters). */
export function nextRoles(current: RoleRecord, role: RoleName, on: boolean, by: string, now: number, scope: string | null): RoleRecord {
  const roles = on ? [...new Set([...current.roles, role])] : current.roles.filter((r) => r !== role);
  const next: RoleRecord = {...current, roles, grantedBy: by, updatedAt: now};
  if (role === 'clinician') {
    next.clinicianScope = on ? scope : null;
    next.verifiedBy = on ? by : null;
    next.verifiedAt = on ? now : null;
  }
  return next;
}

export function validateClinicianScope(role: RoleName, options: {clinicianScope?: string} | undefined): string | null {
  if (role !== 'clinician') return null;
  return validateText('clinicianScope', options?.clinicianScope, {min: 2, max: 80});
}

// Joining and profile updates (issue 13): one decision for both stores. The store loads the documents,
// asks here, and writes the answer (FirebaseStore with server times for joinedAt and the agreements).

/** join's input, checked without any document. */
export interface CheckedJoin {
  pseudonym: string;
  relationship: MemberProfile['relationship'];
  avatarUrl: string | null;
  /** Undefined: the default hue for the uid (domain/avatars.ts). */
  avatarHue: number | undefined;
  guidelinesVersion: unknown;
  healthConsentVersion: string | null;
}

export function checkJoinInput(input: JoinInput): CheckedJoin {
  if (!input || typeof input !== 'object') throw invalid('input', 'join needs a pseudonym, relationship and the guidelines version.');
  return {
    pseudonym: validatePseudonym(input.pseudonym),
    relationship: validateRelationship(input.relationship),
    avatarUrl: input.avatarUrl == null || input.avatarUrl === '' ? null : validateHttpsUrl('avatarUrl', input.avatarUrl),
    avatarHue: input.avatarHue === undefined ? undefined : validateAvatarHue(input.avatarHue),
    guidelinesVersion: input.guidelinesVersion,
    healthConsentVersion: input.healthConsentVersion == null ? null : String(input.healthConsentVersion),
  };
}

/** What joining reads. `roles` undefined: not read (firestore.rules refuse a suspended member's join). */
export interface JoinState {
  user: SessionUser | null;
  now: number;
  settings: CommunitySettings;
  /** Whether the caller already has a member document. */
  isMember: boolean;
  roles?: RoleRecord | null;
  /** sanctions/{uid}: a suspension kept through erasure (issue 11). */
  sanction: Sanction | null;
}

/** A join: the new member document and private record, or a typed error. */
export function decideJoin(j: CheckedJoin, s: JoinState): {member: MemberProfile; record: PrivateRecord} {
  const user = signedIn(s.user, 'join');
  if (s.isMember) throw new KindredError('already-exists', 'You are already a member of this community.');
  if (s.roles !== undefined && isSuspended(s.roles, s.now)) throw new KindredError('permission-denied', 'Your membership is suspended: you cannot join again until the suspension ends.');
  // Issue 11: a reserved uid never joins; a suspension kept through erasure still refuses joining.
  assertUsableUid(user.uid);
  if (sanctionActive(s.sanction, s.now)) throw sanctionedError(s.sanction!);
  assertSignInAccepted(s.settings, user, 'join');
  const {guidelinesVersion, consentVersion} = s.settings;
  if (j.guidelinesVersion !== guidelinesVersion) {
    throw invalid('guidelinesVersion',
      `The community guidelines are now version ${guidelinesVersion} (you accepted ${String(j.guidelinesVersion)}): show the current guidelines and ask again.`);
  }
  if (j.healthConsentVersion !== null && j.healthConsentVersion !== consentVersion) {
    throw invalid('healthConsentVersion',
      `The health-information consent text is now version ${consentVersion}: show it again, or pass null when consent is not given.`);
  }
  const member: MemberProfile = {
    uid: user.uid, pseudonym: j.pseudonym, pseudonymLower: j.pseudonym.toLowerCase(), avatarUrl: j.avatarUrl,
    avatarHue: j.avatarHue ?? defaultAvatarHue(user.uid), relationship: j.relationship,
    bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: s.now,
  };
  // Issue 11: the public profile is shown without review (firestore.rules profileHold).
  assertProfileText(member, s.settings.bannedWords);
  const record: PrivateRecord = {
    uid: user.uid,
    guidelines: {version: guidelinesVersion, at: s.now},
    healthConsent: j.healthConsentVersion === null ? null : {version: consentVersion, at: s.now},
    fieldVisibility: {},
  };
  return {member, record};
}

const PROFILE_KEYS = ['pseudonym', 'avatarUrl', 'avatarHue', 'relationship', 'bio', 'tags', 'listed'] as const;

/** A profile patch, checked without any document: the member fields it sets. */
export function checkProfilePatch(patch: ProfilePatch): Partial<MemberProfile> {
  if (!patch || typeof patch !== 'object') throw invalid('patch', 'updateProfile needs an object of the fields to change.');
  for (const key of Object.keys(patch)) {
    if (!(PROFILE_KEYS as readonly string[]).includes(key)) {
      throw invalid(key, key === 'badges' || key === 'clinicianScope'
        ? `${key} shows roles that only an admin can grant; it cannot be changed from a profile.`
        : `${key} cannot be changed; a profile update may change ${PROFILE_KEYS.join(', ')}.`);
    }
  }
  const next: Partial<MemberProfile> = {};
  if (patch.pseudonym !== undefined) {
    next.pseudonym = validatePseudonym(patch.pseudonym);
    next.pseudonymLower = next.pseudonym.toLowerCase();
  }
  if (patch.avatarUrl !== undefined) next.avatarUrl = patch.avatarUrl === null || patch.avatarUrl === '' ? null : validateHttpsUrl('avatarUrl', patch.avatarUrl);
  if (patch.avatarHue !== undefined) next.avatarHue = validateAvatarHue(patch.avatarHue);
  if (patch.relationship !== undefined) next.relationship = validateRelationship(patch.relationship);
  if (patch.bio !== undefined) next.bio = validateText('bio', patch.bio, {max: LIMITS.bio});
  if (patch.tags !== undefined) next.tags = validateTags(patch.tags);
  if (patch.listed !== undefined) {
    if (typeof patch.listed !== 'boolean') throw invalid('listed', 'listed must be true or false.');
    next.listed = patch.listed;
  }
  return next;
}

/** What a profile update reads: the caller (member, roles) and their private record. */
export interface ProfileState {
  user: SessionUser | null;
  member: MemberProfile | null;
  roles: RoleRecord | null;
  now: number;
  bannedWords: readonly string[];
  record: PrivateRecord | null;
}

/**
 * A profile update: the member document after it, the fields written to it, and the private record's new
 * `kept` when a changed field is kept "only me" (the public profile then keeps its blank).
 */
export function decideProfileUpdate(next: Partial<MemberProfile>, s: ProfileState): {
  profile: MemberProfile; patch: Partial<MemberProfile>; kept: PrivateRecord['kept'] | null;
} {
  signedIn(s.user, 'profile');
  const {me} = requireWriter(s, 'change your profile');
  const placed = placeProfilePatch(me, s.record, {bio: next.bio, tags: next.tags});
  const patch = placed ? {...next, ...placed.profile} : next;
  const profile = {...me, ...patch};
  // Issue 11: the public profile is shown without review (firestore.rules profileHold).
  assertProfileText(profile, s.bannedWords);
  return {profile, patch, kept: placed ? placed.kept : null};
}
