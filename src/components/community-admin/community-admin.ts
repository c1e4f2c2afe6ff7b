import {html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import styles from './community-admin.styles.js';
import {communityAdminMessages, type CommunityAdminMessages} from './community-admin.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {formatDate, pickLocalized} from '../../i18n/messages.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {LiveController} from '../../controllers/live.js';
import {OnlineController} from '../../controllers/online.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {isKindredError, toKindredError, type KindredError} from '../../data/errors.js';
import {INVITE_PARAM, inviteLink, inviteState, type Invite} from '../../data/invites.js';
import {MODERATION_MODES, NATIONS, VISIBILITIES, bumpVersion, parseLines, parseTagLabels, type TeamMember} from '../../data/community-admin.js';
import {HIDEABLE_CONTACTS, MAX_COMMUNITY_CONTACTS, UK_CRISIS_CONTACTS} from '../../data/safeguarding.js';
import {HEALTH_KEYS, healthCsv, shownValue, type CommunityHealth, type HealthFigure} from '../../data/health.js';
import type {CommunityStore} from '../../data/store.js';
import {ROLE_NAMES, type Community, type Locale, type ModLogEntry, type RoleName} from '../../data/types.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinAdminChangeEvent, KinAdminChangedEvent, type AdminChangeKind} from '../../events/admin-change.js';

type Tab = 'settings' | 'team' | 'health';
const TABS: readonly Tab[] = ['settings', 'team', 'health'];

/** One of the community's own crisis contacts as typed. */
interface ContactDraft {nameEn: string; nameCy: string; detailEn: string; detailCy: string; number: string; sms: boolean}

/** The settings form as typed (text fields stay text until saved, so nothing typed is lost). */
interface Draft {
  nameEn: string; nameCy: string; taglineEn: string; taglineCy: string;
  visibility: string; moderation: string; holdFirstPosts: string; bannedWords: string;
  nation: string; tags: string; postIntervalSeconds: string; reportsPerHour: string; bump: boolean;
  guidelinesEn: string; guidelinesCy: string; tagLabelsEn: string; tagLabelsCy: string;
  contacts: ContactDraft[]; hidden: string[];
}

/** "tag = label" lines for every tag, so the admin fills in what is missing. */
const labelLines = (tags: readonly string[], labels: Record<string, string> | undefined) =>
  tags.map((t) => `${t} = ${labels?.[t] ?? ''}`).join('\n');

function draftOf(c: Community): Draft {
  const s = c.settings;
  return {
    nameEn: c.name.en, nameCy: c.name.cy ?? '', taglineEn: c.tagline.en, taglineCy: c.tagline.cy ?? '',
    visibility: s.visibility, moderation: s.moderation, holdFirstPosts: String(s.holdFirstPosts), bannedWords: s.bannedWords.join('\n'),
    nation: s.nation, tags: s.tags.join('\n'), postIntervalSeconds: String(s.postIntervalSeconds ?? 0), reportsPerHour: String(s.reportsPerHour ?? 0),
    bump: false,
    guidelinesEn: s.guidelines?.en ?? '', guidelinesCy: s.guidelines?.cy ?? '',
    tagLabelsEn: labelLines(s.tags, s.tagLabels?.en), tagLabelsCy: labelLines(s.tags, s.tagLabels?.cy),
    contacts: (s.crisisContacts?.extra ?? []).map((x) => ({
      nameEn: x.name.en, nameCy: x.name.cy ?? '', detailEn: x.detail.en, detailCy: x.detail.cy ?? '', number: x.number, sms: x.sms,
    })),
    hidden: [...(s.crisisContacts?.hide ?? [])],
  };
}

/** The form field an `invalid-argument` error's `field` names (store paths → the console's input ids). */
function fieldId(field: string): string {
  const contact = /^crisisContacts\.(\d+)\.(name|detail)\.(en|cy)$/.exec(field);
  if (contact) return `contact-${contact[1]}-${contact[2]}${contact[3] === 'en' ? 'En' : 'Cy'}`;
  const number = /^crisisContacts\.(\d+)(?:\.number)?$/.exec(field);
  if (number) return `contact-${number[1]}-number`;
  return ({
    'name.en': 'nameEn', 'name.cy': 'nameCy', 'tagline.en': 'taglineEn', 'tagline.cy': 'taglineCy',
    'guidelines.en': 'guidelinesEn', 'guidelines.cy': 'guidelinesCy', 'tagLabels.en': 'tagLabelsEn', 'tagLabels.cy': 'tagLabelsCy',
    tagLabels: 'tagLabelsEn', crisisContacts: 'contact-add', 'crisisContacts.hide': 'contact-add',
  } as Record<string, string>)[field] ?? field;
}

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

  // Settings -------------------------------------------------------------------------------------------
  #field(id: string, label: string, input: TemplateResult): TemplateResult {
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${input}
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
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
      <fieldset><legend>${m.tagLabelsHeading}</legend>
        <p class="hint">${m.tagLabelsHint}</p>
        ${this.#text('tagLabelsEn', m.tagLabelsEn, {multiline: true})}
        ${this.#text('tagLabelsCy', m.tagLabelsCy, {multiline: true})}
      </fieldset>
      ${this.#contactsView(m, locale)}
      <fieldset><legend>${m.guidelinesHeading}</legend>
        <p>${m.guidelinesVersion(c.settings.guidelinesVersion)}</p>
        ${this.#text('guidelinesEn', m.guidelinesEn, {multiline: true})}
        ${this.#text('guidelinesCy', m.guidelinesCy, {multiline: true})}
        <label class="check"><input type="checkbox" name="bump" .checked=${d.bump}
          @change=${(e: Event) => (this.draft = {...this.draft!, bump: (e.target as HTMLInputElement).checked})} /> ${m.bump(next)}</label>
      </fieldset>
      ${Object.values(this.errors).some(Boolean) ? html`<p class="error" role="alert">${m.fixErrors}</p>` : nothing}
      ${failure ? html`<p class="error" role="alert">${commonMessages(locale).error(failure.code)}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${this.busy !== null || this.#network.offline}>${this.busy === 'settings' ? m.saving : m.save}</button>
    </form>`;
  }

  #contactsView(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const d = this.draft!;
    const set = (i: number, patch: Partial<ContactDraft>, id: string) => {
      this.draft = {...this.draft!, contacts: this.draft!.contacts.map((x, j) => (j === i ? {...x, ...patch} : x))};
      if (this.errors[id]) this.errors = {...this.errors, [id]: ''};
    };
    const input = (i: number, key: 'nameEn' | 'nameCy' | 'detailEn' | 'detailCy' | 'number', label: string) => {
      const id = `contact-${i}-${key}`;
      const error = this.errors[id];
      return this.#field(id, label, html`<input id=${id} name=${id} type=${key === 'number' ? 'tel' : 'text'} .value=${d.contacts[i][key]}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => set(i, {[key]: (e.target as HTMLInputElement).value}, id)} />`);
    };
    const defaults = HIDEABLE_CONTACTS.map((id) => UK_CRISIS_CONTACTS.find((c) => c.id === id)!);
    return html`<fieldset class="contacts"><legend>${m.contactsHeading}</legend>
      <p class="hint">${m.contactsHint}</p>
      ${d.contacts.map((_x, i) => html`<fieldset class="contact" data-contact=${i}><legend>${m.contactN(i + 1)}</legend>
        ${input(i, 'nameEn', m.contactNameEn)}${input(i, 'nameCy', m.contactNameCy)}
        ${input(i, 'number', m.contactNumber)}
        <label class="check"><input type="checkbox" name="contact-${i}-sms" .checked=${d.contacts[i].sms}
          @change=${(e: Event) => set(i, {sms: (e.target as HTMLInputElement).checked}, `contact-${i}-sms`)} /> ${m.contactSms}</label>
        ${input(i, 'detailEn', m.contactDetailEn)}${input(i, 'detailCy', m.contactDetailCy)}
        <button type="button" class="link danger" @click=${() => this.#removeContact(i)}>${m.contactRemove(i + 1)}</button>
      </fieldset>`)}
      ${d.contacts.length < MAX_COMMUNITY_CONTACTS ? html`<button type="button" id="contact-add" @click=${this.#addContact}>${m.contactAdd}</button>`
        : html`<p class="hint" id="contact-add" tabindex="-1">${m.contactsFull(MAX_COMMUNITY_CONTACTS)}</p>`}
      ${this.errors['contact-add'] ? html`<p class="error" id="contact-add-error">${this.errors['contact-add']}</p>` : nothing}
      <fieldset class="defaults"><legend>${m.defaultsHeading}</legend>
        <p class="hint">${m.defaultsHint}</p>
        ${defaults.map((c) => {
          const name = pickLocalized(c.name, locale);
          return html`<label class="check"><input type="checkbox" name="show-${c.id}" .checked=${!d.hidden.includes(c.id)}
            @change=${(e: Event) => (this.draft = {...this.draft!, hidden: (e.target as HTMLInputElement).checked
              ? this.draft!.hidden.filter((x) => x !== c.id) : [...this.draft!.hidden, c.id]})} />
            <span lang=${name.lang}>${name.text}</span> (${c.number})</label>`;
        })}
      </fieldset>
    </fieldset>`;
  }

  #addContact = async () => {
    this.draft = {...this.draft!, contacts: [...this.draft!.contacts, {nameEn: '', nameCy: '', detailEn: '', detailCy: '', number: '', sms: false}]};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#contact-${this.draft.contacts.length - 1}-nameEn`)?.focus();
  };

  async #removeContact(i: number) {
    this.draft = {...this.draft!, contacts: this.draft!.contacts.filter((_x, j) => j !== i)};
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith('contact-')));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#contact-add')?.focus();
  }

  /** The settings the form holds, as the store takes them (parse errors name their field). */
  #settingsFrom(d: Draft, current: Community['settings']): Community['settings'] {
    const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
    const tags = parseLines(d.tags);
    // Labels of tags no longer listed are dropped rather than refused (the admin removed the tag).
    const labels = (field: string, text: string) => Object.fromEntries(Object.entries(parseTagLabels(field, text)).filter(([t, l]) => tags.includes(t) && l));
    const localizedOf = (en: string, cy: string) => ({en, ...(cy.trim() ? {cy} : {})});
    return {
      ...current, visibility: d.visibility as never, moderation: d.moderation as never, holdFirstPosts: num(d.holdFirstPosts),
      bannedWords: parseLines(d.bannedWords), nation: d.nation as never, tags,
      postIntervalSeconds: num(d.postIntervalSeconds), reportsPerHour: num(d.reportsPerHour),
      guidelinesVersion: d.bump ? bumpVersion(current.guidelinesVersion) : current.guidelinesVersion,
      guidelines: localizedOf(d.guidelinesEn, d.guidelinesCy),
      tagLabels: {en: labels('tagLabels.en', d.tagLabelsEn), cy: labels('tagLabels.cy', d.tagLabelsCy)},
      crisisContacts: {
        extra: d.contacts.map((x) => ({name: localizedOf(x.nameEn, x.nameCy), detail: localizedOf(x.detailEn, x.detailCy), number: x.number, sms: x.sms})),
        hide: d.hidden,
      },
    };
  }

  #save = async (e: Event) => {
    e.preventDefault();
    const store = this.#store;
    const c = this.#community.value;
    const d = this.draft;
    if (!store || !c || !d || !this.#ask('settings', '')) return;
    this.busy = 'settings';
    this.failure = null;
    try {
      const saved = await store.updateCommunity({
        name: {en: d.nameEn, ...(d.nameCy.trim() ? {cy: d.nameCy} : {})},
        tagline: {en: d.taglineEn, ...(d.taglineCy.trim() ? {cy: d.taglineCy} : {})},
        settings: this.#settingsFrom(d, c.settings),
      });
      this.errors = {};
      // The form shows what was saved (labels of every tag, trimmed contacts), keeping nothing stale.
      this.draft = draftOf(saved);
      this.announcement = communityAdminMessages(this.#consumer.locale).saved;
      this.#done('settings', '');
    } catch (err) {
      const error = toKindredError(err);
      if (error.code === 'invalid-argument' && error.field) {
        const key = fieldId(error.field);
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
    const log = (this.#log.value ?? []).filter((e) => e.action === 'grant-role' || e.action === 'revoke-role' || e.action === 'accept-invite');
    // Claims are in the moderation log (issue 14); invites claimed before that still show from the invite itself.
    const logged = new Set(log.filter((e) => e.action === 'accept-invite').map((e) => e.targetPath.split('/')[1]));
    const claimed = invites.filter((i) => i.claimedBy && i.claimedAt && !logged.has(i.id));
    const changeText = (e: ModLogEntry) => {
      if (e.action !== 'accept-invite') {
        return m.changeLog(e.action === 'grant-role' ? m.granted : m.revokedRole, this.#nameOf(e.targetPath) + (e.reason ? ` (${e.reason})` : ''), formatDate(e.at, locale));
      }
      const inv = invites.find((i) => i.id === e.targetPath.split('/')[1]);
      const who = inv?.email ?? this.#nameOf(`members/${e.actorId}`);
      return m.changeAccepted(who, inv ? m.role(inv.role) : e.reason, formatDate(e.at, locale));
    };
    const f = this.inviteForm;
    return html`
      <section aria-labelledby="team-heading">
        ${this.#heading(m.teamHeading, 1, 'team-heading')}
        ${this.team === null ? html`<p role="status" aria-busy="true">${c.loading}</p>` : this.team.length === 0 ? html`<p>${m.teamEmpty}</p>` : html`
          <table class="team"><thead><tr><th scope="col">${m.person}</th><th scope="col">${m.roles}</th><th scope="col">${m.via}</th></tr></thead>
            <tbody>${this.team.map((t) => {
              const name = t.pseudonym ?? m.formerMember;
              return html`<tr data-uid=${t.uid}>
                <th scope="row">${name} ${t.uid === me ? m.you : nothing}</th>
                <td><ul class="roles">${t.roles.map((r) => html`<li>${m.role(r)}${r === 'clinician' && t.clinicianScope ? ` (${t.clinicianScope})` : nothing}
                  ${t.uid !== me ? html`<button type="button" class="link danger" ?disabled=${this.busy !== null || this.#network.offline}
                    aria-label=${m.remove(m.role(r), name)} @click=${() => this.#removeRole(t, r)}>✕</button>` : nothing}</li>`)}</ul>
                  ${t.suspendedUntil && t.suspendedUntil > Date.now() ? html`<p class="meta">${m.suspendedUntil(formatDate(t.suspendedUntil, locale))}</p>` : nothing}</td>
                <td>${t.grantedBy.startsWith('invite:') ? m.viaInvite : m.viaAdmin}</td>
              </tr>`;
            })}</tbody></table>`}
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
        ${invites.length === 0 ? html`<p>${m.invitesEmpty}</p>` : html`<ul class="invites">${invites.map((i) => {
          const st = inviteState(i, Date.now());
          return html`<li data-invite=${i.id}><span>${i.email}</span> · <span>${m.role(i.role)}${i.clinicianScope ? ` (${i.clinicianScope})` : ''}</span> ·
            <strong>${m.inviteState(st)}</strong>${st === 'open' ? html` · ${m.expires(formatDate(i.expiresAt, locale))}
            <button type="button" class="link danger" ?disabled=${this.busy !== null || this.#network.offline} @click=${() => this.#revoke(i)}>${m.revoke(i.email)}</button>` : nothing}</li>`;
        })}</ul>`}
      </section>
      <section aria-labelledby="changes-heading">
        ${this.#heading(m.changesHeading, 1, 'changes-heading')}
        ${claimed.length + log.length === 0 ? html`<p>${m.changesEmpty}</p>` : html`<ul class="changes">
          ${[...claimed.map((i) => ({at: i.claimedAt!, text: m.changeAccepted(i.email, m.role(i.role), formatDate(i.claimedAt!, locale))})),
            ...log.map((e) => ({at: e.at, text: changeText(e)}))]
            .sort((a, b) => b.at - a.at).map((x) => html`<li>${x.text}</li>`)}</ul>`}
      </section>`;
  }

  #nameOf(targetPath: string): string {
    const uid = targetPath.split('/').pop() ?? '';
    return this.team?.find((t) => t.uid === uid)?.pseudonym ?? uid;
  }

  #madeInvite(m: CommunityAdminMessages): TemplateResult {
    const link = this.#link(this.newInvite!.id);
    return html`<div class="made" role="status">
      <p>${m.inviteMade(this.newInvite!.email)}</p>
      ${this.newInvite!.url ? html`<p>${m.inviteEmailed}</p>` : nothing}
      <label for="invite-link">${m.inviteLink}</label>
      <div class="copy"><input id="invite-link" readonly .value=${link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${() => this.#copy(link)}>${m.copy}</button></div>
    </div>`;
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
      // An https page gives the invite a link the functions email to the invitee (issue 14); elsewhere it is copied by hand.
      const base = new URL(this.inviteUrl ?? location.href, location.href);
      base.searchParams.delete(INVITE_PARAM);
      base.hash = '';
      const link = base.protocol === 'https:' ? base.toString() : null;
      this.newInvite = await store.createInvite({email: f.email, role: f.role, clinicianScope: f.role === 'clinician' ? f.scope : null, days, link});
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

  #shown(f: HealthFigure, m: CommunityAdminMessages): string {
    const s = shownValue(f);
    if (s.suppressed) return f.unit === 'count' ? m.fewer : m.notEnough;
    if (s.value === null) return '—';
    return f.unit === 'percent' ? m.percent(s.value) : f.unit === 'hours' ? m.hours(s.value) : String(s.value);
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
        <table class="health"><caption class="visually-hidden">${m.healthHeading}</caption>
          <thead><tr><th scope="col">${m.figure}</th><th scope="col">${m.value}</th><th scope="col">${m.reads}</th></tr></thead>
          <tbody>${HEALTH_KEYS.map((k) => h.figures.find((f) => f.key === k)).filter((f): f is HealthFigure => !!f).map((f) => html`
            <tr data-figure=${f.key}><th scope="row">${m.metric(f.key)}</th><td>${this.#shown(f, m)}</td><td>${f.reads}</td></tr>`)}</tbody>
        </table>
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
