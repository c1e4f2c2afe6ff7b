// Issue 16: a post's template is built again only when something it shows changed. Re-rendering the
// thread (a new post arrived, a reaction, the minute ticking, a keystroke in the composer) used to
// rebuild all 1,000 posts' templates and compare every binding; `guard()` with the dependencies below
// skips the posts whose inputs are the same objects and values as last time.
//
// RULE for anyone changing postView() (post.parts.ts) or what it calls: everything it reads must be in
// these dependencies (the post objects are replaced by the store when a post changes; the rest is the
// reader's state). A post with anything open on it (reply, edit, delete or report, the warning form) is
// always rebuilt, so forms and their drafts stay live.
import {REACTION_KINDS, type Post} from '../../data/types.js';
import type {ThreadContext} from './discussion-thread.context.js';

/** Always different: a post built on every render. */
const always = (): unknown[] => [{}];

/** What one post (without its replies) shows that is not in the post itself, or null while it has a form open. */
function ownDeps(t: ThreadContext, post: Post): unknown[] | null {
  const a = t.actions;
  const id = post.id;
  if (a && (a.editing?.postId === id || a.replyOpen === id || a.confirmDelete === id || a.reportOpen === id)
    || t.safety.editing?.postId === id) return null;
  const mine = t.feed.myReactions.value;
  let pressed = 0;
  if (mine) REACTION_KINDS.forEach((k, i) => { if (mine.has(`${id}:${k}`)) pressed |= 1 << i; });
  return [post, t.safety.folded(post), t.safety.display(post), a?.reported.has(id), a?.postErrors.get(id), pressed, a?.pendingFor(id)];
}

/** Dependencies of a top-level post and its replies, for `guard()`. */
export function postDeps(t: ThreadContext, post: Post, pos: number, size: number, replies: readonly Post[]): unknown[] {
  const own = ownDeps(t, post);
  if (!own) return always();
  const deps: unknown[] = [pos, size, t.uid, t.locale, t.isMember, t.views, t.now, t.safety.isModerator, t.m, ...own, replies.length];
  for (const r of replies) {
    const d = ownDeps(t, r);
    if (!d) return always();
    deps.push(...d);
  }
  return deps;
}
