// The composer form of <kin-discussion-thread> (new post, reply, or a new hub conversation with its
// title). Its state, drafts and sending live in ThreadComposer. Issue 16: a member's (thread-member.ts).
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {LIMITS} from '../../data/policy-basics.js';
import {crisisWording} from './crisis-check.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {GUIDELINES_FIELD} from '../../data/guidelines.js';
import {guidelinesText} from '../guidelines.parts.js';
import {NEW_THREAD, SLOW_SEND_MS, type ThreadContext} from './discussion-thread.context.js';
import {composerChoices} from './safety-forms.parts.js';

export function composerForm(t: ThreadContext, parentId: string | null, label: string, submitLabel: string): TemplateResult {
  const m = t.m;
  // Called only through t.views, which arrives with the composer.
  const composer = t.composer!;
  const common = commonMessages(t.locale);
  const c = composer.get(parentId);
  const isNewThread = parentId === NEW_THREAD;
  const fieldId = isNewThread ? 'new-thread-body' : parentId ? `reply-${parentId}` : 'compose';
  const len = c.body.replace(/\r\n?/g, '\n').trim().length;
  const over = len - LIMITS.postBody;
  const pending = c.status === 'pending';
  const crisis = crisisWording(c.body, () => t.host.requestUpdate());
  return html`<form class=${crisis ? 'composer with-crisis' : 'composer'} part="composer" novalidate
      aria-busy=${pending ? 'true' : 'false'}
      @submit=${(e: Event) => {
        e.preventDefault();
        void composer.submit(parentId);
      }}>
      <div class="fields">
        ${isNewThread
          ? html`<label for="new-thread-title">${m.threadTitleLabel}</label>
              <input id="new-thread-title" type="text" maxlength=${LIMITS.threadTitle} .value=${live(c.title)}
                aria-invalid=${c.invalid === 'title' ? 'true' : 'false'}
                aria-describedby=${c.invalid === 'title' ? 'new-thread-title-error' : nothing}
                @input=${(e: InputEvent) => composer.onInput(parentId, e, 'title')} />
              ${c.invalid === 'title' ? html`<p class="field-error" id="new-thread-title-error">${m.titleRequired}</p>` : nothing}`
          : nothing}
        <label for=${fieldId}>${label}</label>
        <textarea id=${fieldId} name="body" rows=${parentId && !isNewThread ? 3 : 5} .value=${live(c.body)}
          ?readonly=${pending}
          aria-invalid=${over > 0 || c.invalid === 'empty' ? 'true' : 'false'}
          aria-describedby=${`${fieldId}-count ${fieldId}-hint`}
          @input=${(e: InputEvent) => composer.onInput(parentId, e)}
          @keydown=${(e: KeyboardEvent) => composer.onKeydown(parentId, e)}></textarea>
        <p class="composer-meta">
          <span class=${over > 0 ? 'count over' : 'count'} id=${`${fieldId}-count`}>${m.charCount(len, LIMITS.postBody)}</span>
          <span class="hint" id=${`${fieldId}-hint`}>${m.shortcut} ${c.body ? (composer.draftsInMemory ? m.draftInMemory : m.draftKept) : ''}</span>
        </p>
        ${over > 0 ? html`<p class="field-error" role="alert">${m.overLimit(over)}</p>` : nothing}
        ${c.invalid === 'empty' ? html`<p class="field-error" role="alert">${m.emptyBody}</p>` : nothing}
        ${composerChoices(t, parentId, c, fieldId)}
        <div class="composer-actions">
          <button type="submit" class="primary" part="submit" aria-disabled=${pending ? 'true' : 'false'}>
            ${pending ? m.posting : submitLabel}
          </button>
          ${parentId && !isNewThread ? html`<button type="button" @click=${() => void t.actions?.toggleReply(parentId)}>${m.cancel}</button>` : nothing}
          ${isNewThread ? html`<button type="button" @click=${() => void t.hub?.toggleStartThread()}>${m.cancel}</button>` : nothing}
        </div>
        ${pending
          ? html`<p class="pending" role="status">${!t.online ? m.queuedOffline : c.since && Date.now() - c.since > SLOW_SEND_MS ? m.queuedUnreachable : m.posting}</p>`
          : nothing}
        ${c.status === 'waiting'
          ? html`<div class="queued" part="queued" role="status">
              <p>${!t.online ? m.queuedOffline : !c.error ? m.queuedRetry : c.error.code === 'unavailable' ? m.queuedUnreachable : `${m.queuedRetry} ${common.error(c.error.code)}`}</p>
              <button type="button" data-action="send-now" @click=${() => void composer.submit(parentId)}>${m.sendNow}</button>
            </div>`
          : nothing}
        ${c.status === 'error' && c.error?.field === GUIDELINES_FIELD
          ? html`<div class="guidelines-again" part="guidelines" role="alert" aria-labelledby=${`${fieldId}-guidelines`}>
              <p id=${`${fieldId}-guidelines`}><strong>${m.guidelinesChanged}</strong></p>
              ${t.community.value?.settings.guidelines?.en ? guidelinesText(t.community.value.settings, t.locale) : html`<p>${m.guidelinesNone}</p>`}
              <button type="button" class="primary" data-action="agree" aria-disabled=${composer.agreeing ? 'true' : 'false'}
                @click=${() => void composer.agreeAndSend(parentId)}>${composer.agreeing ? m.agreeing : m.agreeAndPost}</button>
            </div>`
          : c.status === 'error' && c.error
          ? html`<div class="error" part="error" role="alert">
              <p>${m.postFailed} ${common.error(c.error.code)}</p>
              <button type="button" data-action="retry-post" @click=${() => void composer.submit(parentId)}>${m.retrySend}</button>
            </div>`
          : nothing}
      </div>
      ${crisis
        ? html`<div class="crisis" part="crisis">
            <kin-crisis-help always-open .nation=${t.nation} heading=${m.crisisPanelHeading} heading-level=${Math.min(6, t.level + 1)}>
              <p slot="footer">${m.crisisStillPost}</p>
            </kin-crisis-help>
          </div>`
        : nothing}
    </form>`;
}
