// The hub view of <kin-discussion-thread> (`mode="list"`): "start a conversation", the list of
// conversations and "show more". Its paging lives in HubPager. Issue 16: loaded with thread-hub.ts.
import {html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {time} from '../shared/parts.js';
import {NEW_THREAD, type ThreadContext} from './discussion-thread.context.js';
import {loadingText} from '../../directives/loading-text.js';

export function hub(t: ThreadContext): TemplateResult {
  const m = t.m;
  // Called only once the hub's module (with t.hub) is there.
  const h = t.hub!;
  const common = commonMessages(t.locale);
  if (h.threads.status !== 'ready') {
    return html`<div class="loading" aria-busy="true"><p class="loading-text" role="status">${loadingText(t.locale)}</p></div>`;
  }
  const threads = h.list;
  const loadingMore = h.moreStatus === 'loading';
  return html`
      ${t.isMember && t.views
        ? h.startingThread
          ? t.views.composerForm(t, NEW_THREAD, m.threadBodyLabel, m.createThread)
          : html`<button type="button" class="primary" data-action="start-thread" aria-expanded="false" @click=${() => void h.toggleStartThread()}>${m.startThread}</button>`
        : nothing}
      ${threads.length
        ? html`<ul class="threads" part="thread-list" aria-busy=${loadingMore ? 'true' : 'false'}>
            ${repeat(threads, (x) => x.id, (x) => html`<li class="thread">
              <button type="button" class="link thread-title" data-thread-id=${x.id} @click=${() => t.openThread(x.id)}>${x.title}</button>
              <p class="meta">
                <span>${m.startedBy(x.authorName)}</span>
                <span>${m.replies(Math.max(0, x.postCount - 1))}</span>
                <span>${m.lastPost} ${time(x.lastActivityAt, t.locale, t.now)}</span>
              </p>
            </li>`)}
          </ul>
          ${h.moreStatus === 'error' && h.moreError
            ? html`<p class="error" part="error" role="alert">${m.moreThreadsError} ${common.error(h.moreError.code)}</p>`
            : nothing}
          ${h.hasMore
            ? html`<button type="button" class="show-more" part="show-more" data-action="show-more-threads"
                aria-disabled=${loadingMore ? 'true' : 'false'} @click=${() => void h.loadMore()}>
                ${loadingMore ? m.loadingMoreThreads : m.showMoreThreads}
              </button>`
            : nothing}`
        : nothing}
    `;
}
