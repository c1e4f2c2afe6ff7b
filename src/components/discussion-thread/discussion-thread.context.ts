// What the thread's controllers and template parts may read from <kin-discussion-thread>. The element
// keeps its state private (#fields, so none of it becomes public API) and hands this view of itself to
// them; the controllers reach each other through it too.
import type {LitElement} from 'lit';
import type {CommunityStore} from '../../data/store.js';
import type {KindredError} from '../../data/errors.js';
import type {Locale, Nation, Post} from '../../data/types.js';
import type {LiveController} from '../../controllers/live.js';
import type {DiscussionThreadMessages} from './discussion-thread.messages.js';
import type {ThreadFeed} from './feed.controller.js';
import type {PostActions} from './post-actions.controller.js';
import type {ThreadComposer} from './composer.controller.js';
import type {HubPager} from './hub.controller.js';
import type {ThreadMeta} from './thread-meta.controller.js';
import type {ThreadFollow} from './follow.controller.js';
import type {DeepLink} from './deep-link.controller.js';
import type {MemberViews} from './thread-member.js';
import type {ThreadSafety} from './safety.controller.js';
import type {Community, MemberProfile} from '../../data/types.js';

/** The composer key of the hub's "start a conversation" form. */
export const NEW_THREAD = '\u0000new-thread';
/** After this long "Posting…" becomes "we cannot reach the community; it will be sent by itself". */
export const SLOW_SEND_MS = 8000;

export interface ThreadContext {
  readonly host: LitElement;
  readonly store: CommunityStore | null;
  readonly uid: string | null;
  readonly locale: Locale;
  readonly m: DiscussionThreadMessages;
  /** The conversation whose posts are shown (page, `thread-id` or the hub's open one), or null. */
  readonly threadId: string | null;
  /** The `thread-id` conversation shown on its own, or null. */
  readonly fixedThreadId: string | null;
  readonly pageKey: string;
  readonly mode: 'thread' | 'list';
  readonly threadTitle: string;
  readonly draftStorage: string;
  readonly openThreadId: string | null;
  readonly limit: number;
  readonly isMember: boolean;
  readonly canRead: boolean;
  readonly online: boolean;
  readonly now: number;
  readonly level: number;
  readonly nation: Nation | null;
  readonly community: LiveController<Community | null, [CommunityStore | null]>;
  readonly me: LiveController<MemberProfile | null, [CommunityStore | null, string | null]>;
  readonly feed: ThreadFeed;
  // Issue 16: what only a member (or a visitor who acts) needs arrives with import() (thread-member.ts):
  // null until then. A visitor's thread never loads it; a member's starts loading with the SDK.
  readonly actions: PostActions | null;
  readonly composer: ThreadComposer | null;
  /** The member's templates (composer, post actions, edit and warning forms, follow), with the three above. */
  readonly views: MemberViews | null;
  /** The hub (`mode="list"`, thread-hub.ts), loaded only in that mode. */
  readonly hub: HubPager | null;
  readonly meta: ThreadMeta;
  /** Issue 15: the member's follow of the conversation shown (with the member's parts). */
  readonly follow: ThreadFollow | null;
  /** Issue 15: the `#post-<id>` the address links to (loaded only when the address has one). */
  readonly deepLink: DeepLink | null;
  /** Issue 18: content warnings and the visitors' members-only count. */
  readonly safety: ThreadSafety;
  announce(text: string): void;
  emit(event: Event): void;
  fail(e: unknown, operation: string): KindredError;
  openThread(threadId: string): void;
  requestJoin(reason: string): void;
}

export function byTime(a: Post, b: Post): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Focuses the first element in the host's shadow root matching `selector`. */
export function focusIn(t: ThreadContext, selector: string): void {
  t.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

export function focusPost(t: ThreadContext, postId: string): void {
  focusIn(t, `[data-post-id="${CSS.escape(postId)}"]`);
}

/** `#post-<id>` → the id (a notification's or an email's link), or null. */
export function linkedPostId(hash: string): string | null {
  const m = /^#post-([A-Za-z0-9_-]{1,128})$/.exec(hash);
  return m ? m[1] : null;
}
