import type {ReactiveController} from 'lit';
import type {CommunityStore} from '../../data/store.js';
import type {Thread} from '../../data/types.js';
import type {ThreadContext} from './discussion-thread.context.js';

export interface ThreadTitle {
  id: string;
  thread: Thread | null;
  status: 'loading' | 'ready' | 'error';
  /** The store it was read from. */
  store?: CommunityStore;
}

/** The conversation shown (page, hub-opened or `thread-id`): its document, for the heading, read once per thread and store. */
export class ThreadMeta implements ReactiveController {
  current: ThreadTitle | null = null;

  constructor(private readonly t: ThreadContext) {
    t.host.addController(this);
  }

  hostUpdate() {
    this.ensure();
  }

  /** Reads the title of the thread shown once per thread and store. */
  ensure() {
    const t = this.t;
    const store = t.store;
    // Issue 12: a page's thread (thread-key) is headed by its own title too, once it exists.
    const id = t.fixedThreadId ?? (t.mode === 'list' ? t.openThreadId : t.threadId);
    if (!id || !store || !t.canRead) return;
    const c = this.current;
    if (c && c.id === id && (!c.store || c.store === store)) return;
    this.current = {id, thread: null, status: 'loading', store};
    void this.fetch(id);
  }

  /** The hub opened `threadId`: its title is known from the list, or read. */
  open(threadId: string, known: Thread | null) {
    this.current = {id: threadId, thread: known, status: known ? 'ready' : 'loading'};
    if (!known) void this.fetch(threadId);
  }

  /** The first post of a page's thread created it: read its title for the heading. */
  created(threadId: string) {
    if (this.current?.id === threadId && !this.current.thread) {
      this.current = null;
      this.ensure();
    }
  }

  async fetch(threadId: string) {
    const t = this.t;
    const store = t.store;
    if (!store) return;
    const current = () => this.current?.id === threadId && t.store === store;
    try {
      const thread = await store.getThread(threadId);
      if (current()) this.current = {id: threadId, thread, status: 'ready', store};
    } catch (e) {
      if (!current()) return;
      this.current = {id: threadId, thread: null, status: 'error', store};
      t.fail(e, 'load');
    }
    t.host.requestUpdate();
  }

  /** A conversation asked for by id (`thread-id` or a hub deep link) that does not exist. */
  get missing(): boolean {
    const t = this.t;
    const id = t.fixedThreadId ?? (t.mode === 'list' ? t.openThreadId : null);
    const c = this.current;
    return !!id && !!c && c.id === id && c.status === 'ready' && !c.thread;
  }
}
