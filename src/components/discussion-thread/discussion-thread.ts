import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import type {DraftStorageKind} from '../../controllers/draft.js';
import {OnlineController} from '../../controllers/online.js';
import {reconnectingNotice} from '../../directives/reconnecting.js';
import type {CommunityStore} from '../../data/store.js';
import {KindredError, toKindredError} from '../../data/errors.js';
import {LIMITS, threadIdForKey} from '../../data/policy-basics.js';
import type {Nation} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinJoinRequestEvent} from '../../events/join.js';
import {KinThreadOpenEvent} from '../../events/thread-open.js';
import {discussionThreadMessages, type DiscussionThreadMessages} from './discussion-thread.messages.js';
import styles from './discussion-thread.styles.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {hasPersistedAuth} from '../../data/reader/persisted-auth.js';
import {linkedPostId, type ThreadContext} from './discussion-thread.context.js';
import {ThreadFeed} from './feed.controller.js';
import {ThreadMeta} from './thread-meta.controller.js';
import {DeferController} from '../../controllers/defer.js';
import {ThreadSafety} from './safety.controller.js';
import {feed} from './post.parts.js';
import {loadingText} from '../../directives/loading-text.js';
import type {HubPager} from './hub.controller.js';
import type {DeepLink} from './deep-link.controller.js';
import type {MemberParts, MemberViews} from './thread-member.js';

// Issue 16: a visitor's thread chunk holds what reading needs. The member's parts (composers, post actions,
// follow), the hub and deep links are modules of their own, loaded with import() when needed (the build
// modulepreloads what each imports). Once loaded, an element made later gets them at once.
type MemberModule = typeof import('./thread-member.js');
type HubModule = typeof import('./thread-hub.js');
type DeepLinkModule = typeof import('./deep-link.controller.js');
const lazy = <T>(load: () => Promise<T>) => {
  const state: {value: T | null; loading: Promise<T> | null; get(): Promise<T>} = {
    value: null,
    loading: null,
    get() {
      // A failed download (the network dropped) is tried again on the next need.
      return (state.loading ??= load().then((v) => (state.value = v), (e: unknown) => {
        state.loading = null;
        throw e;
      }));
    },
  };
  return state;
};
const memberModule = lazy<MemberModule>(() => import('./thread-member.js'));
const hubModule = lazy<HubModule>(() => import('./thread-hub.js'));
const deepLinkModule = lazy<DeepLinkModule>(() => import('./deep-link.controller.js'));

/**
 * Peer conversation for a page or a whole community: posts and one level of replies, live, with a
 * draft that is never lost, supportive reactions, reporting and crisis help one interaction away.
 * Three ways to embed it: a page's conversation (`thread-key`), a hub of conversations
 * (`mode="list"`, paged by cursor), or one existing conversation by id (`thread-id`, e.g. a private
 * peer conversation) with no list around it. Crisis contacts come from `<kin-crisis-help>`. A link to one
 * post (`#post-<id>` in the address, as notifications and emails make) scrolls to that post and focuses it.
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
 * @csspart follow - The "Follow this conversation" toggle (members; new posts then reach their notifications).
 * @csspart guidelines - Under the composer when the community's guidelines changed: their text and "I agree".
 * @csspart help - The "Need help now?" disclosure (a `<kin-crisis-help>`).
 * @csspart crisis - The support shown beside the composer on crisis wording (holds a `<kin-crisis-help>`).
 * @csspart thread-list - The list of threads in `mode="list"`.
 * @csspart show-more - The "Show more conversations" button of the hub.
 * @csspart warning - A post's content warning, with the button that opens or folds the post (issue 18).
 * @csspart warning-form - The author's or a moderator's form to change a post's content warning.
 * @csspart composer-choices - The composer's content warning and audience ("who can read this?") choices.
 * @csspart members-only-notice - Visitors' notice that some posts are shared with members only, with a way to join.
 * @csspart error - An error message.
 * @csspart edit-conflict - Issue 17: with `error`, the notice that the post was changed elsewhere while it was being edited (with the saved words).
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
 * @cssproperty [--kin-discussion-thread-loading-size=40rem] - Block size kept for the posts while they load, so the page below does not shift when they arrive.
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

  /**
   * `lazy`: while the thread is more than a screen below the viewport it reads no posts and shows its loading
   * reserve; it loads when it comes near, when focus moves into it, on print, or for a `#post-…` link. `eager`
   * (the default) loads at once.
   */
  @property({reflect: true}) loading: 'lazy' | 'eager' = 'eager';

  @state() private now = Date.now();
  // Issue 16: with loading="lazy", below the first screen, no data and no posts until the thread comes near the
  // viewport (its loading reserve stays). Eager by default, like <kin-community loading>.
  #defer = new DeferController(this, {now: () => this.loading !== 'lazy' || linkedPostId(location.hash) !== null});
  // Back in touch with the server (browser online again, or the store reconnected): send what is kept.
  #network = new OnlineController(this, (online) => online && this.#member?.composer.resend.flush(), () => this.#store);
  private get online() {
    return this.#network.online;
  }
  @state() private announcement = '';
  @state() private openThreadId: string | null = null;

  #consumer = new CommunityConsumer(this);
  // The controllers and parts see the element through this (its state stays private).
  #t: ThreadContext = ((el: KinDiscussionThread): ThreadContext => ({
    host: el,
    get store() { return el.#store; },
    get uid() { return el.#uid; },
    get locale() { return el.#consumer.locale; },
    get m() { return el.#m; },
    get threadId() { return el.#threadId; },
    get fixedThreadId() { return el.#fixedThreadId; },
    get pageKey() { return el.#pageKey; },
    get mode() { return el.mode; },
    get threadTitle() { return el.threadTitle; },
    get draftStorage() { return el.draftStorage; },
    get openThreadId() { return el.openThreadId; },
    get limit() { return el.#limit; },
    get isMember() { return el.#isMember; },
    get canRead() { return el.#canRead; },
    get online() { return el.online; },
    get now() { return el.now; },
    get level() { return el.#level; },
    get nation() { return el.#nation; },
    get community() { return el.#community; },
    get me() { return el.#me; },
    get feed() { return el.#feed; },
    get actions() { return el.#member?.actions ?? null; },
    get composer() { return el.#member?.composer ?? null; },
    get views() { return el.#member ? el.#views : null; },
    get hub() { return el.#hub; },
    get meta() { return el.#meta; },
    get follow() { return el.#member?.follow ?? null; },
    get deepLink() { return el.#deepLink; },
    get safety() { return el.#safety; },
    announce: (text) => el.#announce(text),
    emit: (event) => el.#emit(event),
    fail: (e, operation) => el.#fail(e, operation),
    openThread: (threadId) => el.#openThread(threadId),
    requestJoin: (reason) => el.#requestJoin(reason),
  }))(this);
  /**
   * A member's parts (issue 16: loaded with import()): drafts, composers and sending, with posts kept and
   * sent again by themselves (issue 17); the actions on posts; following. Null for a visitor.
   */
  #member: MemberParts | null = null;
  #views: MemberViews | null = null;
  /** The member's parts failed to download: the footer offers to try again. */
  #memberFailed = false;
  #meta = new ThreadMeta(this.#t);
  #safety = new ThreadSafety(this.#t);
  #timer: ReturnType<typeof setInterval> | null = null;

  #community = communityController(this, () => this.#store);

  #me = meController(this, () => this.#store, () => this.#consumer.user?.uid ?? null);

  /** The posts (live window and older pages) and the member's reactions. */
  #feed = new ThreadFeed(this.#t);
  /** The hub's first page live, later pages by cursor (`mode="list"` only; loaded with import()). */
  #hub: HubPager | null = null;
  #hubView: HubModule['hub'] | null = null;
  /** Issue 15: links to one post (`#post-<id>`); loaded when the address has one. */
  #deepLink: DeepLink | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = Date.now();
    this.#timer = setInterval(() => (this.now = Date.now()), 60_000);
    window.addEventListener('hashchange', this.#onHash);
    this.#onHash();
    // Issue 16: a member signed in before on this device: their parts load beside the SDK, not after it.
    if (!this.#member) void hasPersistedAuth().then((saved) => saved && this.#needMember());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    window.removeEventListener('hashchange', this.#onHash);
  }

  /** The address links to one post: the deep-link controller loads (it then follows the address itself). */
  #onHash = () => {
    if (this.#deepLink || !linkedPostId(location.hash)) return;
    const attach = (mod: DeepLinkModule) => {
      if (!this.#deepLink) this.#deepLink = new mod.DeepLink(this.#t);
    };
    if (deepLinkModule.value) attach(deepLinkModule.value);
    else deepLinkModule.get().then(attach, (e: unknown) => this.#fail(e, 'load'));
  };

  /** A member is known, or the visitor acts: the member's parts load (at once when already downloaded). */
  #needMember() {
    if (this.#member) return;
    const attach = (mod: MemberModule) => {
      if (this.#member) return;
      this.#memberFailed = false;
      this.#views = mod.views;
      this.#member = mod.memberParts(this.#t);
      // A reply being written before a reload reopens now if the posts came first.
      this.#feed.reopenReplyDraft();
      this.requestUpdate();
    };
    if (memberModule.value) return attach(memberModule.value);
    memberModule.get().then(attach, (e: unknown) => {
      this.#memberFailed = true;
      this.#fail(e, 'load');
      this.requestUpdate();
    });
  }

  #needHub() {
    if (this.#hub) return;
    const attach = (mod: HubModule) => {
      if (this.#hub) return;
      this.#hubView = mod.hub;
      this.#hub = new mod.HubPager(this.#t);
      this.requestUpdate();
    };
    if (hubModule.value) return attach(hubModule.value);
    hubModule.get().then(attach, (e: unknown) => this.#fail(e, 'load'));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#consumer.override = this.store;
    if (changed.has('thread') || changed.has('mode')) {
      this.openThreadId = this.mode === 'list' && this.thread ? this.thread : null;
    }
    if (this.mode === 'list') this.#needHub();
    if (this.#uid) this.#needMember();
    // The controllers follow in hostUpdate: a new feed for a new store, thread or member (ThreadFeed),
    // new hub pages (HubPager), the shown thread's title (ThreadMeta), drafts' storage (ThreadComposer).
  }

  #announcedErrors = new WeakSet<KindredError>();

  protected override updated(): void {
    // A loading failure is shown in place and announced once to the page as kin-error.
    for (const c of [this.#community, this.#me, this.#feed.posts, this.#feed.myReactions, this.#hub?.threads]) {
      if (!c) continue;
      if (c === this.#community && this.#membersOnlyRefusal) continue;
      if (c.error && !this.#announcedErrors.has(c.error)) {
        this.#announcedErrors.add(c.error);
        this.#emit(new KinErrorEvent(c.error.code, c.error.message, 'load'));
      }
    }
  }

  // Derived state --------------------------------------------------------------------------------

  get #store(): CommunityStore | null {
    if (!this.#defer.ready) return null;
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

  #requestJoin(reason: string) {
    // The visitor acts: what they will need once they have joined starts loading now.
    this.#needMember();
    this.#emit(new KinJoinRequestEvent(reason));
  }

  // Hub ------------------------------------------------------------------------------------------

  #openThread(threadId: string, fire = true) {
    this.openThreadId = threadId;
    const known = this.#hub?.threads.value?.find((t) => t.id === threadId) ?? null;
    this.#meta.open(threadId, known);
    if (fire) this.#emit(new KinThreadOpenEvent(threadId));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#thread-heading')?.focus());
  }

  async #back() {
    const from = this.openThreadId;
    this.openThreadId = null;
    this.#meta.current = null;
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
    const t = this.#meta.current?.id === this.#threadId ? this.#meta.current : null;
    const follow = this.#member && this.#views ? this.#views.followButton(this.#t) : nothing;
    if (this.mode !== 'list' && !fixed) return html`${this.#heading(t?.thread?.title ?? (this.threadTitle.trim() || m.heading), 'thread-heading')}${follow}`;
    const title = t?.thread?.title ?? (t?.status === 'loading' ? commonMessages(this.#consumer.locale).loading : m.heading);
    // A conversation shown by id stands alone: no way "back" to a list it never came from.
    if (fixed) return html`${this.#heading(title, 'thread-heading')}${follow}`;
    return html`<button type="button" class="link back" @click=${() => void this.#back()}>
        <span aria-hidden="true">←</span> ${m.back}
      </button>
      ${this.#heading(title, 'thread-heading')}
      ${t?.thread ? html`<p class="meta">${m.startedBy(t.thread.authorName)}</p>` : nothing}
      ${follow}`;
  }

  get #isEmpty(): boolean {
    if (this.mode === 'list' && !this.openThreadId) {
      return this.#hub?.threads.status === 'ready' && (this.#hub.threads.value?.length ?? 0) === 0;
    }
    return this.#feed.posts.status === 'ready' && this.#feed.byId.size === 0;
  }

  #renderState(): TemplateResult | null {
    const m = this.#m;
    const common = commonMessages(this.#consumer.locale);
    const root = this.#consumer.value;
    if (root?.error && !this.#store) {
      return html`<p class="error" part="error" role="alert">${common.configError}</p>`;
    }
    if (this.#membersOnlyRefusal) return this.#renderMembersOnly();
    const failed = this.#community.error ?? this.#me.error ?? (this.mode === 'list' && !this.openThreadId ? this.#hub?.threads.error : this.#feed.posts.error);
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
    if (this.#meta.missing) return html`<p class="error" part="error" role="alert">${m.threadNotFound}</p>`;
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
    this.#feed.posts.retry();
    this.#hub?.threads.retry();
  };

  #renderLoading() {
    return html`<div class="loading" role="feed" part="feed" aria-busy="true" aria-label=${this.#m.feedLabel}>
      <p class="loading-text">${loadingText(this.#consumer.locale)}</p>
    </div>`;
  }

  #renderBody() {
    const blocked = this.#renderState();
    if (blocked) return blocked;
    if (this.mode === 'list' && !this.openThreadId) {
      // While the hub's module loads: the same loading state the hub shows while its list loads.
      return this.#hubView ? this.#hubView(this.#t) : html`<div class="loading" aria-busy="true"><p class="loading-text" role="status">${loadingText(this.#consumer.locale)}</p></div>`;
    }
    if (this.#feed.posts.status !== 'ready') return this.#renderLoading();
    return feed(this.#t);
  }

  #renderFooter() {
    if (this.#renderState()) return nothing;
    const common = commonMessages(this.#consumer.locale);
    const listView = this.mode === 'list' && !this.openThreadId;
    // Issue 16: nor while the first page's second half is still to come (it would be pushed down).
    if (!listView && (this.#feed.posts.status !== 'ready' || this.#feed.firstTask !== null)) return nothing;
    if (!this.#isMember) {
      if (!!this.#uid && this.#me.status !== 'ready') return nothing;
      // Issue 17: a sign-in that ended by itself says so, and that the draft is kept for when they are back.
      const expired = !this.#uid && this.#store?.session.expired === true;
      return html`<div class="notice join" part="join">
        <p>${expired ? common.sessionExpired : common.signedOut}</p>
        <button type="button" class="primary" @click=${() => this.#requestJoin('post')}>${expired ? common.signInAgain : common.join}</button>
      </div>`;
    }
    // Issue 16: the member's composer arrives with their parts (loading beside the SDK since a member was known).
    if (!this.#member || !this.#views) {
      if (this.#memberFailed) {
        return html`<div class="error" part="error" role="alert">
          <p>${common.error('unavailable')}</p>
          <button type="button" @click=${() => this.#needMember()}>${common.retry}</button>
        </div>`;
      }
      return html`<div class="composer-loading" aria-busy="true"></div>`;
    }
    if (listView) return nothing;
    return this.#views.composerForm(this.#t, null, this.#m.composerLabel, this.#m.submit);
  }
}
