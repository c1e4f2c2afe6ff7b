// The single seam between elements and data. LocalStore and FirebaseStore both implement it and pass
// the same contract suite (test/data/store.contract.ts). Promises for one-off calls; live data takes
// callbacks and returns an Unsubscribe.
import type {KindredError} from './errors.js';
import type {
  Community, FounderStory, MemberProfile, Page, Post, PrivateRecord, ReactionKind, Relationship, Report,
  ReportReason, RoleRecord, SessionUser, Thread,
} from './types.js';

export type Unsubscribe = () => void;
export type OnError = (error: KindredError) => void;

/** Who is signed in. Identity is a uid; an email is never shown to other members. */
export interface AuthSession {
  /** The current user, or null when signed out. */
  readonly user: SessionUser | null;
  /** Calls `next` at once with the current user, then on every change. */
  watch(next: (user: SessionUser | null) => void): Unsubscribe;
  signInAnonymously(): Promise<SessionUser>;
  /** Emails a sign-in link (or links it to the current anonymous account when completed). */
  sendSignInLink(email: string, continueUrl: string): Promise<void>;
  /** Completes an email link; upgrades the current anonymous account so nothing is lost. */
  completeSignInLink(email: string, link: string): Promise<SessionUser>;
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

export interface CreatePostInput {
  /** Client-made id (`store.newId()`): a retried write never duplicates. */
  id: string;
  threadId: string;
  body: string;
  parentId?: string | null;
  /** When the thread does not exist yet (a page-keyed thread), it is created with this first post. */
  createThread?: {key: string | null; title: string};
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

export interface CommunityStore {
  /** Which adapter this is. */
  readonly kind: 'local' | 'firebase';
  readonly communityId: string;
  readonly session: AuthSession;

  /** A new client-made document id. */
  newId(): string;

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
  editPost(threadId: string, postId: string, body: string): Promise<void>;
  /** Author only; the post becomes a placeholder so replies keep their context. */
  deletePost(threadId: string, postId: string): Promise<void>;
  setReaction(threadId: string, postId: string, kind: ReactionKind, on: boolean): Promise<void>;
  /** The signed-in member's reactions in a thread, as `${postId}:${kind}` keys. */
  watchMyReactions(threadId: string, next: (keys: Set<string>) => void, error: OnError): Unsubscribe;

  // Safety
  report(input: ReportInput): Promise<Report>;

  /** Ends every listener and releases resources. */
  dispose(): Promise<void>;
}
