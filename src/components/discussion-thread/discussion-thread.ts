import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {repeat} from 'lit/directives/repeat.js';
import {KinElement} from '../kin-element.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {LiveController} from '../../controllers/live.js';
import {DraftStore, draftKey, type DraftStorageKind} from '../../controllers/draft.js';
import {OnlineController} from '../../controllers/online.js';
import {reconnectingNotice} from '../../directives/reconnecting.js';
import {ResendController, isTransient} from '../../controllers/resend.js';
import type {CommunityStore} from '../../data/store.js';
import {KindredError, isKindredError, toKindredError} from '../../data/errors.js';
import {LIMITS, canEditPost, compareThreads, postCursor, threadCursor, threadIdForKey} from '../../data/policy.js';
import {hasCrisisWording} from '../../data/crisis.js';
import {moderationMessages} from '../../i18n/moderation.messages.js';
import {
  REACTION_KINDS, REPORT_REASONS,
  type Nation, type Post, type ReactionKind, type ReportReason, type Thread,
} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinJoinRequestEvent} from '../../events/join.js';
import {KinPostSubmitEvent} from '../../events/post-submit.js';
import {KinPostCreatedEvent} from '../../events/post-created.js';
import {KinReactionEvent} from '../../events/reaction.js';
import {KinReportEvent} from '../../events/report.js';
import {KinThreadOpenEvent} from '../../events/thread-open.js';
import {discussionThreadMessages, type DiscussionThreadMessages} from './discussion-thread.messages.js';
import {avatar, body, time} from './parts.js';
import styles from './discussion-thread.styles.js';
import {reactionIcon} from '../icons.js';
import {communityController, meController} from '../../controllers/community-data.js';

const NEW_THREAD = '\u0000new-thread';
/** After this long "Posting…" becomes "we cannot reach the community; it will be sent by itself". */
const SLOW_SEND_MS = 8000;

interface Composer {
  body: string;
  /** The id of a write already attempted with this text: a retry reuses it (no duplicates). */
  postId: string | null;
  /** `waiting`: pressed, not sent yet (offline, or the server unreachable); sent again by itself. */
  status: 'idle' | 'pending' | 'error' | 'waiting';
  error: KindredError | null;
  /** When the current attempt started: a send that hangs (server unreachable) says so instead of "Posting…" forever. */
  since?: number;
  /** A problem found before writing (empty, over the limit). */
  invalid: 'empty' | 'title' | null;
  title: string;
}

/**
 * Peer conversation for a page or a whole community: posts and one level of replies, live, with a
 * draft that is never lost, supportive reactions, reporting and crisis help one interaction away.
 * Three ways to embed it: a page's conversation (`thread-key`), a hub of conversations
 * (`mode="list"`, paged by cursor), or one existing conversation by id (`thread-id`, e.g. a private
 * peer conversation) with no list around it. Crisis contacts come from `<kin-crisis-help>`.
 *
 * @summary A live, safe discussion thread (or a hub of threads with `mode="list"`).
 * @tagname kin-discussion-thread
 * @slot header - Host content above the posts (an introduction, guidelines link).
 * @slot empty - Shown instead of the default text when the thread has no posts yet.
 * @slot footer - Host content below the composer.
 * @csspart base - The wrapper.
 * @csspart heading - The heading of the thread or hub.
 * @csspart feed - The list of posts (`role="feed"`).
 * @csspart post - One post or reply (`article`).
 * @csspart reply - A reply (also has the `post` part).
 * @csspart avatar - An author's picture or initials.
 * @csspart post-author - The author's pseudonym.
 * @csspart badge - A relationship or role badge.
 * @csspart post-body - The text of a post.
 * @csspart reactions - The group of reaction buttons.
 * @csspart reaction - One reaction button.
 * @csspart actions - Reply, edit, delete and report buttons.
 * @csspart composer - The form for a new post or reply.
 * @csspart submit - The composer's submit button.
 * @csspart queued - The notice under the composer for a post kept on the device and sent by itself when the connection is back.
 * @csspart new-posts - The "N new posts" button.
 * @csspart help - The "Need help now?" disclosure (a `<kin-crisis-help>`).
 * @csspart crisis - The support shown beside the composer on crisis wording (holds a `<kin-crisis-help>`).
 * @csspart thread-list - The list of threads in `mode="list"`.
 * @csspart show-more - The "Show more conversations" button of the hub.
 * @csspart error - An error message.
 * @cssproperty [--kin-color-text=#1f2328] - Text colour.
 * @cssproperty [--kin-color-text-muted=#4b5563] - Secondary text (times, counts).
 * @cssproperty [--kin-color-surface=#ffffff] - Background of posts and forms.
 * @cssproperty [--kin-color-border-strong=#6b7280] - Borders of posts and fields.
 * @cssproperty [--kin-color-primary=#0b6e4f] - Buttons and links.
 * @cssproperty [--kin-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--kin-color-danger=#b42318] - Errors and over-limit counts.
 * @cssproperty [--kin-color-focus=#1d4ed8] - Focus ring.
 * @cssproperty [--kin-color-support=#fff4e5] - Background of the crisis support panel.
 * @cssproperty [--kin-radius-m=8px] - Corner radius.
 * @cssproperty [--kin-space-m=1rem] - Base spacing.
 * @cssproperty [--kin-discussion-thread-max-width=48rem] - Maximum width of the thread.
 * @cssproperty [--kin-discussion-thread-avatar-size=2.5rem] - Size of author avatars.
 * @cssproperty [--kin-discussion-thread-reply-indent=2rem] - Indent of replies.
 * @event kin-post-submit - Before a post is written (cancelable: `preventDefault()` writes nothing).
 * @event kin-post-created - After the store confirmed a new post.
 * @event kin-reaction - After the member added or removed a reaction.
 * @event kin-report - After the member reported a post.
 * @event kin-thread-open - The member opened a thread from the hub list, or went back (null).
 * @event kin-join-request - A visitor asked to join in order to take part.
 * @event kin-error - Loading or an action failed; the error is also shown in place.
 */
export class KinDiscussionThread extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Key of the page's conversation ("walk-2026"); defaults to the page path. */
  @property({attribute: 'thread-key'}) threadKey = '';
  /** Title given to a page's conversation when its first post creates it; defaults to the page title. */
  @property({attribute: 'thread-title'}) threadTitle = '';
  /** `thread`: one conversation keyed to the page. `list`: a hub of conversations. */
  @property({reflect: true}) mode: 'thread' | 'list' = 'thread';
  /** With `mode="list"`: id of a conversation to open at once (deep link). */
  @property() thread = '';
  /** Id of one existing conversation to show on its own (no list, no "back"), e.g. a private peer conversation; wins over `thread-key`. Ignored with `mode="list"`. */
  @property({attribute: 'thread-id'}) threadId = '';
  /** Level (1–6) of the element's top heading; inner headings are one level lower. */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 2;
  /** Posts (or threads) per page, at most 50. */
  @property({attribute: 'page-size', type: Number}) pageSize: number = LIMITS.pageSize;
  /** Where drafts are kept: `session` (this tab, survives reloads) or `local` (this browser). */
  @property({attribute: 'draft-storage'}) draftStorage: DraftStorageKind = 'session';
  /** A store set directly (without a `<kin-community>` around the element). */
  @property({attribute: false}) store: CommunityStore | null = null;

  @state() private now = Date.now();
  // Back in touch with the server (browser online again, or the store reconnected): send what is kept.
  #network = new OnlineController(this, (online) => online && this.#resend.flush(), () => this.#store);
  private get online() {
    return this.#network.online;
  }
  @state() private announcement = '';
  @state() private openThreadId: string | null = null;

  #consumer = new CommunityConsumer(this);
  #drafts = new DraftStore('session');
  /** The last draft could not be stored on the device (storage full or blocked): kept in memory only. */
  #draftsInMemory = false;
  /** Posts pressed while the connection was down, sent again by themselves (issue 17). */
  #resend = new ResendController(this);
  #composers = new Map<string, Composer>();
  /** Every post received (live window and older pages), by id. */
  #byId = new Map<string, Post>();
  /** Ids shown in the feed; others' new posts wait behind the "N new posts" button. */
  #shown = new Set<string>();
  #ownWrites = new Set<string>();
  #feedKey = '';
  #liveInitialised = false;
  #hasOlder = false;
  #olderCursor: string | null = null;
  #olderStatus: 'idle' | 'loading' | 'error' = 'idle';
  #replyOpen: string | null = null;
  #editing: {postId: string; body: string; error: KindredError | null; pending: boolean} | null = null;
  // Own visible posts just edited, by the saved text: announced if the edit holds them again (issue 7).
  #editsToConfirm = new Map<string, string>();
  #confirmDelete: string | null = null;
  #reportOpen: string | null = null;
  #reported = new Set<string>();
  #busy = new Set<string>();
  #postErrors = new Map<string, KindredError>();
  #startingThread = false;
  /** Hub pages after the live first page, from listThreads by cursor (a snapshot), by id. */
  #olderThreads = new Map<string, Thread>();
  /** Whether a page after the live one was loaded (then `#threadsNext` says whether more remain). */
  #olderLoaded = false;
  #threadsNext: string | null = null;
  #moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  #moreError: KindredError | null = null;
  #hubKey = '';
  /** The thread shown (hub-opened or `thread-id`), for its title; `store` is the store it was read from. */
  #openThreadTitle: {id: string; thread: Thread | null; status: 'loading' | 'ready' | 'error'; store?: CommunityStore} | null = null;
  #crisisShown = new Set<string>();
  #timer: ReturnType<typeof setInterval> | null = null;

  #community = communityController(this, () => this.#store);

  #me = meController(this, () => this.#store, () => this.#consumer.user?.uid ?? null);

  #posts = new LiveController<Post[], readonly [CommunityStore | null, string | null, boolean, number, string | null]>(this, {
    key: () => [this.#store, this.#threadId, this.#canRead, this.#limit, this.#uid] as const,
    subscribe: ([store, threadId, canRead, limit], next, error) =>
      store && threadId && canRead ? store.watchPosts(threadId, {limit}, next, error) : null,
    onValue: (posts) => this.#receive(posts),
  });

  #myReactions = new LiveController<Set<string>, readonly [CommunityStore | null, string | null, boolean]>(this, {
    key: () => [this.#store, this.#threadId, this.#isMember] as const,
    subscribe: ([store, threadId, member], next, error) =>
      store && threadId && member ? store.watchMyReactions(threadId, next, error) : null,
  });

  /** The hub's first page, live; later pages come from listThreads by cursor ("show more"). */
  #threads = new LiveController<Thread[], readonly [CommunityStore | null, boolean, number]>(this, {
    key: () => [this.#store, this.mode === 'list' && this.#canRead, this.#limit] as const,
    subscribe: ([store, on, limit], next, error) => (store && on ? store.watchThreads({limit}, next, error) : null),
    onValue: (threads, previous) => this.#receiveThreads(threads, previous ?? []),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = Date.now();
    this.#timer = setInterval(() => (this.now = Date.now()), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#consumer.override = this.store;
    if (changed.has('draftStorage')) {
      this.#drafts = new DraftStore(this.draftStorage === 'local' ? 'local' : 'session');
      this.#composers.clear();
    }
    if (changed.has('thread') || changed.has('mode')) {
      this.openThreadId = this.mode === 'list' && this.thread ? this.thread : null;
    }
    // A different store or thread starts a fresh feed.
    const key = `${this.#store ? this.#store.communityId : ''}|${this.#threadId ?? ''}|${this.#consumer.user?.uid ?? ''}`;
    if (key !== this.#feedKey) {
      this.#feedKey = key;
      this.#resetFeed();
    }
    const hubKey = `${this.#store ? this.#store.communityId : ''}|${this.mode}|${this.#uid ?? ''}|${this.#limit}`;
    if (hubKey !== this.#hubKey) {
      this.#hubKey = hubKey;
      this.#resetHubPages();
    }
    this.#ensureThreadMeta();
  }

  /** Reads the title of a thread shown by id (`thread-id`, or a hub deep link) once per thread and store. */
  #ensureThreadMeta() {
    const store = this.#store;
    const id = this.#fixedThreadId ?? (this.mode === 'list' ? this.openThreadId : null);
    if (!id || !store || !this.#canRead) return;
    const t = this.#openThreadTitle;
    if (t && t.id === id && (!t.store || t.store === store)) return;
    this.#openThreadTitle = {id, thread: null, status: 'loading', store};
    void this.#fetchThread(id);
  }

  #announcedErrors = new WeakSet<KindredError>();

  protected override updated(): void {
    // A loading failure is shown in place and announced once to the page as kin-error.
    for (const c of [this.#community, this.#me, this.#posts, this.#myReactions, this.#threads]) {
      if (c === this.#community && this.#membersOnlyRefusal) continue;
      if (c.error && !this.#announcedErrors.has(c.error)) {
        this.#announcedErrors.add(c.error);
        this.#emit(new KinErrorEvent(c.error.code, c.error.message, 'load'));
      }
    }
  }

  // Derived state --------------------------------------------------------------------------------

  get #store(): CommunityStore | null {
    return this.store ?? this.#consumer.store;
  }

  get #uid(): string | null {
    return this.store ? this.store.session.user?.uid ?? null : this.#consumer.user?.uid ?? null;
  }

  get #m(): DiscussionThreadMessages {
    return discussionThreadMessages(this.#consumer.locale);
  }

  get #limit(): number {
    const n = Math.floor(Number(this.pageSize));
    return Number.isFinite(n) && n >= 1 ? Math.min(n, LIMITS.maxPageSize) : LIMITS.pageSize;
  }

  get #pageKey(): string {
    return (this.threadKey || location.pathname || '/').trim();
  }

  /** The `thread-id` conversation shown on its own, or null. */
  get #fixedThreadId(): string | null {
    return this.mode !== 'list' && this.threadId.trim() ? this.threadId.trim() : null;
  }

  get #threadId(): string | null {
    if (this.mode === 'list') return this.openThreadId;
    if (this.#fixedThreadId) return this.#fixedThreadId;
    try {
      return threadIdForKey(this.#pageKey);
    } catch {
      return null;
    }
  }

  get #isMember(): boolean {
    return !!this.#uid && !!this.#me.value;
  }

  /** Whether this visitor may read: the community is public, or they are a member. */
  get #canRead(): boolean {
    const community = this.#community.value;
    if (!community) return false;
    if (community.settings.visibility === 'public') return true;
    return this.#isMember;
  }

  #resetFeed() {
    this.#byId.clear();
    this.#shown.clear();
    this.#liveInitialised = false;
    this.#hasOlder = false;
    this.#olderCursor = null;
    this.#olderStatus = 'idle';
    this.#replyOpen = null;
    this.#editing = null;
    this.#editsToConfirm.clear();
    this.#confirmDelete = null;
    this.#reportOpen = null;
    this.#postErrors.clear();
    this.#composers.clear();
  }

  #receive(posts: Post[]) {
    const uid = this.#uid;
    let waiting = 0;
    for (const p of posts) {
      this.#byId.set(p.id, p);
      if (!this.#liveInitialised || p.authorId === uid || this.#ownWrites.has(p.id)) this.#shown.add(p.id);
      if (this.#editsToConfirm.has(p.id)) this.#confirmEdit(p.id);
    }
    if (!this.#liveInitialised) {
      this.#liveInitialised = true;
      this.#hasOlder = posts.length >= this.#limit;
      this.#reopenReplyDraft();
      return;
    }
    for (const p of this.#byId.values()) if (!this.#shown.has(p.id)) waiting++;
    if (waiting > 0 && waiting !== this.#waitingAnnounced) this.#announce(this.#m.newPostsAnnounce(waiting));
    this.#waitingAnnounced = waiting;
  }
  #waitingAnnounced = 0;

  /** A reply the member was writing before a reload reopens under its post, text and all. */
  #reopenReplyDraft() {
    const threadKey = this.#draftKey(null);
    if (!threadKey || this.#replyOpen) return;
    const prefix = threadKey.slice(0, -1);
    for (const key of this.#drafts.keys(prefix)) {
      const parentId = key.slice(prefix.length);
      const parent = this.#byId.get(parentId);
      if (parentId !== '-' && parent && !parent.parentId && parent.status === 'visible') {
        this.#replyOpen = parentId;
        return;
      }
    }
  }

  get #waiting(): number {
    let n = 0;
    for (const id of this.#byId.keys()) if (!this.#shown.has(id)) n++;
    return n;
  }

  #announce(text: string) {
    // Clearing first makes a repeated message be read again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  // Events are declared in the class JSDoc; dispatching through one method keeps the manifest analyzer
  // from mistaking constructor arguments for event names.
  #emit(event: Event) {
    this.dispatchEvent(event);
  }

  #fail(e: unknown, operation: string): KindredError {
    const error = toKindredError(e);
    this.#emit(new KinErrorEvent(error.code, error.message, operation));
    return error;
  }

  // Composer -------------------------------------------------------------------------------------

  #draftKey(parentId: string | null): string | null {
    const store = this.#store;
    if (!store) return null;
    if (parentId === NEW_THREAD) return draftKey(store.communityId, NEW_THREAD.slice(1), null);
    const threadId = this.#threadId;
    return threadId ? draftKey(store.communityId, threadId, parentId) : null;
  }

  #composer(parentId: string | null): Composer {
    const k = parentId ?? '';
    let c = this.#composers.get(k);
    if (!c) {
      const key = this.#draftKey(parentId);
      const draft = key ? this.#drafts.load(key) : null;
      let title = '';
      let text = draft?.body ?? '';
      if (parentId === NEW_THREAD && draft) {
        try {
          ({title, body: text} = JSON.parse(draft.body) as {title: string; body: string});
        } catch {
          text = draft.body;
        }
      }
      c = {body: text, postId: draft?.postId ?? null, status: draft?.queued ? 'waiting' : 'idle', error: null, invalid: null, title};
      this.#composers.set(k, c);
      // Pressed before a reload and never confirmed: the promise still holds.
      if (key && draft?.queued) this.#resend.schedule(key, () => this.#resendDraft(parentId, key));
    }
    return c;
  }

  #saveDraft(parentId: string | null, c: Composer) {
    const key = this.#draftKey(parentId);
    if (!key) return;
    const text = parentId === NEW_THREAD ? (c.body || c.title ? JSON.stringify({title: c.title, body: c.body}) : '') : c.body;
    const kept = this.#drafts.save(key, {body: text, postId: c.postId, queued: c.status === 'pending' || c.status === 'waiting'});
    // Storage full or blocked (quota, a sandboxed or storage-partitioned iframe): the draft lives in
    // this page's memory only, and the member is told so (issue 17).
    if (kept === this.#draftsInMemory) {
      this.#draftsInMemory = !kept;
      this.requestUpdate();
    }
  }

  #onInput(parentId: string | null, e: InputEvent, field: 'body' | 'title' = 'body') {
    const c = this.#composer(parentId);
    const value = (e.target as HTMLTextAreaElement | HTMLInputElement).value;
    const before = hasCrisisWording(c.body);
    if (field === 'title') c.title = value;
    else c.body = value;
    c.invalid = null;
    this.#saveDraft(parentId, c);
    const after = hasCrisisWording(c.body);
    if (after && !before && !this.#crisisShown.has(parentId ?? '')) {
      this.#crisisShown.add(parentId ?? '');
      this.#announce(this.#m.crisisHeading);
    }
    this.requestUpdate();
  }

  #onKeydown(parentId: string | null, e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.#submit(parentId);
    }
  }

  /** A queued post's turn to be sent again (the connection is back, or its backoff ran out). */
  #resendDraft(parentId: string | null, key: string) {
    // The feed moved to another thread or store: that draft stays kept, for when its thread is shown again.
    if (this.#draftKey(parentId) !== key) {
      this.#resend.done(key);
      return;
    }
    const ready = this.#isMember && (parentId === NEW_THREAD || this.#posts.status === 'ready');
    if (!ready) {
      this.#resend.schedule(key, () => this.#resendDraft(parentId, key));
      return;
    }
    void this.#submit(parentId, true);
  }

  async #submit(parentId: string | null, auto = false) {
    const store = this.#store;
    const isNewThread = parentId === NEW_THREAD;
    const threadId = isNewThread ? null : this.#threadId;
    if (!store || (!isNewThread && !threadId)) return;
    const c = this.#composer(parentId);
    if (c.status === 'pending') return;
    const text = c.body.replace(/\r\n?/g, '\n').trim();
    if (isNewThread && !c.title.trim()) {
      c.invalid = 'title';
      this.requestUpdate();
      return;
    }
    if (!text) {
      c.invalid = 'empty';
      this.requestUpdate();
      return;
    }
    if (text.length > LIMITS.postBody) return;
    const postId = c.postId ?? store.newId();
    // A new hub thread gets its id from the first post's id, so a retry never makes a second thread.
    const tid = threadId ?? `t_${postId}`;
    const realParent = isNewThread ? null : parentId;
    // A queued post was already announced (and not cancelled) when the member pressed "Post".
    if (!auto) {
      const request = new KinPostSubmitEvent(tid, postId, realParent, text);
      this.#emit(request);
      if (request.defaultPrevented) return;
    }
    const draftKeyNow = this.#draftKey(parentId);

    c.postId = postId;
    c.status = 'pending';
    c.since = Date.now();
    c.error = null;
    this.#saveDraft(parentId, c);
    this.#ownWrites.add(postId);
    this.requestUpdate();

    const createThread = isNewThread
      ? {key: null, title: c.title.trim().slice(0, LIMITS.threadTitle)}
      : this.mode === 'thread' && !this.#fixedThreadId && this.#byId.size === 0
        ? {key: this.#pageKey, title: (this.threadTitle || document.title || this.#pageKey).trim().slice(0, LIMITS.threadTitle)}
        : undefined;
    let post: Post | null = null;
    const slow = setTimeout(() => this.requestUpdate(), SLOW_SEND_MS + 50);
    try {
      try {
        post = await store.createPost({id: postId, threadId: tid, body: text, parentId: realParent, createThread});
      } catch (e) {
        // Someone else created the page's thread first, or our earlier attempt did land: write the
        // post alone; if the post itself already exists, the earlier attempt succeeded.
        if (!isKindredError(e) || e.code !== 'already-exists') throw e;
        if (createThread && !isNewThread) {
          try {
            post = await store.createPost({id: postId, threadId: tid, body: text, parentId: realParent});
          } catch (e2) {
            if (!isKindredError(e2) || e2.code !== 'already-exists') throw e2;
          }
        }
      }
    } catch (e) {
      const error = toKindredError(e);
      // Announced once per press, not on every automatic attempt.
      if (!auto) this.#fail(error, 'post');
      const current = this.#composers.get(parentId ?? '') === c;
      if (isTransient(error) && draftKeyNow) {
        // Kept, with its id, and sent again by itself: exactly once, however many attempts it takes.
        c.status = 'waiting';
        c.error = error;
        if (current) this.#saveDraft(parentId, c);
        this.#resend.schedule(draftKeyNow, () => this.#resendDraft(parentId, draftKeyNow));
      } else {
        c.status = 'error';
        c.error = error;
        if (current) this.#saveDraft(parentId, c);
        if (draftKeyNow) this.#resend.done(draftKeyNow);
      }
      this.requestUpdate();
      return;
    } finally {
      clearTimeout(slow);
    }
    if (draftKeyNow) this.#resend.done(draftKeyNow);

    // Confirmed: only now is the draft cleared.
    const key = this.#draftKey(parentId);
    if (key) this.#drafts.clear(key);
    this.#composers.delete(parentId ?? '');
    this.#crisisShown.delete(parentId ?? '');
    const status = post?.status ?? 'visible';
    if (post && !isNewThread) {
      this.#byId.set(post.id, post);
      this.#shown.add(post.id);
    }
    this.#announce(status === 'held' ? this.#m.postedHeld : this.#m.posted);
    this.#emit(new KinPostCreatedEvent(tid, postId, realParent, status));
    if (isNewThread) {
      this.#startingThread = false;
      this.#openThread(tid);
      return;
    }
    if (parentId) this.#replyOpen = null;
    this.requestUpdate();
    await this.updateComplete;
    if (parentId) this.#focusPost(postId);
    else this.renderRoot.querySelector<HTMLTextAreaElement>('#compose')?.focus();
  }

  #focusPost(postId: string) {
    this.renderRoot.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(postId)}"]`)?.focus();
  }

  // Feed actions ---------------------------------------------------------------------------------

  async #showNew() {
    const waiting = [...this.#byId.values()].filter((p) => !this.#shown.has(p.id)).sort(byTime);
    for (const p of waiting) this.#shown.add(p.id);
    this.#waitingAnnounced = 0;
    this.requestUpdate();
    await this.updateComplete;
    if (waiting[0]) this.#focusPost(waiting[0].id);
  }

  async #loadOlder() {
    const store = this.#store;
    const threadId = this.#threadId;
    if (!store || !threadId || this.#olderStatus === 'loading') return;
    const oldest = [...this.#byId.values()].sort(byTime)[0];
    const cursor = this.#olderCursor ?? (oldest ? postCursor(oldest) : null);
    if (!cursor) return;
    this.#olderStatus = 'loading';
    this.requestUpdate();
    try {
      const page = await store.listOlderPosts(threadId, {cursor, limit: this.#limit});
      if (threadId !== this.#threadId) return;
      for (const p of page.items) {
        if (!this.#byId.has(p.id)) this.#byId.set(p.id, p);
        this.#shown.add(p.id);
      }
      this.#olderCursor = page.next;
      this.#hasOlder = page.next !== null;
      this.#olderStatus = 'idle';
    } catch (e) {
      this.#olderStatus = 'error';
      this.#fail(e, 'load-older');
    }
    this.requestUpdate();
  }

  async #react(post: Post, kind: ReactionKind, on: boolean) {
    const store = this.#store;
    const busyKey = `${post.id}:${kind}`;
    if (!store || this.#busy.has(busyKey)) return;
    this.#busy.add(busyKey);
    this.#postErrors.delete(post.id);
    this.requestUpdate();
    try {
      await store.setReaction(post.threadId, post.id, kind, on);
      this.#emit(new KinReactionEvent(post.threadId, post.id, kind, on));
    } catch (e) {
      this.#postErrors.set(post.id, this.#fail(e, 'react'));
    } finally {
      this.#busy.delete(busyKey);
      this.requestUpdate();
    }
  }

  async #report(post: Post, reason: ReportReason) {
    const store = this.#store;
    if (!store || this.#busy.has(`${post.id}:report`)) return;
    this.#busy.add(`${post.id}:report`);
    this.#postErrors.delete(post.id);
    this.requestUpdate();
    try {
      const report = await store.report({target: {kind: 'post', threadId: post.threadId, postId: post.id}, reason});
      this.#reported.add(post.id);
      this.#reportOpen = null;
      this.#emit(new KinReportEvent(report.id, post.threadId, post.id, reason));
      this.#announce(this.#m.reportThanks);
    } catch (e) {
      this.#postErrors.set(post.id, this.#fail(e, 'report'));
    } finally {
      this.#busy.delete(`${post.id}:report`);
      this.requestUpdate();
    }
    await this.updateComplete;
    if (this.#reported.has(post.id)) this.renderRoot.querySelector<HTMLElement>(`#ack-${CSS.escape(post.id)}`)?.focus();
  }

  async #saveEdit(post: Post) {
    const store = this.#store;
    const editing = this.#editing;
    if (!store || !editing || editing.pending) return;
    const text = editing.body.replace(/\r\n?/g, '\n').trim();
    if (!text || text.length > LIMITS.postBody) return;
    editing.pending = true;
    editing.error = null;
    this.requestUpdate();
    try {
      if (post.status === 'visible') this.#editsToConfirm.set(post.id, text);
      await store.editPost(post.threadId, post.id, text);
      // The live update may already have brought the stored post (perhaps held again): keep its status.
      this.#confirmEdit(post.id);
      // Show the edit at once; the live update confirms it.
      const current = this.#byId.get(post.id) ?? post;
      this.#byId.set(post.id, {...current, body: text, editedAt: current.editedAt ?? Date.now()});
      this.#editing = null;
      this.requestUpdate();
      await this.updateComplete;
      this.#focusPost(post.id);
    } catch (e) {
      this.#editsToConfirm.delete(post.id);
      editing.pending = false;
      editing.error = this.#fail(e, 'edit');
      this.requestUpdate();
    }
  }

  /** Once the stored post carries the saved text: tell the author if the edit holds it for review. */
  #confirmEdit(id: string) {
    const p = this.#byId.get(id);
    if (!p || p.body !== this.#editsToConfirm.get(id)) return;
    this.#editsToConfirm.delete(id);
    if (p.status === 'held') this.#announce(this.#m.editedHeld);
  }

  async #delete(post: Post) {
    const store = this.#store;
    if (!store || this.#busy.has(`${post.id}:delete`)) return;
    this.#busy.add(`${post.id}:delete`);
    try {
      await store.deletePost(post.threadId, post.id);
      this.#byId.set(post.id, {...post, body: '', status: 'deleted'});
      this.#confirmDelete = null;
    } catch (e) {
      this.#postErrors.set(post.id, this.#fail(e, 'delete'));
    } finally {
      this.#busy.delete(`${post.id}:delete`);
      this.requestUpdate();
    }
    await this.updateComplete;
    this.#focusPost(post.id);
  }

  #requestJoin(reason: string) {
    this.#emit(new KinJoinRequestEvent(reason));
  }

  // Hub ------------------------------------------------------------------------------------------

  #openThread(threadId: string, fire = true) {
    this.openThreadId = threadId;
    const known = this.#threads.value?.find((t) => t.id === threadId) ?? null;
    this.#openThreadTitle = {id: threadId, thread: known, status: known ? 'ready' : 'loading'};
    if (!known) void this.#fetchThread(threadId);
    if (fire) this.#emit(new KinThreadOpenEvent(threadId));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#thread-heading')?.focus());
  }

  async #fetchThread(threadId: string) {
    const store = this.#store;
    if (!store) return;
    const current = () => this.#openThreadTitle?.id === threadId && this.#store === store;
    try {
      const thread = await store.getThread(threadId);
      if (current()) this.#openThreadTitle = {id: threadId, thread, status: 'ready', store};
    } catch (e) {
      if (!current()) return;
      this.#openThreadTitle = {id: threadId, thread: null, status: 'error', store};
      this.#fail(e, 'load');
    }
    this.requestUpdate();
  }

  #resetHubPages() {
    this.#olderThreads.clear();
    this.#olderLoaded = false;
    this.#threadsNext = null;
    this.#moreStatus = 'idle';
    this.#moreError = null;
  }

  #receiveThreads(live: Thread[], previous: Thread[]) {
    if (!this.#olderLoaded) return;
    const last = live.at(-1);
    // A live page that is not full holds every thread there is: anything paged before is gone.
    if (!last || live.length < this.#limit) {
      this.#resetHubPages();
      return;
    }
    // A thread pushed out of the live page by newer activity moves to the pages below it rather than
    // vanishing (the cursor of the next page was taken after it). One that left the page for any other
    // reason (hidden, deleted) sorts above the page's new last thread, and is dropped.
    const ids = new Set(live.map((t) => t.id));
    for (const t of previous) {
      if (!ids.has(t.id) && compareThreads(t, last) > 0) this.#olderThreads.set(t.id, t);
    }
  }

  /** The hub's threads: the live first page, then the pages loaded by cursor, each thread once. */
  get #hubThreads(): Thread[] {
    const live = this.#threads.value ?? [];
    const ids = new Set(live.map((t) => t.id));
    const older = [...this.#olderThreads.values()].filter((t) => !ids.has(t.id)).sort(compareThreads);
    return [...live, ...older];
  }

  get #hasMoreThreads(): boolean {
    return this.#olderLoaded ? this.#threadsNext !== null : (this.#threads.value?.length ?? 0) >= this.#limit;
  }

  /** "Show more": the next page after the last thread shown, by cursor (never an offset). */
  async #loadMoreThreads() {
    const store = this.#store;
    if (!store || this.#moreStatus === 'loading') return;
    const live = this.#threads.value ?? [];
    const lastLive = live.at(-1);
    const cursor = this.#olderLoaded ? this.#threadsNext : lastLive ? threadCursor(lastLive) : null;
    if (!cursor) return;
    const hubKey = this.#hubKey;
    const before = new Set(this.#hubThreads.map((t) => t.id));
    this.#moreStatus = 'loading';
    this.#moreError = null;
    this.requestUpdate();
    try {
      const page = await store.listThreads({cursor, limit: this.#limit});
      if (hubKey !== this.#hubKey) return;
      for (const t of page.items) this.#olderThreads.set(t.id, t);
      this.#olderLoaded = true;
      this.#threadsNext = page.items.length ? page.next : null;
      this.#moreStatus = 'idle';
    } catch (e) {
      if (hubKey !== this.#hubKey) return;
      this.#moreStatus = 'error';
      this.#moreError = this.#fail(e, 'load-more');
    }
    this.requestUpdate();
    await this.updateComplete;
    if (this.#moreStatus !== 'idle') return;
    // Focus moves to the first conversation just added (or the last one when none was left to add).
    const shown = this.#hubThreads;
    const target = shown.find((t) => !before.has(t.id)) ?? shown.at(-1);
    if (target) this.renderRoot.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(target.id)}"]`)?.focus();
  }

  async #back() {
    const from = this.openThreadId;
    this.openThreadId = null;
    this.#openThreadTitle = null;
    this.#emit(new KinThreadOpenEvent(null));
    await this.updateComplete;
    const target = from ? this.renderRoot.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(from)}"]`) : null;
    (target ?? this.renderRoot.querySelector<HTMLElement>('#hub-heading'))?.focus();
  }

  // Rendering ------------------------------------------------------------------------------------

  get #level(): number {
    return Math.min(6, Math.max(1, Math.floor(Number(this.headingLevel)) || 2));
  }

  /** The community's nation, handed to `<kin-crisis-help>` so it is right without a `<kin-community>` too. */
  get #nation(): Nation | null {
    return this.#community.value?.settings.nation ?? null;
  }

  #heading(text: string | TemplateResult, id: string, offset = 0) {
    const level = Math.min(6, this.#level + offset);
    return html`<div class="heading" part="heading" role="heading" aria-level=${level} id=${id} tabindex="-1">${text}</div>`;
  }

  override render() {
    const m = this.#m;
    const common = commonMessages(this.#consumer.locale);
    return html`<div class="base" part="base" lang=${this.#consumer.locale}>
      ${this.mode === 'list' && !this.openThreadId ? this.#renderHubHeader() : this.#renderThreadHeader()}
      <slot name="header"></slot>
      ${this.online ? nothing : html`<p class="notice offline" role="status">${common.offline}</p>`}
      ${reconnectingNotice(this.#network, this.#consumer.locale)}
      <kin-crisis-help class="help" part="help" .nation=${this.#nation} heading-level=${Math.min(6, this.#level + 1)}></kin-crisis-help>
      ${this.#renderBody()}
      <div class="empty" ?hidden=${!this.#isEmpty}><slot name="empty"><p>${this.mode === 'list' && !this.openThreadId ? m.noThreads : m.empty}</p></slot></div>
      ${this.#renderFooter()}
      <slot name="footer"></slot>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  #renderHubHeader() {
    return this.#heading(this.#m.threadsHeading, 'hub-heading');
  }

  #renderThreadHeader() {
    const m = this.#m;
    const fixed = !!this.#fixedThreadId;
    if (this.mode !== 'list' && !fixed) return this.#heading(m.heading, 'thread-heading');
    const t = this.#openThreadTitle?.id === this.#threadId ? this.#openThreadTitle : null;
    const title = t?.thread?.title ?? (t?.status === 'loading' ? commonMessages(this.#consumer.locale).loading : m.heading);
    // A conversation shown by id stands alone: no way "back" to a list it never came from.
    if (fixed) return this.#heading(title, 'thread-heading');
    return html`<button type="button" class="link back" @click=${() => void this.#back()}>
        <span aria-hidden="true">←</span> ${m.back}
      </button>
      ${this.#heading(title, 'thread-heading')}
      ${t?.thread ? html`<p class="meta">${m.startedBy(t.thread.authorName)}</p>` : nothing}`;
  }

  /** A conversation asked for by id (`thread-id` or a hub deep link) that does not exist. */
  get #threadMissing(): boolean {
    const id = this.#fixedThreadId ?? (this.mode === 'list' ? this.openThreadId : null);
    const t = this.#openThreadTitle;
    return !!id && !!t && t.id === id && t.status === 'ready' && !t.thread;
  }

  get #isEmpty(): boolean {
    if (this.mode === 'list' && !this.openThreadId) {
      return this.#threads.status === 'ready' && (this.#threads.value?.length ?? 0) === 0;
    }
    return this.#posts.status === 'ready' && this.#byId.size === 0;
  }

  #renderState(): TemplateResult | null {
    const m = this.#m;
    const common = commonMessages(this.#consumer.locale);
    const root = this.#consumer.value;
    if (root?.error && !this.#store) {
      return html`<p class="error" part="error" role="alert">${common.configError}</p>`;
    }
    if (this.#membersOnlyRefusal) return this.#renderMembersOnly();
    const failed = this.#community.error ?? this.#me.error ?? (this.mode === 'list' && !this.openThreadId ? this.#threads.error : this.#posts.error);
    if (failed && !(this.#community.value && this.#community.value.settings.visibility === 'members' && failed.code === 'permission-denied')) {
      return html`<div class="error" part="error" role="alert">
        <p>${this.mode === 'list' && !this.openThreadId ? m.threadsError : m.loadError} ${common.error(failed.code)}</p>
        <button type="button" @click=${this.#retryLoad}>${common.retry}</button>
      </div>`;
    }
    const community = this.#community.value;
    if (this.#community.status === 'ready' && !community) {
      return html`<p class="error" part="error" role="alert">${common.communityMissing}</p>`;
    }
    const meLoading = !!this.#uid && this.#me.status !== 'ready';
    if (!community || (community.settings.visibility === 'members' && meLoading)) return this.#renderLoading();
    if (!this.#canRead) return this.#renderMembersOnly();
    if (this.#threadMissing) return html`<p class="error" part="error" role="alert">${m.threadNotFound}</p>`;
    return null;
  }

  /** A members-only community refuses even its name to visitors: that is the members-only state, not an error. */
  get #membersOnlyRefusal(): boolean {
    const code = this.#community.error?.code;
    return code === 'permission-denied' || code === 'unauthenticated';
  }

  #renderMembersOnly() {
    const common = commonMessages(this.#consumer.locale);
    return html`<div class="notice members-only">
      <p>${common.membersOnly}</p>
      <button type="button" class="primary" @click=${() => this.#requestJoin('read')}>${common.join}</button>
    </div>`;
  }

  #retryLoad = () => {
    this.#community.retry();
    this.#me.retry();
    this.#posts.retry();
    this.#threads.retry();
  };

  #renderLoading() {
    const common = commonMessages(this.#consumer.locale);
    return html`<div class="loading" role="feed" part="feed" aria-busy="true" aria-label=${this.#m.feedLabel}>
      <p class="loading-text">${common.loading}</p>
    </div>`;
  }

  #renderBody() {
    const blocked = this.#renderState();
    if (blocked) return blocked;
    if (this.mode === 'list' && !this.openThreadId) return this.#renderHub();
    if (this.#posts.status !== 'ready') return this.#renderLoading();
    return this.#renderFeed();
  }

  #renderFeed() {
    const m = this.#m;
    const shown = [...this.#byId.values()].filter((p) => this.#shown.has(p.id)).sort(byTime);
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
    const waiting = this.#waiting;
    return html`
      ${this.#hasOlder
        ? html`<div class="older">
            <button type="button" @click=${() => void this.#loadOlder()} aria-disabled=${this.#olderStatus === 'loading' ? 'true' : 'false'}>
              ${this.#olderStatus === 'loading' ? m.loadingOlder : m.showOlder}
            </button>
          </div>`
        : nothing}
      ${top.length
        ? html`<div class="feed" role="feed" part="feed" aria-busy=${this.#olderStatus === 'loading' ? 'true' : 'false'} aria-label=${m.feedLabel}>
            ${repeat(top, (p) => p.id, (p, i) => this.#renderPost(p, i + 1, this.#hasOlder ? -1 : top.length, replies.get(p.id) ?? [], false))}
          </div>`
        : nothing}
      ${waiting > 0
        ? html`<button type="button" class="new-posts" part="new-posts" @click=${() => void this.#showNew()}>${m.newPosts(waiting)}</button>`
        : nothing}
    `;
  }

  #renderPost(post: Post, pos: number, size: number, replies: Post[], isReply: boolean): TemplateResult {
    const m = this.#m;
    const common = commonMessages(this.#consumer.locale);
    const locale = this.#consumer.locale;
    const uid = this.#uid;
    const own = !!uid && post.authorId === uid;
    const placeholder = post.status === 'deleted' || post.status === 'hidden';
    const orphan = !isReply && !!post.parentId;
    const id = post.id;
    const error = this.#postErrors.get(id);
    return html`<article
      class=${isReply ? 'post reply' : 'post'}
      part=${isReply ? 'post reply' : 'post'}
      data-post-id=${id}
      tabindex="-1"
      aria-posinset=${pos}
      aria-setsize=${size}
      aria-labelledby=${placeholder ? `ph-${id}` : `a-${id} t-${id}`}
    >
      ${placeholder
        ? html`<p class="placeholder" id=${`ph-${id}`}>${post.status === 'deleted' ? m.removed : m.hidden}${post.status === 'hidden' && post.statusReason ? html` <span class="reason" part="hidden-reason">${post.statusReason}</span>` : nothing}</p>`
        : html`
          <header class="post-header">
            ${avatar(post)}
            <div class="byline">
              <span class="author" part="post-author" id=${`a-${id}`}>${post.authorName}</span>
              <span class="badge" part="badge">${common[`relationship_${post.authorRelationship}`] ?? common.relationship_other}</span>
              ${post.authorBadges.map((b) => html`<span class="badge role" part="badge">${common[`badge_${b}`]}</span>`)}
              <span class="when" id=${`t-${id}`}>${time(post.createdAt, locale, this.now)}</span>
              ${post.editedAt ? html`<span class="edited">${m.editedAt} ${time(post.editedAt, locale, this.now)}</span>` : nothing}
            </div>
          </header>
          ${orphan ? html`<p class="context">${m.inReplyToEarlier}</p>` : nothing}
          ${post.status === 'held' ? html`<p class="held" part="held">${own ? m.awaitingReview : m.heldForReview}${own && post.statusReason ? html` ${moderationMessages(locale).holdWhy(post.statusReason)}` : nothing}</p>` : nothing}
          ${this.#editing?.postId === id ? this.#renderEdit(post) : html`<div class="post-body" part="post-body">${body(post.body)}</div>`}
          ${post.status === 'visible' ? this.#renderReactions(post) : nothing}
          ${this.#renderActions(post, own, isReply)}
        `}
      ${error ? html`<p class="error" part="error" role="alert">${common.error(error.code)}</p>` : nothing}
      ${replies.length || (this.#replyOpen === id && this.#isMember)
        ? html`<div class="replies">
            ${repeat(replies, (r) => r.id, (r, i) => this.#renderPost(r, i + 1, replies.length, [], true))}
            ${this.#replyOpen === id && this.#isMember ? this.#renderComposer(id, m.replyLabel(post.authorName), m.submitReply) : nothing}
          </div>`
        : nothing}
    </article>`;
  }

  #renderReactions(post: Post) {
    const m = this.#m;
    const mine = this.#myReactions.value ?? new Set<string>();
    const member = this.#isMember;
    const counts = REACTION_KINDS.filter((k) => member || (post.reactions?.[k] ?? 0) > 0);
    if (!counts.length) return nothing;
    return html`<div class="reactions" part="reactions" role="group" aria-label=${m.reactionsLabel}>
      ${counts.map((kind) => {
        const n = post.reactions?.[kind] ?? 0;
        const pressed = mine.has(`${post.id}:${kind}`);
        return member
          ? html`<button type="button" class="reaction" part="reaction" data-kind=${kind} aria-pressed=${pressed ? 'true' : 'false'}
              @click=${() => void this.#react(post, kind, !pressed)}>
              ${reactionIcon(kind)} ${m.reaction(kind)} <span class="count">${n}</span>
            </button>`
          : html`<span class="reaction static" data-kind=${kind}>${reactionIcon(kind)} ${m.reaction(kind)} <span class="count">${n}</span></span>`;
      })}
    </div>`;
  }

  #renderActions(post: Post, own: boolean, isReply: boolean) {
    const m = this.#m;
    const member = this.#isMember;
    const id = post.id;
    const user = this.#uid ? {uid: this.#uid, anonymous: false} : null;
    const canEdit = own && canEditPost(user, post);
    const canReport = member && !own && post.status === 'visible';
    const canReply = member && !isReply && post.status === 'visible';
    if (!canEdit && !canReport && !canReply && !this.#reported.has(id)) return nothing;
    return html`<div class="actions" part="actions">
        ${canReply
          ? html`<button type="button" class="link" data-action="reply" aria-expanded=${this.#replyOpen === id ? 'true' : 'false'}
              @click=${() => this.#toggleReply(id)}>${m.reply}</button>`
          : nothing}
        ${canEdit && this.#editing?.postId !== id
          ? html`<button type="button" class="link" data-action="edit" @click=${() => this.#startEdit(post)}>${m.edit}</button>
              <button type="button" class="link" data-action="delete" aria-expanded=${this.#confirmDelete === id ? 'true' : 'false'}
                @click=${() => this.#toggleDelete(id)}>${m.delete}</button>`
          : nothing}
        ${canReport && !this.#reported.has(id)
          ? html`<button type="button" class="link" data-action="report" aria-expanded=${this.#reportOpen === id ? 'true' : 'false'}
              @click=${() => this.#toggleReport(id)}>${m.report}</button>`
          : nothing}
      </div>
      ${this.#confirmDelete === id
        ? html`<div class="confirm" role="group" aria-labelledby=${`cd-${id}`}>
            <p id=${`cd-${id}`}>${m.confirmDelete}</p>
            <button type="button" class="danger" data-action="confirm-delete" @click=${() => void this.#delete(post)}>${m.confirmDeleteYes}</button>
            <button type="button" data-action="cancel-delete" @click=${() => this.#toggleDelete(id)}>${m.confirmDeleteNo}</button>
          </div>`
        : nothing}
      ${this.#reportOpen === id
        ? html`<div class="report" role="group" aria-labelledby=${`rl-${id}`} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#toggleReport(id)}>
            <p id=${`rl-${id}`}>${m.reportLabel}</p>
            <div class="reasons">
              ${REPORT_REASONS.map((r) => html`<button type="button" data-reason=${r} @click=${() => void this.#report(post, r)}>${m.reason(r)}</button>`)}
              <button type="button" class="link" @click=${() => this.#toggleReport(id)}>${m.cancel}</button>
            </div>
          </div>`
        : nothing}
      ${this.#reported.has(id) ? html`<p class="ack" id=${`ack-${id}`} tabindex="-1">${m.reportThanks}</p>` : nothing}`;
  }

  async #toggleReply(id: string) {
    this.#replyOpen = this.#replyOpen === id ? null : id;
    this.requestUpdate();
    await this.updateComplete;
    if (this.#replyOpen) this.renderRoot.querySelector<HTMLTextAreaElement>(`#${CSS.escape(`reply-${id}`)}`)?.focus();
    else this.renderRoot.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(id)}"] [data-action="reply"]`)?.focus();
  }

  async #startEdit(post: Post) {
    this.#editing = {postId: post.id, body: post.body, error: null, pending: false};
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#${CSS.escape(`edit-${post.id}`)}`)?.focus();
  }

  async #toggleDelete(id: string) {
    const opening = this.#confirmDelete !== id;
    this.#confirmDelete = opening ? id : null;
    this.requestUpdate();
    await this.updateComplete;
    const sel = opening ? '[data-action="cancel-delete"]' : '[data-action="delete"]';
    this.renderRoot.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(id)}"] ${sel}`)?.focus();
  }

  async #toggleReport(id: string) {
    const opening = this.#reportOpen !== id;
    this.#reportOpen = opening ? id : null;
    this.requestUpdate();
    await this.updateComplete;
    const sel = opening ? '[data-reason]' : '[data-action="report"]';
    this.renderRoot.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(id)}"] ${sel}`)?.focus();
  }

  #renderEdit(post: Post) {
    const m = this.#m;
    const common = commonMessages(this.#consumer.locale);
    const e = this.#editing!;
    const len = e.body.trim().length;
    const fieldId = `edit-${post.id}`;
    return html`<form class="composer edit" part="composer" novalidate @submit=${(ev: Event) => {
      ev.preventDefault();
      void this.#saveEdit(post);
    }}>
      <label for=${fieldId}>${m.editLabel}</label>
      <textarea id=${fieldId} rows="4" .value=${live(e.body)} aria-describedby=${`${fieldId}-count`}
        aria-invalid=${len > LIMITS.postBody ? 'true' : 'false'}
        @input=${(ev: InputEvent) => {
          e.body = (ev.target as HTMLTextAreaElement).value;
          this.requestUpdate();
        }}
        @keydown=${(ev: KeyboardEvent) => {
          if (ev.key === 'Escape') this.#cancelEdit(post.id);
          else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
            ev.preventDefault();
            void this.#saveEdit(post);
          }
        }}></textarea>
      <p class=${len > LIMITS.postBody ? 'count over' : 'count'} id=${`${fieldId}-count`}>${m.charCount(len, LIMITS.postBody)}</p>
      ${e.error ? html`<p class="error" part="error" role="alert">${common.error(e.error.code)}</p>` : nothing}
      <div class="composer-actions">
        <button type="submit" class="primary" aria-disabled=${e.pending ? 'true' : 'false'}>${e.pending ? m.posting : m.save}</button>
        <button type="button" @click=${() => this.#cancelEdit(post.id)}>${m.cancel}</button>
      </div>
    </form>`;
  }

  async #cancelEdit(postId: string) {
    this.#editing = null;
    this.requestUpdate();
    await this.updateComplete;
    this.#focusPost(postId);
  }

  #renderFooter() {
    if (this.#renderState()) return nothing;
    const common = commonMessages(this.#consumer.locale);
    const listView = this.mode === 'list' && !this.openThreadId;
    if (!listView && this.#posts.status !== 'ready') return nothing;
    if (!this.#isMember) {
      if (!!this.#uid && this.#me.status !== 'ready') return nothing;
      return html`<div class="notice join" part="join">
        <p>${common.signedOut}</p>
        <button type="button" class="primary" @click=${() => this.#requestJoin('post')}>${common.join}</button>
      </div>`;
    }
    if (listView) return nothing;
    return this.#renderComposer(null, this.#m.composerLabel, this.#m.submit);
  }

  #renderComposer(parentId: string | null, label: string, submitLabel: string) {
    const m = this.#m;
    const common = commonMessages(this.#consumer.locale);
    const c = this.#composer(parentId);
    const isNewThread = parentId === NEW_THREAD;
    const fieldId = isNewThread ? 'new-thread-body' : parentId ? `reply-${parentId}` : 'compose';
    const len = c.body.replace(/\r\n?/g, '\n').trim().length;
    const over = len - LIMITS.postBody;
    const pending = c.status === 'pending';
    const crisis = hasCrisisWording(c.body);
    return html`<form class=${crisis ? 'composer with-crisis' : 'composer'} part="composer" novalidate
      aria-busy=${pending ? 'true' : 'false'}
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#submit(parentId);
      }}>
      <div class="fields">
        ${isNewThread
          ? html`<label for="new-thread-title">${m.threadTitleLabel}</label>
              <input id="new-thread-title" type="text" maxlength=${LIMITS.threadTitle} .value=${live(c.title)}
                aria-invalid=${c.invalid === 'title' ? 'true' : 'false'}
                aria-describedby=${c.invalid === 'title' ? 'new-thread-title-error' : nothing}
                @input=${(e: InputEvent) => this.#onInput(parentId, e, 'title')} />
              ${c.invalid === 'title' ? html`<p class="field-error" id="new-thread-title-error">${m.titleRequired}</p>` : nothing}`
          : nothing}
        <label for=${fieldId}>${label}</label>
        <textarea id=${fieldId} name="body" rows=${parentId && !isNewThread ? 3 : 5} .value=${live(c.body)}
          ?readonly=${pending}
          aria-invalid=${over > 0 || c.invalid === 'empty' ? 'true' : 'false'}
          aria-describedby=${`${fieldId}-count ${fieldId}-hint`}
          @input=${(e: InputEvent) => this.#onInput(parentId, e)}
          @keydown=${(e: KeyboardEvent) => this.#onKeydown(parentId, e)}></textarea>
        <p class="composer-meta">
          <span class=${over > 0 ? 'count over' : 'count'} id=${`${fieldId}-count`}>${m.charCount(len, LIMITS.postBody)}</span>
          <span class="hint" id=${`${fieldId}-hint`}>${m.shortcut} ${c.body ? (this.#draftsInMemory ? m.draftInMemory : m.draftKept) : ''}</span>
        </p>
        ${over > 0 ? html`<p class="field-error" role="alert">${m.overLimit(over)}</p>` : nothing}
        ${c.invalid === 'empty' ? html`<p class="field-error" role="alert">${m.emptyBody}</p>` : nothing}
        <div class="composer-actions">
          <button type="submit" class="primary" part="submit" aria-disabled=${pending ? 'true' : 'false'}>
            ${pending ? m.posting : submitLabel}
          </button>
          ${parentId && !isNewThread ? html`<button type="button" @click=${() => void this.#toggleReply(parentId)}>${m.cancel}</button>` : nothing}
          ${isNewThread ? html`<button type="button" @click=${() => void this.#toggleStartThread()}>${m.cancel}</button>` : nothing}
        </div>
        ${pending
          ? html`<p class="pending" role="status">${!this.online ? m.queuedOffline : c.since && Date.now() - c.since > SLOW_SEND_MS ? m.queuedUnreachable : m.posting}</p>`
          : nothing}
        ${c.status === 'waiting'
          ? html`<div class="queued" part="queued" role="status">
              <p>${!this.online ? m.queuedOffline : !c.error ? m.queuedRetry : c.error.code === 'unavailable' ? m.queuedUnreachable : `${m.queuedRetry} ${common.error(c.error.code)}`}</p>
              <button type="button" data-action="send-now" @click=${() => void this.#submit(parentId)}>${m.sendNow}</button>
            </div>`
          : nothing}
        ${c.status === 'error' && c.error
          ? html`<div class="error" part="error" role="alert">
              <p>${m.postFailed} ${common.error(c.error.code)}</p>
              <button type="button" data-action="retry-post" @click=${() => void this.#submit(parentId)}>${m.retrySend}</button>
            </div>`
          : nothing}
      </div>
      ${crisis
        ? html`<div class="crisis" part="crisis">
            <kin-crisis-help always-open .nation=${this.#nation} heading=${m.crisisPanelHeading} heading-level=${Math.min(6, this.#level + 1)}>
              <p slot="footer">${m.crisisStillPost}</p>
            </kin-crisis-help>
          </div>`
        : nothing}
    </form>`;
  }

  async #toggleStartThread() {
    this.#startingThread = !this.#startingThread;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.#startingThread ? '#new-thread-title' : '[data-action="start-thread"]')?.focus();
  }

  #renderHub() {
    const m = this.#m;
    const common = commonMessages(this.#consumer.locale);
    if (this.#threads.status !== 'ready') {
      return html`<div class="loading" aria-busy="true"><p class="loading-text">${common.loading}</p></div>`;
    }
    const threads = this.#hubThreads;
    const loadingMore = this.#moreStatus === 'loading';
    return html`
      ${this.#isMember
        ? this.#startingThread
          ? this.#renderComposer(NEW_THREAD, m.threadBodyLabel, m.createThread)
          : html`<button type="button" class="primary" data-action="start-thread" aria-expanded="false" @click=${() => void this.#toggleStartThread()}>${m.startThread}</button>`
        : nothing}
      ${threads.length
        ? html`<ul class="threads" part="thread-list" aria-busy=${loadingMore ? 'true' : 'false'}>
            ${repeat(threads, (t) => t.id, (t) => html`<li class="thread">
              <button type="button" class="link thread-title" data-thread-id=${t.id} @click=${() => this.#openThread(t.id)}>${t.title}</button>
              <p class="meta">
                <span>${m.startedBy(t.authorName)}</span>
                <span>${m.replies(Math.max(0, t.postCount - 1))}</span>
                <span>${m.lastPost} ${time(t.lastActivityAt, this.#consumer.locale, this.now)}</span>
              </p>
            </li>`)}
          </ul>
          ${this.#moreStatus === 'error' && this.#moreError
            ? html`<p class="error" part="error" role="alert">${m.moreThreadsError} ${common.error(this.#moreError.code)}</p>`
            : nothing}
          ${this.#hasMoreThreads
            ? html`<button type="button" class="show-more" part="show-more" data-action="show-more-threads"
                aria-disabled=${loadingMore ? 'true' : 'false'} @click=${() => void this.#loadMoreThreads()}>
                ${loadingMore ? m.loadingMoreThreads : m.showMoreThreads}
              </button>`
            : nothing}`
        : nothing}
    `;
  }
}

function byTime(a: Post, b: Post): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
