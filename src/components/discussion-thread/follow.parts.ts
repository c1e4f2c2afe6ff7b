// Issue 15: the "Follow this conversation" toggle of <kin-discussion-thread> (state in ThreadFollow).
import {html, nothing, type TemplateResult} from 'lit';
import {commonMessages} from '../../i18n/common.messages.js';
import type {ThreadContext} from './discussion-thread.context.js';

/** Shown to members once the conversation exists (a page's thread starts with its first post). */
export function followButton(t: ThreadContext): TemplateResult | typeof nothing {
  const f = t.follow;
  if (!f || !t.isMember || !t.threadId || t.feed.posts.status !== 'ready' || t.feed.byId.size === 0) return nothing;
  if (f.following.status !== 'ready' && !f.following.error) return nothing;
  const on = f.following.value === true;
  return html`<div class="follow" part="follow">
    <button type="button" class="follow-toggle" aria-pressed=${on ? 'true' : 'false'} aria-describedby="follow-hint"
      aria-disabled=${f.busy || !t.online ? 'true' : 'false'} @click=${() => { if (t.online) void f.toggle(); }}>
      <span aria-hidden="true">${on ? '✓ ' : '+ '}</span>${t.m.follow}</button>
    <span class="hint" id="follow-hint">${t.m.followHint}</span>
    ${f.error ? html`<p class="error" part="error" role="alert">${commonMessages(t.locale).error(f.error.code)}</p>` : nothing}
  </div>`;
}
