import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import styles from './community-admin.styles.js';
import {
  TABS, changesList, draftOf, field, healthTable, invitesList, madeInvite, nextTab, teamTable, type Draft, type Tab,
} from './community-admin.parts.js';
import {communityAdminMessages, type CommunityAdminMessages} from './community-admin.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {LiveController} from '../../controllers/live.js';
import {OnlineController} from '../../controllers/online.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {isKindredError, toKindredError, type KindredError} from '../../data/errors.js';
import {INVITE_PARAM, inviteLink, inviteState, type Invite} from '../../data/invites.js';
import {MODERATION_MODES, NATIONS, VISIBILITIES, bumpVersion, parseLines, type TeamMember} from '../../data/community-admin.js';
import {healthCsv, type CommunityHealth} from '../../data/health.js';
import type {CommunityStore} from '../../data/store.js';
import {ROLE_NAMES, type Locale, type ModLogEntry, type RoleName} from '../../data/types.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinAdminChangeEvent, KinAdminChangedEvent, type AdminChangeKind} from '../../events/admin-change.js';


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
  @state() private draft: Draft | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private busy: string | null = null;
  @state() private announcement = '';
  @state() private failure: {where: string; error: KindredError} | null = null;
  @state() private team: TeamMember[] | null = null;
  @state() private newInvite: Invite | null = null;
  @state() private inviteForm = {email: '', role: 'moderator' as RoleName, scope: '', days: '14'};
  @state() private health: CommunityHealth | null = null;
  @state() private pendingInvite: {id: string; invite: Invite | null; error: KindredError | null; done: RoleName | null} | null = null;

  #network = new OnlineController(this);
  #consumer = new CommunityConsumer(this);
  #community = communityController(this, () => this.#store);
  #me = meController(this, () => this.#store, () => this.#consumer.user?.uid ?? null);
  #invites = new LiveController<Invite[], [CommunityStore | null, boolean]>(this, {
    key: () => [this.#store, this.#isAdmin && this.tab === 'team'],
    subscribe: ([s, on], next, error) => (s && on ? s.watchInvites(next, error) : null),
  });
  #log = new LiveController<ModLogEntry[], [CommunityStore | null, boolean]>(this, {
    key: () => [this.#store, this.#isAdmin && this.tab === 'team'],
    subscribe: ([s, on], next, error) => (s && on ? s.watchModLog({limit: 50}, next, error) : null),
  });
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
    if (c && !this.draft) this.draft = draftOf(c);
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
      void this.#loadTeam();
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
    if (this.#community.status !== 'ready' || this.#me.status !== 'ready') return html`<p class="notice" role="status" aria-busy="true">${c.loading}</p>`;
    if (!this.#me.value) return this.pendingInvite ? nothing : html`<p class="notice">${m.notMember}</p>`;
    if (!this.#isAdmin) return this.pendingInvite ? nothing : html`<p class="notice">${m.notAdmin}</p>`;
    return html`
      ${this.#network.offline ? html`<p class="notice" role="status">${m.offline}</p>` : nothing}
      <div role="tablist" aria-label=${m.tabs} part="tabs" class="tabs" @keydown=${this.#tabKeys}>
        ${TABS.map((t) => html`<button type="button" role="tab" id="tab-${t}" aria-controls="panel" aria-selected=${this.tab === t ? 'true' : 'false'}
          tabindex=${this.tab === t ? '0' : '-1'} @click=${() => this.#select(t)}>${{settings: m.tabSettings, team: m.tabTeam, health: m.tabHealth}[t]}</button>`)}
      </div>
      <div role="tabpanel" id="panel" part="panel" aria-labelledby="tab-${this.tab}" class="panel">
        ${this.tab === 'settings' ? this.#settings(m, locale) : this.tab === 'team' ? this.#teamView(m, locale) : this.#healthView(m, locale)}
      </div>`;
  }

  #select(t: Tab, focus = false) {
    this.tab = t;
    if (t === 'health' && !this.health) void this.#loadHealth();
    if (t === 'team') void this.#loadTeam();
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${t}`)?.focus());
  }

  #tabKeys = (e: KeyboardEvent) => {
    const next = nextTab(this.tab, e.key);
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

  // Settings -------------------------------------------------------------------------------------------
  #field(id: string, label: string, input: TemplateResult): TemplateResult {
    return field(id, label, input, this.errors[id]);
  }

  #text(id: keyof Draft, label: string, {type = 'text', multiline = false, inputmode}: {type?: string; multiline?: boolean; inputmode?: string} = {}): TemplateResult {
    const d = this.draft!;
    const value = String(d[id]);
    const set = (e: Event) => {
      this.draft = {...this.draft!, [id]: (e.target as HTMLInputElement).value};
      if (this.errors[id]) this.errors = {...this.errors, [id]: ''};
    };
    const invalid = this.errors[id] ? 'true' : 'false';
    const described = this.errors[id] ? `${id}-error` : nothing;
    return this.#field(id, label, multiline
      ? html`<textarea id=${id} name=${id} rows="4" .value=${value} aria-invalid=${invalid} aria-describedby=${described} @input=${set}></textarea>`
      : html`<input id=${id} name=${id} type=${type} inputmode=${inputmode ?? nothing} .value=${value} aria-invalid=${invalid} aria-describedby=${described} @input=${set} />`);
  }

  #select_(id: keyof Draft, label: string, options: readonly string[], text: (o: string) => string): TemplateResult {
    const d = this.draft!;
    return this.#field(id, label, html`<select id=${id} name=${id} @change=${(e: Event) => (this.draft = {...this.draft!, [id]: (e.target as HTMLSelectElement).value})}>
      ${options.map((o) => html`<option value=${o} ?selected=${d[id] === o}>${text(o)}</option>`)}</select>`);
  }

  #settings(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const c = this.#community.value!;
    const d = this.draft;
    if (!d) return html`<p role="status" aria-busy="true">${commonMessages(locale).loading}</p>`;
    const next = bumpVersion(c.settings.guidelinesVersion);
    const failure = this.failure?.where === 'settings' ? this.failure.error : null;
    return html`<form class="settings" novalidate @submit=${this.#save} aria-labelledby="settings-heading">
      ${this.#heading(m.settingsHeading, 1, 'settings-heading')}
      <fieldset><legend>${m.general}</legend>
        ${this.#text('nameEn', m.nameEn)}${this.#text('nameCy', m.nameCy)}
        ${this.#text('taglineEn', m.taglineEn)}${this.#text('taglineCy', m.taglineCy)}
        ${this.#select_('visibility', m.visibility, VISIBILITIES, (v) => m.visibilityOption(v as never))}
      </fieldset>
      <fieldset><legend>${m.moderationHeading}</legend>
        ${this.#select_('moderation', m.moderation, MODERATION_MODES, (v) => m.moderationOption(v as never))}
        ${this.#text('holdFirstPosts', m.holdFirstPosts, {type: 'number', inputmode: 'numeric'})}
        ${this.#text('bannedWords', m.bannedWords, {multiline: true})}
        ${this.#text('postIntervalSeconds', m.postInterval, {type: 'number', inputmode: 'numeric'})}
        ${this.#text('reportsPerHour', m.reportsPerHour, {type: 'number', inputmode: 'numeric'})}
      </fieldset>
      <fieldset><legend>${m.safetyHeading}</legend>
        ${this.#select_('nation', m.nation, NATIONS, (v) => m.nationOption(v as never))}
        ${this.#text('tags', m.tags, {multiline: true})}
      </fieldset>
      <fieldset><legend>${m.guidelinesHeading}</legend>
        <p>${m.guidelinesVersion(c.settings.guidelinesVersion)}</p>
        <label class="check"><input type="checkbox" name="bump" .checked=${d.bump}
          @change=${(e: Event) => (this.draft = {...this.draft!, bump: (e.target as HTMLInputElement).checked})} /> ${m.bump(next)}</label>
      </fieldset>
      ${Object.values(this.errors).some(Boolean) ? html`<p class="error" role="alert">${m.fixErrors}</p>` : nothing}
      ${failure ? html`<p class="error" role="alert">${commonMessages(locale).error(failure.code)}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${this.busy !== null || this.#network.offline}>${this.busy === 'settings' ? m.saving : m.save}</button>
    </form>`;
  }

  #save = async (e: Event) => {
    e.preventDefault();
    const store = this.#store;
    const c = this.#community.value;
    const d = this.draft;
    if (!store || !c || !d || !this.#ask('settings', '')) return;
    const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
    this.busy = 'settings';
    this.failure = null;
    try {
      await store.updateCommunity({
        name: {en: d.nameEn, ...(d.nameCy.trim() ? {cy: d.nameCy} : {})},
        tagline: {en: d.taglineEn, ...(d.taglineCy.trim() ? {cy: d.taglineCy} : {})},
        settings: {
          ...c.settings, visibility: d.visibility as never, moderation: d.moderation as never, holdFirstPosts: num(d.holdFirstPosts),
          bannedWords: parseLines(d.bannedWords), nation: d.nation as never, tags: parseLines(d.tags),
          postIntervalSeconds: num(d.postIntervalSeconds), reportsPerHour: num(d.reportsPerHour),
          guidelinesVersion: d.bump ? bumpVersion(c.settings.guidelinesVersion) : c.settings.guidelinesVersion,
        },
      });
      this.errors = {};
      this.draft = {...d, bump: false};
      this.announcement = communityAdminMessages(this.#consumer.locale).saved;
      this.#done('settings', '');
    } catch (err) {
      const error = toKindredError(err);
      if (error.code === 'invalid-argument' && error.field) {
        const key = error.field.replace(/^name\.en$/, 'nameEn').replace(/^name\.cy$/, 'nameCy').replace(/^tagline\.en$/, 'taglineEn').replace(/^tagline\.cy$/, 'taglineCy');
        this.errors = {[key]: error.message};
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${key}`)?.focus();
      } else {
        this.failure = {where: 'settings', error};
      }
      this.#report(error, 'settings');
    } finally {
      this.busy = null;
    }
  };

  // Team -----------------------------------------------------------------------------------------------
  async #loadTeam() {
    const store = this.#store;
    if (!store) return;
    try {
      this.team = await store.listTeam();
    } catch (e) {
      this.failure = {where: 'team', error: toKindredError(e)};
    }
  }

  #teamView(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const c = commonMessages(locale);
    const me = this.#consumer.user?.uid;
    const failure = this.failure?.where === 'team' || this.failure?.where === 'invite' ? this.failure.error : null;
    const invites = this.#invites.value ?? [];
    const log = (this.#log.value ?? []).filter((e) => e.action === 'grant-role' || e.action === 'revoke-role');
    const claimed = invites.filter((i) => i.claimedBy && i.claimedAt);
    const f = this.inviteForm;
    const disabled = this.busy !== null || this.#network.offline;
    return html`
      <section aria-labelledby="team-heading">
        ${this.#heading(m.teamHeading, 1, 'team-heading')}
        ${this.team === null ? html`<p role="status" aria-busy="true">${c.loading}</p>` : this.team.length === 0 ? html`<p>${m.teamEmpty}</p>` : teamTable(this.team, m, locale, me, disabled, (t, r) => this.#removeRole(t, r))}
      </section>
      <form class="invite" novalidate aria-labelledby="invite-heading" @submit=${this.#sendInvite}>
        ${this.#heading(m.inviteHeading, 1, 'invite-heading')}
        ${this.#field('email', m.email, html`<input id="email" name="email" type="email" autocomplete="off" .value=${f.email}
          aria-invalid=${this.errors.email ? 'true' : 'false'} aria-describedby=${this.errors.email ? 'email-error' : nothing}
          @input=${(e: Event) => { this.inviteForm = {...this.inviteForm, email: (e.target as HTMLInputElement).value}; this.errors = {...this.errors, email: ''}; }} />`)}
        ${this.#field('role', m.inviteRole, html`<select id="role" name="role" @change=${(e: Event) => (this.inviteForm = {...this.inviteForm, role: (e.target as HTMLSelectElement).value as RoleName})}>
          ${ROLE_NAMES.map((r) => html`<option value=${r} ?selected=${f.role === r}>${m.role(r)}</option>`)}</select>`)}
        ${f.role === 'clinician' ? this.#field('clinicianScope', m.scope, html`<input id="clinicianScope" name="clinicianScope" .value=${f.scope}
          aria-invalid=${this.errors.clinicianScope ? 'true' : 'false'} aria-describedby=${this.errors.clinicianScope ? 'clinicianScope-error' : nothing}
          @input=${(e: Event) => { this.inviteForm = {...this.inviteForm, scope: (e.target as HTMLInputElement).value}; this.errors = {...this.errors, clinicianScope: ''}; }} />`) : nothing}
        ${this.#field('days', m.days, html`<input id="days" name="days" type="number" inputmode="numeric" min="1" max="30" .value=${f.days}
          aria-invalid=${this.errors.days ? 'true' : 'false'} aria-describedby=${this.errors.days ? 'days-error' : nothing}
          @input=${(e: Event) => { this.inviteForm = {...this.inviteForm, days: (e.target as HTMLInputElement).value}; this.errors = {...this.errors, days: ''}; }} />`)}
        ${failure ? html`<p class="error" role="alert">${isKindredError(failure) && failure.code === 'permission-denied' ? failure.message : c.error(failure.code)}</p>` : nothing}
        <button type="submit" class="primary" ?disabled=${this.busy !== null || this.#network.offline}>${this.busy === 'invite' ? m.working : m.sendInvite}</button>
        ${this.newInvite ? this.#madeInvite(m) : nothing}
      </form>
      <section aria-labelledby="invites-heading">
        ${this.#heading(m.invitesHeading, 1, 'invites-heading')}
        ${invites.length === 0 ? html`<p>${m.invitesEmpty}</p>` : invitesList(invites, m, locale, disabled, (i) => this.#revoke(i))}
      </section>
      <section aria-labelledby="changes-heading">
        ${this.#heading(m.changesHeading, 1, 'changes-heading')}
        ${claimed.length + log.length === 0 ? html`<p>${m.changesEmpty}</p>` : changesList(claimed, log, m, locale, (path) => this.#nameOf(path))}
      </section>`;
  }

  #nameOf(targetPath: string): string {
    const uid = targetPath.split('/').pop() ?? '';
    return this.team?.find((t) => t.uid === uid)?.pseudonym ?? uid;
  }

  #madeInvite(m: CommunityAdminMessages): TemplateResult {
    const link = this.#link(this.newInvite!.id);
    return madeInvite(this.newInvite!.email, link, m, () => this.#copy(link));
  }

  #link(id: string): string {
    const base = this.inviteUrl ?? location.href;
    const url = new URL(base, location.href);
    url.searchParams.delete(INVITE_PARAM);
    return inviteLink(url.toString(), id);
  }

  async #copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      this.announcement = communityAdminMessages(this.#consumer.locale).copied;
    } catch {
      // No clipboard permission: the link stays selected in its field for the admin to copy.
      this.renderRoot.querySelector<HTMLInputElement>('#invite-link')?.select();
    }
  }

  #sendInvite = async (e: Event) => {
    e.preventDefault();
    const store = this.#store;
    const f = this.inviteForm;
    if (!store || !this.#ask('invite', f.email)) return;
    this.busy = 'invite';
    this.failure = null;
    this.newInvite = null;
    try {
      const days = f.days.trim() === '' ? NaN : Number(f.days);
      this.newInvite = await store.createInvite({email: f.email, role: f.role, clinicianScope: f.role === 'clinician' ? f.scope : null, days});
      this.inviteForm = {email: '', role: f.role, scope: '', days: f.days};
      this.errors = {};
      this.#done('invite', this.newInvite.id);
    } catch (err) {
      const error = toKindredError(err);
      if (error.code === 'invalid-argument' && error.field) {
        this.errors = {[error.field]: error.message};
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${error.field}`)?.focus();
      } else this.failure = {where: 'invite', error};
      this.#report(error, 'invite');
    } finally {
      this.busy = null;
    }
  };

  async #revoke(i: Invite) {
    const store = this.#store;
    if (!store || !this.#ask('revoke-invite', i.id)) return;
    this.busy = 'revoke';
    try {
      await store.revokeInvite(i.id);
      this.announcement = communityAdminMessages(this.#consumer.locale).revoked;
      this.#done('revoke-invite', i.id);
    } catch (e) {
      this.failure = {where: 'team', error: toKindredError(e)};
      this.#report(toKindredError(e), 'revoke-invite');
    } finally {
      this.busy = null;
    }
  }

  async #removeRole(t: TeamMember, role: RoleName) {
    const store = this.#store;
    if (!store || !this.#ask('revoke-role', t.uid)) return;
    this.busy = 'role';
    try {
      await store.revokeRole(t.uid, role);
      const m = communityAdminMessages(this.#consumer.locale);
      this.announcement = m.removed(m.role(role), t.pseudonym ?? m.formerMember);
      this.#done('revoke-role', t.uid);
      await this.#loadTeam();
    } catch (e) {
      this.failure = {where: 'team', error: toKindredError(e)};
      this.#report(toKindredError(e), 'revoke-role');
    } finally {
      this.busy = null;
    }
  }

  // Health ---------------------------------------------------------------------------------------------
  async #loadHealth() {
    const store = this.#store;
    if (!store) return;
    this.busy = 'health';
    this.failure = null;
    try {
      this.health = await store.communityHealth();
    } catch (e) {
      this.failure = {where: 'health', error: toKindredError(e)};
      this.#report(toKindredError(e), 'health');
    } finally {
      this.busy = null;
    }
  }

  #healthView(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const c = commonMessages(locale);
    const h = this.health;
    const failure = this.failure?.where === 'health' ? this.failure.error : null;
    const csv = h ? `data:text/csv;charset=utf-8,${encodeURIComponent(healthCsv(h, (k) => m.metric(k)))}` : null;
    return html`<section aria-labelledby="health-heading">
      ${this.#heading(m.healthHeading, 1, 'health-heading')}
      <p>${m.healthIntro}</p>
      ${failure ? html`<p class="error" role="alert">${c.error(failure.code)} <button type="button" @click=${() => this.#loadHealth()}>${c.retry}</button></p>` : nothing}
      ${!h ? (failure ? nothing : html`<p role="status" aria-busy="true">${c.loading}</p>`) : html`
        ${healthTable(h, m)}
        <p class="actions">
          <button type="button" ?disabled=${this.busy !== null || this.#network.offline} @click=${() => this.#loadHealth()}>${this.busy === 'health' ? m.working : m.refresh}</button>
          <a class="button" href=${csv!} download="community-health-${new Date(h.at).toISOString().slice(0, 10)}.csv">${m.csv}</a>
        </p>`}
    </section>`;
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
