// Templates and shapes of <kin-founder-story-banner>: the view it shows, the photo, the date and the
// edit form. State and handlers stay in the element.
import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import type {KindredErrorCode} from '../../data/errors.js';
import type {Locale} from '../../data/types.js';
import {formatDate} from '../../i18n/messages.js';
import {initials} from '../../data/pseudonyms.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {founderStoryBannerMessages} from './founder-story-banner.messages.js';

/** A piece of text and, when it fell back to English, the language to mark it with. */
export interface Piece {
  text: string;
  lang: Locale | undefined;
}

/** What is shown: page content merged over stored content, field by field. */
export interface View {
  name: string;
  role: Piece | null;
  quote: Piece | null;
  paragraphs: Piece[];
  image: {src: string; alt: Piece} | null;
  /** `join`: opens the community's join dialog instead of following a link (issue 12). */
  cta: {label: Piece; href: string; join?: boolean} | null;
  toldAt: {ms: number; utc: boolean} | null;
  memorial: boolean;
  /** Some stored text was shown in English because the wanted language was missing. */
  fellBack: boolean;
  /** Authoring problems (shown with `dev-warnings`, reported once each as `kin-error`). */
  problems: Problem[];
}

export type Problem = 'missing-alt' | 'bad-image' | 'bad-cta';

export interface Draft {
  name: string;
  role: string;
  quote: string;
  storyEn: string;
  storyCy: string;
  imageUrl: string;
  imageAlt: string;
  ctaLabel: string;
  ctaUrl: string;
  memorial: boolean;
}

export type SlotName = 'story' | 'quote' | 'image' | 'cta';
export const SLOT_NAMES: readonly SlotName[] = ['story', 'quote', 'image', 'cta'];
export const EXCERPT_CHARS = 280;

/** Input ids in the edit form, by the `field` of a validation error. */
export const FIELD_INPUT: Record<string, string> = {
  name: 'f-name', role: 'f-role', quote: 'f-quote', story: 'f-story-en', imageUrl: 'f-image-url',
  imageAlt: 'f-image-alt', 'cta.label': 'f-cta-label', 'cta.url': 'f-cta-url',
};

/** A piece of stored or page text, marked with its language when it fell back to English. */
export function text(piece: Piece | null) {
  if (!piece) return nothing;
  return piece.lang ? html`<span lang=${piece.lang}>${piece.text}</span>` : piece.text;
}

/** The photo, or the founder's initials when there is none. */
export function media(v: View) {
  if (v.image) {
    return html`<img src=${v.image.src} alt=${v.image.alt.text} lang=${v.image.alt.lang ?? nothing} decoding="async" />`;
  }
  return html`<span class="initials" aria-hidden="true">${initials(v.name)}</span>`;
}

/** "Told on <date>". */
export function toldOn(t: NonNullable<View['toldAt']>, locale: Locale) {
  const date = new Date(t.ms);
  const text = formatDate(t.ms, locale, {utc: t.utc});
  const iso = t.utc ? date.toISOString().slice(0, 10) : `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return html`<p class="told">${founderStoryBannerMessages(locale).toldOn} <time datetime=${iso}>${text}</time></p>`;
}

/** What the edit form needs from the element: its state and handlers. */
export interface EditorState {
  error: {code: KindredErrorCode; field: string | null} | null;
  saving: boolean;
  input: (field: keyof Draft) => (e: Event) => void;
  save: (e: SubmitEvent) => unknown;
  cancel: () => unknown;
}

/** The edit form for the founder or an admin. */
export function editor(d: Draft, locale: Locale, {error: err, saving, input, save, cancel}: EditorState) {
  const m = founderStoryBannerMessages(locale);
  const invalid = (field: string) => (err?.field === field ? 'true' : 'false');
  const described = (field: string) => (err?.field === field ? 'form-error' : nothing);
  const fieldLabel: Record<string, string> = {
    name: m.fieldName, role: m.fieldRole, quote: m.fieldQuote, story: m.fieldStoryEn, imageUrl: m.fieldImageUrl,
    imageAlt: m.fieldImageAlt, 'cta.label': m.fieldCtaLabel, 'cta.url': m.fieldCtaUrl,
  };
  const textField = (id: string, field: string, key: keyof Draft, label: string, type = 'text') => html`
    <div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${type} .value=${live(d[key] as string)} @input=${input(key)}
        aria-invalid=${invalid(field)} aria-describedby=${described(field)} />
    </div>`;
  return html`<form class="editor" @submit=${save} aria-labelledby="form-title" novalidate>
    <p id="form-title" class="form-title">${m.formTitle}</p>
    <div id="form-error" class="form-error" role="alert" tabindex="-1">${err
      ? html`${commonMessages(locale).error(err.code)} ${err.field && fieldLabel[err.field] ? m.checkField(fieldLabel[err.field]) : ''}`
      : nothing}</div>
    ${textField('f-name', 'name', 'name', m.fieldName)}
    ${textField('f-role', 'role', 'role', m.fieldRole)}
    ${textField('f-quote', 'quote', 'quote', m.fieldQuote)}
    <p id="story-hint" class="hint">${m.storyHint}</p>
    <div class="field">
      <label for="f-story-en">${m.fieldStoryEn}</label>
      <textarea id="f-story-en" rows="8" lang="en" .value=${live(d.storyEn)} @input=${input('storyEn')}
        aria-invalid=${invalid('story')} aria-describedby=${err?.field === 'story' ? 'story-hint form-error' : 'story-hint'}></textarea>
    </div>
    <div class="field">
      <label for="f-story-cy">${m.fieldStoryCy}</label>
      <textarea id="f-story-cy" rows="8" lang="cy" .value=${live(d.storyCy)} @input=${input('storyCy')}
        aria-describedby="story-hint"></textarea>
    </div>
    ${textField('f-image-url', 'imageUrl', 'imageUrl', m.fieldImageUrl, 'url')}
    ${textField('f-image-alt', 'imageAlt', 'imageAlt', m.fieldImageAlt)}
    ${textField('f-cta-label', 'cta.label', 'ctaLabel', m.fieldCtaLabel)}
    ${textField('f-cta-url', 'cta.url', 'ctaUrl', m.fieldCtaUrl, 'url')}
    <div class="check">
      <input id="f-memorial" type="checkbox" .checked=${live(d.memorial)} @change=${input('memorial')} />
      <label for="f-memorial">${m.fieldMemorial}</label>
    </div>
    <div class="actions">
      <button type="submit" class="save" ?disabled=${saving}>${saving ? m.saving : m.save}</button>
      <button type="button" class="cancel" @click=${cancel}>${m.cancel}</button>
    </div>
  </form>`;
}
