// The founder's edit form, loaded only when a founder (or an admin) opens it: visitors never download it,
// nor the story's validation (issue 16: the script-tag entry stays within its first-paint budget).
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {KindredErrorCode} from '../../data/errors.js';
import type {Locale} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {founderStoryBannerMessages} from './founder-story-banner.messages.js';
import type {Draft} from './founder-story-banner.parts.js';

export {validateFounderStory} from '../../data/policy.js';

/** What the edit form needs from the element. */
export interface EditorContext {
  error: {code: KindredErrorCode; field: string | null} | null;
  saving: boolean;
  input: (field: keyof Draft) => (e: Event) => void;
  save: (e: SubmitEvent) => void;
  close: () => void;
}

/** The founder's (or an admin's) form to edit the stored story. */
export function editorForm(d: Draft, locale: Locale, ctx: EditorContext): TemplateResult {
    const m = founderStoryBannerMessages(locale);
    const err = ctx.error;
    const invalid = (field: string) => (err?.field === field ? 'true' : 'false');
    const described = (field: string) => (err?.field === field ? 'form-error' : nothing);
    const fieldLabel: Record<string, string> = {
      name: m.fieldName, role: m.fieldRole, quote: m.fieldQuote, story: m.fieldStoryEn, imageUrl: m.fieldImageUrl,
      imageAlt: m.fieldImageAlt, 'cta.label': m.fieldCtaLabel, 'cta.url': m.fieldCtaUrl,
    };
    const textField = (id: string, field: string, key: keyof Draft, label: string, type = 'text') => html`
      <div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} type=${type} .value=${live(d[key] as string)} @input=${ctx.input(key)}
          aria-invalid=${invalid(field)} aria-describedby=${described(field)} />
      </div>`;
    return html`<form class="editor" @submit=${ctx.save} aria-labelledby="form-title" novalidate>
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
        <textarea id="f-story-en" rows="8" lang="en" .value=${live(d.storyEn)} @input=${ctx.input('storyEn')}
          aria-invalid=${invalid('story')} aria-describedby=${err?.field === 'story' ? 'story-hint form-error' : 'story-hint'}></textarea>
      </div>
      <div class="field">
        <label for="f-story-cy">${m.fieldStoryCy}</label>
        <textarea id="f-story-cy" rows="8" lang="cy" .value=${live(d.storyCy)} @input=${ctx.input('storyCy')}
          aria-describedby="story-hint"></textarea>
      </div>
      ${textField('f-image-url', 'imageUrl', 'imageUrl', m.fieldImageUrl, 'url')}
      ${textField('f-image-alt', 'imageAlt', 'imageAlt', m.fieldImageAlt)}
      ${textField('f-cta-label', 'cta.label', 'ctaLabel', m.fieldCtaLabel)}
      ${textField('f-cta-url', 'cta.url', 'ctaUrl', m.fieldCtaUrl, 'url')}
      <div class="check">
        <input id="f-memorial" type="checkbox" .checked=${live(d.memorial)} @change=${ctx.input('memorial')} />
        <label for="f-memorial">${m.fieldMemorial}</label>
      </div>
      <div class="actions">
        <button type="submit" class="save" ?disabled=${ctx.saving}>${ctx.saving ? m.saving : m.save}</button>
        <button type="button" class="cancel" @click=${ctx.close}>${m.cancel}</button>
      </div>
    </form>`;
}
