import type {ReactiveController} from 'lit';
import {LiveController} from '../../controllers/live.js';
import type {CommunityStore} from '../../data/store.js';
import {postCursor} from '../../data/policy-basics.js';
import type {Post} from '../../data/types.js';
import {byTime, focusPost, linkedPostId, type ThreadContext} from './discussion-thread.context.js';

/**
 * Issue 16: how many top-level posts of a new feed's first page are rendered in the first task: about what
 * fills the viewport (a post is rarely under 120 px tall), at least 3. The rest follow in the next task, so
 * the first posts show without waiting for Lit to build every template of the page in one long task.
 */
function firstTaskPosts(): number {
  return Math.max(3, Math.ceil((typeof innerHeight === 'number' && innerHeight > 0 ? innerHeight : 800) / 120));
}

/**
 * The posts of the conversation shown: the live window and older pages by cursor, each post once by id.
 * Others' new posts wait behind the "N new posts" button; the member's own show at once. Also holds the
 * member's own reactions in that conversation, live.
 */
export class ThreadFeed implements ReactiveController {
  /** Every post received (live window and older pages), by id. */
  readonly byId = new Map<string, Post>();
  /** Ids shown in the feed; others' new posts wait behind the "N new posts" button. */
  readonly shown = new Set<string>();
  readonly ownWrites = new Set<string>();
  #liveInitialised = false;
  hasOlder = false;
  #olderCursor: string | null = null;
  olderStatus: 'idle' | 'loading' | 'error' = 'idle';
  #waitingAnnounced = 0;
  #key = '';
  /**
   * Issue 16: while the first page is shown in two tasks, how many top-level posts the first one renders
   * (null: all). Until the rest are there the feed is busy, keeps the loading reserve, and has no footer.
   */
  firstTask: number | null = null;
  #firstTaskRun = 0;
  /** Issue 18: the feed began as a visitor's (no members-only posts), and the reader has not joined since. */
  #visitorFeed = false;

  readonly posts: LiveController<Post[], readonly [CommunityStore | null, string | null, boolean, number, string | null]>;
  readonly myReactions: LiveController<Set<string>, readonly [CommunityStore | null, string | null, boolean]>;

  constructor(private readonly t: ThreadContext) {
    const host = t.host;
    host.addController(this);
    this.posts = new LiveController(host, {
      key: () => [t.store, t.threadId, t.canRead, t.limit, t.uid] as const,
      subscribe: ([store, threadId, canRead, limit], next, error) =>
        store && threadId && canRead ? store.watchPosts(threadId, {limit}, next, error) : null,
      onValue: (posts) => this.#receive(posts),
    });
    this.myReactions = new LiveController(host, {
      key: () => [t.store, t.threadId, t.isMember] as const,
      subscribe: ([store, threadId, member], next, error) =>
        store && threadId && member ? store.watchMyReactions(threadId, next, error) : null,
    });
  }

  /** A different store, thread or member starts a fresh feed (and closes every composer and action). */
  hostUpdate() {
    const t = this.t;
    const key = `${t.store ? t.store.communityId : ''}|${t.threadId ?? ''}|${t.uid ?? ''}`;
    if (key === this.#key) return;
    this.#key = key;
    this.#reset();
    t.actions?.reset();
    t.composer?.reset();
  }

  #reset() {
    this.byId.clear();
    this.shown.clear();
    this.#liveInitialised = false;
    this.hasOlder = false;
    this.#olderCursor = null;
    this.olderStatus = 'idle';
    this.firstTask = null;
    this.#firstTaskRun++;
  }

  /** The first page's first posts now, the rest in the next task (after a frame when the page is shown). */
  #splitFirstRender(count: number) {
    const n = firstTaskPosts();
    // A link to one post scrolls to it at once: everything is rendered in one go then.
    if (count <= n || linkedPostId(location.hash)) return;
    this.firstTask = n;
    const run = ++this.#firstTaskRun;
    let done = false;
    const rest = () => {
      if (done) return;
      done = true;
      if (run !== this.#firstTaskRun) return;
      this.firstTask = null;
      this.t.host.requestUpdate();
    };
    // A hidden tab runs no animation frames: the timeout alone finishes then.
    if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(rest, 0));
    setTimeout(rest, 100);
  }

  #receive(posts: Post[]) {
    const t = this.t;
    const uid = t.uid;
    let waiting = 0;
    if (!this.#liveInitialised) this.#visitorFeed = !t.isMember;
    // A visitor never receives members-only posts: the first list that has one follows their joining on
    // this page, and those posts (written before) show in place, not as news behind "Show new posts".
    const joinedToRead = this.#visitorFeed && posts.some((p) => p.audience === 'members');
    if (joinedToRead) this.#visitorFeed = false;
    for (const p of posts) {
      this.byId.set(p.id, p);
      if (!this.#liveInitialised || p.authorId === uid || this.ownWrites.has(p.id) || (joinedToRead && p.audience === 'members')) this.shown.add(p.id);
      if (t.actions?.editsToConfirm.has(p.id)) t.actions.confirmEdit(p.id);
    }
    if (!this.#liveInitialised) {
      this.#liveInitialised = true;
      this.hasOlder = posts.length >= t.limit;
      this.#splitFirstRender(posts.length);
      this.reopenReplyDraft();
      return;
    }
    for (const p of this.byId.values()) if (!this.shown.has(p.id)) waiting++;
    if (waiting > 0 && waiting !== this.#waitingAnnounced) t.announce(t.m.newPostsAnnounce(waiting));
    this.#waitingAnnounced = waiting;
  }

  /** Whether the first page of the live window has arrived. */
  get initialised(): boolean {
    return this.#liveInitialised;
  }

  /**
   * A reply the member was writing before a reload reopens under its post, text and all: when the first
   * page arrives, or when the member's parts do (issue 16: they load with import()), whichever is last.
   */
  reopenReplyDraft() {
    const {composer, actions} = this.t;
    if (!composer || !actions || !this.#liveInitialised) return;
    const threadKey = composer.draftKey(null);
    if (!threadKey || actions.replyOpen) return;
    const prefix = threadKey.slice(0, -1);
    for (const key of composer.drafts.keys(prefix)) {
      const parentId = key.slice(prefix.length);
      const parent = this.byId.get(parentId);
      if (parentId !== '-' && parent && !parent.parentId && parent.status === 'visible') {
        actions.replyOpen = parentId;
        return;
      }
    }
  }

  get waiting(): number {
    let n = 0;
    for (const id of this.byId.keys()) if (!this.shown.has(id)) n++;
    return n;
  }

  /** The shown posts in time order: the top-level ones, and each one's replies. */
  get timeline(): {top: Post[]; replies: Map<string, Post[]>} {
    const shown = [...this.byId.values()].filter((p) => this.shown.has(p.id)).sort(byTime);
    const ids = new Set(shown.map((p) => p.id));
    const top: Post[] = [];
    const replies = new Map<string, Post[]>();
    for (const p of shown) {
      if (p.parentId && ids.has(p.parentId)) {
        const list = replies.get(p.parentId) ?? [];
        list.push(p);
        replies.set(p.parentId, list);
      } else top.push(p);
    }
    return {top, replies};
  }

  /** A post the member just wrote (or confirmed): shown at once. */
  add(post: Post) {
    this.byId.set(post.id, post);
    this.shown.add(post.id);
  }

  async showNew() {
    const host = this.t.host;
    const waiting = [...this.byId.values()].filter((p) => !this.shown.has(p.id)).sort(byTime);
    for (const p of waiting) this.shown.add(p.id);
    this.#waitingAnnounced = 0;
    host.requestUpdate();
    await host.updateComplete;
    if (waiting[0]) focusPost(this.t, waiting[0].id);
  }

  async loadOlder() {
    const t = this.t;
    const store = t.store;
    const threadId = t.threadId;
    if (!store || !threadId || this.olderStatus === 'loading') return;
    const oldest = [...this.byId.values()].sort(byTime)[0];
    const cursor = this.#olderCursor ?? (oldest ? postCursor(oldest) : null);
    if (!cursor) return;
    this.olderStatus = 'loading';
    t.host.requestUpdate();
    try {
      const page = await store.listOlderPosts(threadId, {cursor, limit: t.limit});
      if (threadId !== t.threadId) return;
      for (const p of page.items) {
        if (!this.byId.has(p.id)) this.byId.set(p.id, p);
        this.shown.add(p.id);
      }
      this.#olderCursor = page.next;
      this.hasOlder = page.next !== null;
      this.olderStatus = 'idle';
    } catch (e) {
      this.olderStatus = 'error';
      t.fail(e, 'load-older');
    }
    t.host.requestUpdate();
  }
}
