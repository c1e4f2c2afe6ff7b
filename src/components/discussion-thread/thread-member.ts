// Issue 16: what only a member (or a visitor who acts) needs in <kin-discussion-thread>, loaded with import()
// so that a visitor's thread chunk stays small: the composers with their drafts and sending, the actions on a
// post (reply, edit, delete, report, react), following, and their templates. The element starts loading it
// as soon as a member is known (a saved session on this device, a signed-in user) or the visitor asks to join.
import type {Locale} from '../../data/types.js';
import {moderationMessages} from '../../i18n/moderation.messages.js';
import {ThreadComposer} from './composer.controller.js';
import {composerForm} from './composer.parts.js';
import type {ThreadContext} from './discussion-thread.context.js';
import {ThreadFollow} from './follow.controller.js';
import {followButton} from './follow.parts.js';
import {PostActions} from './post-actions.controller.js';
import {editForm, postActions} from './post-actions.parts.js';
import {warningEditor} from './safety-forms.parts.js';

/** The member's templates, handed to the element's parts through `t.views`. */
export const views = {
  composerForm,
  postActions,
  editForm,
  warningEditor,
  followButton,
  /** Why the member's own post is held for review. */
  holdWhy: (locale: Locale, reason: string) => moderationMessages(locale).holdWhy(reason),
};
export type MemberViews = typeof views;

export interface MemberParts {
  composer: ThreadComposer;
  actions: PostActions;
  follow: ThreadFollow;
}

/** The member's controllers, added to the element (each registers itself with the host). */
export function memberParts(t: ThreadContext): MemberParts {
  return {composer: new ThreadComposer(t), actions: new PostActions(t), follow: new ThreadFollow(t)};
}
