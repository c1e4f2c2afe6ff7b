import type {ReactiveController} from 'lit';
import {LiveController} from '../../controllers/live.js';
import type {CommunityStore} from '../../data/store.js';
import {toKindredError, type KindredError} from '../../data/errors.js';
import type {ThreadContext} from './discussion-thread.context.js';

/**
 * Issue 15: following the conversation shown, so its new posts reach the member's notifications. Posting
 * follows it (the functions / LocalStore write that); this is the member's own follow / unfollow.
 */
export class ThreadFollow implements ReactiveController {
  /** true = following, false = unfollowed (muted), null = never chose (and never posted). */
  readonly following: LiveController<boolean | null, readonly [CommunityStore | null, string | null, boolean]>;
  busy = false;
  error: KindredError | null = null;

  constructor(private readonly t: ThreadContext) {
    t.host.addController(this);
    this.following = new LiveController(t.host, {
      key: () => [t.store, t.threadId, t.isMember] as const,
      subscribe: ([store, threadId, member], next, error) => (store && threadId && member ? store.watchFollowing(threadId, next, error) : null),
    });
  }

  hostUpdate() {}

  async toggle() {
    const t = this.t;
    const store = t.store;
    const threadId = t.threadId;
    if (!store || !threadId || this.busy) return;
    const on = this.following.value !== true;
    this.busy = true;
    this.error = null;
    t.host.requestUpdate();
    try {
      await store.followThread(threadId, on);
      t.announce(on ? t.m.followed : t.m.unfollowed);
    } catch (e) {
      this.error = toKindredError(e);
      t.fail(this.error, 'follow');
    } finally {
      this.busy = false;
      t.host.requestUpdate();
    }
  }
}
