import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import styles from './moderation-queue.styles.js';
import {moderationQueueMessages, type ModerationQueueMessages} from './moderation-queue.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {reconnectingNotice} from '../../directives/reconnecting.js';
import {formatDate} from '../../i18n/messages.js';
import {body, time} from '../shared/parts.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {LiveController} from '../../controllers/live.js';
import {OnlineController} from '../../controllers/online.js';
import {toKindredError, type KindredError} from '../../data/errors.js';
import {UNTIL_LIFTED} from '../../data/moderation.js';
import type {CommunityStore, ModerationAction, ModerationItem, ModerationTarget} from '../../data/store.js';
import type {Locale, ModLogEntry, Post} from '../../data/types.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinModerateEvent} from '../../events/moderate.js';
import {KinModeratedEvent} from '../../events/moderated.js';
import {loadingText} from '../../directives/loading-text.js';

const DAY = 24 * 3600_000;
const DURATIONS = [1, 7, 30, 0] as const; // days; 0 = until lifted

interface Pending {
  itemId: string;
  action: 'hide' | 'suspend';
  reason: string;
  days: number;
  error: string | null;
}

/**
 * The moderators' queue: open reports and held posts with the content in context (thread, the post a
 * reply answers, the author), newest or oldest first, kept live with a visible count. Moderators
 * approve, hide with a reason (shown to members in place of the post), restore, dismiss a report,
 * suspend a member for a time or until lifted, and lift a suspension. Every action is written with its
 * moderation-log entry; the log is shown below the queue. Members and visitors see only a short notice:
 * the rules, not this element, are what keep them out.
 *
 * @summary Reports and held posts for moderators, with every action logged.
 * @tagname kin-moderation-queue
 * @slot header - Host content above the queue (the community's moderation guidelines).
 * @slot empty - Replaces the message shown when there is nothing to review.
 * @event kin-moderate - Cancelable; a moderator asked for an action. `preventDefault()` writes nothing.
 * @event kin-moderated - The action was applied and logged (`action`, `logEntryId`, `targetPath`).
 * @event kin-error - Loading or an action failed; the element shows why.
 * @csspart base - The wrapper.
 * @csspart heading - The queue heading.
 * @csspart count - The number of items to review.
 * @csspart item - Each queue item.
 * @csspart post - The post under review.
 * @csspart crisis - The note that a post carried crisis wording (issue 18; moderators only).
 * @csspart actions - The action buttons of an item.
 * @csspart log - The moderation log.
 * @csspart more - The "Show more" button under a full page of items (issue 17).
 * @cssproperty [--kin-color-primary=#0b6e4f] - Accent colour of buttons and focus.
 * @cssproperty [--kin-color-danger=#b42318] - Colour of hide / suspend buttons and errors.
 * @cssproperty [--kin-moderation-queue-item-background=#ffffff] - Background of each item.
 */
export class KinModerationQueue extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Order of the queue; the moderator can change it. */
  @property() order: 'newest' | 'oldest' = 'newest';
  /**
   * Issue 17: how many queue items to show at first (1–200); "Show more" adds as many again. A first view
   * reads about one page of items, not every open item.
   */
  @property({type: Number, attribute: 'page-size'}) pageSize = 20;
  /** Heading level (1–6) of the queue heading; item and log headings are one level below. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** How many log entries to show. */
  @property({type: Number, attribute: 'log-limit'}) logLimit = 20;
  /** Leave out the moderation log. */
  @property({type: Boolean, attribute: 'no-log'}) noLog = false;
  /** A store to use directly, without a `<kin-community>` (developers composing by hand). */
  @property({attribute: false}) store: CommunityStore | null = null;

  @state() private busy: string | null = null;
  @state() private pending: Pending | null = null;
  @state() private actionError: {itemId: string; error: KindredError} | null = null;
  @state() private announcement = '';
  /** Issue 17: how many pages "Show more" has asked for (1 = the first page). */
  @state() private pages = 1;
  /** The last list shown, kept on screen while a larger page loads (no flash of an empty queue). */
  #shown: ModerationItem[] | null = null;
  /** The number of items before "Show more", to move focus to the first new one. */
  #before: number | null = null;
  #network = new OnlineController(this, undefined, () => this.#store);
  private get offline() {
    return this.#network.offline;
  }

  #consumer = new CommunityConsumer(this);
  #queue = new LiveController<ModerationItem[], [CommunityStore | null, string | null, string, number]>(this, {
    key: () => [this.#store, this.#consumer.user?.uid ?? null, this.order, this.#limit],
    subscribe: ([store, uid, order, limit], next, error) =>
      (store && uid ? store.watchModerationQueue({order: order === 'oldest' ? 'oldest' : 'newest', limit}, next, error) : null),
    onValue: () => this.#onQueue(),
  });
  #log = new LiveController<ModLogEntry[], [CommunityStore | null, string | null, number, boolean]>(this, {
    key: () => [this.#store, this.#consumer.user?.uid ?? null, this.logLimit, this.noLog],
    subscribe: ([store, uid, limit, off], next, error) => (store && uid && !off ? store.watchModLog({limit}, next, error) : null),
  });
  #reported = new WeakSet<KindredError>();

  get #store(): CommunityStore | null {
    this.#consumer.override = this.store;
    return this.#consumer.store;
  }

  /** Number of items waiting for review that are shown (0 until loaded; at most a page per "Show more"). */
  get count(): number {
    return this.#items.length;
  }

  get #page(): number {
    return Math.min(200, Math.max(1, Math.round(this.pageSize) || 20));
  }
  get #limit(): number {
    return Math.min(200, this.#page * this.pages);
  }
  /** The current list, or the last one while a larger page (or another order) loads. */
  get #items(): ModerationItem[] {
    return this.#queue.value ?? this.#shown ?? [];
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    // A new order starts again at the first page.
    if (changed.has('order') && changed.get('order') !== undefined) this.pages = 1;
  }

  /** After "Show more": the index of the first new item, focused once the new list is rendered. */
  #focusFrom: number | null = null;
  override updated() {
    if (this.#focusFrom === null || this.#queue.value === undefined) return;
    const from = this.#focusFrom;
    this.#focusFrom = null;
    const all = this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]');
    (all[from] ?? all[all.length - 1])?.querySelector<HTMLElement>('button')?.focus();
  }

  #showMore() {
    this.#before = this.#items.length;
    this.pages += 1;
  }

  #onQueue() {
    const items = this.#queue.value ?? [];
    this.#shown = items;
    if (this.#before !== null) {
      // Focus the first new item; if nothing new came (the queue ended at a page boundary), say so.
      const before = this.#before;
      this.#before = null;
      if (items.length <= before) this.announcement = moderationQueueMessages(this.#consumer.locale).noMore;
      this.#focusFrom = before;
    }
    // Drop a half-filled form whose item left the queue (another moderator acted on it).
    if (this.pending && !this.#queue.value?.some((i) => i.id === this.pending!.itemId)) this.pending = null;
  }

  #heading(text: string, offset: number, id?: string, part?: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + offset);
    return html`<div role="heading" aria-level=${level} class=${offset ? 'subheading' : 'heading'} id=${id ?? nothing} part=${part ?? nothing}>${text}</div>`;
  }

  override render() {
    const locale = this.#consumer.locale;
    const m = moderationQueueMessages(locale);
    const c = commonMessages(locale);
    return html`<div part="base" class="base">
      <slot name="header"></slot>
      ${this.#body(m, c, locale)}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  #body(m: ModerationQueueMessages, c: ReturnType<typeof commonMessages>, locale: Locale): TemplateResult {
    if (!this.#store) {
      return html`${this.#heading(m.heading, 0, undefined, 'heading')}<p class="notice">${this.#consumer.provided ? c.loading : m.noCommunity}</p>`;
    }
    if (!this.#consumer.user) return html`${this.#heading(m.heading, 0, undefined, 'heading')}<p class="notice">${m.signedOut}</p>`;
    const q = this.#queue;
    if (q.status === 'error') {
      const error = q.error!;
      if (error.code === 'permission-denied') return html`${this.#heading(m.heading, 0, undefined, 'heading')}<p class="notice">${m.notModerator}</p>`;
      this.#report(error, 'load');
      return html`${this.#heading(m.heading, 0, undefined, 'heading')}
        <div role="alert" class="error">${c.error(error.code)}
          <button type="button" @click=${() => { q.retry(); this.#log.retry(); }}>${c.retry}</button></div>`;
    }
    if (q.status !== 'ready' && !this.#shown) {
      return html`${this.#heading(m.heading, 0, undefined, 'heading')}<p class="notice" role="status" aria-busy="true">${loadingText(locale)}</p>`;
    }
    const items = this.#items;
    const loadingMore = q.value === undefined;
    // Issue 17: a full page may have more after it.
    const more = items.length >= this.#limit && this.#limit < 200;
    return html`
      <div class="bar">
        ${this.#heading(m.heading, 0, 'queue-heading', 'heading')}
        <span part="count" class="count" id="queue-count">${more ? m.countMore(items.length) : m.count(items.length)}</span>
        <label class="order">${m.order}
          <select @change=${(e: Event) => (this.order = (e.target as HTMLSelectElement).value === 'oldest' ? 'oldest' : 'newest')}>
            <option value="newest" ?selected=${this.order !== 'oldest'}>${m.newest}</option>
            <option value="oldest" ?selected=${this.order === 'oldest'}>${m.oldest}</option>
          </select>
        </label>
      </div>
      ${this.offline ? html`<p class="notice" role="status">${m.offline}</p>` : nothing}
      ${reconnectingNotice(this.#network, locale)}
      ${items.length === 0
        ? html`<slot name="empty"><p class="notice">${m.empty}</p></slot>`
        : html`<ul class="items" aria-labelledby="queue-heading queue-count">${items.map((item) => this.#item(item, m, c, locale))}</ul>`}
      ${more ? html`<button type="button" part="more" class="more" ?disabled=${loadingMore || this.offline} aria-busy=${loadingMore ? 'true' : 'false'}
        @click=${() => this.#showMore()}>${loadingMore ? m.loadingMore : m.showMore}</button>` : nothing}
      ${this.noLog ? nothing : this.#logView(m, locale)}
    `;
  }

  #item(item: ModerationItem, m: ModerationQueueMessages, c: ReturnType<typeof commonMessages>, locale: Locale): TemplateResult {
    const headingId = `h-${item.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const post = item.post;
    const author = item.member?.pseudonym ?? post?.authorName ?? '';
    const title = item.kind === 'report'
      ? `${m.report}: ${m.reportReason(item.report!.reason)}`
      : item.kind === 'crisis' ? m.crisisItem : `${m.held}: ${m.holdReason(post?.statusReason ?? null)}`;
    const error = this.actionError?.itemId === item.id ? this.actionError.error : null;
    return html`<li part="item" class="item" aria-labelledby=${headingId} data-item=${item.id}>
      ${this.#heading(title, 1, headingId)}
      <p class="meta">
        ${time(item.createdAt, locale)}
        ${item.threadTitle ? html` · ${m.inThread(item.threadTitle)}` : nothing}
      </p>
      ${item.crisis?.length ? html`<p class="crisis" part="crisis"><strong>${m.crisisFlag}:</strong> ${m.crisisKinds(item.crisis)}. ${m.crisisAdvice}</p>` : nothing}
      ${item.report?.details ? html`<p class="details"><strong>${m.details}:</strong> ${item.report.details}</p>` : nothing}
      ${item.parent ? html`<blockquote class="context"><p class="label">${m.replyTo} ${item.parent.authorName}</p>${this.#text(item.parent)}</blockquote>` : nothing}
      ${post
        ? html`<div part="post" class="post">
            <p class="label">${m.by(author)}${post.status === 'hidden' ? html` · <strong>${m.hiddenNow}</strong>` : nothing}</p>
            ${this.#text(post)}
          </div>`
        : item.report?.target.kind === 'profile'
          ? html`<p class="post" part="post">${m.profileReport(author || item.report.target.uid)}</p>`
          : html`<p class="post" part="post">${m.postGone}</p>`}
      ${item.suspendedUntil ? html`<p class="suspended">${item.suspendedUntil >= UNTIL_LIFTED - DAY ? m.suspendedIndefinitely : m.suspendedUntil(formatDate(item.suspendedUntil, locale))}</p>` : nothing}
      ${this.#actions(item, m)}
      ${error ? html`<p class="error" role="alert">${c.error(error.code)}</p>` : nothing}
    </li>`;
  }

  // The post as its readers saw it (paragraphs, line breaks, https links), from the shared parts.
  #text(post: Post): TemplateResult {
    return html`<div class="body">${body(post.body)}</div>`;
  }

  #actions(item: ModerationItem, m: ModerationQueueMessages): TemplateResult {
    const post = item.post;
    const uid = item.member?.uid ?? post?.authorId ?? (item.report?.target.kind === 'profile' ? item.report.target.uid : null);
    const reportId = item.report?.id;
    const disabled = this.busy !== null || this.offline;
    const pending = this.pending?.itemId === item.id ? this.pending : null;
    if (pending) return this.#form(item, pending, m, uid, reportId);
    const postTarget = post ? {kind: 'post' as const, threadId: post.threadId, postId: post.id, ...(reportId ? {reportId} : {})} : null;
    return html`<div part="actions" class="actions">
      ${post?.status === 'held' && postTarget ? html`<button type="button" class="primary" ?disabled=${disabled}
        @click=${() => this.#act(item.id, 'approve', postTarget, '')}>${m.approve}</button>` : nothing}
      ${post && (post.status === 'visible' || post.status === 'held') ? html`<button type="button" class="danger" ?disabled=${disabled}
        @click=${() => this.#open(item.id, 'hide')}>${m.hide}</button>` : nothing}
      ${post?.status === 'hidden' && postTarget ? html`<button type="button" ?disabled=${disabled}
        @click=${() => this.#act(item.id, 'restore', postTarget, '')}>${m.restore}</button>` : nothing}
      ${item.kind === 'crisis' && postTarget ? html`<button type="button" class="primary" ?disabled=${disabled}
        @click=${() => this.#act(item.id, 'clear-crisis', postTarget, '')}>${m.clearCrisis}</button>` : nothing}
      ${reportId ? html`<button type="button" ?disabled=${disabled}
        @click=${() => this.#act(item.id, 'dismiss-report', {kind: 'report', reportId}, '')}>${m.dismiss}</button>` : nothing}
      ${uid && !item.suspendedUntil ? html`<button type="button" class="danger" ?disabled=${disabled}
        @click=${() => this.#open(item.id, 'suspend')}>${post ? m.suspend : m.suspendMember}</button>` : nothing}
      ${uid && item.suspendedUntil ? html`<button type="button" ?disabled=${disabled}
        @click=${() => this.#act(item.id, 'lift-suspension', {kind: 'member', uid}, '')}>${m.lift}</button>` : nothing}
    </div>`;
  }

  #form(item: ModerationItem, p: Pending, m: ModerationQueueMessages, uid: string | null, reportId: string | undefined): TemplateResult {
    const id = `f-${item.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const post = item.post;
    const submit = (e: Event) => {
      e.preventDefault();
      // The latest state, not this render's: a fast user can type and submit before a re-render.
      const p = this.pending;
      if (!p) return;
      const reason = p.reason.trim();
      if (!reason) {
        this.pending = {...p, error: p.action === 'hide' ? m.reasonRequired : m.suspendReasonRequired};
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>(`#${id}-reason`)?.focus());
        return;
      }
      if (p.action === 'hide' && post) {
        void this.#act(item.id, 'hide', {kind: 'post', threadId: post.threadId, postId: post.id, ...(reportId ? {reportId} : {})}, reason);
      } else if (uid) {
        const until = p.days === 0 ? null : Date.now() + p.days * DAY;
        void this.#act(item.id, 'suspend', {kind: 'member', uid, until, ...(reportId ? {reportId} : {})}, reason);
      }
    };
    return html`<form part="actions" class="actions form" @submit=${submit} novalidate>
      ${p.action === 'suspend' ? html`<label for="${id}-days">${m.duration}</label>
        <select id="${id}-days" @change=${(e: Event) => (this.pending = {...this.pending!, days: Number((e.target as HTMLSelectElement).value)})}>
          ${DURATIONS.map((d) => html`<option value=${d} ?selected=${p.days === d}>${d === 0 ? m.untilLifted : m.days(d)}</option>`)}
        </select>` : nothing}
      <label for="${id}-reason">${p.action === 'hide' ? m.reason : m.suspendReason}</label>
      <textarea id="${id}-reason" rows="2" maxlength="200" .value=${p.reason} aria-invalid=${p.error ? 'true' : 'false'}
        aria-describedby=${p.error ? `${id}-error` : nothing}
        @input=${(e: Event) => (this.pending = {...this.pending!, reason: (e.target as HTMLTextAreaElement).value, error: null})}></textarea>
      ${p.error ? html`<p class="error" id="${id}-error">${p.error}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="danger" ?disabled=${this.busy !== null || this.offline}>${this.busy === item.id ? m.working : p.action === 'hide' ? m.confirmHide : m.confirmSuspend}</button>
        <button type="button" @click=${() => this.#close(item.id)}>${m.cancel}</button>
      </div>
    </form>`;
  }

  #open(itemId: string, action: 'hide' | 'suspend') {
    this.pending = {itemId, action, reason: '', days: 7, error: null};
    this.actionError = null;
    void this.updateComplete.then(() => {
      const id = `f-${itemId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
      this.renderRoot.querySelector<HTMLElement>(action === 'suspend' ? `#${id}-days` : `#${id}-reason`)?.focus();
    });
  }

  #close(itemId: string) {
    this.pending = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-item="${CSS.escape(itemId)}"] .actions button`)?.focus());
  }

  async #act(itemId: string, action: ModerationAction, target: ModerationTarget, reason: string) {
    const store = this.#store;
    if (!store || this.busy) return;
    const request = new KinModerateEvent(action, itemId, reason);
    if (!this.dispatchEvent(request)) return;
    this.busy = itemId;
    this.actionError = null;
    const m = moderationQueueMessages(this.#consumer.locale);
    // Where focus goes once the item leaves the list: the next item, else the heading.
    const items = this.#items;
    const index = items.findIndex((i) => i.id === itemId);
    const nextId = items[index + 1]?.id ?? items[index - 1]?.id ?? null;
    try {
      const entry = await store.moderate(action, target, reason);
      this.pending = null;
      this.announcement = m.done(action);
      this.dispatchEvent(new KinModeratedEvent(action, entry.id, entry.targetPath));
      await this.updateComplete;
      const next = nextId ? this.renderRoot.querySelector<HTMLElement>(`[data-item="${CSS.escape(nextId)}"] .actions button`) : null;
      (next ?? this.renderRoot.querySelector<HTMLElement>('select'))?.focus();
    } catch (e) {
      const error = toKindredError(e);
      this.actionError = {itemId, error};
      this.#report(error, 'moderate');
    } finally {
      this.busy = null;
    }
  }

  #report(error: KindredError, operation: string) {
    if (this.#reported.has(error)) return;
    this.#reported.add(error);
    this.dispatchEvent(new KinErrorEvent(error.code, error.message, operation));
  }

  /** Undo from the log: restore a post a moderator hid, lift a suspension. */
  #logAction(e: ModLogEntry, m: ModerationQueueMessages): TemplateResult | typeof nothing {
    const disabled = this.busy !== null || this.offline;
    const post = /^threads\/([A-Za-z0-9_-]+)\/posts\/([A-Za-z0-9_-]+)$/.exec(e.targetPath);
    if (e.action === 'hide' && post) {
      return html`<button type="button" ?disabled=${disabled}
        @click=${() => this.#act(`log:${e.id}`, 'restore', {kind: 'post', threadId: post[1], postId: post[2]}, '')}>${m.restore}</button>`;
    }
    const member = /^members\/([A-Za-z0-9_-]+)$/.exec(e.targetPath);
    if (e.action === 'suspend' && member) {
      return html`<button type="button" ?disabled=${disabled}
        @click=${() => this.#act(`log:${e.id}`, 'lift-suspension', {kind: 'member', uid: member[1]}, '')}>${m.lift}</button>`;
    }
    return nothing;
  }

  // Issue 12: the log names what an action was about (the thread's title, the member's name) instead of a raw
  // document path. Names are read once each, as the entries arrive; until then (or if unreadable) a plain word.
  #names = new Map<string, string | null>();
  #nameFor(key: string, read: (store: CommunityStore) => Promise<string | null>): string | null {
    if (this.#names.has(key)) return this.#names.get(key) ?? null;
    const store = this.#consumer.store;
    if (!store) return null;
    this.#names.set(key, null);
    read(store).then((name) => {
      if (name) {
        this.#names.set(key, name);
        this.requestUpdate();
      }
    }, () => undefined);
    return null;
  }
  #memberName(uid: string): string | null {
    return this.#nameFor(`m:${uid}`, async (store) => (await store.getMember(uid))?.pseudonym ?? null);
  }
  #logTarget(path: string, m: ModerationQueueMessages): string {
    const post = /^threads\/([A-Za-z0-9_-]+)\/posts\/[A-Za-z0-9_-]+$/.exec(path);
    if (post) return ` ${m.logPost(this.#nameFor(`t:${post[1]}`, async (store) => (await store.getThread(post[1]))?.title ?? null))}`;
    const member = /^members\/([A-Za-z0-9_-]+)$/.exec(path);
    if (member) return ` ${m.logMember(this.#memberName(member[1]))}`;
    if (/^reports\//.test(path)) return ` ${m.logReport}`;
    return '';
  }
  #logActor(uid: string, m: ModerationQueueMessages): string {
    const name = uid ? this.#memberName(uid) : null;
    return name ? ` ${m.logBy(name)}` : '';
  }

  #logView(m: ModerationQueueMessages, locale: Locale): TemplateResult {
    const entries = this.#log.value ?? [];
    return html`<section part="log" class="log" aria-labelledby="log-heading">
      ${this.#heading(m.log, 1, 'log-heading')}
      ${this.#log.status === 'ready' && entries.length === 0 ? html`<p class="notice">${m.logEmpty}</p>` : nothing}
      ${entries.length ? html`<ol class="entries">${entries.map((e) => html`<li>
        ${time(e.at, locale)}
        <span>${m.logAction(e.action)}${this.#logTarget(e.targetPath, m)}${this.#logActor(e.actorId, m)}${e.reason ? html` – ${e.reason}` : nothing}</span>
        ${this.#logAction(e, m)}
        ${this.actionError?.itemId === `log:${e.id}` ? html`<p class="error" role="alert">${commonMessages(locale).error(this.actionError.error.code)}</p>` : nothing}
      </li>`)}</ol>` : nothing}
    </section>`;
  }
}
