// Small builders of seed data for tests: a community, members, roles, threads and posts as plain
// objects (a SeedFixture), with sensible defaults and overrides for what a test cares about.
//
//   const alice = member('alice');
//   const seed = sampleSeed(uniqueCommunityId(), {members: [alice], threads: [thread('t1')], posts: [post('t1', 'p1', alice)]});
import type {SeedFixture} from '../../src/data/seed.js';
import type {Community, CommunitySettings, MemberProfile, Post, PrivateRecord, RoleName, RoleRecord, Thread} from '../../src/data/types.js';

/** A fixed "now" for seeded times: 10 January 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

let counter = 0;
/** A community id no other test uses, so tests never see each other's data. */
export function uniqueCommunityId(prefix = 'c'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${++counter}`;
}

export type CommunityOverrides = Partial<Omit<Community, 'settings'>> & {settings?: Partial<CommunitySettings>};

export function sampleCommunity(id: string, overrides: CommunityOverrides = {}): Community {
  const {settings, ...rest} = overrides;
  return {
    id,
    name: {en: 'Breathe Easy Wales', cy: 'Anadlu’n Rhwydd Cymru'},
    tagline: {en: 'People living with asthma, supporting each other.'},
    languages: ['en', 'cy'],
    founderStory: null,
    createdAt: T0 - 30 * DAY,
    ...rest,
    settings: {
      visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales',
      tags: ['inhalers', 'children', 'exercise'], guidelinesVersion: 'g-2026-01', consentVersion: 'c-2026-01',
      ...settings,
    },
  };
}

/** A member profile; the pseudonym defaults to a capitalised uid ("alice" → "Alice"). */
export function member(uid: string, overrides: Partial<MemberProfile> = {}): MemberProfile {
  const pseudonym = overrides.pseudonym ?? uid.charAt(0).toUpperCase() + uid.slice(1);
  return {
    uid, pseudonym, pseudonymLower: pseudonym.toLowerCase(), avatarUrl: null, avatarHue: 200, relationship: 'patient',
    bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: T0 - 7 * DAY, ...overrides,
  };
}

/** The owner-only consent record that joining writes, for a seeded member. */
export function privateRecord(uid: string, community: Community, overrides: Partial<PrivateRecord> = {}): PrivateRecord {
  return {
    uid, guidelines: {version: community.settings.guidelinesVersion, at: T0 - 7 * DAY}, healthConsent: null,
    fieldVisibility: {}, ...overrides,
  };
}

/** A roles record, e.g. `roles('mo', ['moderator'])` or `roles('sam', [], {suspendedUntil: T0 + DAY})`. */
export function roles(uid: string, names: RoleName[], overrides: Partial<RoleRecord> = {}): RoleRecord {
  return {
    uid, roles: names, clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null,
    grantedBy: 'admin', updatedAt: T0 - DAY, ...overrides,
  };
}

/** A visible hub thread (key null) started by `authorId`. */
export function thread(id: string, overrides: Partial<Thread> = {}): Thread {
  return {
    id, key: null, title: `Thread ${id}`, authorId: 'alice', authorName: 'Alice', createdAt: T0, lastActivityAt: T0,
    postCount: 0, status: 'visible', participants: null, ...overrides,
  };
}

/** A visible top-level post by `author` in `threadId`, with the author's details denormalised. */
export function post(threadId: string, id: string, author: MemberProfile, overrides: Partial<Post> = {}): Post {
  return {
    id, threadId, body: `Post ${id}`, authorId: author.uid, authorName: author.pseudonym,
    authorRelationship: author.relationship, authorAvatarUrl: author.avatarUrl, authorAvatarHue: author.avatarHue,
    authorBadges: [...author.badges], parentId: null, createdAt: T0, editedAt: null, status: 'visible',
    statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}, ...overrides,
  };
}

/** A whole seed: the community plus whatever the test lists. */
export function sampleSeed(id: string, parts: Omit<SeedFixture, 'community'> = {}, community: CommunityOverrides = {}): SeedFixture {
  return {community: sampleCommunity(id, community), ...parts};
}
