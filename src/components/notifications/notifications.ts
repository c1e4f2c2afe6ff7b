import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import styles from './notifications.styles.js';
import {notificationsMessages, type NotificationsMessages} from './notifications.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {time} from '../shared/parts.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {LiveController} from '../../controllers/live.js';
import {OnlineController} from '../../controllers/online.js';
import {meController} from '../../controllers/community-data.js';
import {toKindredError, type KindredError} from '../../data/errors.js';
import type {KinNotification} from '../../data/domain/notifications.js';
import type {CommunityStore, NotificationFeed} from '../../data/store.js';
import type {Locale} from '../../data/types.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinNotificationOpenEvent} from '../../events/notification-open.js';
import {loadingText} from '../../directives/loading-text.js';

const MOD_KINDS = new Set(['report', 'held-post']);
const CONNECTION_KINDS = new Set(['connection-request', 'connection-accepted']);

/**
 * A bell with the member's unread count and a panel of their notifications: replies to their posts, new
 * posts in threads they follow, reactions gathered into one line ("3 people sent a hug"), connection
 * requests and answers, what happened to their held or hidden post, and for moderators new reports and
 * held posts. Live; mark one or all read; opening one goes to the post in its thread (`thread-href`),
 * the moderation queue (`queue-href`) or the connections page (`connections-href`). The notifications
 * are written by the community's Cloud Functions (or made in the browser by the local store) and
 * never contain what a member wrote. Where the functions are not deployed, admins are told so.
 *
 * @summary Notifications: a bell with an unread count and a live panel.
 * @tagname kin-notifications
 * @slot empty - Replaces the message shown when there are no notifications.
 * @event kin-notification-open - Cancelable; the member opened a notification (`href`, ids). `preventDefault()` stays on the page.
 * @event kin-error - Loading or marking read failed; the element shows why.
 * @csspart base - The wrapper.
 * @csspart bell - The bell button.
 * @csspart count - The unread count on the bell.
 * @csspart panel - The panel of notifications.
 * @csspart item - Each notification.
 * @cssproperty [--kin-color-primary=#0b6e4f] - Accent colour of links, buttons and focus.
 * @cssproperty [--kin-notifications-count-background=#b42318] - Background of the unread count.
 * @cssproperty [--kin-notifications-panel-width=22rem] - Width of the panel.
 */
export class KinNotifications extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Link to a post: `{thread}` and `{post}` are replaced by the ids ("/talk?thread={thread}#post-{post}"). Relative or https only. */
  @property({attribute: 'thread-href'}) threadHref = '';
  /** Link to the moderation queue, for moderators' notifications. Relative or https only. */
  @property({attribute: 'queue-href'}) queueHref = '';
  /** Link to the member's connections (where `<kin-peer-match-card>` is). Relative or https only. */
  @property({attribute: 'connections-href'}) connectionsHref = '';
  /** How many notifications the panel lists (1–200). */
  @property({type: Number}) limit = 20;
  /** Heading level (1–6) of the panel heading. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** Whether the panel is open; the member opens and closes it with the bell. */
  @property({type: Boolean, reflect: true}) open = false;
  /** A store to use directly, without a `<kin-community>` (developers composing by hand). */
  @property({attribute: false}) store: CommunityStore | null = null;

  @state() private actionError: KindredError | null = null;
  @state() private announcement = '';
  #network = new OnlineController(this);
  #consumer = new CommunityConsumer(this);
  #feed = new LiveController<NotificationFeed, [CommunityStore | null, string | null, number]>(this, {
    key: () => [this.#store, this.#consumer.user?.uid ?? null, this.#limit],
    subscribe: ([store, uid, limit], next, error) => (store && uid ? store.watchNotifications({limit}, next, error) : null),
  });
  #me = meController(this, () => this.#store, () => this.#consumer.user?.uid ?? null);
  #reported = new WeakSet<KindredError>();

  get #store(): CommunityStore | null {
    this.#consumer.override = this.store;
    return this.#consumer.store;
  }

  get #limit(): number {
    return Math.max(1, Math.min(200, Math.round(this.limit) || 20));
  }

  /** Unread notifications (0 until loaded, or when signed out). */
  get unread(): number {
    return this.#feed.value?.unread ?? 0;
  }

  override render() {
    const locale = this.#consumer.locale;
    const m = notificationsMessages(locale);
    const unread = this.#consumer.user ? this.unread : 0;
    return html`<div part="base" class="base" @keydown=${this.#onKeydown}>
      <button type="button" part="bell" class="bell" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel"
        aria-label=${m.bell(unread)} @click=${this.#toggle}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"/>
        </svg>
        ${unread ? html`<span part="count" class="count" aria-hidden="true">${unread > 199 ? '200+' : unread}</span>` : nothing}
      </button>
      <div id="panel" part="panel" class="panel" role="region" aria-labelledby="heading" ?hidden=${!this.open}>
        ${this.#heading(m)}
        ${this.open ? this.#body(m, locale) : nothing}
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  #heading(m: NotificationsMessages): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<div id="heading" role="heading" aria-level=${level} class="heading">${m.heading}</div>`;
  }

  #body(m: NotificationsMessages, locale: Locale): TemplateResult {
    const c = commonMessages(locale);
    if (!this.#store) return html`<p class="notice">${this.#consumer.provided ? c.loading : m.noCommunity}</p>`;
    if (!this.#consumer.user) return html`<p class="notice">${m.signedOut}</p>`;
    const feed = this.#feed;
    if (feed.status === 'error') {
      this.#report(feed.error!, 'load');
      return html`<div role="alert" class="error">${c.error(feed.error!.code)}
        <button type="button" @click=${() => feed.retry()}>${c.retry}</button></div>`;
    }
    if (feed.status !== 'ready' || !feed.value) return html`<p class="notice" role="status" aria-busy="true">${loadingText(locale)}</p>`;
    const {items, unread, enabled} = feed.value;
    const isAdmin = !!this.#me.value?.badges.includes('admin');
    return html`
      ${this.#network.offline ? html`<p class="notice">${m.offline}</p>` : nothing}
      ${!enabled && isAdmin ? html`<p class="notice off" role="note">${m.notSwitchedOn}</p>` : nothing}
      ${this.actionError ? html`<div role="alert" class="error">${c.error(this.actionError.code)}</div>` : nothing}
      ${unread ? html`<button type="button" class="mark-all" @click=${this.#markAll}>${m.markAll}</button>` : nothing}
      ${items.length
        ? html`<ul class="items">${items.map((n) => this.#item(n, m, locale))}</ul>`
        : html`<div class="empty"><slot name="empty"><p class="notice">${m.empty}</p></slot></div>`}`;
  }

  #text(n: KinNotification, m: NotificationsMessages): string {
    switch (n.kind) {
      case 'reply': return m.reply;
      case 'thread-post': return m.threadPost;
      case 'reaction': return m.reaction(n.count, n.reactionKind ?? 'heart');
      case 'connection-request': return m.connectionRequest;
      case 'connection-accepted': return m.connectionAccepted;
      case 'post-approved': return m.postApproved;
      case 'post-hidden': return m.postHidden;
      case 'report': return m.report;
      case 'held-post': return m.heldPost;
      default: return m.heading;
    }
  }

  #item(n: KinNotification, m: NotificationsMessages, locale: Locale): TemplateResult {
    const href = this.#href(n);
    const text = this.#text(n, m);
    const reason = n.kind === 'post-hidden' && n.reason ? html`<span class="reason">${m.reason(n.reason)}</span>` : nothing;
    const when = time(n.updatedAt, locale);
    const label = html`${n.read ? nothing : html`<span class="visually-hidden">${m.unread}: </span>`}<span class="text">${text}</span>`;
    return html`<li part="item" class=${n.read ? 'item' : 'item unread'}>
      ${href
        ? html`<a class="open" href=${href} @click=${(e: MouseEvent) => this.#open(e, n, href)}>${label}</a>`
        : html`<button type="button" class="open" @click=${(e: MouseEvent) => this.#open(e, n, null)}>${label}</button>`}
      ${reason}
      <span class="meta">${when}</span>
      ${n.read ? nothing : html`<button type="button" class="mark" aria-label=${`${m.markOne}: ${text}`} @click=${() => this.#mark([n.id])}>${m.markOne}</button>`}
    </li>`;
  }

  /** The item's link from the configured templates; only relative or https links. */
  #href(n: KinNotification): string | null {
    let template = '';
    if (MOD_KINDS.has(n.kind)) template = this.queueHref;
    else if (CONNECTION_KINDS.has(n.kind)) template = this.connectionsHref;
    else if (n.threadId) template = this.threadHref;
    if (!template) return null;
    const filled = template.replace(/\{thread\}/g, encodeURIComponent(n.threadId ?? '')).replace(/\{post\}/g, encodeURIComponent(n.postId ?? ''));
    try {
      const url = new URL(filled, document.baseURI);
      const relative = !/^[a-z][a-z0-9+.-]*:/i.test(filled) && !filled.startsWith('//');
      if (url.protocol === 'https:' || (relative && url.origin === location.origin)) return url.href;
    } catch { /* not a URL */ }
    return null;
  }

  #open(e: MouseEvent, n: KinNotification, href: string | null) {
    const event = new KinNotificationOpenEvent(n.id, n.kind, n.threadId, n.postId, n.connectionId, n.reportId, href);
    this.dispatchEvent(event);
    if (!n.read) void this.#mark([n.id]);
    if (event.defaultPrevented) e.preventDefault();
  }

  async #mark(ids: string[] | 'all') {
    const store = this.#store;
    if (!store) return;
    this.actionError = null;
    try {
      await store.markNotificationsRead(ids);
    } catch (err) {
      const error = toKindredError(err);
      this.actionError = error;
      this.#report(error, 'mark-read');
    }
  }

  async #markAll() {
    await this.#mark('all');
    if (!this.actionError) {
      this.announcement = notificationsMessages(this.#consumer.locale).allRead;
      // Focus would otherwise fall to the page: keep it in the panel.
      await this.updateComplete;
      (this.renderRoot.querySelector('.items .open') as HTMLElement | null)?.focus();
    }
  }

  #toggle() {
    this.open = !this.open;
  }

  #onKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape' && this.open) {
      this.open = false;
      (this.renderRoot.querySelector('.bell') as HTMLElement | null)?.focus();
    }
  }

  #report(error: KindredError, operation: string) {
    if (this.#reported.has(error)) return;
    this.#reported.add(error);
    this.dispatchEvent(new KinErrorEvent(error.code, error.message, operation));
  }
}
