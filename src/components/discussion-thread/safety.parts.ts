// Issue 18 templates of <kin-discussion-thread>: a warned post's fold and the visitors' members-only notice.
// The warning form and the composer's choices are a member's (safety-forms.parts.ts, issue 16).
import {html, nothing, type TemplateResult} from 'lit';
import type {Post} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {safetyMessages} from '../../i18n/safety.messages.js';
import type {ThreadContext} from './discussion-thread.context.js';

/** The warning above a warned post, with the button that opens (or folds) it. */
export function warningBar(t: ThreadContext, post: Post): TemplateResult | typeof nothing {
  if (!post.warning) return nothing;
  const s = safetyMessages(t.locale);
  const folded = t.safety.folded(post);
  const own = !!t.uid && post.authorId === t.uid;
  const bodyId = `pb-${post.id}`;
  return html`<div class="warning" part="warning">
      <p class="warning-label" id=${`w-${post.id}`}>${s.warningLabel(t.safety.label(post.warning))}</p>
      ${own
        ? nothing
        : html`<button type="button" class="link" data-action="toggle-warning" aria-expanded=${folded ? 'false' : 'true'}
            aria-controls=${bodyId} aria-describedby=${`w-${post.id}`} @click=${() => t.safety.toggle(post)}>
            ${folded ? s.showPost : s.hidePost}
          </button>`}
    </div>`;
}

/** Visitors are told that members-only posts exist (never their text or author), with a way to join. */
export function membersOnlyNotice(t: ThreadContext): TemplateResult | typeof nothing {
  if (t.isMember) return nothing;
  const n = t.safety.membersOnly.value ?? 0;
  if (n <= 0) return nothing;
  const common = commonMessages(t.locale);
  return html`<div class="notice members-only-posts" part="members-only-notice">
      <p>${safetyMessages(t.locale).membersOnlyNotice(n)}</p>
      <button type="button" class="primary" @click=${() => t.requestJoin('read')}>${common.join}</button>
    </div>`;
}
