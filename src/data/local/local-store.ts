// LocalStore: the embedded default store. No account, no server: a community lives in this browser
// (IndexedDB), or in memory for tests, and applies the same validation and permission rules as
// firestore.rules (through policy.ts), so the contract suite (test/data/store.contract.ts) passes
// against both stores.
//
// Private by default: opening and reading a seeded community writes nothing to the browser. The
// seeded data stays an unsaved copy in memory until the user acts: signing in remembers the session
// in localStorage, and the first accepted write creates the community's IndexedDB database.
//
// Live updates: every watcher is re-evaluated after each change made by this store, and by any other
// store on the same BroadcastChannel (other tabs, or other stores of this page), then called only
// when its value changed.
import {KindredError, toKindredError} from '../errors.js';
import {newId} from '../policy.js';
import type {SeedFixture} from '../seed.js';
import type {
  CommunityStore, CreatePostInput, FounderStoryInput, JoinInput, OnError, PageOptions, ProfilePatch, ReportInput,
  StorageState, Unsubscribe, EditOptions,
} from '../store.js';
import type {
  Community, MemberProfile, Page, Post, PrivateRecord, ReactionKind, Report, RoleRecord, SessionUser, Thread,
} from '../types.js';
import {
  IdbBackend, MemoryBackend, acquireMemory, deleteDatabase, indexedDbAvailable, isStorageFailure, releaseMemory, replaceMemory,
  type Backend,
} from './backend.js';
import {Db, seedToDocs, type Docs, type Write} from './docs.js';
import * as engine from './engine.js';
import * as matching from './matching-store.js';
import type {FindMatchesOptions, MatchCandidate, MatchProfileInput} from '../store.js';
import type {Connection, MatchProfile} from '../types.js';
import * as moderation from './moderation.js';
import type {ModerationAction, ModerationItem, ModerationQueueOptions, ModerationTarget} from '../store.js';
import type {ModLogEntry} from '../types.js';
import * as members from './members.js';
import type {FieldVisibility, HideableField, MemberQuery, MyDataExport} from '../store.js';
import type {RoleName} from '../types.js';
import {LocalSession, readRememberedUser} from './session.js';
import * as notify from './notify.js';
import type {NotificationFeed} from '../store.js';
import type {NotifyPrefs} from '../domain/notifications.js';
import * as invites from './invites.js';
import * as admin from './admin.js';
import {communityHealth} from './health.js';
import type {CommunityHealth} from '../health.js';
import type {CommunityPatch, TeamMember} from '../community-admin.js';
import {newInviteId, type Invite, type InviteInput} from '../invites.js';
import {previewSeed} from './preview.js';
import * as safety from './safety.js';
import type {ContentWarning, WarningPrefs} from '../domain/safety.js';
import {announceWarningPrefs} from '../warning-prefs-signal.js';

export interface LocalStoreOptions {
  /** Community id: 1–64 letters, digits, "-" or "_". */
  communityId: string;
  /**
   * The starting state when this browser holds no saved data for the community; its
   * `community.id` must be `communityId`. Without a seed, a new preview community starts empty
   * (default settings; its first member becomes admin).
   */
  seed?: SeedFixture;
  /** Name of a new preview community (no seed); defaults to the community id. */
  name?: string;
  /** `indexeddb` (the default in a browser) keeps data across reloads; `memory` keeps it for this page only. */
  persistence?: 'indexeddb' | 'memory';
  /** Starts signed in as this user (or signed out with null) without remembering it: for tests. */
  user?: SessionUser | null;
  /** BroadcastChannel for live updates between stores and tabs; default `kindred-local:{communityId}`. */
  channelName?: string;
  /** Clock in epoch ms; default `Date.now`. */
  now?: () => number;
  /**
   * Notifications (issue 15), made in the browser from the same decisions as the Cloud Functions.
   * Default true; false behaves like a Firebase project without the functions deployed.
   */
  notifications?: boolean;
}

type Message =
  | {type: 'changed'; persisted: boolean}
  | {type: 'reset'}
  | {type: 'session'; user: SessionUser | null};

interface Watcher {
  evaluate: (db: Db, ctx: engine.Ctx) => unknown;
  next: (value: never) => void;
  error: OnError;
  /** JSON of the last value delivered, so unchanged values are not delivered again. */
  last: string | undefined;
  done: boolean;
}

type Operation<T> = (db: Db, ctx: engine.Ctx) => {result: T; writes: Write[]};

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Set ? [...v].sort() : v)) ?? 'undefined';
}

function defaultPersistence(): 'indexeddb' | 'memory' {
  return indexedDbAvailable() ? 'indexeddb' : 'memory';
}

/**
 * The embedded store: a whole community in this browser, with the same rules as Firebase.
 *
 *   const store = await LocalStore.open({communityId: 'asthma-cymru', seed});
 */
export class LocalStore implements CommunityStore {
  readonly kind = 'local' as const;
  readonly communityId: string;
  readonly session: LocalSession;
  /** Where data is kept. */
  readonly persistence: 'indexeddb' | 'memory';

  #seed: SeedFixture | undefined;
  #channelName: string;
  #channel: BroadcastChannel | null = null;
  #now: () => number;
  #lastTime = 0;
  #remember: boolean;
  #backend!: Promise<Backend>;
  /** IndexedDB persistence, but nothing saved yet: the backend is an unsaved copy of the seed. */
  #unsaved = false;
  #saving: Promise<Backend> | null = null;
  #watchers = new Set<Watcher>();
  #dirty = false;
  #loop: Promise<void> | null = null;
  #disposed = false;
  #notifications: boolean;
  /** Issue 17 (fault): `memory-only` once the browser refused its storage; see watchStorage. */
  #storage: StorageState = 'device';
  #storageListeners = new Set<(state: StorageState) => void>();

  /** The IndexedDB database name that holds a community. */
  static databaseName(communityId: string): string {
    return `kindred-local:${communityId}`;
  }

  /** Opens a community. Reading it writes nothing to the browser. */
  static async open(options: LocalStoreOptions): Promise<LocalStore> {
    const store = new LocalStore(options);
    await store.#backend;
    return store;
  }

  /**
   * Replaces everything this browser holds for a community with `seed`, or erases it when no seed is
   * given (the member's "erase my local data"). Open stores of the community reload.
   */
  static async reset(options: Pick<LocalStoreOptions, 'communityId' | 'channelName' | 'persistence'>, seed?: SeedFixture): Promise<void> {
    const communityId = checkCommunityId(options.communityId);
    const channelName = options.channelName ?? `kindred-local:${communityId}`;
    const persistence = options.persistence ?? defaultPersistence();
    try {
      if (persistence === 'memory') {
        replaceMemory(memoryName(communityId, channelName), seed ? seedToDocs(seed) : null);
      } else {
        await deleteDatabase(LocalStore.databaseName(communityId));
        if (seed) (await IdbBackend.create(LocalStore.databaseName(communityId), seedToDocs(seed), Date.now(), () => {})).close();
      }
    } catch (e) {
      throw toKindredError(e);
    }
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(channelName);
      channel.postMessage({type: 'reset'} satisfies Message);
      channel.close();
    }
  }

  private constructor(options: LocalStoreOptions) {
    this.communityId = checkCommunityId(options?.communityId);
    this.persistence = options.persistence ?? defaultPersistence();
    // Issue 17 (fault): a browser with no IndexedDB at all keeps the community for this page only; say so.
    if (options.persistence === undefined && this.persistence === 'memory') this.#storage = 'memory-only';
    if (this.persistence === 'indexeddb' && !indexedDbAvailable()) {
      throw new KindredError('unavailable', 'This browser has no IndexedDB: open the LocalStore with persistence: "memory".');
    }
    // Issue 12: a seed made for another community must not silently stand in for this one.
    if (options.seed !== undefined) checkSeed(options.seed, this.communityId);
    this.#seed = options.seed ?? previewSeed(this.communityId, options.name);
    this.#now = options.now ?? Date.now;
    this.#notifications = options.notifications !== false;
    this.#channelName = options.channelName ?? `kindred-local:${this.communityId}`;
    // Tests pass `user` and never touch storage; a browser remembers its anonymous member.
    this.#remember = this.persistence === 'indexeddb' && options.user === undefined;
    const initial = options.user !== undefined ? options.user : this.#remember ? readRememberedUser() : null;
    this.session = new LocalSession(initial ? {...initial} : null, this.#remember, (user) => {
      if (this.#remember) this.#post({type: 'session', user});
      this.#schedule();
    });
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(this.#channelName);
      this.#channel.onmessage = (e: MessageEvent<Message>) => this.#receive(e.data);
    }
    this.#backend = this.#openBackend();
    // An open failure surfaces from open(); keep it from also being an unhandled rejection.
    this.#backend.catch(() => {});
  }

  /** A new client-made document id. */
  newId(): string {
    return newId();
  }

  // Community -------------------------------------------------------------------------------------

  watchCommunity(next: (community: Community | null) => void, error: OnError): Unsubscribe {
    return this.#watch(engine.readCommunity, next, error);
  }

  updateFounderStory(story: FounderStoryInput): Promise<void> {
    return this.#write((db, ctx) => engine.updateFounderStory(db, ctx, story));
  }

  // Membership ------------------------------------------------------------------------------------

  join(input: JoinInput): Promise<MemberProfile> {
    return this.#write((db, ctx) => engine.join(db, ctx, input));
  }

  getMember(uid: string): Promise<MemberProfile | null> {
    return this.#read((db, ctx) => engine.getMember(db, ctx, uid));
  }

  watchMe(next: (me: MemberProfile | null) => void, error: OnError): Unsubscribe {
    return this.#watch(engine.readMe, next, error);
  }

  updateProfile(patch: ProfilePatch): Promise<MemberProfile> {
    return this.#write((db, ctx) => engine.updateProfile(db, ctx, patch));
  }

  getPrivateRecord(): Promise<PrivateRecord | null> {
    return this.#read(engine.readPrivate);
  }

  getRoles(uid: string): Promise<RoleRecord | null> {
    return this.#read((db, ctx) => engine.getRoles(db, ctx, uid));
  }

  // Threads ---------------------------------------------------------------------------------------

  listThreads(options?: PageOptions): Promise<Page<Thread>> {
    return this.#read((db, ctx) => engine.listThreads(db, ctx, options));
  }

  watchThreads(options: {limit: number}, next: (threads: Thread[]) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => engine.listThreads(db, ctx, {limit: options?.limit}).items, next, error);
  }

  getThread(threadId: string): Promise<Thread | null> {
    return this.#read((db, ctx) => engine.getThread(db, ctx, threadId));
  }

  // Posts -----------------------------------------------------------------------------------------

  watchPosts(threadId: string, options: {limit: number}, next: (posts: Post[]) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => engine.watchPosts(db, ctx, threadId, options?.limit), next, error);
  }

  listOlderPosts(threadId: string, options: {cursor: string; limit?: number}): Promise<Page<Post>> {
    return this.#read((db, ctx) => engine.listOlderPosts(db, ctx, threadId, options));
  }

  // Safety and inclusion (issue 18): ./safety.ts
  setContentWarning(threadId: string, postId: string, warning: ContentWarning | null): Promise<void> {
    return this.#write((db, ctx) => safety.setContentWarning(db, ctx, threadId, postId, warning));
  }

  async setWarningPrefs(prefs: WarningPrefs): Promise<PrivateRecord> {
    const record = await this.#write((db, ctx) => safety.setWarningPrefs(db, ctx, prefs));
    announceWarningPrefs(this, record.uid, record.warnings ?? {});
    return record;
  }

  watchMembersOnlyCount(threadId: string, next: (count: number) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => safety.membersOnlyCount(db, ctx, threadId), next, error);
  }

  createPost(input: CreatePostInput): Promise<Post> {
    return this.#write((db, ctx) => engine.createPost(db, ctx, input));
  }

  editPost(threadId: string, postId: string, body: string, options?: EditOptions): Promise<void> {
    return this.#write((db, ctx) => engine.editPost(db, ctx, threadId, postId, body, options?.version));
  }

  deletePost(threadId: string, postId: string): Promise<void> {
    return this.#write((db, ctx) => engine.deletePost(db, ctx, threadId, postId));
  }

  setReaction(threadId: string, postId: string, kind: ReactionKind, on: boolean): Promise<void> {
    return this.#write((db, ctx) => engine.setReaction(db, ctx, threadId, postId, kind, on));
  }

  watchMyReactions(threadId: string, next: (keys: Set<string>) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => engine.myReactions(db, ctx, threadId), next, error);
  }

  // Members, profiles and "my data" (issue 5) -----------------------------------------------------

  listMembers(query: MemberQuery): Promise<Page<MemberProfile>> {
    return this.#read((db, ctx) => members.listMembers(db, ctx, query));
  }

  setHealthConsent(given: boolean): Promise<PrivateRecord> {
    return this.#write((db, ctx) => members.setHealthConsent(db, ctx, given));
  }

  agreeToGuidelines(version: string): Promise<PrivateRecord> {
    return this.#write((db, ctx) => members.agreeToGuidelines(db, ctx, version));
  }

  setFieldVisibility(visibility: Partial<Record<HideableField, FieldVisibility>>, values?: {bio?: string; tags?: string[]}): Promise<PrivateRecord> {
    return this.#write((db, ctx) => members.setFieldVisibility(db, ctx, visibility, values));
  }

  exportMyData(): Promise<MyDataExport> {
    return this.#read((db, ctx) => members.exportMyData(db, ctx, this.communityId));
  }

  async eraseMe(): Promise<void> {
    await this.#write(members.eraseMe);
    await this.session.signOut();
  }

  grantRole(uid: string, role: RoleName, options?: {clinicianScope?: string}): Promise<RoleRecord> {
    return this.#write((db, ctx) => members.setRole(db, ctx, uid, role, true, options));
  }

  revokeRole(uid: string, role: RoleName): Promise<RoleRecord> {
    return this.#write((db, ctx) => members.setRole(db, ctx, uid, role, false));
  }

  // Invites (issue 14): ./invites.ts -----------------------------------------------------------------

  createInvite(input: InviteInput): Promise<Invite> {
    const id = newInviteId();
    return this.#write((db, ctx) => invites.createInvite(db, ctx, input, id));
  }

  getInvite(id: string): Promise<Invite | null> {
    return this.#read((db, ctx) => invites.getInvite(db, ctx, id));
  }

  claimInvite(id: string): Promise<RoleRecord> {
    return this.#write((db, ctx) => invites.claimInvite(db, ctx, id));
  }

  revokeInvite(id: string): Promise<void> {
    return this.#write((db, ctx) => invites.revokeInvite(db, ctx, id));
  }

  watchInvites(next: (invites: Invite[]) => void, error: OnError): Unsubscribe {
    return this.#watch(invites.listInvites, next, error);
  }

  updateCommunity(patch: CommunityPatch): Promise<Community> {
    return this.#write((db, ctx) => admin.updateCommunity(db, ctx, patch));
  }

  listTeam(): Promise<TeamMember[]> {
    return this.#read(admin.listTeam);
  }

  communityHealth(): Promise<CommunityHealth> {
    return this.#read(communityHealth);
  }

  // Peer matching and connections (issue 6): ./matching-store.ts --------------------------------------

  getMatchProfile(): Promise<MatchProfile | null> {
    return this.#read(matching.getMatchProfile);
  }

  setMatchProfile(input: MatchProfileInput): Promise<MatchProfile> {
    return this.#write((db, ctx) => matching.setMatchProfile(db, ctx, input));
  }

  removeMatchProfile(): Promise<void> {
    return this.#write(matching.removeMatchProfile);
  }

  findMatches(options?: FindMatchesOptions): Promise<MatchCandidate[]> {
    return this.#read((db, ctx) => matching.findMatches(db, ctx, options));
  }

  requestConnection(uid: string, message?: string): Promise<Connection> {
    return this.#write((db, ctx) => matching.requestConnection(db, ctx, uid, message));
  }

  respondToConnection(id: string, accept: boolean): Promise<Connection> {
    return this.#write((db, ctx) => matching.respondToConnection(db, ctx, id, accept));
  }

  endConnection(id: string): Promise<void> {
    return this.#write((db, ctx) => matching.endConnection(db, ctx, id));
  }

  blockMember(uid: string): Promise<void> {
    return this.#write((db, ctx) => matching.blockMember(db, ctx, uid));
  }

  watchConnections(next: (connections: Connection[]) => void, error: OnError): Unsubscribe {
    return this.#watch(matching.watchConnections, next, error);
  }

  // Safety ----------------------------------------------------------------------------------------

  report(input: ReportInput): Promise<Report> {
    return this.#write((db, ctx) => engine.report(db, ctx, input));
  }

  // Moderation (issue 7): ./moderation.ts -----------------------------------------------------------

  watchModerationQueue(options: ModerationQueueOptions, next: (items: ModerationItem[]) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => moderation.moderationQueue(db, ctx, options), next, error);
  }

  moderate(action: ModerationAction, target: ModerationTarget, reason: string): Promise<ModLogEntry> {
    return this.#write((db, ctx) => moderation.moderate(db, ctx, action, target, reason));
  }

  watchModLog(options: {limit: number}, next: (entries: ModLogEntry[]) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => moderation.modLog(db, ctx, options?.limit), next, error);
  }

  // Notifications (issue 15): ./notify.ts ----------------------------------------------------------

  watchNotifications(options: {limit: number}, next: (feed: NotificationFeed) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => notify.feed(db, ctx, options?.limit, this.#notifications), next, error);
  }

  markNotificationsRead(ids: readonly string[] | 'all'): Promise<void> {
    return this.#write((db, ctx) => notify.markRead(db, ctx, ids));
  }

  followThread(threadId: string, follow: boolean): Promise<void> {
    return this.#write((db, ctx) => notify.follow(db, ctx, threadId, follow));
  }

  watchFollowing(threadId: string, next: (following: boolean | null) => void, error: OnError): Unsubscribe {
    return this.#watch((db, ctx) => notify.following(db, ctx, threadId), next, error);
  }

  setEmailNotifications(prefs: NotifyPrefs): Promise<PrivateRecord> {
    return this.#write((db, ctx) => notify.setPrefs(db, ctx, prefs));
  }

  /** Ends every listener, closes the channel and the database. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const w of this.#watchers) w.done = true;
    this.#watchers.clear();
    this.session.dispose();
    this.#channel?.close();
    this.#channel = null;
    const backend = await this.#backend.catch(() => null);
    if (this.persistence === 'memory') releaseMemory(memoryName(this.communityId, this.#channelName));
    else backend?.close();
    (await this.#saving?.catch(() => null))?.close();
  }

  // Internals -------------------------------------------------------------------------------------

  async #openBackend(): Promise<Backend> {
    if (this.persistence === 'memory') {
      this.#unsaved = false;
      return acquireMemory(memoryName(this.communityId, this.#channelName), () => seedToDocs(this.#seed));
    }
    let saved: IdbBackend | null;
    try {
      saved = await IdbBackend.openExisting(LocalStore.databaseName(this.communityId), () => this.#reload());
    } catch (e) {
      // Issue 17 (fault): IndexedDB refuses to open (blocked, denied in this frame): go on in memory.
      if (!isStorageFailure(e)) throw e;
      this.#memoryOnly();
      this.#unsaved = false;
      return new MemoryBackend(seedToDocs(this.#seed));
    }
    this.#unsaved = !saved;
    return saved ?? new MemoryBackend(seedToDocs(this.#seed));
  }

  /** Issue 17 (fault): what the browser's storage held, now in memory for the rest of this page. */
  async #toMemory(backend: Backend, failure: unknown): Promise<Backend> {
    const docs = await backend.read().catch(() => {
      throw failure;
    });
    const memory = new MemoryBackend(new Map(docs));
    backend.close();
    this.#backend = Promise.resolve(memory);
    this.#memoryOnly();
    return memory;
  }

  #memoryOnly() {
    if (this.#storage === 'memory-only') return;
    this.#storage = 'memory-only';
    for (const l of [...this.#storageListeners]) l('memory-only');
  }

  /** Issue 17 (fault): `memory-only` once the browser refused its storage (see CommunityStore.watchStorage). */
  watchStorage(next: (state: StorageState) => void): Unsubscribe {
    this.#storageListeners.add(next);
    next(this.#storage);
    return () => this.#storageListeners.delete(next);
  }

  /** Re-reads where the data lives (another tab saved it first, or it was reset / deleted). */
  #reload() {
    if (this.#disposed || this.persistence === 'memory') {
      this.#schedule();
      return;
    }
    const previous = this.#backend;
    this.#backend = previous.catch(() => null).then((b) => {
      b?.close();
      return this.#openBackend();
    });
    this.#backend.catch(() => {});
    this.#schedule();
  }

  /** The user acted: create the database from the unsaved copy (or adopt one another tab created). */
  #save(): Promise<Backend> {
    this.#saving ??= this.#backend.then(async (unsaved) => {
      let saved: Backend;
      try {
        saved = await IdbBackend.create(LocalStore.databaseName(this.communityId), (unsaved as MemoryBackend).docs, this.#now(),
          () => this.#reload());
      } catch (e) {
        // Issue 17 (fault): the database cannot be created (quota, blocked): the unsaved copy becomes the community.
        if (!isStorageFailure(e)) throw e;
        this.#memoryOnly();
        saved = unsaved;
      }
      this.#unsaved = false;
      this.#backend = Promise.resolve(saved);
      return saved;
    }).finally(() => {
      this.#saving = null;
    });
    return this.#saving;
  }

  #ctx(now = this.#now()): engine.Ctx {
    return {user: this.session.user, now};
  }

  /** Strictly increasing times, so posts made in a row keep their order. */
  #clock(): number {
    this.#lastTime = Math.max(this.#now(), this.#lastTime + 1);
    return this.#lastTime;
  }

  #assertOpen() {
    if (this.#disposed) throw new KindredError('unavailable', 'This store was disposed: open a new LocalStore.');
  }

  async #read<T>(fn: (db: Db, ctx: engine.Ctx) => T): Promise<T> {
    try {
      this.#assertOpen();
      const docs = await (await this.#backend).read();
      return structuredClone(fn(new Db(docs), this.#ctx()));
    } catch (e) {
      throw toKindredError(e);
    }
  }

  async #write<T>(fn: Operation<T>): Promise<T> {
    try {
      this.#assertOpen();
      const ctx = this.#ctx(this.#clock());
      let wrote = 0;
      const op = (docs: Docs) => {
        const out = fn(new Db(docs), ctx);
        // What the Cloud Functions would write after this write (issue 15), in the same atomic step.
        const writes = this.#notifications ? [...out.writes, ...notify.deliver(docs, out.writes, ctx.now)] : out.writes;
        wrote = writes.length;
        return {result: out.result, writes};
      };
      let backend = await this.#backend;
      if (this.#unsaved) {
        // Check first: a refused or empty write must not create a database.
        const dry = op(await backend.read());
        if (!dry.writes.length) return structuredClone(dry.result);
        backend = await this.#save();
      }
      let result: T;
      try {
        result = await backend.transact(op);
      } catch (e) {
        if (!backend.persistent || !isStorageFailure(e)) throw e;
        // Issue 17 (fault): storage full or failing: go on in memory with what it held, and say so.
        backend = await this.#toMemory(backend, e);
        result = await backend.transact(op);
      }
      if (wrote) {
        this.#post({type: 'changed', persisted: backend.persistent});
        this.#schedule();
      }
      return structuredClone(result);
    } catch (e) {
      throw toKindredError(e);
    }
  }

  #watch<T>(evaluate: (db: Db, ctx: engine.Ctx) => T, next: (value: T) => void, error: OnError): Unsubscribe {
    const watcher: Watcher = {evaluate, next: next as (value: never) => void, error, last: undefined, done: false};
    if (this.#disposed) {
      queueMicrotask(() => error(new KindredError('unavailable', 'This store was disposed: open a new LocalStore.')));
      return () => {};
    }
    this.#watchers.add(watcher);
    this.#schedule();
    return () => {
      watcher.done = true;
      this.#watchers.delete(watcher);
    };
  }

  /** Re-evaluates every watcher soon (asynchronously), once however many changes arrive meanwhile. */
  #schedule() {
    this.#dirty = true;
    this.#loop ??= this.#refresh().finally(() => {
      this.#loop = null;
      // A watcher added after the last pass but before this callback ran would otherwise wait forever.
      if (this.#dirty && !this.#disposed) this.#schedule();
    });
  }

  async #refresh() {
    await Promise.resolve();
    while (this.#dirty && !this.#disposed) {
      this.#dirty = false;
      let db: Db;
      try {
        db = new Db(await (await this.#backend).read());
      } catch (e) {
        for (const w of [...this.#watchers]) this.#fail(w, e);
        continue;
      }
      const ctx = this.#ctx();
      for (const w of [...this.#watchers]) {
        if (w.done) continue;
        let value: unknown;
        try {
          value = w.evaluate(db, ctx);
        } catch (e) {
          this.#fail(w, e);
          continue;
        }
        const json = stableJson(value);
        if (json === w.last) continue;
        w.last = json;
        try {
          w.next(structuredClone(value) as never);
        } catch (e) {
          reportError(e);
        }
      }
    }
  }

  /** Like a Firestore listener, a watcher that fails is over: the caller subscribes again to retry. */
  #fail(w: Watcher, e: unknown) {
    w.done = true;
    this.#watchers.delete(w);
    try {
      w.error(toKindredError(e));
    } catch (err) {
      reportError(err);
    }
  }

  #post(message: Message) {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel: nothing to tell.
    }
  }

  #receive(message: Message) {
    if (this.#disposed || !message || typeof message !== 'object') return;
    if (message.type === 'session') {
      if (this.#remember) this.session.adopt(message.user);
    } else if (message.type === 'reset' || (message.type === 'changed' && message.persisted && this.#unsaved)) {
      // Another tab saved the community first (or it was reset): read from where the data now is.
      this.#reload();
      return;
    }
    this.#schedule();
  }
}

function checkCommunityId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new KindredError('misconfigured', `"${String(id)}" is not a valid community id: use 1–64 letters, digits, "-" and "_".`);
  }
  return id;
}

function checkSeed(seed: SeedFixture, communityId: string) {
  const seedId = (seed as Partial<SeedFixture> | null)?.community?.id;
  if (typeof seedId !== 'string') {
    throw new KindredError('misconfigured',
      `The seed for community "${communityId}" has no community: a seed needs a "community" object whose "id" is "${communityId}" (see demo/seed.json).`);
  }
  if (seedId !== communityId) {
    throw new KindredError('misconfigured',
      `The seed is for community "${seedId}", not "${communityId}": use community="${seedId}", or a seed whose community.id is "${communityId}" (or no seed, for an empty preview).`);
  }
}

function memoryName(communityId: string, channelName: string): string {
  return `${communityId}\u0000${channelName}`;
}

function reportError(e: unknown) {
  // A subscriber's callback threw: surface it like an uncaught error, without stopping other watchers.
  setTimeout(() => {
    throw e;
  });
}
