import type {ReactiveController} from 'lit';
import {focusPost, linkedPostId, type ThreadContext} from './discussion-thread.context.js';

/** How many older pages the thread loads looking for a linked post before it gives up. */
const MAX_PAGES = 10;

/**
 * Issue 15: a link to one post (`…#post-<id>`, from the bell or an email) scrolls the thread to that post
 * and focuses it, loading older pages when it is not among the newest; a later change of the address's
 * fragment does the same. A post the member cannot see (or that is gone) leaves the thread as it is.
 */
export class DeepLink implements ReactiveController {
  /** The post the address names and the thread it was looked for in, until found or given up. */
  #wanted: {postId: string; threadId: string | null; pages: number} | null = null;
  /** The post last brought into view (styled as the linked one). */
  linked: string | null = null;

  constructor(private readonly t: ThreadContext) {
    t.host.addController(this);
  }

  #onHash = () => {
    const id = linkedPostId(location.hash);
    this.#wanted = id ? {postId: id, threadId: null, pages: 0} : null;
    this.t.host.requestUpdate();
  };

  hostConnected() {
    window.addEventListener('hashchange', this.#onHash);
    this.#onHash();
  }

  hostDisconnected() {
    window.removeEventListener('hashchange', this.#onHash);
  }

  // Acted on after the update (a microtask): asking for another update inside one is what Lit warns about.
  hostUpdated() {
    if (this.#wanted) queueMicrotask(() => this.#look());
  }

  #look() {
    const w = this.#wanted;
    const t = this.t;
    if (!w || !t.threadId || t.feed.posts.status !== 'ready') return;
    // Looked for in another thread before (a hub opening a conversation): look again here.
    if (w.threadId !== t.threadId) Object.assign(w, {threadId: t.threadId, pages: 0});
    const feed = t.feed;
    if (feed.byId.has(w.postId)) {
      this.#wanted = null;
      this.linked = w.postId;
      if (!feed.shown.has(w.postId)) feed.shown.add(w.postId);
      t.host.requestUpdate();
      void t.host.updateComplete.then(() => {
        const el = t.host.renderRoot.querySelector<HTMLElement>(`[data-post-id="${CSS.escape(w.postId)}"]`);
        const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
        el?.scrollIntoView({block: 'center', behavior: smooth ? 'smooth' : 'auto'});
        focusPost(t, w.postId);
      });
      return;
    }
    if (feed.hasOlder && feed.olderStatus === 'idle' && w.pages < MAX_PAGES) {
      w.pages++;
      void feed.loadOlder();
      return;
    }
    if (feed.olderStatus !== 'loading') this.#wanted = null;
  }
}
