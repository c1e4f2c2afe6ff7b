import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import styles from './community-admin.styles.js';
import {communityAdminMessages, type CommunityAdminMessages} from './community-admin.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {OnlineController} from '../../controllers/online.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {toKindredError, type KindredError} from '../../data/errors.js';
import {INVITE_PARAM, inviteState, type Invite} from '../../data/invites.js';
import type {CommunityStore} from '../../data/store.js';
import type {Locale, RoleName} from '../../data/types.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinAdminChangeEvent, KinAdminChangedEvent, type AdminChangeKind} from '../../events/admin-change.js';
import type {AdminContext, Tab} from './admin.context.js';
import {AdminSettings, draftOf} from './settings.controller.js';
import {AdminTeam} from './team.controller.js';
import {AdminHealth} from './health.controller.js';
import {loadingText} from '../../directives/loading-text.js';

// The element is the shell: who may see what, the tabs, the invitation panel and the events. Each tab is a
// controller of its own (settings.controller.ts, team.controller.ts, health.controller.ts) sharing an AdminContext.
const TABS: readonly Tab[] = ['settings', 'team', 'health'];

/**
 * The admin console for charity staff: community settings (name and tagline in English and Welsh, who
 * can read, moderation mode and held first posts, banned words, rate limits, UK nation for crisis help,
 * tags, a guidelines version bump), the team (who holds which role, invites with a copyable link,
 * withdrawing invites, removing roles, the log of role changes) and community health figures for
 * trustees (counts under 5 suppressed; downloadable as CSV). Admins only: others see a short refusal,
 * the rules being what keeps them out. Opened with `?kin-invite=<id>` (or the `invite` property), it
 * shows that invitation and lets the signed-in member accept it.
 *
 * @summary Settings, team and health figures for a community's admins.
 * @tagname kin-community-admin
 * @slot header - Host content above the console.
 * @event kin-admin-change - Cancelable; an admin asked for a change (`kind`, `subject`). `preventDefault()` writes nothing.
 * @event kin-admin-changed - The change was written (`kind`, `subject`).
 * @event kin-error - Loading or a change failed; the element shows why.
 * @csspart base - The wrapper.
 * @csspart heading - The console heading.
 * @csspart tabs - The section tabs.
 * @csspart panel - The visible section.
 * @csspart invitation - The invitation panel.
 * @cssproperty [--kin-color-primary=#0b6e4f] - Accent colour of buttons, tabs and focus.
 * @cssproperty [--kin-color-danger=#b42318] - Colour of errors and remove buttons.
 */
export class KinCommunityAdmin extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Heading level (1–6) of the console heading; section headings are one level below. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** The invite to show; by default the page address's `kin-invite` parameter. */
  @property() invite: string | null = null;
  /** The address invite links point to (this console's page); default: the current page. */
  @property({attribute: 'invite-url'}) inviteUrl: string | null = null;
  /** A store to use directly, without a `<kin-community>` (developers composing by hand). */
  @property({attribute: false}) store: CommunityStore | null = null;

  @state() private tab: Tab = 'settings';
  @state() private errors: Record<string, string> = {};
  @state() private busy: string | null = null;
  @state() private announcement = '';
  @state() private failure: {where: string; error: KindredError} | null = null;
  @state() private pendingInvite: {id: string; invite: Invite | null; error: KindredError | null; done: RoleName | null} | null = null;

  #network = new OnlineController(this);
  #consumer = new CommunityConsumer(this);
  #community = communityController(this, () => this.#store);
  #me = meController(this, () => this.#store, () => this.#consumer.user?.uid ?? null);
  /** The tabs' view of this element. */
  #ctx: AdminContext = ((el: KinCommunityAdmin): AdminContext => ({
    host: el,
    get store() { return el.#store; },
    get community() { return el.#community.value ?? null; },
    get locale() { return el.#consumer.locale; },
    get offline() { return el.#network.offline; },
    get uid() { return el.#consumer.user?.uid ?? null; },
    get isAdmin() { return el.#isAdmin; },
    get tab() { return el.tab; },
    get inviteUrl() { return el.inviteUrl; },
    get busy() { return el.busy; },
    set busy(v) { el.busy = v; },
    get errors() { return el.errors; },
    set errors(v) { el.errors = v; },
    get failure() { return el.failure; },
    set failure(v) { el.failure = v; },
    announce: (text) => { el.announcement = text; },
    ask: (kind, target) => el.#ask(kind, target),
    done: (kind, target) => el.#done(kind, target),
    report: (error, operation) => el.#report(error, operation),
    heading: (text, offset, id, part) => el.#heading(text, offset, id, part),
  }))(this);
  #settings = new AdminSettings(this.#ctx);
  #team = new AdminTeam(this.#ctx);
  #health = new AdminHealth(this.#ctx);
  #loadedFor: CommunityStore | null = null;

  get #store(): CommunityStore | null {
    this.#consumer.override = this.store;
    return this.#consumer.store;
  }
  get #isAdmin(): boolean {
    return !!this.#me.value?.badges.includes('admin');
  }
  get #inviteId(): string | null {
    if (this.invite) return this.invite;
    try {
      return new URL(location.href).searchParams.get(INVITE_PARAM);
    } catch {
      return null;
    }
  }

  override willUpdate() {
    const c = this.#community.value;
    if (c && !this.#settings.draft) this.#settings.draft = draftOf(c);
    const id = this.#inviteId;
    const store = this.#store;
    if (id && store && this.#consumer.user && this.pendingInvite?.id !== id) {
      this.pendingInvite = {id, invite: null, error: null, done: null};
      store.getInvite(id).then(
        (invite) => { if (this.pendingInvite?.id === id) this.pendingInvite = {...this.pendingInvite, invite, error: invite ? null : toKindredError(new Error('missing'))}; },
        (e) => { if (this.pendingInvite?.id === id) this.pendingInvite = {...this.pendingInvite, error: toKindredError(e)}; });
    }
    if (store !== this.#loadedFor && this.#isAdmin) {
      this.#loadedFor = store;
      void this.#team.load();
    }
  }

  #heading(text: string, offset: number, id?: string, part?: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2) + offset);
    return html`<div role="heading" aria-level=${level} class=${offset ? 'subheading' : 'heading'} id=${id ?? nothing} part=${part ?? nothing}>${text}</div>`;
  }

  override render() {
    const locale = this.#consumer.locale;
    const m = communityAdminMessages(locale);
    return html`<div part="base" class="base">
      <slot name="header"></slot>
      ${this.#heading(m.heading, 0, 'admin-heading', 'heading')}
      ${this.#invitation(m, locale)}
      ${this.#body(m, locale)}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }

  #body(m: CommunityAdminMessages, locale: Locale): TemplateResult | typeof nothing {
    const c = commonMessages(locale);
    if (!this.#store) return html`<p class="notice">${this.#consumer.provided ? c.loading : m.noCommunity}</p>`;
    if (!this.#consumer.user) return html`<p class="notice">${m.signedOut}</p>`;
    const failed = this.#community.status === 'error' ? this.#community.error : this.#me.status === 'error' ? this.#me.error : null;
    if (failed) {
      this.#report(failed, 'load');
      return html`<div role="alert" class="error">${c.error(failed.code)}
        <button type="button" @click=${() => { this.#community.retry(); this.#me.retry(); }}>${c.retry}</button></div>`;
    }
    if (this.#community.status !== 'ready' || this.#me.status !== 'ready') return html`<p class="notice" role="status" aria-busy="true">${loadingText(locale)}</p>`;
    if (!this.#me.value) return this.pendingInvite ? nothing : html`<p class="notice">${m.notMember}</p>`;
    if (!this.#isAdmin) return this.pendingInvite ? nothing : html`<p class="notice">${m.notAdmin}</p>`;
    return html`
      ${this.#network.offline ? html`<p class="notice" role="status">${m.offline}</p>` : nothing}
      <div role="tablist" aria-label=${m.tabs} part="tabs" class="tabs" @keydown=${this.#tabKeys}>
        ${TABS.map((t) => html`<button type="button" role="tab" id="tab-${t}" aria-controls="panel" aria-selected=${this.tab === t ? 'true' : 'false'}
          tabindex=${this.tab === t ? '0' : '-1'} @click=${() => this.#select(t)}>${{settings: m.tabSettings, team: m.tabTeam, health: m.tabHealth}[t]}</button>`)}
      </div>
      <div role="tabpanel" id="panel" part="panel" aria-labelledby="tab-${this.tab}" class="panel">
        ${this.tab === 'settings' ? this.#settings.render(m, locale) : this.tab === 'team' ? this.#team.render(m, locale) : this.#health.render(m, locale)}
      </div>`;
  }

  #select(t: Tab, focus = false) {
    this.tab = t;
    if (t === 'health' && !this.#health.health) void this.#health.load();
    if (t === 'team') void this.#team.load();
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${t}`)?.focus());
  }

  #tabKeys = (e: KeyboardEvent) => {
    const i = TABS.indexOf(this.tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
      : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    this.#select(next, true);
  };

  // Invitation -----------------------------------------------------------------------------------------
  #invitation(m: CommunityAdminMessages, locale: Locale): TemplateResult | typeof nothing {
    const id = this.#inviteId;
    if (!id) return nothing;
    const c = commonMessages(locale);
    const p = this.pendingInvite;
    const box = (content: TemplateResult) => html`<section part="invitation" class="invitation" aria-labelledby="invitation-heading">
      ${this.#heading(m.invitedHeading, 1, 'invitation-heading')}${content}</section>`;
    if (!this.#consumer.user) return box(html`<p>${m.inviteSignIn}</p>`);
    if (!p || (!p.invite && !p.error)) return box(html`<p role="status" aria-busy="true">${c.loading}</p>`);
    if (p.done) return box(html`<p role="status">${m.accepted(m.role(p.done))}</p>`);
    if (!p.invite) {
      const e = p.error!;
      return box(html`<p role="alert" class="error">${e.code === 'permission-denied' ? `${e.message} ${m.inviteSignIn}` : m.inviteMissing}</p>`);
    }
    const inv = p.invite;
    const st = inviteState(inv, Date.now());
    if (st !== 'open') return box(html`<p role="alert" class="error">${m.inviteUnusable(st)}</p>`);
    return box(html`
      <p>${m.invited(m.role(inv.role), inv.clinicianScope)}</p>
      ${this.#me.status === 'ready' && !this.#me.value ? html`<p class="notice">${m.notMember}</p>` : nothing}
      ${p.error ? html`<p role="alert" class="error">${p.error.message}</p>` : nothing}
      <button type="button" class="primary" ?disabled=${this.busy !== null || !this.#me.value || this.#network.offline}
        @click=${() => this.#claim(inv)}>${this.busy === 'claim' ? m.working : m.accept}</button>`);
  }

  async #claim(inv: Invite) {
    const store = this.#store;
    if (!store || !this.#ask('claim-invite', inv.id)) return;
    this.busy = 'claim';
    try {
      await store.claimInvite(inv.id);
      this.pendingInvite = {id: inv.id, invite: inv, error: null, done: inv.role};
      this.announcement = communityAdminMessages(this.#consumer.locale).accepted(communityAdminMessages(this.#consumer.locale).role(inv.role));
      this.#done('claim-invite', inv.id);
    } catch (e) {
      const error = toKindredError(e);
      this.pendingInvite = {id: inv.id, invite: inv, error, done: null};
      this.#report(error, 'claim-invite');
    } finally {
      this.busy = null;
    }
  }

  // Events ---------------------------------------------------------------------------------------------
  #ask(kind: AdminChangeKind, target: string): boolean {
    return this.dispatchEvent(new KinAdminChangeEvent(kind, target));
  }
  #done(kind: AdminChangeKind, target: string) {
    this.dispatchEvent(new KinAdminChangedEvent(kind, target));
  }
  #reported = new WeakSet<KindredError>();
  #report(error: KindredError, operation: string) {
    if (this.#reported.has(error)) return;
    this.#reported.add(error);
    this.dispatchEvent(new KinErrorEvent(error.code, error.message, operation));
  }
}
