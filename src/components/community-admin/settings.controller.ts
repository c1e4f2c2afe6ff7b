// <kin-community-admin>'s settings tab (issue 14): the form as typed (nothing typed is lost until it is saved),
// its fields, the community's own crisis contacts, and the save that names the field a refusal came from.
import {html, nothing, type ReactiveController, type TemplateResult} from 'lit';
import {commonMessages} from '../../i18n/common.messages.js';
import {pickLocalized} from '../../i18n/messages.js';
import {toKindredError} from '../../data/errors.js';
import {MODERATION_MODES, NATIONS, VISIBILITIES, bumpVersion, parseLines, parseTagLabels} from '../../data/community-admin.js';
import {HIDEABLE_CONTACTS, MAX_COMMUNITY_CONTACTS, UK_CRISIS_CONTACTS} from '../../data/safeguarding.js';
import type {Community, Locale} from '../../data/types.js';
import {communityAdminMessages, type CommunityAdminMessages} from './community-admin.messages.js';
import {field, fieldError, type AdminContext} from './admin.context.js';
import {loadingText} from '../../directives/loading-text.js';

/** One of the community's own crisis contacts as typed. */
export interface ContactDraft {nameEn: string; nameCy: string; detailEn: string; detailCy: string; number: string; sms: boolean}

/** The settings form as typed (text fields stay text until saved, so nothing typed is lost). */
export interface Draft {
  nameEn: string; nameCy: string; taglineEn: string; taglineCy: string;
  visibility: string; moderation: string; holdFirstPosts: string; bannedWords: string;
  nation: string; tags: string; postIntervalSeconds: string; reportsPerHour: string; bump: boolean;
  guidelinesEn: string; guidelinesCy: string; tagLabelsEn: string; tagLabelsCy: string;
  contacts: ContactDraft[]; hidden: string[];
  requireEmailSignIn: boolean; crisisReview: boolean;
}

/** "tag = label" lines for every tag, so the admin fills in what is missing. */
export const labelLines = (tags: readonly string[], labels: Record<string, string> | undefined) =>
  tags.map((t) => `${t} = ${labels?.[t] ?? ''}`).join('\n');

export function draftOf(c: Community): Draft {
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
    requireEmailSignIn: s.requireEmailSignIn === true, crisisReview: s.crisisReview === true,
  };
}

/** The form field an `invalid-argument` error's `field` names (store paths → the console's input ids). */
export function fieldId(field: string): string {
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


export class AdminSettings implements ReactiveController {
  #draft: Draft | null = null;

  constructor(private readonly a: AdminContext) {
    a.host.addController(this);
  }

  hostUpdate() {}

  /** The form as typed; null until the community has loaded. */
  get draft(): Draft | null {
    return this.#draft;
  }
  set draft(d: Draft | null) {
    this.#draft = d;
    this.a.host.requestUpdate();
  }

  text(id: keyof Draft, label: string, {type = 'text', multiline = false, inputmode}: {type?: string; multiline?: boolean; inputmode?: string} = {}): TemplateResult {
    const d = this.draft!;
    const value = String(d[id]);
    const set = (e: Event) => {
      this.draft = {...this.draft!, [id]: (e.target as HTMLInputElement).value};
      if (this.a.errors[id]) this.a.errors = {...this.a.errors, [id]: ''};
    };
    const invalid = this.a.errors[id] ? 'true' : 'false';
    const described = this.a.errors[id] ? `${id}-error` : nothing;
    return field(this.a, id, label, multiline
      ? html`<textarea id=${id} name=${id} rows="4" .value=${value} aria-invalid=${invalid} aria-describedby=${described} @input=${set}></textarea>`
      : html`<input id=${id} name=${id} type=${type} inputmode=${inputmode ?? nothing} .value=${value} aria-invalid=${invalid} aria-describedby=${described} @input=${set} />`);
  }

  /** A yes/no setting: a tick box with a hint, and its error (if the store refuses it) beside it. */
  check(id: 'requireEmailSignIn' | 'crisisReview', label: string, hint: string): TemplateResult {
    const error = this.a.errors[id];
    return html`<div class="field">
      <label class="check"><input type="checkbox" id=${id} name=${id} .checked=${this.draft![id]}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
        @change=${(e: Event) => { this.draft = {...this.draft!, [id]: (e.target as HTMLInputElement).checked}; if (this.a.errors[id]) this.a.errors = {...this.a.errors, [id]: ''}; }} />
        ${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${error ? fieldError(this.a, id, error) : nothing}
    </div>`;
  }

  select(id: keyof Draft, label: string, options: readonly string[], text: (o: string) => string): TemplateResult {
    const d = this.draft!;
    return field(this.a, id, label, html`<select id=${id} name=${id} @change=${(e: Event) => (this.draft = {...this.draft!, [id]: (e.target as HTMLSelectElement).value})}>
      ${options.map((o) => html`<option value=${o} ?selected=${d[id] === o}>${text(o)}</option>`)}</select>`);
  }

  render(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const c = this.a.community!;
    const d = this.draft;
    if (!d) return html`<p role="status" aria-busy="true">${loadingText(locale)}</p>`;
    const next = bumpVersion(c.settings.guidelinesVersion);
    const failure = this.a.failure?.where === 'settings' ? this.a.failure.error : null;
    return html`<form class="settings" novalidate @submit=${this.save} aria-labelledby="settings-heading">
      ${this.a.heading(m.settingsHeading, 1, 'settings-heading')}
      <fieldset><legend>${m.general}</legend>
        ${this.text('nameEn', m.nameEn)}${this.text('nameCy', m.nameCy)}
        ${this.text('taglineEn', m.taglineEn)}${this.text('taglineCy', m.taglineCy)}
        ${this.select('visibility', m.visibility, VISIBILITIES, (v) => m.visibilityOption(v as never))}
      </fieldset>
      <fieldset><legend>${m.moderationHeading}</legend>
        ${this.select('moderation', m.moderation, MODERATION_MODES, (v) => m.moderationOption(v as never))}
        ${this.text('holdFirstPosts', m.holdFirstPosts, {type: 'number', inputmode: 'numeric'})}
        ${this.text('bannedWords', m.bannedWords, {multiline: true})}
        ${this.text('postIntervalSeconds', m.postInterval, {type: 'number', inputmode: 'numeric'})}
        ${this.text('reportsPerHour', m.reportsPerHour, {type: 'number', inputmode: 'numeric'})}
        ${this.check('requireEmailSignIn', m.requireEmailSignIn, m.requireEmailSignInHint)}
        ${this.check('crisisReview', m.crisisReview, m.crisisReviewHint)}
      </fieldset>
      <fieldset><legend>${m.safetyHeading}</legend>
        ${this.select('nation', m.nation, NATIONS, (v) => m.nationOption(v as never))}
        ${this.text('tags', m.tags, {multiline: true})}
      </fieldset>
      <fieldset><legend>${m.tagLabelsHeading}</legend>
        <p class="hint">${m.tagLabelsHint}</p>
        ${this.text('tagLabelsEn', m.tagLabelsEn, {multiline: true})}
        ${this.text('tagLabelsCy', m.tagLabelsCy, {multiline: true})}
      </fieldset>
      ${this.contactsView(m, locale)}
      <fieldset><legend>${m.guidelinesHeading}</legend>
        <p>${m.guidelinesVersion(c.settings.guidelinesVersion)}</p>
        ${this.text('guidelinesEn', m.guidelinesEn, {multiline: true})}
        ${this.text('guidelinesCy', m.guidelinesCy, {multiline: true})}
        <label class="check"><input type="checkbox" name="bump" .checked=${d.bump}
          @change=${(e: Event) => (this.draft = {...this.draft!, bump: (e.target as HTMLInputElement).checked})} /> ${m.bump(next)}</label>
      </fieldset>
      ${Object.values(this.a.errors).some(Boolean) ? html`<p class="error" role="alert">${m.fixErrors}</p>` : nothing}
      ${failure ? html`<p class="error" role="alert">${commonMessages(locale).error(failure.code)}</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${this.a.busy !== null || this.a.offline}>${this.a.busy === 'settings' ? m.saving : m.save}</button>
    </form>`;
  }

  contactsView(m: CommunityAdminMessages, locale: Locale): TemplateResult {
    const d = this.draft!;
    const set = (i: number, patch: Partial<ContactDraft>, id: string) => {
      this.draft = {...this.draft!, contacts: this.draft!.contacts.map((x, j) => (j === i ? {...x, ...patch} : x))};
      if (this.a.errors[id]) this.a.errors = {...this.a.errors, [id]: ''};
    };
    const input = (i: number, key: 'nameEn' | 'nameCy' | 'detailEn' | 'detailCy' | 'number', label: string) => {
      const id = `contact-${i}-${key}`;
      const error = this.a.errors[id];
      return field(this.a, id, label, html`<input id=${id} name=${id} type=${key === 'number' ? 'tel' : 'text'} .value=${d.contacts[i][key]}
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
        <button type="button" class="link danger" @click=${() => this.removeContact(i)}>${m.contactRemove(i + 1)}</button>
      </fieldset>`)}
      ${d.contacts.length < MAX_COMMUNITY_CONTACTS ? html`<button type="button" id="contact-add" @click=${this.addContact}>${m.contactAdd}</button>`
        : html`<p class="hint" id="contact-add" tabindex="-1">${m.contactsFull(MAX_COMMUNITY_CONTACTS)}</p>`}
      ${this.a.errors['contact-add'] ? fieldError(this.a, 'contact-add', this.a.errors['contact-add']) : nothing}
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

  addContact = async () => {
    this.draft = {...this.draft!, contacts: [...this.draft!.contacts, {nameEn: '', nameCy: '', detailEn: '', detailCy: '', number: '', sms: false}]};
    await this.a.host.updateComplete;
    this.a.host.renderRoot.querySelector<HTMLElement>(`#contact-${this.draft.contacts.length - 1}-nameEn`)?.focus();
  };

  async removeContact(i: number) {
    this.draft = {...this.draft!, contacts: this.draft!.contacts.filter((_x, j) => j !== i)};
    this.a.errors = Object.fromEntries(Object.entries(this.a.errors).filter(([k]) => !k.startsWith('contact-')));
    await this.a.host.updateComplete;
    this.a.host.renderRoot.querySelector<HTMLElement>('#contact-add')?.focus();
  }

  /** The settings the form holds, as the store takes them (parse errors name their field). */
  settingsFrom(d: Draft, current: Community['settings']): Community['settings'] {
    const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
    const tags = parseLines(d.tags);
    // Labels of tags no longer listed are dropped rather than refused (the admin removed the tag).
    const labels = (field: string, text: string) => Object.fromEntries(Object.entries(parseTagLabels(field, text)).filter(([t, l]) => tags.includes(t) && l));
    const localizedOf = (en: string, cy: string) => ({en, ...(cy.trim() ? {cy} : {})});
    return {
      ...current, visibility: d.visibility as never, moderation: d.moderation as never, holdFirstPosts: num(d.holdFirstPosts),
      bannedWords: parseLines(d.bannedWords), nation: d.nation as never, tags,
      postIntervalSeconds: num(d.postIntervalSeconds), reportsPerHour: num(d.reportsPerHour),
      requireEmailSignIn: d.requireEmailSignIn, crisisReview: d.crisisReview,
      guidelinesVersion: d.bump ? bumpVersion(current.guidelinesVersion) : current.guidelinesVersion,
      guidelines: localizedOf(d.guidelinesEn, d.guidelinesCy),
      tagLabels: {en: labels('tagLabels.en', d.tagLabelsEn), cy: labels('tagLabels.cy', d.tagLabelsCy)},
      crisisContacts: {
        extra: d.contacts.map((x) => ({name: localizedOf(x.nameEn, x.nameCy), detail: localizedOf(x.detailEn, x.detailCy), number: x.number, sms: x.sms})),
        hide: d.hidden,
      },
    };
  }

  save = async (e: Event) => {
    e.preventDefault();
    const store = this.a.store;
    const c = this.a.community!;
    const d = this.draft;
    if (!store || !c || !d || !this.a.ask('settings', '')) return;
    this.a.busy = 'settings';
    this.a.failure = null;
    try {
      const saved = await store.updateCommunity({
        name: {en: d.nameEn, ...(d.nameCy.trim() ? {cy: d.nameCy} : {})},
        tagline: {en: d.taglineEn, ...(d.taglineCy.trim() ? {cy: d.taglineCy} : {})},
        settings: this.settingsFrom(d, c.settings),
      });
      this.a.errors = {};
      // The form shows what was saved (labels of every tag, trimmed contacts), keeping nothing stale.
      this.draft = draftOf(saved);
      this.a.announce(communityAdminMessages(this.a.locale).saved);
      this.a.done('settings', '');
    } catch (err) {
      const error = toKindredError(err);
      if (error.code === 'invalid-argument' && error.field) {
        const key = fieldId(error.field);
        this.a.errors = {[key]: error.message};
        await this.a.host.updateComplete;
        this.a.host.renderRoot.querySelector<HTMLElement>(`#${key}`)?.focus();
      } else {
        this.a.failure = {where: 'settings', error};
      }
      this.a.report(error, 'settings');
    } finally {
      this.a.busy = null;
    }
  };

}
