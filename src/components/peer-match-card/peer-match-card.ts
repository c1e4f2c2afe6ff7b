import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import {avatar} from '../shared/parts.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {LiveController} from '../../controllers/live.js';
import {OnlineController} from '../../controllers/online.js';
import type {CommunityStore, MatchCandidate, MatchProfileInput} from '../../data/store.js';
import type {Connection, ContentLocale, Locale, MatchProfile, MemberProfile} from '../../data/types.js';
import {CONNECTION_LIMITS} from '../../data/connections.js';
import {toKindredError, type KindredError} from '../../data/errors.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {reconnectingNotice} from '../../directives/reconnecting.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinJoinRequestEvent} from '../../events/join.js';
import {KinConnectRequestEvent} from '../../events/connect-request.js';
import {KinConnectionChangeEvent, type ConnectionChange} from '../../events/connection-change.js';
import {peerMatchCardMessages} from './peer-match-card.messages.js';
import styles from './peer-match-card.styles.js';
import {optInForm} from './peer-match-card.parts.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {customTagLabel} from '../../data/community-admin.js';
import {loadingText} from '../../directives/loading-text.js';

type Person = Pick<MemberProfile, 'uid' | 'pseudonym' | 'avatarUrl' | 'avatarHue' | 'relationship'>;
type Confirm = {kind: 'end' | 'block'; connection: Connection};

/**
 * "People like me": suggests members who opted in to matching and share experience with the signed-in
 * member, and lets two members connect only when both say yes. Accepted connections talk in a private
 * `<kin-discussion-thread>` only the pair can read.
 *
 * A `kin-connect-request` fired by another element inside the same `<kin-community>` (the member
 * directory's "connect" button) opens this card's "say hello" form for that member; nothing is sent
 * until the member confirms. Outside a `<kin-community>`, the card listens on the document.
 *
 * @summary Consented peer matching: the best match with why, "say hello", and my connections.
 * @tagname kin-peer-match-card
 * @slot empty - Shown instead of the built-in text when there are no matches yet.
 * @csspart base - The wrapper of everything the card shows.
 * @csspart match - One suggested member.
 * @csspart avatar - A member's avatar.
 * @csspart explanation - Why this member is suggested ("You both: …").
 * @csspart form - The opt-in (matching profile) form.
 * @csspart connections - The "My connections" list.
 * @cssproperty [--kin-peer-match-card-background=#ffffff] - Background.
 * @cssproperty [--kin-peer-match-card-accent=#0b6e4f] - Accent (buttons, notices).
 * @cssproperty [--kin-peer-match-card-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--kin-peer-match-card-radius=12px] - Corner radius.
 * @cssproperty [--kin-peer-match-card-padding=1.25rem] - Inner padding.
 * @event kin-connect-request - Cancelable: the member is about to send a connection request.
 * @event kin-connection-change - A request was sent, accepted, declined or ended, or a member blocked.
 * @event kin-join-request - A signed-out visitor (or a non-member) asked to join to find matches.
 * @event kin-error - Loading or saving failed (the card also shows it).
 */
export class KinPeerMatchCard extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** How many suggestions to show at once (1–5). */
  @property({type: Number}) count = 1;
  /** Level (1–6) of the card's heading, to fit the page outline. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** Hide the "My connections" section. */
  @property({type: Boolean, attribute: 'no-connections'}) noConnections = false;
  /** A store set directly (without a `<kin-community>` root). */
  @property({attribute: false}) store: CommunityStore | null = null;

  #network = new OnlineController(this, undefined, () => this.#consumer.store);
  private get offline() {
    return this.#network.offline;
  }
  @state() private profile: MatchProfile | null | undefined = undefined;
  @state() private suggestions: MatchCandidate[] | null = null;
  @state() private index = 0;
  @state() private loadError: KindredError | null = null;
  @state() private actionError: KindredError | null = null;
  @state() private busy = false;
  @state() private composing: Person | null = null;
  @state() private hello = '';
  @state() private notice = '';
  @state() private openThread: string | null = null;
  @state() private confirming: Confirm | null = null;
  @state() private people = new Map<string, Person>();

  #consumer = new CommunityConsumer(this);
  #me = meController(this, () => this.#consumer.store, () => this.#consumer.user?.uid ?? null);
  #community = communityController(this, () => this.#consumer.store);
  #connections = new LiveController<Connection[], readonly [CommunityStore | null, string | null]>(this, {
    key: () => [this.#consumer.store, this.#me.value ? this.#me.value.uid : null] as const,
    subscribe: ([store, uid], next, error) => (store && uid && !this.noConnections ? store.watchConnections(next, error) : null),
    onValue: (list) => this.#learnPeople(list),
  });
  #loadedFor: string | null = null;
  #root: EventTarget | null = null;
  #onConnectRequest = (e: KinConnectRequestEvent) => {
    // Our own request event is announced, not handled, here; another element's opens "say hello".
    if (e.defaultPrevented || e.composedPath().includes(this) || !e.uid) return;
    void this.#composeFor(e.uid);
  };

  /** Whether the live subscriptions are open (removing the element ends them). */
  get subscribed(): boolean {
    return this.#me.active || this.#connections.active;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#root = this.closest('kin-community') ?? document;
    this.#root.addEventListener('kin-connect-request', this.#onConnectRequest as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#root?.removeEventListener('kin-connect-request', this.#onConnectRequest as EventListener);
    this.#root = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#consumer.override = this.store;
    const store = this.#consumer.store;
    const member = this.#me.value;
    const key = store && member ? `${member.uid}` : null;
    if (key !== this.#loadedFor) {
      this.#loadedFor = key;
      this.profile = undefined;
      this.suggestions = null;
      this.index = 0;
      this.loadError = null;
      if (store && member) void this.#loadProfile(store);
    }
  }

  // Data ------------------------------------------------------------------------------------------

  async #loadProfile(store: CommunityStore) {
    const key = this.#loadedFor;
    try {
      const profile = await store.getMatchProfile();
      if (key !== this.#loadedFor) return;
      this.profile = profile;
      if (profile) await this.#loadMatches(store);
    } catch (e) {
      if (key === this.#loadedFor) this.#fail(e, 'load', true);
    }
  }

  async #loadMatches(store: CommunityStore) {
    const key = this.#loadedFor;
    this.suggestions = null;
    this.loadError = null;
    try {
      const matches = await store.findMatches({limit: CONNECTION_LIMITS.defaultSuggestions, locale: this.#locale});
      if (key !== this.#loadedFor) return;
      this.suggestions = matches;
      this.index = 0;
      for (const m of matches) this.people.set(m.uid, m.member);
    } catch (e) {
      if (key === this.#loadedFor) this.#fail(e, 'load', true);
    }
  }

  #learnPeople(list: Connection[]) {
    const store = this.#consumer.store;
    const me = this.#me.value?.uid;
    if (!store || !me) return;
    for (const c of list) {
      const uid = c.members[0] === me ? c.members[1] : c.members[0];
      if (this.people.has(uid)) continue;
      this.people.set(uid, {uid, pseudonym: '', avatarUrl: null, avatarHue: 200, relationship: 'other'});
      store.getMember(uid).then((m) => {
        if (m) this.people = new Map(this.people).set(uid, m);
      }).catch(() => {});
    }
  }

  async #composeFor(uid: string) {
    const store = this.#consumer.store;
    if (!store || !this.#me.value) {
      this.dispatchEvent(new KinJoinRequestEvent('connect'));
      return;
    }
    let person = this.people.get(uid);
    if (!person?.pseudonym) {
      const m = await store.getMember(uid).catch(() => null);
      if (!m) return;
      person = m;
      this.people = new Map(this.people).set(uid, m);
    }
    this.composing = person;
    this.hello = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#hello')?.focus();
  }

  #fail(e: unknown, operation: string, load = false) {
    const error = toKindredError(e);
    if (load) this.loadError = error;
    else this.actionError = error;
    this.dispatchEvent(new KinErrorEvent(error.code, error.message, operation));
  }

  async #act(operation: string, fn: (store: CommunityStore) => Promise<void>) {
    const store = this.#consumer.store;
    if (!store || this.busy) return;
    this.busy = true;
    this.actionError = null;
    this.notice = '';
    try {
      await fn(store);
    } catch (e) {
      this.#fail(e, operation);
    } finally {
      this.busy = false;
    }
  }

  #changed(connectionId: string, change: ConnectionChange) {
    this.dispatchEvent(new KinConnectionChangeEvent(connectionId, change));
  }

  // Handlers --------------------------------------------------------------------------------------

  #onOptIn = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const str = (name: string) => (data.get(name) as string | null) || null;
    const input: MatchProfileInput = {
      conditions: data.getAll('conditions') as string[],
      diagnosedBand: str('diagnosedBand') as MatchProfile['diagnosedBand'],
      relationship: str('relationship') as MatchProfile['relationship'],
      ageBand: str('ageBand') as MatchProfile['ageBand'],
      region: str('region'),
      languages: data.getAll('languages') as ContentLocale[],
      interests: String(data.get('interests') ?? '').split(',').map((s) => s.trim()).filter(Boolean).slice(0, CONNECTION_LIMITS.listItems),
      open: data.get('open') === 'on',
    };
    void this.#act('opt-in', async (store) => {
      this.profile = await store.setMatchProfile(input);
      await this.#loadMatches(store);
    });
  };

  #send = (e: SubmitEvent) => {
    e.preventDefault();
    const person = this.composing;
    if (!person) return;
    const message = this.hello.trim();
    const request = new KinConnectRequestEvent(person.uid, message);
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    void this.#act('connect', async (store) => {
      const connection = await store.requestConnection(person.uid, message);
      this.composing = null;
      this.hello = '';
      this.suggestions = (this.suggestions ?? []).filter((m) => m.uid !== person.uid);
      this.index = 0;
      this.notice = this.#t.requested(person.pseudonym);
      this.#changed(connection.id, 'requested');
    });
  };

  #skip(uid: string) {
    this.suggestions = (this.suggestions ?? []).filter((m) => m.uid !== uid);
    this.index = 0;
  }

  #another() {
    const total = this.suggestions?.length ?? 0;
    if (total) this.index = (this.index + this.#count) % total;
  }

  #respond(c: Connection, accept: boolean) {
    void this.#act(accept ? 'accept' : 'decline', async (store) => {
      await store.respondToConnection(c.id, accept);
      this.notice = this.#t.done;
      this.#changed(c.id, accept ? 'accepted' : 'declined');
    });
  }

  #confirmed() {
    const confirm = this.confirming;
    if (!confirm) return;
    const other = this.#other(confirm.connection);
    void this.#act(confirm.kind, async (store) => {
      if (confirm.kind === 'end') await store.endConnection(confirm.connection.id);
      else await store.blockMember(other);
      if (this.openThread === confirm.connection.threadId) this.openThread = null;
      this.confirming = null;
      this.notice = this.#t.done;
      this.#changed(confirm.connection.id, confirm.kind === 'end' ? 'ended' : 'blocked');
    });
  }

  #turnOff() {
    void this.#act('opt-out', async (store) => {
      await store.removeMatchProfile();
      this.profile = null;
      this.suggestions = null;
      this.notice = this.#t.turnedOff;
    });
  }

  // Rendering -------------------------------------------------------------------------------------

  get #locale(): Locale {
    return this.#consumer.locale;
  }
  get #t() {
    return peerMatchCardMessages(this.#locale);
  }
  get #count(): number {
    return Math.min(5, Math.max(1, Math.floor(Number(this.count)) || 1));
  }
  #other(c: Connection): string {
    const me = this.#me.value?.uid;
    return c.members[0] === me ? c.members[1] : c.members[0];
  }
  #name(uid: string): string {
    return this.people.get(uid)?.pseudonym || this.#t.someone;
  }

  #heading(text: string, id: string, offset = 0): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.floor(Number(this.headingLevel)) || 2) + offset);
    return html`<div class=${offset ? 'subheading' : 'heading'} role="heading" aria-level=${level} id=${id}>${text}</div>`;
  }

  override render() {
    const t = this.#t;
    const common = commonMessages(this.#locale);
    return html`<section class="base" part="base" aria-labelledby="heading">
      ${this.#heading(t.heading, 'heading')}
      ${this.offline ? html`<p class="notice" role="status">${common.offline}</p>` : nothing}
      ${reconnectingNotice(this.#network, this.#locale)}
      <div role="status" aria-live="polite">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      ${this.actionError ? html`<p class="notice error" role="alert">${common.error(this.actionError.code)}</p>` : nothing}
      ${this.#body()}
      ${this.#connectionsSection()}
    </section>`;
  }

  #body(): TemplateResult | typeof nothing {
    const t = this.#t;
    const common = commonMessages(this.#locale);
    const store = this.#consumer.store;
    if (!this.#consumer.provided) return html`<p class="muted">${common.loading}</p>`;
    if (!this.#consumer.user || (this.#me.status === 'ready' && !this.#me.value)) {
      return html`<p>${t.signedOut}</p>
        <button class="primary" type="button" @click=${() => this.dispatchEvent(new KinJoinRequestEvent('connect'))}>${t.join}</button>`;
    }
    const loadError = this.loadError ?? this.#me.error;
    if (loadError) {
      return html`<p class="notice error" role="alert">${common.error(loadError.code)}</p>
        <button type="button" @click=${() => {
          this.loadError = null;
          this.#me.retry();
          this.#loadedFor = null;
          this.requestUpdate();
        }}>${common.retry}</button>`;
    }
    if (!store || this.#me.status !== 'ready' || this.profile === undefined) {
      return html`<p class="muted" role="status">${loadingText(this.#locale)}</p>`;
    }
    if (this.composing) return this.#composer(this.composing);
    if (this.profile === null) return this.#invite();
    if (this.suggestions === null) return html`<p class="muted" role="status">${loadingText(this.#locale)}</p>`;
    const manage = html`<div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => this.#turnOff()}>${t.turnOff}</button></div>`;
    if (!this.suggestions.length) return html`<slot name="empty"><p>${t.noMatches}</p></slot>${manage}`;
    const shown = Array.from({length: Math.min(this.#count, this.suggestions.length)}, (_, i) => this.suggestions![(this.index + i) % this.suggestions!.length]);
    return html`${shown.map((m, i) => this.#match(m, this.index + i + 1))}
      ${this.suggestions.length > shown.length ? html`<div class="actions">
        <button type="button" @click=${() => this.#another()}>${t.showAnother}</button></div>` : nothing}
      ${manage}`;
  }

  #match(m: MatchCandidate, n: number): TemplateResult {
    const t = this.#t;
    const common = commonMessages(this.#locale);
    const total = this.suggestions?.length ?? 0;
    return html`<article class="match enter" part="match" aria-labelledby=${`m-${m.uid}`}>
      ${avatar({name: m.member.pseudonym, url: m.member.avatarUrl, hue: m.member.avatarHue})}
      <div>
        <p class="name" id=${`m-${m.uid}`}>${m.member.pseudonym}</p>
        <p class="muted">${common[`relationship_${m.member.relationship}`]} · <span>${t.suggestionOf(n, total)}</span></p>
        <p part="explanation">${m.explanation}</p>
        <div class="actions">
          <button class="primary" type="button" ?disabled=${this.busy || this.offline} @click=${() => void this.#composeFor(m.uid)}>${t.sayHello}</button>
          <button type="button" @click=${() => this.#skip(m.uid)}>${t.notNow}</button>
        </div>
      </div>
    </article>`;
  }

  #composer(person: Person): TemplateResult {
    const t = this.#t;
    return html`<form class="enter" @submit=${this.#send}>
      <label for="hello">${t.helloLabel(person.pseudonym)}</label>
      <textarea id="hello" rows="3" maxlength=${CONNECTION_LIMITS.message} .value=${this.hello}
        @input=${(e: Event) => (this.hello = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy || this.offline}>${this.busy ? t.sending : t.send}</button>
        <button type="button" @click=${() => (this.composing = null)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  #invite(): TemplateResult {
    const t = this.#t;
    const common = commonMessages(this.#locale);
    const tags = this.#community.value?.settings.tags ?? [];
    return html`${this.#heading(t.inviteTitle, 'invite', 1)}
      <p>${t.invite}</p>
      ${optInForm(t, common, this.#locale, tags, (tag) => customTagLabel(this.#community.value?.settings, tag, this.#locale), {busy: this.busy, offline: this.offline, submit: this.#onOptIn})}`;
  }

  #connectionsSection(): TemplateResult | typeof nothing {
    if (this.noConnections || !this.#me.value) return nothing;
    const t = this.#t;
    const common = commonMessages(this.#locale);
    const list = this.#connections.value;
    let content: TemplateResult;
    if (this.#connections.error) {
      content = html`<p class="notice error" role="alert">${common.error(this.#connections.error.code)}</p>
        <button type="button" @click=${() => this.#connections.retry()}>${common.retry}</button>`;
    } else if (!list) {
      content = html`<p class="muted">${common.loading}</p>`;
    } else if (!list.length) {
      content = html`<p class="muted">${t.noConnections}</p>`;
    } else {
      content = html`<ul class="connections" part="connections">${list.map((c) => this.#connection(c))}</ul>`;
    }
    return html`${this.#heading(t.connectionsHeading, 'connections', 1)}${content}`;
  }

  #connection(c: Connection): TemplateResult {
    const t = this.#t;
    const me = this.#me.value!.uid;
    const other = this.#other(c);
    const name = this.#name(other);
    const person = this.people.get(other);
    const face = avatar({name, url: person?.avatarUrl ?? null, hue: person?.avatarHue ?? 200});
    const confirm = this.confirming?.connection.id === c.id ? this.confirming : null;
    let body: TemplateResult;
    if (c.status === 'pending' && c.requestedBy !== me) {
      body = html`<p class="name">${t.incoming(name)}</p>${c.message ? html`<p>${c.message}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.#respond(c, true)}>${t.accept}</button>
          <button type="button" ?disabled=${this.busy} @click=${() => this.#respond(c, false)}>${t.decline}</button>
          <button type="button" ?disabled=${this.busy} @click=${() => (this.confirming = {kind: 'block', connection: c})}>${t.block}</button>
        </div>`;
    } else if (c.status === 'pending') {
      body = html`<p>${t.waiting(name)}</p>
        <div class="actions"><button type="button" ?disabled=${this.busy} @click=${() => (this.confirming = {kind: 'end', connection: c})}>${t.cancel}</button></div>`;
    } else {
      const open = !!c.threadId && this.openThread === c.threadId;
      // The pair's conversation alone (thread-id), not the hub. Its id is made of the pair's uids, so it
      // is set as a property and never shows among the page's attributes.
      body = html`<p class="name">${t.connected(name)}</p>
        <div class="actions">
          ${c.threadId ? html`<button class="primary" type="button" aria-expanded=${open ? 'true' : 'false'}
            @click=${() => (this.openThread = open ? null : c.threadId)}>${open ? t.closeConversation : t.openConversation}</button>` : nothing}
          <button type="button" ?disabled=${this.busy} @click=${() => (this.confirming = {kind: 'end', connection: c})}>${t.end}</button>
          <button type="button" ?disabled=${this.busy} @click=${() => (this.confirming = {kind: 'block', connection: c})}>${t.block}</button>
        </div>
        ${open ? html`<kin-discussion-thread .store=${this.#consumer.store} .threadId=${c.threadId!}
          heading-level=${Math.min(6, (Number(this.headingLevel) || 2) + 2)}></kin-discussion-thread>` : nothing}`;
    }
    return html`<li class="match">${face}<div>${body}
      ${confirm ? html`<div role="group" aria-label=${confirm.kind === 'end' ? t.end : t.block}>
        <p>${confirm.kind === 'end' ? t.confirmEnd(name) : t.confirmBlock(name)}</p>
        <div class="actions">
          <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.#confirmed()}>${t.confirm}</button>
          <button type="button" @click=${() => (this.confirming = null)}>${t.cancel}</button>
        </div></div>` : nothing}</div></li>`;
  }
}
