// The reader's fast path (issue 16): a CommunityStore for a visitor with no saved session that shows the
// first page of a public community from two REST reads made at once (./rest-reader.ts), before any
// Firebase SDK code arrives, then hands every subscription to the full FirebaseStore once it has loaded
// (after the first page is on screen, or as soon as the visitor acts). The element keeps one store object
// throughout, so nothing re-renders from scratch: the SDK's first snapshot carries the same posts (same
// ids, same order), and only what changed since moves on screen.
//
// No `firebase/*` import here: this module is part of the script-tag entry; FirebaseStore comes through
// the `full` loader (a dynamic import).
import {KindredError} from '../errors.js';
import {clampLimit, newId} from '../policy-basics.js';
import type {AuthSession, CommunityStore, OnError, Unsubscribe} from '../store.js';
import type {Community, Post, SessionUser, Thread} from '../types.js';
import {readCommunityAndBadges, readFirstPage, type FirstPage, type RestTarget} from './rest-reader.js';
import {withBadges, type BadgeMap} from '../domain/badges.js';

export interface ReaderStoreOptions extends RestTarget {
  communityId: string;
  /** The conversation the page shows (its id and page size): its first page is asked for at once. */
  thread?: {id: string; limit: number} | null;
  /** Makes the full store (FirebaseStore, loaded with a dynamic import). */
  full: () => Promise<CommunityStore>;
  /**
   * Optional: hands a thread's live posts to the full store without reading the first page a second time
   * (src/data/firebase/resume.ts, loaded with the full store). Null when it cannot; then `full.watchPosts` is used.
   */
  resume?: (full: CommunityStore, page: FirstPage, threadId: string, next: (posts: Post[]) => void, error: OnError,
    onThread?: (thread: Thread | null) => void) => Unsubscribe | null;
}

type Watch = {start(full: CommunityStore): void; stop(): void};

/** A signed-out session until the full store's own session (with lazily loaded Auth) takes over. */
class HandoverSession implements AuthSession {
  user: SessionUser | null = null;
  #listeners = new Set<(user: SessionUser | null) => void>();
  constructor(private full: () => Promise<CommunityStore>) {}

  follow(session: AuthSession): Unsubscribe {
    return session.watch((user) => {
      if (user?.uid === this.user?.uid && user?.anonymous === this.user?.anonymous) return;
      this.user = user;
      for (const l of [...this.#listeners]) l(user);
    });
  }

  watch(next: (user: SessionUser | null) => void): Unsubscribe {
    this.#listeners.add(next);
    next(this.user);
    return () => this.#listeners.delete(next);
  }

  async #real(): Promise<AuthSession> {
    return (await this.full()).session;
  }
  async signInAnonymously() { return (await this.#real()).signInAnonymously(); }
  async sendSignInLink(email: string, continueUrl: string) { return (await this.#real()).sendSignInLink(email, continueUrl); }
  async completeSignInLink(email: string, link: string) { return (await this.#real()).completeSignInLink(email, link); }
  async completeSignInFromUrl(url: string) { return /[?&]oobCode=/.test(url) ? (await this.#real()).completeSignInFromUrl(url) : null; }
  async signInWithToken(token: string) { return (await this.#real()).signInWithToken(token); }
  async signOut() { return (await this.#real()).signOut(); }
}

// Every CommunityStore method the reader itself does not answer: the full store answers it.
const ASYNC_METHODS = [
  'updateFounderStory', 'join', 'getMember', 'updateProfile', 'getPrivateRecord', 'getRoles', 'listThreads', 'getThread',
  'listOlderPosts', 'createPost', 'editPost', 'deletePost', 'setReaction', 'report', 'moderate', 'listMembers',
  'setHealthConsent', 'setFieldVisibility', 'exportMyData', 'eraseMe', 'grantRole', 'revokeRole', 'getMatchProfile',
  'setMatchProfile', 'removeMatchProfile', 'findMatches', 'requestConnection', 'respondToConnection', 'endConnection', 'blockMember',
  // issue 18
  'setContentWarning', 'setWarningPrefs',
] as const;
const WATCH_METHODS = ['watchMe', 'watchThreads', 'watchMyReactions', 'watchModerationQueue', 'watchModLog', 'watchConnections'] as const;

export interface ReaderStore extends CommunityStore {
  /** Whether the full store has taken over (tests and benchmarks). */
  readonly handedOver: boolean;
}

/** Starts the two reads at once and returns the store; the full store loads later. */
export function createReaderStore(options: ReaderStoreOptions): ReaderStore {
  const store = new Reader(options);
  return store as unknown as ReaderStore;
}

class Reader {
  readonly kind = 'firebase' as const;
  readonly communityId: string;
  readonly session: HandoverSession;
  #full: Promise<CommunityStore> | null = null;
  #fullStore: CommunityStore | null = null;
  #watches = new Set<Watch>();
  #disposed = false;
  #community: Promise<Community | null>;
  /** Issue 16: the authors' current badges, from the same REST read of the community document. */
  #badges: Promise<BadgeMap>;
  #page: Promise<FirstPage> | null = null;
  #sessionUnsub: Unsubscribe | null = null;
  /** The REST read answered for the community (its document, or a refusal). */
  #communityAnswered = false;
  /** The page thread's document, from the live listener that keeps its first page current (see getThread). */
  #pageThread: {value: Promise<Thread | null>; resolve: (t: Thread | null) => void; followed: boolean} | null = null;

  constructor(private options: ReaderStoreOptions) {
    this.communityId = options.communityId;
    this.session = new HandoverSession(() => this.#loadFull());
    const read = readCommunityAndBadges(options, options.communityId);
    this.#community = read.then((r) => r.community);
    this.#badges = read.then((r) => r.badges, () => null);
    if (options.thread) this.#page = readFirstPage(options, options.communityId, options.thread.id, clampLimit(options.thread.limit));
    // Failures here are handled where the results are used; the SDK path then answers.
    this.#community.then(() => (this.#communityAnswered = true), (e: KindredError) => {
      if (e.code === 'permission-denied' || e.code === 'unauthenticated') this.#communityAnswered = true;
    });
    this.#page?.catch(() => undefined);
    for (const name of ASYNC_METHODS) {
      // A thread's own title (the page thread's heading) is not worth loading the SDK early for: it is read
      // once the full store has taken over after the first view. Everything else is the visitor acting.
      if (name === 'getThread') continue;
      const load = () => this.#loadFull();
      (this as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) =>
        ((await load()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name](...args);
    }
    for (const name of WATCH_METHODS) {
      (this as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
        this.#watch((full) => (full as unknown as Record<string, (...a: unknown[]) => Unsubscribe>)[name](...args));
    }
  }

  /**
   * A thread's title is not worth loading the SDK early for: it is read once the full store has taken over
   * after the first view. The page thread's comes from the listener that keeps its posts live (no extra read).
   */
  async getThread(threadId: string): Promise<Thread | null> {
    const full = await this.#whenLoaded();
    const followed = this.#pageThread;
    if (followed?.followed && this.options.thread?.id === threadId) return followed.value;
    return full.getThread(threadId);
  }

  #followThread(): (thread: Thread | null) => void {
    if (!this.#pageThread) {
      let resolve!: (t: Thread | null) => void;
      const value = new Promise<Thread | null>((r) => (resolve = r));
      this.#pageThread = {value, resolve, followed: false};
    }
    const followed = this.#pageThread;
    return (thread) => {
      followed.resolve(thread);
      // Later snapshots: a fresh answer for the next getThread.
      if (thread) followed.value = Promise.resolve(thread);
    };
  }

  get handedOver(): boolean {
    return this.#fullStore !== null;
  }

  newId(): string {
    return newId();
  }

  #loadWaiters: Array<() => void> = [];

  /** The full store once something else has started loading it (the handover after the first view). */
  #whenLoaded(): Promise<CommunityStore> {
    if (this.#full) return this.#full;
    return new Promise<void>((resolve) => this.#loadWaiters.push(resolve)).then(() => this.#loadFull());
  }

  /** The full store, loaded once (after the first view, or at once when the visitor acts). */
  #loadFull(): Promise<CommunityStore> {
    for (const wake of this.#loadWaiters.splice(0)) queueMicrotask(wake);
    if (this.#disposed) return Promise.reject(new KindredError('internal', 'This store has been disposed; make a new one.'));
    this.#full ??= this.options.full().then((full) => {
      if (this.#disposed) {
        void full.dispose();
        throw new KindredError('internal', 'This store has been disposed; make a new one.');
      }
      this.#fullStore = full;
      this.#sessionUnsub = this.session.follow(full.session);
      for (const w of [...this.#watches]) w.start(full);
      return full;
    }, (e) => {
      this.#full = null;
      throw e;
    });
    return this.#full;
  }

  /** After the first view is on screen: load the SDK without competing with what the visitor waits for. */
  #handOverSoon() {
    if (this.#full || this.#disposed) return;
    setTimeout(() => {
      this.#loadFull().catch((e) => {
        for (const w of [...this.#watches]) (w as Watch & {fail?: OnError}).fail?.(e);
      });
    }, 0);
  }

  /** A subscription answered by the full store (now, or once it has loaded). */
  #watch(start: (full: CommunityStore) => Unsubscribe, fail?: OnError): Unsubscribe {
    let inner: Unsubscribe | null = null;
    const w: Watch & {fail?: OnError} = {
      start: (full) => {
        inner?.();
        inner = start(full);
      },
      stop: () => {
        inner?.();
        inner = null;
        this.#watches.delete(w);
      },
      fail,
    };
    this.#watches.add(w);
    if (this.#fullStore) w.start(this.#fullStore);
    else void this.#loadFull().catch((e) => fail?.(e));
    return w.stop;
  }

  watchCommunity(next: (community: Community | null) => void, error: OnError): Unsubscribe {
    let active = true;
    let answered = this.#communityAnswered;
    // A visitor's community document is read once (over REST): the SDK listens to it only once someone
    // is signed in (who may write, and whose writes depend on the settings), saving a billed read a view.
    const w = this.#lateWatch((full) => {
      let live: Unsubscribe | null = null;
      const outer = full.session.watch((user) => {
        if ((user || !answered) && !live) live = full.watchCommunity(next, error);
      });
      return () => {
        outer();
        live?.();
      };
    }, error);
    this.#community.then((c) => {
      if (!active) return;
      answered = true;
      next(c);
      if (!this.#page) this.#handOverSoon();
    }, (e: KindredError) => {
      if (!active) return;
      // A refusal is the answer (a members-only community); anything else waits for the SDK path.
      if (e.code === 'permission-denied' || e.code === 'unauthenticated') {
        answered = true;
        error(e);
      }
      this.#handOverSoon();
    });
    return () => {
      active = false;
      w();
    };
  }

  watchPosts(threadId: string, options: {limit: number}, next: (posts: Post[]) => void, error: OnError): Unsubscribe {
    const lim = clampLimit(options.limit);
    const page = this.#page && this.options.thread?.id === threadId && clampLimit(this.options.thread.limit) === lim ? this.#page : null;
    if (this.#fullStore || !page) return this.#watch((full) => full.watchPosts(threadId, {limit: lim}, next, error), error);
    let active = true;
    let first: FirstPage | null = null;
    const w = this.#lateWatch((full) => {
      const live = first && this.options.resume?.(full, first, threadId, next, error, this.#followThread());
      if (live && this.#pageThread) this.#pageThread.followed = true;
      return live || full.watchPosts(threadId, {limit: lim}, next, error);
    }, error);
    // Issue 16: the posts show their authors' current badges from the community document, read at the same
    // time (no read of their own); the live phase keeps them (resume.ts).
    page.then((p) => this.#badges.then((badges) => (badges ? {...p, posts: withBadges(p.posts, badges), badges} : p))).then((p) => {
      if (!active || this.#fullStore) return;
      first = p;
      next(p.posts);
      this.#handOverSoon();
    }, (e: KindredError) => {
      if (!active || this.#fullStore) return;
      if (e.code === 'permission-denied' || e.code === 'unauthenticated') error(e);
      this.#handOverSoon();
    });
    return () => {
      active = false;
      w();
    };
  }

  /**
   * Issue 18: a visitor's count of members-only posts is not worth loading the SDK early for: it is
   * told once the full store has taken over after the first view.
   */
  watchMembersOnlyCount(threadId: string, next: (count: number) => void, error: OnError): Unsubscribe {
    return this.#lateWatch((full) => full.watchMembersOnlyCount(threadId, next, error), error);
  }

  /** A subscription the full store takes over when it arrives (without loading it now), or at once if it is here. */
  #lateWatch(start: (full: CommunityStore) => Unsubscribe, fail: OnError): Unsubscribe {
    let inner: Unsubscribe | null = null;
    const w: Watch & {fail?: OnError} = {
      start: (full) => {
        inner?.();
        inner = start(full);
      },
      stop: () => {
        inner?.();
        inner = null;
        this.#watches.delete(w);
      },
      fail,
    };
    this.#watches.add(w);
    if (this.#fullStore) w.start(this.#fullStore);
    return w.stop;
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const w of [...this.#watches]) w.stop();
    this.#sessionUnsub?.();
    const full = this.#fullStore;
    if (full) await full.dispose();
    else void this.#full?.then((f) => f.dispose(), () => undefined);
  }
}
