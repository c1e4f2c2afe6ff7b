// Templates of one post in <kin-discussion-thread>: the post with its replies, its reactions, its
// actions (reply, edit, delete, report) and the edit form. State and handlers live in the controllers.
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {repeat} from 'lit/directives/repeat.js';
import {guard} from 'lit/directives/guard.js';
import {LIMITS, canEditPost} from '../../data/policy-basics.js';
import {REACTION_KINDS, REPORT_REASONS, type Post} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {moderationMessages} from '../../i18n/moderation.messages.js';
import {reactionIcon} from '../icons.js';
import {authorAvatar, body, time} from '../shared/parts.js';
import {composerForm} from './composer.parts.js';
import type {ThreadContext} from './discussion-thread.context.js';
import {membersOnlyNotice, warningBar, warningEditor} from './safety.parts.js';
import {safetyMessages} from '../../i18n/safety.messages.js';
import {postDeps} from './post-memo.js';

/** The posts shown, oldest first, with "show older" above and "N new posts" below. */
export function feed(t: ThreadContext): TemplateResult {
  const m = t.m;
  const f = t.feed;
  // Issue 18: posts warned for a topic the member chose to hide are not shown at all (replies with them).
  const shown = (p: Post) => t.safety.display(p) !== 'hidden';
  const top = f.timeline.top.filter(shown);
  const replies = new Map([...f.timeline.replies].map(([id, list]) => [id, list.filter(shown)]));
  const waiting = f.waiting;
  return html`
      ${membersOnlyNotice(t)}
      ${f.hasOlder
        ? html`<div class="older">
            <button type="button" @click=${() => void f.loadOlder()} aria-disabled=${f.olderStatus === 'loading' ? 'true' : 'false'}>
              ${f.olderStatus === 'loading' ? m.loadingOlder : m.showOlder}
            </button>
          </div>`
        : nothing}
      ${top.length
        ? html`<div class="feed" role="feed" part="feed" aria-busy=${f.olderStatus === 'loading' ? 'true' : 'false'} aria-label=${m.feedLabel}>
            ${repeat(top, (p) => p.id, (p, i) => {
              const size = f.hasOlder ? -1 : top.length;
              const rs = replies.get(p.id) ?? [];
              // Issue 16: rebuilt only when something it shows changed (post-memo.ts lists what).
              return guard(postDeps(t, p, i + 1, size, rs), () => postView(t, p, i + 1, size, rs, false));
            })}
          </div>`
        : nothing}
      ${waiting > 0
        ? html`<button type="button" class="new-posts" part="new-posts" @click=${() => void f.showNew()}>${m.newPosts(waiting)}</button>`
        : nothing}
    `;
}

/** One post (and its replies). Everything this reads must be in post-memo.ts's dependencies. */
export function postView(t: ThreadContext, post: Post, pos: number, size: number, replies: Post[], isReply: boolean): TemplateResult {
  const m = t.m;
  const a = t.actions;
  const locale = t.locale;
  const common = commonMessages(locale);
  const uid = t.uid;
  const own = !!uid && post.authorId === uid;
  const placeholder = post.status === 'deleted' || post.status === 'hidden';
  const orphan = !isReply && !!post.parentId;
  const id = post.id;
  const error = a.postErrors.get(id);
  // Issue 18: a warned post stays folded (body, reactions, actions and replies) until the reader opens it.
  const folded = !placeholder && t.safety.folded(post);
  return html`<article
      class=${isReply ? 'post reply' : 'post'}
      part=${isReply ? 'post reply' : 'post'}
      data-post-id=${id}
      tabindex="-1"
      aria-posinset=${pos}
      aria-setsize=${size}
      aria-labelledby=${placeholder ? `ph-${id}` : `a-${id} t-${id}`}
    >
      ${placeholder
        ? html`<p class="placeholder" id=${`ph-${id}`}>${post.status === 'deleted' ? m.removed : m.hidden}${post.status === 'hidden' && post.statusReason ? html` <span class="reason" part="hidden-reason">${post.statusReason}</span>` : nothing}</p>`
        : html`
          <header class="post-header">
            ${authorAvatar(post)}
            <div class="byline">
              <span class="author" part="post-author" id=${`a-${id}`}>${post.authorName}</span>
              <span class="badge" part="badge">${common[`relationship_${post.authorRelationship}`] ?? common.relationship_other}</span>
              ${post.authorBadges.map((b) => html`<span class="badge role" part="badge">${common[`badge_${b}`]}</span>`)}
              <span class="when" id=${`t-${id}`}>${time(post.createdAt, locale, t.now)}</span>
              ${post.editedAt ? html`<span class="edited">${m.editedAt} ${time(post.editedAt, locale, t.now)}</span>` : nothing}
              ${post.audience === 'members' ? html`<span class="badge audience" part="badge">${safetyMessages(locale).membersOnlyBadge}</span>` : nothing}
            </div>
          </header>
          ${warningBar(t, post)}
          ${orphan ? html`<p class="context">${m.inReplyToEarlier}</p>` : nothing}
          ${post.status === 'held' ? html`<p class="held" part="held">${own ? m.awaitingReview : m.heldForReview}${own && post.statusReason ? html` ${moderationMessages(locale).holdWhy(post.statusReason)}` : nothing}</p>` : nothing}
          ${folded ? nothing : html`
          ${a.editing?.postId === id ? editForm(t, post) : html`<div class="post-body" part="post-body" id=${`pb-${id}`}>${body(post.body)}</div>`}
          ${post.status === 'visible' ? reactions(t, post) : nothing}
          ${actions(t, post, own, isReply)}
          ${warningEditor(t, post)}`}
        `}
      ${error ? html`<p class="error" part="error" role="alert">${common.error(error.code)}</p>` : nothing}
      ${!folded && (replies.length || (a.replyOpen === id && t.isMember))
        ? html`<div class="replies">
            ${repeat(replies, (r) => r.id, (r, i) => postView(t, r, i + 1, replies.length, [], true))}
            ${a.replyOpen === id && t.isMember ? composerForm(t, id, m.replyLabel(post.authorName), m.submitReply) : nothing}
          </div>`
        : nothing}
    </article>`;
}

function reactions(t: ThreadContext, post: Post) {
  const m = t.m;
  const mine = t.feed.myReactions.value ?? new Set<string>();
  const member = t.isMember;
  const counts = REACTION_KINDS.filter((k) => member || t.actions.shownCount(post, k) > 0);
  if (!counts.length) return nothing;
  return html`<div class="reactions" part="reactions" role="group" aria-label=${m.reactionsLabel}>
      ${counts.map((kind) => {
        const n = t.actions.shownCount(post, kind);
        const pressed = mine.has(`${post.id}:${kind}`);
        return member
          ? html`<button type="button" class="reaction" part="reaction" data-kind=${kind} aria-pressed=${pressed ? 'true' : 'false'}
              @click=${() => void t.actions.react(post, kind, !pressed)}>
              ${reactionIcon(kind)} ${m.reaction(kind)} <span class="count">${n}</span>
            </button>`
          : html`<span class="reaction static" data-kind=${kind}>${reactionIcon(kind)} ${m.reaction(kind)} <span class="count">${n}</span></span>`;
      })}
    </div>`;
}

function actions(t: ThreadContext, post: Post, own: boolean, isReply: boolean) {
  const m = t.m;
  const a = t.actions;
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

function editForm(t: ThreadContext, post: Post) {
  const m = t.m;
  const a = t.actions;
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
