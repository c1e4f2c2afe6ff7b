import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import {moreIcon} from '../icons.js';
import {avatar} from '../shared/parts.js';
import styles from './member-directory.styles.js';
import {directoryMessages} from './member-directory.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {reconnectingNotice} from '../../directives/reconnecting.js';
import {formatDate} from '../../i18n/messages.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {OnlineController} from '../../controllers/online.js';
import type {CommunityStore, MemberQuery} from '../../data/store.js';
import {RELATIONSHIPS, REPORT_REASONS, ROLE_NAMES, type MemberProfile, type Relationship, type ReportReason, type RoleName} from '../../data/types.js';
import {toKindredError, type KindredError} from '../../data/errors.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinJoinRequestEvent} from '../../events/join.js';
import {KinConnectRequestEvent} from '../../events/connect-request.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {tagLabel} from '../../i18n/tags.js';
import {customTagLabel} from '../../data/community-admin.js';
import {loadingText} from '../../directives/loading-text.js';

type Filters = {search: string; relationship: Relationship | ''; tag: string; role: RoleName | ''; sort: 'newest' | 'name'};

/**
 * Who is here: the members who chose to be listed, with their pseudonym, avatar, relationship to the
 * condition, badges, shared experiences and when they joined. Search by name, filter by relationship,
 * shared experience or role, sort by newest or name, and page on with "Show more" (a cursor, never an
 * offset). A card opens the member's shared profile in place, says hello (a peer connection request)
 * or reports the profile. Visitors see no one: only members read the directory.
 *
 * @summary The opt-in member directory.
 * @tagname kin-member-directory
 * @slot empty - Shown instead of the built-in message when no member matches.
 * @event kin-connect-request - Cancelable: the member says hello to another member (`uid`, `message`). With a `<kin-peer-match-card>` in the community that card opens its form; otherwise the directory asks for an optional hello and sends the request itself.
 * @event kin-join-request - A signed-out visitor pressed "Join" (`reason` "directory").
 * @event kin-error - Loading or reporting failed; the element shows why.
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart search - The search and filter form.
 * @csspart list - The list of member cards.
 * @csspart card - One member card.
 * @csspart avatar - A member's avatar.
 * @csspart more - The "Show more" button.
 * @csspart more-button - Each card's "More" button, which opens its rare actions (report, block).
 * @csspart menu - The list of a card's rare actions.
 * @cssproperty [--kin-member-directory-gap=1rem] - Space between cards.
 * @cssproperty [--kin-member-directory-card-background=#fff] - Card background.
 * @cssproperty [--kin-color-primary=#0b6e4f] - Accent colour of buttons and badges.
 */
export class KinMemberDirectory extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Heading level (1–6) of the directory heading; member names use the next level. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** `grid` of cards (default) or a single-column `list`. */
  @property({reflect: true}) layout: 'grid' | 'list' = 'grid';
  /** Members per page (1–50). */
  @property({type: Number, attribute: 'page-size'}) pageSize = 20;
  /** A store to use without a `<kin-community>` around the element. */
  @property({attribute: false}) store: CommunityStore | null = null;

  @state() private filters: Filters = {search: '', relationship: '', tag: '', role: '', sort: 'newest'};
  @state() private items: MemberProfile[] = [];
  @state() private next: string | null = null;
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private loadingMore = false;
  @state() private error: KindredError | null = null;
  @state() private open = new Set<string>();
  @state() private reporting: string | null = null;
  @state() private reportReason: ReportReason = 'harm';
  @state() private reportDetails = '';
  @state() private reportError: KindredError | null = null;
  @state() private reported = new Set<string>();
  /** Issue 18: the card whose "More" menu (report, block) is open, the one asking to confirm a block, and who was blocked. */
  @state() private menuFor: string | null = null;
  @state() private blocking: string | null = null;
  @state() private blocked = new Set<string>();
  @state() private blockError: KindredError | null = null;
  @state() private notice = '';
  /** Issue 12: the member whose "say hello" form is open here (no peer-match card on the page to open it). */
  @state() private greeting: string | null = null;
  @state() private helloMessage = '';
  @state() private helloBusy = false;
  @state() private helloError: KindredError | null = null;
  @state() private greeted = new Set<string>();
  #network = new OnlineController(this, (online) => {
    if (online && this.status === 'error') void this.#load(false);
  }, () => this.#store);
  private get offline() {
    return this.#network.offline;
  }

  #community = new CommunityConsumer(this);
  #seq = 0;
  #loadedFor: unknown[] = [];
  #communityDoc = communityController(this, () => this.#store);
  #me = meController(this, () => this.#store, () => this.#community.user?.uid ?? null);

  get #store(): CommunityStore | null {
    this.#community.override = this.store;
    return this.#community.store;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // (Re)load the first page when the store, the member or the page size changes.
    const me = this.#me.value;
    const key = [this.#store, me?.uid ?? null, this.pageSize];
    if (me && key.some((k, i) => k !== this.#loadedFor[i])) {
      this.#loadedFor = key;
      void this.#load(false);
    }
  }

  #query(cursor: string | null): MemberQuery {
    const f = this.filters;
    return {
      sort: f.sort, search: f.search.trim() || undefined, relationship: f.relationship || undefined, tag: f.tag || undefined,
      role: f.role || undefined, cursor, limit: Math.min(50, Math.max(1, Math.round(this.pageSize) || 20)),
    };
  }

  async #load(more: boolean) {
    const store = this.#store;
    if (!store) return;
    const seq = ++this.#seq;
    if (more) this.loadingMore = true;
    else this.status = 'loading';
    try {
      const page = await store.listMembers(this.#query(more ? this.next : null));
      if (seq !== this.#seq) return;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.next;
      this.status = 'ready';
      this.error = null;
    } catch (e) {
      if (seq !== this.#seq) return;
      const error = toKindredError(e);
      this.error = error;
      if (!more) this.status = 'error';
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'load-members'));
    } finally {
      if (seq === this.#seq) this.loadingMore = false;
    }
  }

  async #showMore() {
    const before = this.items.length;
    await this.#load(true);
    await this.updateComplete;
    // Move focus to the first new card so keyboard users continue where the new members start. Issue 17: a list
    // that ended exactly at a page boundary answers with no one new (the button goes): focus the last card.
    const cards = this.renderRoot.querySelectorAll<HTMLElement>('[part~="card"]');
    (cards[before] ?? cards[cards.length - 1])?.focus();
  }

  #setFilter<K extends keyof Filters>(key: K, value: Filters[K]) {
    const next = {...this.filters, [key]: value};
    this.notice = '';
    // Firestore answers one list filter per query: a tag or a role.
    if (key === 'tag' && value && next.role) {
      next.role = '';
      this.notice = directoryMessages(this.#community.locale).oneListFilter;
    } else if (key === 'role' && value && next.tag) {
      next.tag = '';
      this.notice = directoryMessages(this.#community.locale).oneListFilter;
    }
    this.filters = next;
    if (key !== 'search') void this.#load(false);
  }

  #onSearch(e: Event) {
    e.preventDefault();
    void this.#load(false);
  }

  #toggle(uid: string) {
    const open = new Set(this.open);
    if (open.has(uid)) open.delete(uid);
    else open.add(uid);
    this.open = open;
  }

  async #sendReport(e: Event, m: MemberProfile) {
    e.preventDefault();
    const store = this.#store;
    if (!store) return;
    try {
      await store.report({target: {kind: 'profile', uid: m.uid}, reason: this.reportReason, details: this.reportDetails});
      this.reported = new Set([...this.reported, m.uid]);
      this.reporting = null;
      this.reportError = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-uid="${m.uid}"] .sent`)?.focus();
    } catch (err) {
      const error = toKindredError(err);
      this.reportError = error;
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'report'));
    }
  }

  override render() {
    const locale = this.#community.locale;
    const m = directoryMessages(locale);
    const c = commonMessages(locale);
    const store = this.#store;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const heading = html`<div part="heading" class="heading" role="heading" aria-level=${level}>${m.heading}</div>`;
    const wrap = (body: unknown) => html`<section part="base" aria-label=${m.heading}>${heading}${body}<slot name="empty" ?hidden=${!(this.status === 'ready' && this.items.length === 0)}></slot></section>`;

    if (!store || (this.#community.user && (this.#me.status === 'loading' || this.#me.status === 'idle'))) {
      if (this.#community.value?.error) return wrap(html`<p role="alert">${c.configError}</p>`);
      return wrap(html`<p role="status" aria-busy="true">${loadingText(locale)}</p>`);
    }
    if (!this.#community.user || this.#me.value === null) {
      return wrap(html`
        <p>${this.#community.user ? m.notMember : m.signedOut}</p>
        <div class="actions"><button class="primary" type="button" @click=${() => this.dispatchEvent(new KinJoinRequestEvent('directory'))}>${m.joinButton}</button></div>`);
    }
    if (this.#me.status === 'error') {
      return wrap(html`<div role="alert"><p class="error">${c.error(this.#me.error!.code)}</p>
        <button type="button" @click=${() => this.#me.retry()}>${c.retry}</button></div>`);
    }
    const community = this.#communityDoc.value;
    const tags = community?.settings.tags ?? [];
    const f = this.filters;
    const filtered = !!(f.search || f.relationship || f.tag || f.role);
    return wrap(html`
      <p class="intro">${m.intro}</p>
      ${this.offline ? html`<p class="notice" role="status">${m.offline}</p>` : nothing}
      ${reconnectingNotice(this.#network, locale)}
      <form part="search" role="search" aria-label=${m.search} @submit=${this.#onSearch}>
        <div class="field">
          <label for="search">${m.search}</label>
          <input id="search" type="search" autocomplete="off" maxlength="30" .value=${f.search}
            @input=${(e: Event) => (this.filters = {...this.filters, search: (e.target as HTMLInputElement).value})} />
        </div>
        <button type="submit" class="primary">${m.searchButton}</button>
        <div class="field">
          <label for="relationship">${m.relationship}</label>
          <select id="relationship" @change=${(e: Event) => this.#setFilter('relationship', (e.target as HTMLSelectElement).value as Relationship | '')}>
            <option value="" ?selected=${!f.relationship}>${m.any}</option>
            ${RELATIONSHIPS.map((r) => html`<option value=${r} ?selected=${f.relationship === r}>${c[`relationship_${r}`]}</option>`)}
          </select>
        </div>
        ${tags.length ? html`<div class="field">
          <label for="tag">${m.tag}</label>
          <select id="tag" @change=${(e: Event) => this.#setFilter('tag', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!f.tag}>${m.any}</option>
            ${tags.map((t) => html`<option value=${t} ?selected=${f.tag === t}>${customTagLabel(community?.settings, t, locale) ?? tagLabel(t, tags)}</option>`)}
          </select>
        </div>` : nothing}
        <div class="field">
          <label for="role">${m.role}</label>
          <select id="role" @change=${(e: Event) => this.#setFilter('role', (e.target as HTMLSelectElement).value as RoleName | '')}>
            <option value="" ?selected=${!f.role}>${m.any}</option>
            ${ROLE_NAMES.map((r) => html`<option value=${r} ?selected=${f.role === r}>${c[`badge_${r}`]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="sort">${m.sort}</label>
          <select id="sort" @change=${(e: Event) => this.#setFilter('sort', (e.target as HTMLSelectElement).value as 'newest' | 'name')}>
            <option value="newest" ?selected=${f.sort === 'newest'}>${m.sortNewest}</option>
            <option value="name" ?selected=${f.sort === 'name'}>${m.sortName}</option>
          </select>
        </div>
      </form>
      <p class="muted" role="status">${this.notice}${this.status === 'ready' && this.items.length ? ` ${m.count(this.items.length, !!this.next)}` : ''}</p>
      ${this.#body(m, c, filtered)}
    `);
  }

  #body(m: ReturnType<typeof directoryMessages>, c: ReturnType<typeof commonMessages>, filtered: boolean) {
    if (this.status === 'error') {
      return html`<div role="alert"><p class="error">${c.error(this.error!.code)}</p>
        <button type="button" @click=${() => this.#load(false)}>${c.retry}</button></div>`;
    }
    if (this.status !== 'ready') return html`<p role="status" aria-busy="true">${loadingText(this.#community.locale)}</p>`;
    if (!this.items.length) return html`<p class="muted">${filtered ? m.empty : m.emptyNoFilter}</p>`;
    return html`
      <ul part="list" class="members ${this.layout === 'list' ? 'list' : 'grid'}">
        ${this.items.map((member) => this.#card(member, m, c))}
      </ul>
      ${this.error && this.loadingMore === false && this.status === 'ready' && this.next
        ? html`<p class="error" role="alert">${c.error(this.error.code)}</p>` : nothing}
      ${this.next ? html`<button part="more" type="button" ?disabled=${this.loadingMore || this.offline} @click=${this.#showMore}>
        ${this.loadingMore ? m.loadingMore : m.showMore}</button>` : nothing}
    `;
  }

  #card(member: MemberProfile, m: ReturnType<typeof directoryMessages>, c: ReturnType<typeof commonMessages>) {
    const locale = this.#community.locale;
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + 1);
    const isMe = member.uid === this.#community.user?.uid;
    const open = this.open.has(member.uid);
    const detailsId = `details-${member.uid}`;
    return html`
      <li part="card" tabindex="-1" data-uid=${member.uid} aria-labelledby="name-${member.uid}">
        <div class="who">
          ${avatar({name: member.pseudonym, url: member.avatarUrl, hue: member.avatarHue})}
          <div>
            <div class="name" role="heading" aria-level=${level} id="name-${member.uid}">${member.pseudonym}</div>
            <div class="muted">${c[`relationship_${member.relationship}`]}${isMe ? html` · ${m.you}` : nothing}</div>
          </div>
        </div>
        ${member.badges.length ? html`<ul class="badges">${member.badges.map((b) => html`<li class="badge">${c[`badge_${b}`]}</li>`)}</ul>` : nothing}
        ${member.tags.length ? html`<ul class="tags" aria-label=${m.tags}>${member.tags.map((t) => html`<li class="tag">${customTagLabel(this.#communityDoc.value?.settings, t, this.#community.locale) ?? tagLabel(t, this.#communityDoc.value?.settings.tags ?? [])}</li>`)}</ul>` : nothing}
        <p class="muted">${m.joined(formatDate(member.joinedAt, locale))}</p>
        <div class="actions">
          <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${detailsId} @click=${() => this.#toggle(member.uid)}>
            ${open ? m.hideProfile(member.pseudonym) : m.viewProfile(member.pseudonym)}</button>
          ${isMe ? nothing : html`
            ${this.blocked.has(member.uid) || this.greeted.has(member.uid) ? nothing : html`<button type="button" class="hello" @click=${() => void this.#sayHello(member.uid)}>${m.sayHello(member.pseudonym)}</button>`}
            ${this.#moreMenu(member, m)}`}
        </div>
        <div class="details" id=${detailsId} ?hidden=${!open}>
          ${open ? html`
            ${member.clinicianScope ? html`<p>${m.scope(member.clinicianScope)}</p>` : nothing}
            <p><strong>${m.bio}:</strong> ${member.bio || m.noBio}</p>` : nothing}
        </div>
        ${this.reported.has(member.uid) ? html`<p class="sent" tabindex="-1" role="status">${m.reportSent}</p>` : nothing}
        ${this.reporting === member.uid ? this.#reportForm(member, m, c) : nothing}
        ${this.blocking === member.uid ? this.#blockConfirm(member, m, c) : nothing}
        ${this.blocked.has(member.uid) ? html`<p class="sent" tabindex="-1" role="status" data-blocked>${m.blockedNotice(member.pseudonym)}</p>` : nothing}
        ${this.greeting === member.uid ? this.#helloForm(member, m, c) : nothing}
        ${this.greeted.has(member.uid) ? html`<p class="sent hello-sent" tabindex="-1" role="status">${m.helloSent(member.pseudonym)}</p>` : nothing}
      </li>
    `;
  }

  // Issue 18: rare actions (report, block) behind one "More" button: a disclosure of plain buttons, so a
  // keyboard or screen-reader user reaches each in two steps (open, choose); Escape closes it.
  #moreMenu(member: MemberProfile, m: ReturnType<typeof directoryMessages>) {
    const uid = member.uid;
    const open = this.menuFor === uid;
    const menuId = `more-${uid}`;
    const choose = (action: () => void) => () => {
      this.menuFor = null;
      action();
    };
    const items = [
      this.reported.has(uid) ? null : html`<li><button type="button" @click=${choose(() => void this.#openReport(uid))}>${m.report(member.pseudonym)}</button></li>`,
      this.blocked.has(uid) ? null : html`<li><button type="button" @click=${choose(() => void this.#openBlock(uid))}>${m.block(member.pseudonym)}</button></li>`,
    ].filter(Boolean);
    if (!items.length) return nothing;
    return html`<div class="more" @keydown=${(e: KeyboardEvent) => this.#menuKey(e, uid)}>
      <button type="button" part="more-button" class="more-button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${menuId}
        aria-label=${m.moreActions(member.pseudonym)} @click=${() => void this.#toggleMenu(uid)}>${moreIcon()} ${m.more}</button>
      <ul class="menu" part="menu" id=${menuId} ?hidden=${!open}>${items}</ul>
    </div>`;
  }

  async #toggleMenu(uid: string) {
    this.menuFor = this.menuFor === uid ? null : uid;
    if (this.menuFor !== uid) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#more-${CSS.escape(uid)} button`)?.focus();
  }

  async #menuKey(e: KeyboardEvent, uid: string) {
    if (e.key !== 'Escape' || this.menuFor !== uid) return;
    e.stopPropagation();
    this.menuFor = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-uid="${CSS.escape(uid)}"] .more-button`)?.focus();
  }

  async #openBlock(uid: string) {
    this.blocking = uid;
    this.blockError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.block-confirm button.danger')?.focus();
  }

  async #block(member: MemberProfile) {
    const store = this.#store;
    if (!store) return;
    try {
      await store.blockMember(member.uid);
      this.blocked = new Set([...this.blocked, member.uid]);
      this.blocking = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-uid="${CSS.escape(member.uid)}"] [data-blocked]`)?.focus();
    } catch (err) {
      const error = toKindredError(err);
      this.blockError = error;
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'block'));
    }
  }

  #blockConfirm(member: MemberProfile, m: ReturnType<typeof directoryMessages>, c: ReturnType<typeof commonMessages>) {
    return html`<div class="block-confirm" role="group" aria-label=${m.block(member.pseudonym)}>
      <p>${m.blockExplain(member.pseudonym)}</p>
      ${this.blockError ? html`<p class="error" role="alert">${c.error(this.blockError.code)}</p>` : nothing}
      <div class="actions">
        <button type="button" class="danger" @click=${() => void this.#block(member)}>${m.blockConfirm}</button>
        <button type="button" @click=${() => (this.blocking = null)}>${m.reportCancel}</button>
      </div>
    </div>`;
  }

  /**
   * "Say hello": a `<kin-peer-match-card>` in the same community opens its own form for the event;
   * with none on the page, the directory asks for an optional hello and sends the request itself.
   */
  async #sayHello(uid: string) {
    const root = this.closest('kin-community') ?? document;
    if (root.querySelector('kin-peer-match-card')) {
      this.dispatchEvent(new KinConnectRequestEvent(uid));
      return;
    }
    this.greeting = uid;
    this.helloMessage = '';
    this.helloError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#hello-message')?.focus();
  }

  async #sendHello(e: Event, member: MemberProfile) {
    e.preventDefault();
    const store = this.#store;
    if (!store || this.helloBusy) return;
    const message = this.helloMessage.trim();
    if (!this.dispatchEvent(new KinConnectRequestEvent(member.uid, message))) return;
    this.helloBusy = true;
    try {
      await store.requestConnection(member.uid, message || undefined);
      this.greeted = new Set([...this.greeted, member.uid]);
      this.greeting = null;
      this.helloError = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-uid="${member.uid}"] .hello-sent`)?.focus();
    } catch (err) {
      // What the member typed stays in the form.
      const error = toKindredError(err);
      this.helloError = error;
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'connect'));
    } finally {
      this.helloBusy = false;
    }
  }

  #helloForm(member: MemberProfile, m: ReturnType<typeof directoryMessages>, c: ReturnType<typeof commonMessages>) {
    return html`
      <form class="report hello" aria-label=${m.helloHeading(member.pseudonym)} @submit=${(e: Event) => this.#sendHello(e, member)}>
        <div class="field">
          <label for="hello-message">${m.helloMessage}</label>
          <textarea id="hello-message" rows="3" maxlength="500" .value=${this.helloMessage}
            @input=${(e: Event) => (this.helloMessage = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        ${this.helloError ? html`<p class="error" role="alert">${c.error(this.helloError.code)} ${this.helloError.message}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${this.helloBusy ? 'true' : 'false'}>${this.helloBusy ? m.helloSending : m.helloSend}</button>
          <button type="button" @click=${() => (this.greeting = null)}>${m.helloCancel}</button>
        </div>
      </form>`;
  }

  async #openReport(uid: string) {
    this.reporting = uid;
    this.reportReason = 'harm';
    this.reportDetails = '';
    this.reportError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('#report-reason')?.focus();
  }

  #reportForm(member: MemberProfile, m: ReturnType<typeof directoryMessages>, c: ReturnType<typeof commonMessages>) {
    return html`
      <form class="report" aria-label=${m.reportHeading(member.pseudonym)} @submit=${(e: Event) => this.#sendReport(e, member)}>
        <div class="field">
          <label for="report-reason">${m.reportReason}</label>
          <select id="report-reason" @change=${(e: Event) => (this.reportReason = (e.target as HTMLSelectElement).value as ReportReason)}>
            ${REPORT_REASONS.map((r) => html`<option value=${r} ?selected=${this.reportReason === r}>${m[`reason_${r}`]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="report-details">${m.reportDetails}</label>
          <textarea id="report-details" rows="3" maxlength="1000" .value=${this.reportDetails}
            @input=${(e: Event) => (this.reportDetails = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        ${this.reportError ? html`<p class="error" role="alert">${c.error(this.reportError.code)} ${this.reportError.message}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit">${m.reportSend}</button>
          <button type="button" @click=${() => (this.reporting = null)}>${m.reportCancel}</button>
        </div>
      </form>`;
  }
}
