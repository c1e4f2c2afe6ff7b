// The single seam between elements and data. LocalStore and FirebaseStore both implement it and pass
// the same contract suite (test/data/store.contract.ts). Promises for one-off calls; live data takes
// callbacks and returns an Unsubscribe.
import type {CrisisKind} from './crisis.js';
import type {KindredError} from './errors.js';
import type {
  Community, FounderStory, MemberProfile, Page, Post, PrivateRecord, ReactionKind, Relationship, Report,
  ReportReason, RoleRecord, SessionUser, Thread,
} from './types.js';
import type {RoleName} from './types.js';
import type {ModLogEntry} from './types.js';
import type {Connection, Locale, MatchProfile} from './types.js';
import type {MatchSuggestion, MatchWeights} from './matching.js';
import type {MatchProfileInput} from './connections.js';
import type {KinNotification, NotifyPrefs} from './domain/notifications.js';
import type {Invite, InviteInput} from './invites.js';
import type {CommunityPatch, TeamMember} from './community-admin.js';
import type {CommunityHealth} from './health.js';
import type {ContentWarning, PostAudience, WarningPrefs} from './domain/safety.js';

export type {MatchProfileInput} from './connections.js';

/** Options of findMatches. */
export interface FindMatchesOptions {
  /** Most suggestions (default 5, at most 20). */
  limit?: number;
  /** Language of the explanations (default en). */
  locale?: Locale;
  /** Community overrides of the scoring weights. */
  weights?: Partial<MatchWeights>;
}

/** A suggestion with the public profile bits the card shows. */
export interface MatchCandidate extends MatchSuggestion {
  member: Pick<MemberProfile, 'uid' | 'pseudonym' | 'avatarUrl' | 'avatarHue' | 'relationship'>;
}

export type Unsubscribe = () => void;
export type OnError = (error: KindredError) => void;
/** Issue 17: whether a store is in touch with its server (`reconnecting` while it cannot be reached). */
export type ConnectionState = 'connected' | 'reconnecting';
/** Issue 17 (fault): see CommunityStore.watchStorage. */
export type StorageState = 'device' | 'memory-only';

/** Who is signed in. Identity is a uid; an email is never shown to other members. */
export interface AuthSession {
  /** The current user, or null when signed out. */
  readonly user: SessionUser | null;
  /**
   * Issue 17: signed out because the sign-in on this device ended by itself (it expired, was revoked,
   * or the account was disabled), not because the member signed out. Cleared by the next sign-in.
   * Optional: sessions that cannot expire leave it out.
   */
  readonly expired?: boolean;
  /**
   * Issue 17 (fault): with `expired`, how that member had signed in: `email` (an email-link account), so
   * "Sign in again" offers the email link and never makes a new anonymous account; or `anonymous`.
   */
  readonly expiredSignIn?: 'email' | 'anonymous' | null;
  /** Calls `next` at once with the current user, then on every change. */
  watch(next: (user: SessionUser | null) => void): Unsubscribe;
  signInAnonymously(): Promise<SessionUser>;
  /** Emails a sign-in link (or links it to the current anonymous account when completed). */
  sendSignInLink(email: string, continueUrl: string): Promise<void>;
  /** Completes an email link; upgrades the current anonymous account so nothing is lost. */
  completeSignInLink(email: string, link: string): Promise<SessionUser>;
  /**
   * When `url` is an email sign-in link (the member just opened it), completes it with the address
   * remembered on this device when the link was sent. Resolves null when `url` is not a sign-in link;
   * rejects `invalid-argument` (field `email`) when the link was opened on another device, so the
   * caller must ask for the address and call `completeSignInLink`.
   */
  completeSignInFromUrl(url: string): Promise<SessionUser | null>;
  /** Signs in with a custom token minted by the host site's own login. */
  signInWithToken(token: string): Promise<SessionUser>;
  signOut(): Promise<void>;
}

export interface JoinInput {
  pseudonym: string;
  relationship: Relationship;
  avatarUrl?: string | null;
  avatarHue?: number;
  /** The guidelines version the member accepted (must equal the community's current one). */
  guidelinesVersion: string;
  /** The consent text version for health information, or null when not given. */
  healthConsentVersion: string | null;
}

export type ProfilePatch = Partial<Pick<MemberProfile, 'pseudonym' | 'avatarUrl' | 'avatarHue' | 'relationship' | 'bio' | 'tags' | 'listed'>>;

export type FounderStoryInput = Omit<FounderStory, 'approvedBy' | 'approvedAt'>;

/** Issue 17 (fault): the edit's precondition (see CommunityStore.editPost). */
export interface EditOptions {
  /** The post's `version ?? 0` the edit started from. */
  version?: number;
}

export interface CreatePostInput {
  /** Client-made id (`store.newId()`): a retried write never duplicates. */
  id: string;
  threadId: string;
  body: string;
  parentId?: string | null;
  /** When the thread does not exist yet (a page-keyed thread), it is created with this first post. */
  createThread?: {key: string | null; title: string};
  /** Issue 18: a content warning readers see before the post (domain/safety.ts validateWarning). */
  warning?: ContentWarning | null;
  /** Issue 18: 'members' keeps the post from visitors; a reply to a members-only post is members only. Default 'everyone'. */
  audience?: PostAudience;
}

export interface ReportInput {
  id?: string;
  target: Report['target'];
  reason: ReportReason;
  details?: string;
}

export interface PageOptions {
  /** Opaque cursor from a previous Page.next; omit for the first page. */
  cursor?: string | null;
  limit?: number;
}


// Moderation (issue 7) ------------------------------------------------------------------------------

/** What a moderator can do from the queue. Every action appends a ModLogEntry in the same write. */
export type ModerationAction = 'approve' | 'hide' | 'restore' | 'dismiss-report' | 'suspend' | 'lift-suspension' | 'clear-crisis';
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'hide', 'restore', 'dismiss-report', 'suspend', 'lift-suspension', 'clear-crisis'];

/**
 * What an action applies to. `reportId` closes that report as actioned in the same write.
 * Posts: approve / hide / restore. Reports: dismiss-report. Members: suspend (`until` in ms, null =
 * until lifted) / lift-suspension.
 */
export type ModerationTarget =
  | {kind: 'post'; threadId: string; postId: string; reportId?: string}
  | {kind: 'report'; reportId: string}
  | {kind: 'member'; uid: string; until?: number | null; reportId?: string};

/** One entry of the moderation queue: an open report or a held post, with its content in context. */
export interface ModerationItem {
  /** `report:<reportId>`, `held:<threadId>/<postId>` or `crisis:<threadId>/<postId>`. */
  id: string;
  /** `crisis`: a visible post that carried crisis wording (issue 18); held and reported posts carry `crisis` too. */
  kind: 'report' | 'held' | 'crisis';
  /**
   * The kinds of crisis wording the post carried when it was written (issue 18), or absent. Moderators
   * only: the record lives in crisisFlags/, which firestore.rules lets no one else read.
   */
  crisis?: CrisisKind[];
  /** When the report was made or the held post written (ms). */
  createdAt: number;
  report: Report | null;
  /** The post concerned, with its body for moderators (a hidden post's kept text), or null. */
  post: Post | null;
  /** Title of the post's thread. */
  threadTitle: string | null;
  /** The post a reply answers, for context. */
  parent: Post | null;
  /** The reported profile (profile reports) or the post's author. */
  member: MemberProfile | null;
  /** The member's suspension end (ms) when suspended now, else null. */
  suspendedUntil: number | null;
}

export interface ModerationQueueOptions {
  order: 'newest' | 'oldest';
  /**
   * Issue 17: the most items to show (1–200; default 20), the first in `order`. `<kin-moderation-queue>`
   * asks for its `page-size` and raises this with "Show more".
   */
  limit?: number;
}

// Members, profiles and "my data" (issue 5) ---------------------------------------------------------

/** Directory query: only `listed` members; a prefix `search` on the pseudonym orders by name. */
export interface MemberQuery {
  /** Pseudonym prefix, case-insensitive. With a search the order is always by name. */
  search?: string;
  relationship?: Relationship;
  /** One of the member's shared tags. Not together with `role` (one list filter per query). */
  tag?: string;
  /** A badge (moderator, founder, admin, clinician). Not together with `tag`. */
  role?: RoleName;
  sort: 'newest' | 'name';
  /** Opaque cursor from a previous Page.next. */
  cursor?: string | null;
  limit?: number;
}

/** Profile fields a member may keep to themself ('only-me': kept in the private record, blank in public). */
export type HideableField = 'bio' | 'tags';
export const HIDEABLE_FIELDS: readonly HideableField[] = ['bio', 'tags'];
export type FieldVisibility = 'members' | 'only-me';

/** Everything stored about, and written by, the signed-in member: JSON-able data. */
export interface MyDataExport {
  format: 'kindred-export@1';
  communityId: string;
  uid: string;
  exportedAt: number;
  profile: MemberProfile | null;
  private: PrivateRecord | null;
  roles: RoleRecord | null;
  threadsStarted: Thread[];
  /** Every post they wrote, whatever its status (hidden posts keep no text). */
  posts: Post[];
  reactions: {threadId: string; postId: string; kind: ReactionKind; at: number}[];
  reportsFiled: Report[];
  matchProfile: Record<string, unknown> | null;
  connections: Record<string, unknown>[];
}

// Notifications (issue 15) -------------------------------------------------------------------------

/** The signed-in member's notifications, newest first. */
export interface NotificationFeed {
  items: KinNotification[];
  /** Unread notifications in all (not only those listed). */
  unread: number;
  /**
   * Whether notifications are switched on: LocalStore always (unless opened with notifications: false);
   * Firebase once the project's Cloud Functions have run (services/notifications).
   */
  enabled: boolean;
}

/** Author id and name that an erased member's posts and threads carry instead of theirs. */
export const FORMER_MEMBER = 'former-member';

export interface CommunityStore {
  /** Which adapter this is. */
  readonly kind: 'local' | 'firebase';
  readonly communityId: string;
  readonly session: AuthSession;

  /** A new client-made document id. */
  newId(): string;
  /**
   * Issue 17: the live connection to the server, for a "reconnecting" notice (Firebase only; a
   * LocalStore has no server). Called on each change after the first sync, never for the first load.
   */
  watchConnection?(next: (state: ConnectionState) => void): Unsubscribe;
  /**
   * Issue 17 (fault): where this store keeps what members do on this device. `memory-only` when the
   * browser refused its storage (IndexedDB failing to open, quota exceeded, a sandboxed or storage-denied
   * iframe): the store goes on working in memory, and the page says so. Called at once, then on each change.
   */
  watchStorage?(next: (state: StorageState) => void): Unsubscribe;

  // Community
  watchCommunity(next: (community: Community | null) => void, error: OnError): Unsubscribe;
  /** Founder or admin only; records who approved the text and when. */
  updateFounderStory(story: FounderStoryInput): Promise<void>;

  // Membership
  /** Creates the signed-in user's profile and private consent record. */
  join(input: JoinInput): Promise<MemberProfile>;
  getMember(uid: string): Promise<MemberProfile | null>;
  /** The signed-in member's own profile (null before joining or when signed out). */
  watchMe(next: (me: MemberProfile | null) => void, error: OnError): Unsubscribe;
  updateProfile(patch: ProfilePatch): Promise<MemberProfile>;
  /** Owner only. */
  getPrivateRecord(): Promise<PrivateRecord | null>;
  getRoles(uid: string): Promise<RoleRecord | null>;

  // Threads
  /** Hub threads, most recent activity first. */
  listThreads(options?: PageOptions): Promise<Page<Thread>>;
  watchThreads(options: {limit: number}, next: (threads: Thread[]) => void, error: OnError): Unsubscribe;
  getThread(threadId: string): Promise<Thread | null>;

  // Posts
  /**
   * The newest `limit` posts of a thread (any level), oldest first, kept live. Includes hidden and
   * deleted placeholders (empty body) and the signed-in member's own held posts.
   */
  watchPosts(threadId: string, options: {limit: number}, next: (posts: Post[]) => void, error: OnError): Unsubscribe;
  /**
   * Posts older than `cursor`, oldest first within the page. The cursor is `postCursor(oldestLoaded)`
   * for the first call, then the previous Page.next.
   */
  listOlderPosts(threadId: string, options: {cursor: string; limit?: number}): Promise<Page<Post>>;
  createPost(input: CreatePostInput): Promise<Post>;
  /** Author only. */
  /**
   * Issue 17 (fault): with `version` (the post's `version ?? 0` when the edit began), the edit is refused
   * with code `conflict` if the post was edited meanwhile (another tab or device); nothing is overwritten.
   */
  editPost(threadId: string, postId: string, body: string, options?: EditOptions): Promise<void>;
  /** Author only; the post becomes a placeholder so replies keep their context. */
  deletePost(threadId: string, postId: string): Promise<void>;
  setReaction(threadId: string, postId: string, kind: ReactionKind, on: boolean): Promise<void>;
  /** The signed-in member's reactions in a thread, as `${postId}:${kind}` keys. */
  watchMyReactions(threadId: string, next: (keys: Set<string>) => void, error: OnError): Unsubscribe;

  // Safety
  report(input: ReportInput): Promise<Report>;

  // Moderation (issue 7): moderators and admins only.
  /** Open reports and held posts, with the content in context, kept live. */
  watchModerationQueue(options: ModerationQueueOptions, next: (items: ModerationItem[]) => void, error: OnError): Unsubscribe;
  /** Applies a moderator action and appends its ModLogEntry in the same write. `reason` is shown as a hidden post's placeholder. */
  moderate(action: ModerationAction, target: ModerationTarget, reason: string): Promise<ModLogEntry>;
  /** The moderation log, newest first, kept live. */
  watchModLog(options: {limit: number}, next: (entries: ModLogEntry[]) => void, error: OnError): Unsubscribe;

  // Members, profiles and "my data" (issue 5)
  /** Listed members only (members can read; visitors see nobody), paged by cursor. */
  listMembers(query: MemberQuery): Promise<Page<MemberProfile>>;
  /** Gives (current text version) or withdraws consent to processing health information. Withdrawal is recorded and deletes the match profile. */
  setHealthConsent(given: boolean): Promise<PrivateRecord>;
  /**
   * Issue 14: the member agrees to the guidelines `version` they were shown (it must be the community's current
   * one). After an admin bumps the version, posts are refused (`permission-denied`, field `guidelines`) until then.
   */
  agreeToGuidelines(version: string): Promise<PrivateRecord>;
  /**
   * Who sees `bio` / `tags`: members, or only the member (the value moves to the private record and
   * the public profile holds a blank). `values` sets the fields' new values at the same time.
   */
  setFieldVisibility(visibility: Partial<Record<HideableField, FieldVisibility>>, values?: {bio?: string; tags?: string[]}): Promise<PrivateRecord>;
  /** Everything stored about and written by the signed-in member. */
  exportMyData(): Promise<MyDataExport>;
  /**
   * Erases the signed-in member: profile, private record, roles, match profile, reactions (counts
   * corrected) and connections are deleted; their posts and threads stay as unlinked "former member"
   * placeholders (docs/privacy.md). Then signs out.
   */
  eraseMe(): Promise<void>;
  /** Admins only, never to themselves. `clinician` needs a scope label and records who verified it and when. */
  grantRole(uid: string, role: RoleName, options?: {clinicianScope?: string}): Promise<RoleRecord>;
  /** Admins only, never their own. */
  revokeRole(uid: string, role: RoleName): Promise<RoleRecord>;

  // Peer matching and connections (issue 6). Decisions in src/data/connections.ts.
  /** The signed-in member's match profile, or null when they have not opted in. */
  getMatchProfile(): Promise<MatchProfile | null>;
  /** Opts in (or updates): members only; conditions from the community's tags. */
  setMatchProfile(input: MatchProfileInput): Promise<MatchProfile>;
  /** Turns matching off: deletes the match profile. */
  removeMatchProfile(): Promise<void>;
  /**
   * Suggestions for the signed-in member, best first: a bounded candidate read (`candidateQuery`),
   * scored by `scoreCandidates`, without blocked members and existing connections, each with the
   * public profile bits the card shows. Needs a match profile (`permission-denied` otherwise).
   */
  findMatches(options?: FindMatchesOptions): Promise<MatchCandidate[]>;
  /** Sends a connection request (double opt-in); rate-limited (`rate-limited`). */
  requestConnection(uid: string, message?: string): Promise<Connection>;
  /**
   * The recipient accepts (creating the pair's private thread) or declines. Declining is silent: the
   * request disappears from the sender's list.
   */
  respondToConnection(id: string, accept: boolean): Promise<Connection>;
  /** Either member ends a connection (or withdraws a request); the other is not told why. */
  endConnection(id: string): Promise<void>;
  /** Never suggest, and never accept requests from, this member again; ends any connection silently. */
  blockMember(uid: string): Promise<void>;
  /** The signed-in member's pending and accepted connections, newest first, kept live. */
  watchConnections(next: (connections: Connection[]) => void, error: OnError): Unsubscribe;

  // Notifications (issue 15). Decisions in src/data/domain/notifications.ts.
  /** The signed-in member's notifications, kept live (an empty feed when signed out). */
  watchNotifications(options: {limit: number}, next: (feed: NotificationFeed) => void, error: OnError): Unsubscribe;
  /** Marks the member's own notifications read: these ids, or all. */
  markNotificationsRead(ids: readonly string[] | 'all'): Promise<void>;
  /** Follows (new posts are notified) or mutes a thread the member can read. Posting follows it. */
  followThread(threadId: string, follow: boolean): Promise<void>;
  /** Whether the member follows a thread: true, false (muted) or null (never chose, never posted). */
  watchFollowing(threadId: string, next: (following: boolean | null) => void, error: OnError): Unsubscribe;
  /** Email notifications: off, immediate or a daily digest, to an address (null = the sign-in address), in en or cy. */
  setEmailNotifications(prefs: NotifyPrefs): Promise<PrivateRecord>;
  // Invites and community admin (issue 14). Decisions in src/data/invites.ts.
  /** Admins invite to any role, moderators to 'moderator' only; never their own address. */
  createInvite(input: InviteInput): Promise<Invite>;
  /** The invite a link names (null when it does not exist); Firebase: moderators, or the invitee by verified email. */
  getInvite(id: string): Promise<Invite | null>;
  /**
   * The signed-in member claims an invite: the role is added to their roles and badges. Firebase: only with a
   * verified sign-in email equal to the invite's; LocalStore: whoever has the link.
   */
  claimInvite(id: string): Promise<RoleRecord>;
  /** An admin (or the moderator who made it) withdraws an unclaimed invite. */
  revokeInvite(id: string): Promise<void>;
  /** Every invite, newest first, kept live: moderators and admins only. */
  watchInvites(next: (invites: Invite[]) => void, error: OnError): Unsubscribe;
  /** Admins only: name, tagline and settings, validated as firestore.rules validSettings does (community-admin.ts). */
  updateCommunity(patch: CommunityPatch): Promise<Community>;
  /** Everyone with a role or a suspension, by name: moderators and admins only. */
  listTeam(): Promise<TeamMember[]>;
  /** Admins only: the health figures of health.ts (FirebaseStore: aggregation queries; each figure says what it read). */
  communityHealth(): Promise<CommunityHealth>;

  // Safety and inclusion (issue 18). Decisions in src/data/domain/safety.ts.
  /**
   * Sets (or, with null, removes) a post's content warning: its author, or a moderator (logged as
   * 'set-warning', the reason naming the new warning).
   */
  setContentWarning(threadId: string, postId: string, warning: ContentWarning | null): Promise<void>;
  /** The signed-in member's choices per warning topic (collapse, hide or show), kept in their private record. */
  setWarningPrefs(prefs: WarningPrefs): Promise<PrivateRecord>;
  /** How many members-only posts a thread has that a reader who is not a member cannot see, kept live. */
  watchMembersOnlyCount(threadId: string, next: (count: number) => void, error: OnError): Unsubscribe;

  /** Ends every listener and releases resources. */
  dispose(): Promise<void>;
}
