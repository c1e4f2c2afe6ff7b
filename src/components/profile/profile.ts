import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KinElement} from '../kin-element.js';
import {EmailNotificationsSection} from './email-notifications.js';
import {WarningPrefsSection} from './warning-prefs.js';
import styles from './profile.styles.js';
import {profileMessages} from './profile.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {reconnectingNotice} from '../../directives/reconnecting.js';
import {formatDate} from '../../i18n/messages.js';
import {CommunityConsumer} from '../../controllers/community-consumer.js';
import {OnlineController} from '../../controllers/online.js';
import type {CommunityStore, FieldVisibility} from '../../data/store.js';
import {RELATIONSHIPS, type MemberProfile, type PrivateRecord, type Relationship} from '../../data/types.js';
import {toKindredError, type KindredError} from '../../data/errors.js';
import {LIMITS, validateHttpsUrl, validatePseudonym, validateTags, validateText} from '../../data/policy.js';
import {initials} from '../../data/pseudonyms.js';
import {styleProps} from '../../directives/style-props.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinJoinRequestEvent} from '../../events/join.js';
import {KinProfileSaveEvent} from '../../events/profile-save.js';
import {KinProfileSavedEvent} from '../../events/profile-saved.js';
import {KinEraseRequestEvent} from '../../events/erase-request.js';
import {KinErasedEvent} from '../../events/erased.js';
import {communityController, meController} from '../../controllers/community-data.js';
import {tagLabel} from '../../i18n/tags.js';
import {customTagLabel} from '../../data/community-admin.js';
import {loadingText} from '../../directives/loading-text.js';

const HUES = [12, 48, 140, 200, 262, 320];

interface Draft {
  pseudonym: string;
  avatarUrl: string;
  avatarHue: number;
  relationship: Relationship;
  bio: string;
  tags: string[];
  otherTags: string;
  listed: boolean;
  bioVisibility: FieldVisibility;
  tagsVisibility: FieldVisibility;
}

/**
 * The member's own profile and data: pseudonym, avatar, relationship, bio and shared experiences, who
 * sees each field, listing in the directory (off until turned on), the health-information consent
 * (see or withdraw it), a JSON download of everything stored about them, erasure, signing out and
 * keeping the account on other devices with an email link.
 *
 * @summary Edit your profile and privacy; export or erase your data.
 * @tagname kin-profile
 * @event kin-profile-save - Cancelable; the member pressed Save. `preventDefault()` writes nothing.
 * @event kin-profile-saved - The profile was saved (`uid`).
 * @event kin-erase-request - Cancelable; the member confirmed erasure. `preventDefault()` erases nothing.
 * @event kin-erased - The member's data was erased and they were signed out.
 * @event kin-join-request - A signed-out visitor pressed Join (`reason` "profile").
 * @event kin-error - A load or a write failed; the form keeps what was typed and shows why.
 * @csspart base - The wrapper.
 * @csspart heading - The main heading.
 * @csspart form - The profile form.
 * @csspart save - The Save button.
 * @csspart consent - The consent section.
 * @csspart data - The export and erase section.
 * @csspart warning-prefs - The section where the member chooses, per topic, how posts with content warnings are shown (issue 18).
 * @csspart account - The sign-out and email-link section.
 * @cssproperty [--kin-profile-max-width=40rem] - Maximum width of the profile.
 * @cssproperty [--kin-color-primary=#0b6e4f] - Accent colour of buttons.
 * @cssproperty [--kin-color-danger=#b42318] - Colour of errors and the erase button.
 */
export class KinProfile extends KinElement {
  static override styles = [KinElement.styles, styles];

  /** Heading level (1–6) of the profile heading; sections use the next level. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** A store to use without a `<kin-community>` around the element. */
  @property({attribute: false}) store: CommunityStore | null = null;

  @state() private draft: Draft | null = null;
  @state() private record: PrivateRecord | null = null;
  @state() private busy = false;
  @state() private error: KindredError | null = null;
  @state() private message = '';
  @state() private consentMessage = '';
  @state() private consentError: KindredError | null = null;
  @state() private exportUrl: string | null = null;
  @state() private dataError: KindredError | null = null;
  @state() private erased = false;
  @state() private email = '';
  @state() private accountMessage = '';
  @state() private accountError: string | null = null;
  // Issue 15: email notifications (its own module; this element only hosts it).
  #emailSection = new EmailNotificationsSection(this, () => this.#store, () => this.record, (r) => (this.record = r),
    (error) => this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'email-notifications')));
  // Issue 18: how posts with content warnings are shown to this member (its own module too).
  #warningSection = new WarningPrefsSection(this, () => this.#store, () => this.record, (r) => (this.record = r),
    (error) => this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'warning-prefs')));
  #network = new OnlineController(this, undefined, () => this.#store);
  private get offline() {
    return this.#network.offline;
  }

  #community = new CommunityConsumer(this);
  #loadedFor: unknown[] = [];
  #communityDoc = communityController(this, () => this.#store);
  #me = meController(this, () => this.#store, () => this.#community.user?.uid ?? null);

  get #store(): CommunityStore | null {
    this.#community.override = this.store;
    return this.#community.store;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.exportUrl) URL.revokeObjectURL(this.exportUrl);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const me = this.#me.value;
    const key = [this.#store, me?.uid ?? null];
    if (me && key.some((k, i) => k !== this.#loadedFor[i])) {
      this.#loadedFor = key;
      void this.#loadPrivate(me);
    }
  }

  async #loadPrivate(me: MemberProfile) {
    try {
      const record = await this.#store!.getPrivateRecord();
      this.record = record;
      // The draft starts from what is stored, including fields kept to the member alone.
      this.draft = {
        pseudonym: me.pseudonym, avatarUrl: me.avatarUrl ?? '', avatarHue: me.avatarHue, relationship: me.relationship,
        bio: record?.kept?.bio ?? me.bio, tags: record?.kept?.tags ?? me.tags, otherTags: '', listed: me.listed,
        bioVisibility: record?.fieldVisibility.bio === 'only-me' ? 'only-me' : 'members',
        tagsVisibility: record?.fieldVisibility.tags === 'only-me' ? 'only-me' : 'members',
      };
    } catch (e) {
      this.#fail(e, 'load-profile', (err) => (this.error = err));
    }
  }

  #fail(e: unknown, operation: string, show: (error: KindredError) => void) {
    const error = toKindredError(e);
    show(error);
    this.dispatchEvent(new KinErrorEvent(error.code, error.message, operation));
  }

  #set<K extends keyof Draft>(key: K, value: Draft[K]) {
    this.draft = {...this.draft!, [key]: value};
    this.message = '';
    if (this.error?.field === key || (key === 'otherTags' && this.error?.field === 'tags')) this.error = null;
  }

  override render() {
    const locale = this.#community.locale;
    const m = profileMessages(locale);
    const c = commonMessages(locale);
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    const wrap = (body: unknown) => html`<section part="base" aria-labelledby="heading">
      <div part="heading" class="heading" role="heading" aria-level=${level} id="heading">${m.heading}</div>${body}</section>`;
    if (this.erased) return wrap(html`<p role="status">${m.erased}</p>`);
    const store = this.#store;
    if (!store || (this.#community.user && (this.#me.status === 'idle' || this.#me.status === 'loading'))) {
      if (this.#community.value?.error) return wrap(html`<p role="alert">${c.configError}</p>`);
      return wrap(html`<p role="status" aria-busy="true">${loadingText(locale)}</p>`);
    }
    if (this.#me.status === 'error') {
      return wrap(html`<div role="alert"><p class="error">${c.error(this.#me.error!.code)}</p>
        <button type="button" @click=${() => this.#me.retry()}>${c.retry}</button></div>`);
    }
    const me = this.#me.value;
    if (!this.#community.user || !me) {
      return wrap(html`<p>${m.signedOut}</p>
        <button class="primary" type="button" @click=${() => this.dispatchEvent(new KinJoinRequestEvent('profile'))}>${m.joinButton}</button>`);
    }
    if (!this.draft) {
      if (this.error) {
        return wrap(html`<div role="alert"><p class="error">${c.error(this.error.code)}</p>
          <button type="button" @click=${() => { this.error = null; void this.#loadPrivate(me); }}>${c.retry}</button></div>`);
      }
      return wrap(html`<p role="status" aria-busy="true">${loadingText(locale)}</p>`);
    }
    return wrap(html`
      <p class="muted">${m.intro}</p>
      ${this.offline ? html`<p role="status">${m.offline}</p>` : nothing}
      ${reconnectingNotice(this.#network, locale)}
      ${this.#form(m, c)}
      ${this.#consent(m, level + 1)}
      ${this.#emailSection.render(this.#community.locale, level + 1)}
      ${this.#warningSection.render(this.#community.locale, level + 1)}
      ${this.#data(m, c, level + 1)}
      ${this.#account(m, level + 1)}
    `);
  }

  #fieldError(field: string) {
    return this.error?.field === field ? html`<p class="error" id="${field}-error">${this.error.message}</p>` : nothing;
  }

  #describedBy(field: string, hint?: string) {
    return [hint, this.error?.field === field ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
  }

  #form(m: ReturnType<typeof profileMessages>, c: ReturnType<typeof commonMessages>) {
    const d = this.draft!;
    const communityTags = this.#communityDoc.value?.settings.tags ?? [];
    const custom = d.tags.filter((t) => !communityTags.includes(t));
    const general = this.error && !['pseudonym', 'avatarUrl', 'bio', 'tags'].includes(this.error.field ?? '') ? this.error : null;
    const visibility = (field: 'bio' | 'tags', label: string) => html`
      <div class="field">
        <label for="${field}-visibility">${m.whoSees(label)}</label>
        <select id="${field}-visibility" @change=${(e: Event) => this.#set(`${field}Visibility`, (e.target as HTMLSelectElement).value as FieldVisibility)}>
          <option value="members" ?selected=${d[`${field}Visibility`] === 'members'}>${m.seeMembers}</option>
          <option value="only-me" ?selected=${d[`${field}Visibility`] === 'only-me'}>${m.seeOnlyMe}</option>
        </select>
      </div>`;
    return html`
      <form part="form" novalidate @submit=${this.#save} aria-busy=${this.busy ? 'true' : 'false'}>
        <div class="field">
          <label for="pseudonym">${m.pseudonym}</label>
          <p class="hint" id="pseudonym-hint">${m.pseudonymHint}</p>
          <input id="pseudonym" autocomplete="off" maxlength="60" .value=${d.pseudonym} aria-invalid=${this.error?.field === 'pseudonym' ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('pseudonym', 'pseudonym-hint')} @input=${(e: Event) => this.#set('pseudonym', (e.target as HTMLInputElement).value)} />
          ${this.#fieldError('pseudonym')}
        </div>
        <fieldset class="field">
          <legend>${m.avatarColour}</legend>
          <div class="swatches">
            ${HUES.map((h, i) => html`<label class="swatch">
              <input type="radio" name="hue" .checked=${d.avatarHue === h} @change=${() => this.#set('avatarHue', h)} aria-label=${m.colourName(i + 1)} />
              <span class="avatar" aria-hidden="true" ${styleProps({'--_hue': String(h)})}>${initials(d.pseudonym || '?')}</span></label>`)}
          </div>
        </fieldset>
        <div class="field">
          <label for="avatarUrl">${m.avatarUrl}</label>
          <p class="hint" id="avatarUrl-hint">${m.avatarUrlHint}</p>
          <input id="avatarUrl" type="url" inputmode="url" autocomplete="off" .value=${d.avatarUrl} aria-invalid=${this.error?.field === 'avatarUrl' ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('avatarUrl', 'avatarUrl-hint')} @input=${(e: Event) => this.#set('avatarUrl', (e.target as HTMLInputElement).value)} />
          ${this.#fieldError('avatarUrl')}
        </div>
        <fieldset class="field">
          <legend>${m.relationship}</legend>
          ${RELATIONSHIPS.map((r) => html`<label class="radio"><input type="radio" name="relationship" .checked=${d.relationship === r}
            @change=${() => this.#set('relationship', r)} />${c[`relationship_${r}`]}</label>`)}
        </fieldset>
        <div class="field">
          <label for="bio">${m.bio}</label>
          <p class="hint" id="bio-hint">${m.bioHint}</p>
          <textarea id="bio" rows="4" .value=${d.bio} aria-invalid=${this.error?.field === 'bio' ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('bio', 'bio-hint')} @input=${(e: Event) => this.#set('bio', (e.target as HTMLTextAreaElement).value)}></textarea>
          ${this.#fieldError('bio')}
        </div>
        ${visibility('bio', m.bio)}
        <fieldset class="field">
          <legend>${m.tags}</legend>
          ${communityTags.map((t) => html`<label class="check"><input type="checkbox" .checked=${d.tags.includes(t)}
            @change=${(e: Event) => this.#set('tags', (e.target as HTMLInputElement).checked ? [...d.tags, t] : d.tags.filter((x) => x !== t))} />${customTagLabel(this.#communityDoc.value?.settings, t, this.#community.locale) ?? tagLabel(t, communityTags)}</label>`)}
          <label for="otherTags">${m.tagsOther}</label>
          <input id="otherTags" autocomplete="off" .value=${d.otherTags || custom.join(', ')} aria-invalid=${this.error?.field === 'tags' ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('tags')}
            @input=${(e: Event) => this.#set('otherTags', (e.target as HTMLInputElement).value || ' ')} />
          ${this.#fieldError('tags')}
        </fieldset>
        ${visibility('tags', m.tags)}
        <div class="field">
          <label class="check"><input id="listed" type="checkbox" .checked=${d.listed} aria-describedby="listed-hint"
            @change=${(e: Event) => this.#set('listed', (e.target as HTMLInputElement).checked)} />${m.listed}</label>
          <p class="hint" id="listed-hint">${m.listedHint}</p>
        </div>
        ${general ? html`<p class="error" role="alert">${c.error(general.code)} ${general.message}</p>` : nothing}
        <p class="ok" role="status">${this.message}</p>
        <button part="save" class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? m.saving : m.save}</button>
      </form>`;
  }

  /** The tags to save: the community's ticked ones plus the free text, validated. */
  #tags(d: Draft): string[] {
    const communityTags = this.#communityDoc.value?.settings.tags ?? [];
    const free = (d.otherTags ? d.otherTags : d.tags.filter((t) => !communityTags.includes(t)).join(','))
      .split(',').map((t) => t.trim()).filter(Boolean);
    return validateTags([...d.tags.filter((t) => communityTags.includes(t)), ...free]);
  }

  async #save(e: Event) {
    e.preventDefault();
    const store = this.#store;
    const d = this.draft;
    if (!store || !d || this.busy) return;
    let patch: {pseudonym: string; avatarUrl: string | null; avatarHue: number; relationship: Relationship; listed: boolean};
    let bio: string;
    let tags: string[];
    try {
      patch = {
        pseudonym: validatePseudonym(d.pseudonym),
        avatarUrl: d.avatarUrl.trim() ? validateHttpsUrl('avatarUrl', d.avatarUrl) : null,
        avatarHue: d.avatarHue, relationship: d.relationship, listed: d.listed,
      };
      bio = validateText('bio', d.bio, {max: LIMITS.bio});
      tags = this.#tags(d);
    } catch (err) {
      this.error = toKindredError(err);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${this.error.field === 'tags' ? 'otherTags' : this.error.field}`)?.focus();
      return;
    }
    if (!this.dispatchEvent(new KinProfileSaveEvent([...Object.keys(patch), 'bio', 'tags']))) return;
    this.busy = true;
    this.error = null;
    try {
      const me = await store.updateProfile(patch);
      this.record = await store.setFieldVisibility({bio: d.bioVisibility, tags: d.tagsVisibility}, {bio, tags});
      this.draft = {...d, pseudonym: patch.pseudonym, avatarUrl: patch.avatarUrl ?? '', bio, tags, otherTags: ''};
      this.message = profileMessages(this.#community.locale).saved;
      this.dispatchEvent(new KinProfileSavedEvent(me.uid));
    } catch (err) {
      this.#fail(err, 'save-profile', (error) => (this.error = error));
    } finally {
      this.busy = false;
    }
  }

  #consent(m: ReturnType<typeof profileMessages>, level: number) {
    const locale = this.#community.locale;
    const r = this.record;
    const c = commonMessages(locale);
    return html`
      <section part="consent" aria-labelledby="consent-heading">
        <div class="subheading" role="heading" aria-level=${level} id="consent-heading">${m.consentHeading}</div>
        <p>${r?.healthConsent ? m.consentGiven(r.healthConsent.version, formatDate(r.healthConsent.at, locale)) : m.consentNone}
          ${!r?.healthConsent && r?.healthConsentWithdrawnAt ? m.consentWithdrawnOn(formatDate(r.healthConsentWithdrawnAt, locale)) : nothing}</p>
        ${r?.healthConsent ? html`<p class="hint" id="withdraw-what">${m.consentWhatWithdrawalDoes}</p>` : nothing}
        ${this.consentError ? html`<p class="error" role="alert">${c.error(this.consentError.code)}</p>` : nothing}
        <p class="ok" role="status">${this.consentMessage}</p>
        ${r?.healthConsent
          ? html`<button type="button" class="danger" aria-describedby="withdraw-what" @click=${() => this.#consentChange(false)}>${m.withdraw}</button>`
          : html`<button type="button" @click=${() => this.#consentChange(true)}>${m.give}</button>`}
      </section>`;
  }

  async #consentChange(given: boolean) {
    const m = profileMessages(this.#community.locale);
    try {
      this.record = await this.#store!.setHealthConsent(given);
      this.consentError = null;
      this.consentMessage = given ? m.consentSaved : m.consentWithdrawn;
    } catch (e) {
      this.#fail(e, 'consent', (error) => (this.consentError = error));
    }
  }

  #data(m: ReturnType<typeof profileMessages>, c: ReturnType<typeof commonMessages>, level: number) {
    return html`
      <section part="data" aria-labelledby="data-heading">
        <div class="subheading" role="heading" aria-level=${level} id="data-heading">${m.dataHeading}</div>
        <p class="hint">${m.exportHint}</p>
        <div class="actions">
          ${this.exportUrl
            ? html`<a class="button" id="download" href=${this.exportUrl} download="kindred-my-data.json">${m.exportReady}</a>`
            : html`<button type="button" id="export" @click=${this.#export}>${m.exportButton}</button>`}
          <button type="button" class="danger" id="erase" @click=${this.#openErase}>${m.eraseButton}</button>
        </div>
        ${this.dataError ? html`<p class="error" role="alert">${c.error(this.dataError.code)}</p>` : nothing}
        <dialog id="erase-dialog" aria-labelledby="erase-title" aria-describedby="erase-explain">
          <div class="subheading" role="heading" aria-level=${level + 1} id="erase-title">${m.eraseTitle}</div>
          <p id="erase-explain">${m.eraseExplain}</p>
          <div class="actions">
            <button type="button" class="danger" id="erase-confirm" @click=${this.#erase}>${m.eraseConfirm}</button>
            <button type="button" id="erase-cancel" autofocus @click=${this.#closeErase}>${m.eraseCancel}</button>
          </div>
        </dialog>
      </section>`;
  }

  async #export() {
    try {
      const data = await this.#store!.exportMyData();
      const blob = new Blob([JSON.stringify(data, null, 2)], {type: 'application/json'});
      if (this.exportUrl) URL.revokeObjectURL(this.exportUrl);
      this.exportUrl = URL.createObjectURL(blob);
      this.dataError = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#download')?.focus();
    } catch (e) {
      this.#fail(e, 'export', (error) => (this.dataError = error));
    }
  }

  #dialog() {
    return this.renderRoot.querySelector<HTMLDialogElement>('#erase-dialog');
  }

  #openErase() {
    this.#dialog()?.showModal();
  }

  #closeErase() {
    this.#dialog()?.close();
    this.renderRoot.querySelector<HTMLElement>('#erase')?.focus();
  }

  async #erase() {
    const store = this.#store!;
    const uid = this.#community.user?.uid ?? '';
    if (!this.dispatchEvent(new KinEraseRequestEvent(uid))) {
      this.#closeErase();
      return;
    }
    try {
      await store.eraseMe();
      this.#dialog()?.close();
      this.erased = true;
      this.dispatchEvent(new KinErasedEvent());
    } catch (e) {
      this.#closeErase();
      this.#fail(e, 'erase', (error) => (this.dataError = error));
    }
  }

  #account(m: ReturnType<typeof profileMessages>, level: number) {
    const anonymous = this.#community.user?.anonymous !== false;
    return html`
      <section part="account" aria-labelledby="account-heading">
        <div class="subheading" role="heading" aria-level=${level} id="account-heading">${m.accountHeading}</div>
        ${anonymous ? html`
          <form class="field" @submit=${this.#sendLink} novalidate aria-labelledby="keep-heading">
            <div class="subheading" role="heading" aria-level=${level + 1} id="keep-heading">${m.keepHeading}</div>
            <p class="hint" id="keep-hint">${m.keepHint}</p>
            <label for="email">${m.email}</label>
            <input id="email" type="email" autocomplete="email" .value=${this.email} aria-describedby="keep-hint"
              @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)} />
            ${this.accountError ? html`<p class="error" role="alert">${this.accountError}</p>` : nothing}
            <p class="ok" role="status">${this.accountMessage}</p>
            <button type="submit">${m.sendLink}</button>
          </form>` : nothing}
        <button type="button" id="sign-out" @click=${() => this.#store?.session.signOut()}>${m.signOut}</button>
      </section>`;
  }

  async #sendLink(e: Event) {
    e.preventDefault();
    const m = profileMessages(this.#community.locale);
    this.accountMessage = '';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim())) {
      this.accountError = m.emailInvalid;
      return;
    }
    try {
      await this.#store!.session.sendSignInLink(this.email.trim(), location.href);
      this.accountError = null;
      this.accountMessage = m.linkSent;
    } catch (err) {
      const error = toKindredError(err);
      // The LocalStore keeps accounts in this browser only: say so kindly rather than as a failure.
      this.accountError = error.code === 'unavailable' ? m.keepUnavailable : `${commonMessages(this.#community.locale).error(error.code)}`;
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'send-sign-in-link'));
    }
  }
}

