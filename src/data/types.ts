// Plain, serialisable domain types. No Firestore Timestamp, snapshot or DOM type crosses this line:
// every time is epoch milliseconds (number), every id a string.
import type {ContentWarning, PostAudience, WarningPrefs} from './domain/safety.js';

/** The languages the kit itself ships and stores (profile language, e-mail language, localized settings). */
export type ContentLocale = 'en' | 'cy';
export const LOCALES: readonly ContentLocale[] = ['en', 'cy'];
/**
 * The language an element speaks: 'en', 'cy', or the lower-case BCP 47 tag of a catalogue a charity
 * added with `addCatalogue()` (issue 18). Data that is stored keeps to `ContentLocale`.
 */
export type Locale = ContentLocale | (string & {});

/** Text in several languages; `en` is always present and is the fallback. */
export type LocalizedText = {en: string} & Partial<Record<Exclude<ContentLocale, 'en'>, string>>;

export type Relationship = 'patient' | 'carer' | 'professional' | 'other';
export const RELATIONSHIPS: readonly Relationship[] = ['patient', 'carer', 'professional', 'other'];

export type RoleName = 'admin' | 'moderator' | 'founder' | 'clinician';
export const ROLE_NAMES: readonly RoleName[] = ['admin', 'moderator', 'founder', 'clinician'];

export type Visibility = 'public' | 'members';
export type ModerationMode = 'post' | 'first-posts' | 'all';
export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';

export interface CallToAction {
  label: LocalizedText;
  /** Always `https:`. */
  url: string;
}

export interface FounderStory {
  name: string;
  role: LocalizedText;
  quote: LocalizedText;
  /** Paragraphs separated by blank lines; rendered as text. */
  story: LocalizedText;
  imageUrl: string | null;
  imageAlt: LocalizedText | null;
  cta: CallToAction | null;
  /** When the founder told the story (ms). */
  toldAt: number | null;
  memorial: boolean;
  /** Who approved the current text, and when (set by the store). */
  approvedBy: string | null;
  approvedAt: number | null;
}

export interface CommunitySettings {
  visibility: Visibility;
  moderation: ModerationMode;
  /** With `first-posts`: how many of a new member's posts are held. */
  holdFirstPosts: number;
  bannedWords: string[];
  nation: Nation;
  /** Tags members may pick for shared experience. */
  tags: string[];
  /** The version of the guidelines / consent text members currently accept. */
  guidelinesVersion: string;
  consentVersion: string;
  /**
   * Shortest time between two posts by one member, in seconds (firestore.rules enforces it). Missing or
   * 0 = no limit; a new community should set 10 (RECOMMENDED_RATE_LIMITS in policy.ts).
   */
  postIntervalSeconds?: number;
  /** Most reports one member may file per hour (firestore.rules enforces it). Missing or 0 = no cap; recommended 10. */
  reportsPerHour?: number;
  /**
   * Issue 11: members must have signed in with an email link (or the host site's own login), not
   * anonymously, to join, post or ask to connect. Anonymous sign-in gives anyone a fresh uid at will, so
   * a community that is being abused can make a new identity cost an email address. Missing = false.
   */
  requireEmailSignIn?: boolean;
  /**
   * Issue 18: a member's post with crisis wording (src/data/crisis.ts) is held for a moderator to read
   * first, and its author is told kindly that a person will read it. Missing or false = posts appear at
   * once (moderators still see the crisis flag in their queue).
   */
  crisisReview?: boolean;
  /**
   * Issue 14: the community's guidelines as members read them when they join, and again when a new
   * version (guidelinesVersion) asks them to agree before their next post. Plain text, paragraphs by blank lines.
   */
  guidelines?: LocalizedText;
  /** Issue 14: what each tag id reads as, per language ({cy: {asthma: 'Asthma'}}); a missing label shows the id. */
  tagLabels?: Partial<Record<ContentLocale, Record<string, string>>>;
  /** Issue 14: the community's own crisis contacts (a charity helpline) and default contacts it leaves out. */
  crisisContacts?: CommunityCrisisContacts;
}

/** A community's crisis-contact choices (issue 14), as stored in its settings; 999 and Samaritans always stay. */
export interface CommunityCrisisContacts {
  /** At most 3 (MAX_COMMUNITY_CONTACTS), shown after the emergency number. */
  extra: CommunityCrisisContact[];
  /** Ids of default contacts to leave out (src/data/safeguarding.ts UK_CRISIS_CONTACTS). */
  hide: string[];
}

export interface CommunityCrisisContact {
  name: LocalizedText;
  detail: LocalizedText;
  /** As people read it ("0300 222 5800"): digits and spaces, an optional leading +. */
  number: string;
  /** A text-message line rather than a phone line. */
  sms: boolean;
}

/** A member's write-limit record (communities/{cid}/limits/{uid}); written by the stores with each post / report. */
export interface MemberLimits {
  /** When the member last posted (ms), and which post (`threadId/postId`). */
  lastPostAt: number | null;
  lastPost: string | null;
  /** Start of the current one-hour report window (ms), the reports filed in it, and the last report's id. */
  reportWindowStart: number | null;
  reportCount: number;
  lastReportId: string | null;
}

export interface Community {
  id: string;
  name: LocalizedText;
  tagline: LocalizedText;
  languages: ContentLocale[];
  settings: CommunitySettings;
  founderStory: FounderStory | null;
  createdAt: number;
  /** A local preview made on first use (issue 12): kept only in this browser; its first member is admin. */
  preview?: boolean;
}

/** A member's public profile (communities/{cid}/members/{uid}). */
export interface MemberProfile {
  uid: string;
  pseudonym: string;
  /** `https:` image, or null for a generated initials avatar. */
  avatarUrl: string | null;
  /** Hue 0–359 for the generated avatar. */
  avatarHue: number;
  relationship: Relationship;
  bio: string;
  tags: string[];
  /** Listed in the member directory (opt-in, default false). */
  listed: boolean;
  /** Roles, copied from roles/{uid} for display; only admins can change them. */
  badges: RoleName[];
  /** Scope label of a verified clinician ("Specialist nurse"). */
  clinicianScope: string | null;
  joinedAt: number;
  /** Lower-cased pseudonym, for prefix search and sort. */
  pseudonymLower: string;
}

export interface ConsentRecord {
  /** Which text version was agreed. */
  version: string;
  at: number;
}

/** Owner-only record (communities/{cid}/private/{uid}). */
export interface PrivateRecord {
  uid: string;
  guidelines: ConsentRecord;
  /** Explicit, separate consent to processing health information; null = not given / withdrawn. */
  healthConsent: ConsentRecord | null;
  /** Fields the member shares with members only (default) or keeps to themself. */
  fieldVisibility: Record<string, 'members' | 'only-me'>;
  /** Values of fields the member keeps to themself (issue 5: setFieldVisibility). */
  kept?: {bio?: string; tags?: string[]};
  /** When health consent was last withdrawn (ms), or null. */
  healthConsentWithdrawnAt?: number | null;
  /** Email notifications (issue 15; domain/notifications.ts NotifyPrefs): off / immediate / daily digest. */
  notify?: {email: 'off' | 'immediate' | 'daily'; address: string | null; language: ContentLocale};
  /** Issue 18: topics whose warned posts the member wants hidden or shown open (missing topic = collapsed). */
  warnings?: WarningPrefs;
}

export interface RoleRecord {
  uid: string;
  roles: RoleName[];
  clinicianScope: string | null;
  verifiedBy: string | null;
  verifiedAt: number | null;
  /** Suspension end (ms) or null; a suspended member can read but not write. */
  suspendedUntil: number | null;
  grantedBy: string;
  updatedAt: number;
}

export type ContentStatus = 'visible' | 'held' | 'hidden' | 'deleted';

export interface Thread {
  id: string;
  /** Page key for a thread embedded under a page ("walk-2026"); null for hub threads. */
  key: string | null;
  title: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  lastActivityAt: number;
  /** Number of visible top-level posts and replies. */
  postCount: number;
  status: ContentStatus;
  /** Private peer thread: only these two members (and moderators on report) may read. */
  participants: string[] | null;
}

export type ReactionKind = 'heart' | 'hug' | 'metoo' | 'thanks';
export const REACTION_KINDS: readonly ReactionKind[] = ['heart', 'hug', 'metoo', 'thanks'];

export interface Post {
  id: string;
  threadId: string;
  /** Plain text; paragraphs by blank lines. Empty when deleted or hidden. */
  body: string;
  authorId: string;
  /** Denormalised so a page of posts costs no per-author reads. */
  authorName: string;
  authorRelationship: Relationship;
  authorAvatarUrl: string | null;
  authorAvatarHue: number;
  authorBadges: RoleName[];
  /** Reply parent (one level), or null for a top-level post. */
  parentId: string | null;
  createdAt: number;
  editedAt: number | null;
  status: ContentStatus;
  /** Why a post was held or hidden, shown to the author / as placeholder. */
  statusReason: string | null;
  reactions: Record<ReactionKind, number>;
  /** Issue 18: the post's content warning (domain/safety.ts); absent when it has none. */
  warning?: ContentWarning;
  /** Issue 18: 'members' for a members-only post; absent means everyone who may read the community. */
  audience?: PostAudience;
  /**
   * Issue 17 (fault): how many times the author's edits were saved (absent: never). An edit names the
   * version it started from, so two tabs editing one post never silently overwrite each other.
   */
  version?: number;
}

export interface Reaction {
  postId: string;
  uid: string;
  kind: ReactionKind;
  at: number;
}

export type ReportReason = 'harm' | 'crisis' | 'abuse' | 'spam' | 'misinformation' | 'privacy' | 'other';
export const REPORT_REASONS: readonly ReportReason[] = ['harm', 'crisis', 'abuse', 'spam', 'misinformation', 'privacy', 'other'];

export interface Report {
  id: string;
  target: {kind: 'post'; threadId: string; postId: string} | {kind: 'profile'; uid: string};
  reason: ReportReason;
  details: string;
  reporterId: string;
  createdAt: number;
  status: 'open' | 'dismissed' | 'actioned';
}

export interface MatchProfile {
  uid: string;
  conditions: string[];
  diagnosedBand: 'under-1' | '1-3' | '3-10' | 'over-10' | null;
  experiences: string[];
  relationship: Relationship | null;
  ageBand: '18-24' | '25-34' | '35-49' | '50-64' | '65+' | null;
  region: string | null;
  languages: ContentLocale[];
  interests: string[];
  open: boolean;
  updatedAt: number;
}

export interface Connection {
  /** `${smallerUid}_${largerUid}`. */
  id: string;
  members: [string, string];
  requestedBy: string;
  message: string;
  status: 'pending' | 'accepted' | 'ended' | 'blocked';
  createdAt: number;
  updatedAt: number;
  threadId: string | null;
}

export type ModAction = 'approve' | 'hide' | 'restore' | 'dismiss-report' | 'clear-crisis' | 'set-warning' | 'suspend' | 'lift-suspension' | 'grant-role' | 'revoke-role' | 'approve-story'
  /** Issue 14: a member accepted an invite (actor = the member; targetPath `invites/<id>`, reason = role[: scope]). */
  | 'accept-invite';

export interface ModLogEntry {
  id: string;
  action: ModAction;
  actorId: string;
  targetPath: string;
  reason: string;
  at: number;
}

/** A page of results and the cursor for the next one (null at the end). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface SessionUser {
  uid: string;
  /** True for an anonymous account (can be upgraded by email link without losing anything). */
  anonymous: boolean;
}
