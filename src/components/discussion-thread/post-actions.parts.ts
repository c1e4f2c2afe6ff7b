// Issue 16: the member's templates of one post in <kin-discussion-thread>, loaded with thread-member.ts: its
// actions (reply, edit, delete, report, warning) and the edit form. Only called once t.actions is there.
import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import {LIMITS, canEditPost} from '../../data/policy-basics.js';
import {REPORT_REASONS, type Post} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {safetyMessages} from '../../i18n/safety.messages.js';
import type {ThreadContext} from './discussion-thread.context.js';

export function postActions(t: ThreadContext, post: Post, own: boolean, isReply: boolean) {
  const m = t.m;
  const a = t.actions!;
  const member = t.isMember;
  const id = post.id;
  const user = t.uid ? {uid: t.uid, anonymous: false} : null;
  const canEdit = own && canEditPost(user, post);
  const canReport = member && !own && post.status === 'visible';
  const canReply = member && !isReply && post.status === 'visible';
  // Issue 18: the author (while they can edit) or a moderator sets the post's content warning.
  const canWarn = (canEdit || (member && t.safety.isModerator && post.status !== 'deleted')) && a.editing?.postId !== id;
  if (!canEdit && !canReport && !canReply && !canWarn && !a.reported.has(id)) return nothing;
  return html`<div class="actions" part="actions">
        ${canReply
          ? html`<button type="button" class="link" data-action="reply" aria-expanded=${a.replyOpen === id ? 'true' : 'false'}
              @click=${() => a.toggleReply(id)}>${m.reply}</button>`
          : nothing}
        ${canEdit && a.editing?.postId !== id
          ? html`<button type="button" class="link" data-action="edit" @click=${() => a.startEdit(post)}>${m.edit}</button>
              <button type="button" class="link" data-action="delete" aria-expanded=${a.confirmDelete === id ? 'true' : 'false'}
                @click=${() => a.toggleDelete(id)}>${m.delete}</button>`
          : nothing}
        ${canWarn
          ? html`<button type="button" class="link" data-action="warning" aria-expanded=${t.safety.editing?.postId === id ? 'true' : 'false'}
              @click=${() => t.safety.openEditor(post)}>${safetyMessages(t.locale).changeWarning}</button>`
          : nothing}
        ${canReport && !a.reported.has(id)
          ? html`<button type="button" class="link" data-action="report" aria-expanded=${a.reportOpen === id ? 'true' : 'false'}
              @click=${() => a.toggleReport(id)}>${m.report}</button>`
          : nothing}
      </div>
      ${a.confirmDelete === id
        ? html`<div class="confirm" role="group" aria-labelledby=${`cd-${id}`}>
            <p id=${`cd-${id}`}>${m.confirmDelete}</p>
            <button type="button" class="danger" data-action="confirm-delete" @click=${() => void a.delete(post)}>${m.confirmDeleteYes}</button>
            <button type="button" data-action="cancel-delete" @click=${() => a.toggleDelete(id)}>${m.confirmDeleteNo}</button>
          </div>`
        : nothing}
      ${a.reportOpen === id
        ? html`<div class="report" role="group" aria-labelledby=${`rl-${id}`} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && a.toggleReport(id)}>
            <p id=${`rl-${id}`}>${m.reportLabel}</p>
            <div class="reasons">
              ${REPORT_REASONS.map((r) => html`<button type="button" data-reason=${r} @click=${() => void a.report(post, r)}>${m.reason(r)}</button>`)}
              <button type="button" class="link" @click=${() => a.toggleReport(id)}>${m.cancel}</button>
            </div>
          </div>`
        : nothing}
      ${a.reported.has(id) ? html`<p class="ack" id=${`ack-${id}`} tabindex="-1">${m.reportThanks}</p>` : nothing}`;
}

export function editForm(t: ThreadContext, post: Post) {
  const m = t.m;
  const a = t.actions!;
  const common = commonMessages(t.locale);
  const e = a.editing!;
  const len = e.body.trim().length;
  const fieldId = `edit-${post.id}`;
  return html`<form class="composer edit" part="composer" novalidate @submit=${(ev: Event) => {
      ev.preventDefault();
      void a.saveEdit(post);
    }}>
      <label for=${fieldId}>${m.editLabel}</label>
      <textarea id=${fieldId} rows="4" .value=${live(e.body)} aria-describedby=${`${fieldId}-count`}
        aria-invalid=${len > LIMITS.postBody ? 'true' : 'false'}
        @input=${(ev: InputEvent) => {
          e.body = (ev.target as HTMLTextAreaElement).value;
          t.host.requestUpdate();
        }}
        @keydown=${(ev: KeyboardEvent) => {
          if (ev.key === 'Escape') void a.cancelEdit(post.id);
          else if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
            ev.preventDefault();
            void a.saveEdit(post);
          }
        }}></textarea>
      <p class=${len > LIMITS.postBody ? 'count over' : 'count'} id=${`${fieldId}-count`}>${m.charCount(len, LIMITS.postBody)}</p>
      ${e.error?.code === 'conflict'
        ? html`<div class="error" part="error edit-conflict" role="alert"><p>${m.editConflict}</p>${t.feed.byId.get(post.id)?.body
          ? html`<p>${m.editConflictSaved}</p><blockquote class="post-body">${t.feed.byId.get(post.id)!.body}</blockquote>` : nothing}</div>`
        : e.error ? html`<p class="error" part="error" role="alert">${common.error(e.error.code)}</p>` : nothing}
      <div class="composer-actions">
        <button type="submit" class="primary" aria-disabled=${e.pending ? 'true' : 'false'}>${e.pending ? m.posting : m.save}</button>
        <button type="button" @click=${() => a.cancelEdit(post.id)}>${m.cancel}</button>
      </div>
    </form>`;
}
