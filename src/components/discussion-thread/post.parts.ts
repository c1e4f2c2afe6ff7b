// Templates of one post in <kin-discussion-thread>: the post with its replies and its reactions. Issue 16:
// what only a member uses (actions, edit and warning forms, the reply composer) comes from t.views
// (thread-member.ts, loaded with import()); a visitor's posts never need it. State and handlers live in
// the controllers.
import {html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {guard} from 'lit/directives/guard.js';
import {REACTION_KINDS, type Post, type ReactionKind} from '../../data/types.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {reactionIcon} from '../icons.js';
import {authorAvatar, body, time} from '../shared/parts.js';
import type {ThreadContext} from './discussion-thread.context.js';
import {membersOnlyNotice, warningBar} from './safety.parts.js';
import {safetyMessages} from '../../i18n/safety.messages.js';
import {postDeps} from './post-memo.js';

/** The posts shown, oldest first, with "show older" above and "N new posts" below. */
export function feed(t: ThreadContext): TemplateResult {
  const m = t.m;
  const f = t.feed;
  // Issue 18: posts warned for a topic the member chose to hide are not shown at all (replies with them).
  const shown = (p: Post) => t.safety.display(p) !== 'hidden';
  const top = f.timeline.top.filter(shown);
  // Issue 16: a new feed's first page in two tasks (feed.controller.ts): its first posts, then the rest.
  const rendered = f.firstTask !== null ? top.slice(0, f.firstTask) : top;
  const busy = f.olderStatus === 'loading' || f.firstTask !== null;
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
        ? html`<div class=${f.firstTask !== null ? 'feed partial' : 'feed'} role="feed" part="feed" aria-busy=${busy ? 'true' : 'false'} aria-label=${m.feedLabel}>
            ${repeat(rendered, (p) => p.id, (p, i) => {
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
  const v = t.views;
  const locale = t.locale;
  const common = commonMessages(locale);
  const uid = t.uid;
  const own = !!uid && post.authorId === uid;
  const placeholder = post.status === 'deleted' || post.status === 'hidden';
  const orphan = !isReply && !!post.parentId;
  const id = post.id;
  const error = a?.postErrors.get(id);
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
          ${post.status === 'held' ? html`<p class="held" part="held">${own ? m.awaitingReview : m.heldForReview}${own && post.statusReason && v ? html` ${v.holdWhy(locale, post.statusReason)}` : nothing}</p>` : nothing}
          ${folded ? nothing : html`
          ${v && a?.editing?.postId === id ? v.editForm(t, post) : html`<div class="post-body" part="post-body" id=${`pb-${id}`}>${body(post.body)}</div>`}
          ${post.status === 'visible' ? reactions(t, post) : nothing}
          ${v ? v.postActions(t, post, own, isReply) : nothing}
          ${v ? v.warningEditor(t, post) : nothing}`}
        `}
      ${error ? html`<p class="error" part="error" role="alert">${common.error(error.code)}</p>` : nothing}
      ${!folded && (replies.length || (a?.replyOpen === id && t.isMember))
        ? html`<div class="replies">
            ${repeat(replies, (r) => r.id, (r, i) => postView(t, r, i + 1, replies.length, [], true))}
            ${v && a?.replyOpen === id && t.isMember ? v.composerForm(t, id, m.replyLabel(post.authorName), m.submitReply) : nothing}
          </div>`
        : nothing}
    </article>`;
}

function reactions(t: ThreadContext, post: Post) {
  const m = t.m;
  const mine = t.feed.myReactions.value ?? new Set<string>();
  // A member's buttons once their parts are there (until then, while the composer loads, the counts).
  const member = t.isMember && !!t.actions;
  // Issue 17 (s5): the member's own pending reaction counted at once (PostActions.shownCount).
  const shown = (k: ReactionKind) => t.actions?.shownCount(post, k) ?? post.reactions?.[k] ?? 0;
  const counts = REACTION_KINDS.filter((k) => member || shown(k) > 0);
  if (!counts.length) return nothing;
  return html`<div class="reactions" part="reactions" role="group" aria-label=${m.reactionsLabel}>
      ${counts.map((kind) => {
        const n = shown(kind);
        const pressed = mine.has(`${post.id}:${kind}`);
        return member
          ? html`<button type="button" class="reaction" part="reaction" data-kind=${kind} aria-pressed=${pressed ? 'true' : 'false'}
              @click=${() => void t.actions?.react(post, kind, !pressed)}>
              ${reactionIcon(kind)} ${m.reaction(kind)} <span class="count">${n}</span>
            </button>`
          : html`<span class="reaction static" data-kind=${kind}>${reactionIcon(kind)} ${m.reaction(kind)} <span class="count">${n}</span></span>`;
      })}
    </div>`;
}
