// Documents (issue 13): one decoder per stored document, from its plain fields (times already in
// milliseconds) to the interface type. FirebaseStore's converters (firebase/converters.ts) and its
// moderation queue used to carry two copies each of the member, post and roles decoders.
import {DEFAULT_REACTIONS, sanitizeRoles} from '../policy.js';
import {audienceOf, warningOf, withSafety} from './safety.js';
import type {Community, MatchProfile, MemberProfile, Post, ReactionKind, RoleRecord, Thread} from '../types.js';
import type {StoredConnection} from './connections.js';

export type Fields = Record<string, unknown>;

/** A stored time; a pending server time (not yet known) reads as now. */
export const ms = (v: unknown): number => (typeof v === 'number' ? v : Date.now());
export const msOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function communityFromDoc(id: string, d: Fields): Community {
  return {
    id,
    name: d.name as Community['name'],
    tagline: (d.tagline ?? {en: ''}) as Community['tagline'],
    languages: (d.languages ?? ['en']) as Community['languages'],
    settings: d.settings as Community['settings'],
    founderStory: (d.founderStory ?? null) as Community['founderStory'],
    createdAt: ms(d.createdAt),
  };
}

export function memberFromDoc(uid: string, d: Fields): MemberProfile {
  return {
    uid,
    pseudonym: d.pseudonym as string,
    avatarUrl: (d.avatarUrl ?? null) as string | null,
    avatarHue: (d.avatarHue ?? 0) as number,
    relationship: d.relationship as MemberProfile['relationship'],
    bio: (d.bio ?? '') as string,
    tags: (d.tags ?? []) as string[],
    listed: d.listed === true,
    badges: sanitizeRoles(d.badges),
    clinicianScope: (d.clinicianScope ?? null) as string | null,
    joinedAt: ms(d.joinedAt),
    pseudonymLower: (d.pseudonymLower ?? String(d.pseudonym).toLowerCase()) as string,
  };
}

export function threadFromDoc(id: string, d: Fields): Thread {
  return {
    id,
    key: (d.key ?? null) as string | null,
    title: d.title as string,
    authorId: d.authorId as string,
    authorName: d.authorName as string,
    createdAt: ms(d.createdAt),
    lastActivityAt: ms(d.lastActivityAt),
    postCount: (d.postCount ?? 0) as number,
    status: d.status as Thread['status'],
    participants: (d.participants ?? null) as string[] | null,
  };
}

/** A post; a hidden post's body is blank unless a moderator's read supplies `hiddenBody`. */
export function postFromDoc(id: string, threadId: string, d: Fields, hiddenBody: string | null = null): Post {
  const status = d.status as Post['status'];
  return {
    id,
    threadId,
    body: status === 'hidden' ? hiddenBody ?? '' : status === 'deleted' ? '' : String(d.body ?? ''),
    authorId: d.authorId as string,
    authorName: d.authorName as string,
    authorRelationship: d.authorRelationship as Post['authorRelationship'],
    authorAvatarUrl: (d.authorAvatarUrl ?? null) as string | null,
    authorAvatarHue: (d.authorAvatarHue ?? 0) as number,
    authorBadges: sanitizeRoles(d.authorBadges),
    parentId: (d.parentId ?? null) as string | null,
    createdAt: ms(d.createdAt),
    editedAt: msOrNull(d.editedAt),
    status,
    statusReason: (d.statusReason ?? null) as string | null,
    reactions: {...DEFAULT_REACTIONS(), ...(d.reactions as Partial<Record<ReactionKind, number>> | undefined)},
    // Issue 18: content warning and audience (domain/safety.ts), present only when not the default.
    ...withSafety({}, warningOf(d.warning), audienceOf(d)),
    // Issue 17 (fault): the edit version, present once the post was edited with one.
    ...(typeof d.version === 'number' && d.version > 0 ? {version: d.version} : {}),
  };
}

export function rolesFromDoc(uid: string, d: Fields): RoleRecord {
  return {
    uid,
    roles: sanitizeRoles(d.roles),
    clinicianScope: (d.clinicianScope ?? null) as string | null,
    verifiedBy: (d.verifiedBy ?? null) as string | null,
    verifiedAt: msOrNull(d.verifiedAt),
    suspendedUntil: msOrNull(d.suspendedUntil),
    grantedBy: String(d.grantedBy ?? ''),
    updatedAt: ms(d.updatedAt),
  };
}

/** connections/{a_b} as stored (domain/connections.ts decides its moves). */
export function connectionFromDoc(d: Fields): StoredConnection {
  return {
    members: [...(d.members as string[])] as [string, string],
    requestedBy: d.requestedBy as string,
    message: (d.message ?? '') as string,
    status: d.status as StoredConnection['status'],
    createdAt: ms(d.createdAt),
    updatedAt: ms(d.updatedAt),
    threadId: (d.threadId ?? null) as string | null,
    endedBy: (d.endedBy ?? null) as string | null,
  };
}

export function matchProfileFromDoc(uid: string, d: Fields): MatchProfile {
  return {
    uid,
    conditions: (d.conditions ?? []) as string[],
    diagnosedBand: (d.diagnosedBand ?? null) as MatchProfile['diagnosedBand'],
    experiences: (d.experiences ?? []) as string[],
    relationship: (d.relationship ?? null) as MatchProfile['relationship'],
    ageBand: (d.ageBand ?? null) as MatchProfile['ageBand'],
    region: (d.region ?? null) as string | null,
    languages: (d.languages ?? []) as MatchProfile['languages'],
    interests: (d.interests ?? []) as string[],
    open: d.open === true,
    updatedAt: ms(d.updatedAt),
  };
}
