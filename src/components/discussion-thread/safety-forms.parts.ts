// Issue 18 templates of <kin-discussion-thread> that only a member uses (issue 16: loaded with
// thread-member.ts): the author's or a moderator's warning form, and the composer's warning and audience choices.
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {WARNING_LABEL_MAX, WARNING_TOPICS, type WarningTopic} from '../../data/domain/safety.js';
import type {Post} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {safetyMessages} from '../../i18n/safety.messages.js';
import {NEW_THREAD, type ThreadContext} from './discussion-thread.context.js';
import type {Composer} from './composer.controller.js';

/** The author's or a moderator's form to set, change or remove a post's warning. */
export function warningEditor(t: ThreadContext, post: Post): TemplateResult | typeof nothing {
  const e = t.safety.editing;
  if (!e || e.postId !== post.id) return nothing;
  const s = safetyMessages(t.locale);
  const common = commonMessages(t.locale);
  const id = `we-${post.id}`;
  return html`<form class="warning-form" part="warning-form" novalidate @submit=${(ev: Event) => {
      ev.preventDefault();
      void t.safety.save(post);
    }} @keydown=${(ev: KeyboardEvent) => ev.key === 'Escape' && t.safety.openEditor(post)}>
      <label for=${`${id}-topic`}>${s.changeWarning}</label>
      <select id=${`${id}-topic`} .value=${live(e.topic)} @change=${(ev: Event) => {
        e.topic = (ev.target as HTMLSelectElement).value as WarningTopic | '';
        e.invalid = false;
        t.host.requestUpdate();
      }}>
        <option value="" ?selected=${e.topic === ''}>${s.warningNone}</option>
        ${WARNING_TOPICS.map((topic) => html`<option value=${topic} ?selected=${e.topic === topic}>${s.topic(topic)}</option>`)}
      </select>
      ${e.topic === 'custom'
        ? html`<label for=${`${id}-label`}>${s.warningCustomLabel}</label>
            <input id=${`${id}-label`} type="text" maxlength=${WARNING_LABEL_MAX} .value=${live(e.label)}
              aria-invalid=${e.invalid ? 'true' : 'false'} aria-describedby=${`${id}-hint`}
              @input=${(ev: InputEvent) => {
                e.label = (ev.target as HTMLInputElement).value;
                e.invalid = false;
                t.host.requestUpdate();
              }} />
            <p class="hint" id=${`${id}-hint`}>${e.invalid ? s.warningCustomRequired : s.warningCustomHint}</p>`
        : nothing}
      ${e.error ? html`<p class="error" part="error" role="alert">${common.error(e.error.code)}</p>` : nothing}
      <div class="composer-actions">
        <button type="submit" class="primary" aria-disabled=${e.pending ? 'true' : 'false'}>${s.saveWarning}</button>
        <button type="button" @click=${() => t.safety.openEditor(post)}>${s.cancel}</button>
      </div>
    </form>`;
}

/** The composer's choices: a content warning, and (in a public community, top-level posts) who can read it. */
export function composerChoices(t: ThreadContext, parentId: string | null, c: Composer, fieldId: string): TemplateResult {
  const s = safetyMessages(t.locale);
  const parent = parentId && parentId !== NEW_THREAD ? t.feed.byId.get(parentId) ?? null : null;
  const publicCommunity = t.community.value?.settings.visibility === 'public';
  const inherits = parent?.audience === 'members';
  const topic = c.warning?.topic ?? '';
  const set = (patch: Partial<Composer>) => t.composer?.setChoices(parentId, patch);
  return html`<div class="choices" part="composer-choices">
      <div class="choice">
        <label for=${`${fieldId}-warning`}>${s.warningField}</label>
        <select id=${`${fieldId}-warning`} .value=${live(topic)} @change=${(ev: Event) => {
          const value = (ev.target as HTMLSelectElement).value as WarningTopic | '';
          set({warning: value ? {topic: value, label: value === 'custom' ? c.warning?.label ?? '' : null} : null});
        }}>
          <option value="" ?selected=${topic === ''}>${s.warningNone}</option>
          ${WARNING_TOPICS.map((w) => html`<option value=${w} ?selected=${topic === w}>${s.topic(w)}</option>`)}
        </select>
        ${topic === 'custom'
          ? html`<label for=${`${fieldId}-warning-label`}>${s.warningCustomLabel}</label>
              <input id=${`${fieldId}-warning-label`} type="text" maxlength=${WARNING_LABEL_MAX} .value=${live(c.warning?.label ?? '')}
                aria-invalid=${c.invalid === 'warning' ? 'true' : 'false'} aria-describedby=${`${fieldId}-warning-hint`}
                @input=${(ev: InputEvent) => set({warning: {topic: 'custom', label: (ev.target as HTMLInputElement).value}})} />
              <p class=${c.invalid === 'warning' ? 'field-error' : 'hint'} id=${`${fieldId}-warning-hint`}>
                ${c.invalid === 'warning' ? s.warningCustomRequired : s.warningCustomHint}
              </p>`
          : nothing}
      </div>
      ${inherits
        ? html`<p class="hint audience-note">${s.audienceReplyInherits}</p>`
        : publicCommunity && !parent
          ? html`<fieldset class="choice audience">
              <legend>${s.audienceField}</legend>
              ${(['everyone', 'members'] as const).map((a) => html`<label class="radio">
                  <input type="radio" name=${`${fieldId}-audience`} value=${a} .checked=${live((c.audience ?? 'everyone') === a)}
                    @change=${() => set({audience: a})} />
                  ${a === 'everyone' ? s.audienceEveryone : s.audienceMembers}
                </label>`)}
            </fieldset>`
          : nothing}
    </div>`;
}
