import type {ReactiveController} from 'lit';
import {LiveController} from '../../controllers/live.js';
import type {KindredError} from '../../data/errors.js';
import {compareThreads, threadCursor} from '../../data/policy-basics.js';
import type {CommunityStore} from '../../data/store.js';
import type {Thread} from '../../data/types.js';
import {focusIn, type ThreadContext} from './discussion-thread.context.js';

/**
 * The hub's list of conversations (`mode="list"`): the first page live, later pages by cursor ("show
 * more", never an offset), each thread once; and the "start a conversation" toggle.
 */
export class HubPager implements ReactiveController {
  /** The hub's first page, live; later pages come from listThreads by cursor ("show more"). */
  readonly threads: LiveController<Thread[], readonly [CommunityStore | null, boolean, number]>;
  /** Hub pages after the live first page, from listThreads by cursor (a snapshot), by id. */
  readonly #olderThreads = new Map<string, Thread>();
  /** Whether a page after the live one was loaded (then `#threadsNext` says whether more remain). */
  #olderLoaded = false;
  #threadsNext: string | null = null;
  moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  moreError: KindredError | null = null;
  #hubKey = '';
  startingThread = false;

  constructor(private readonly t: ThreadContext) {
    t.host.addController(this);
    this.threads = new LiveController(t.host, {
      key: () => [t.store, t.mode === 'list' && t.canRead, t.limit] as const,
      subscribe: ([store, on, limit], next, error) => (store && on ? store.watchThreads({limit}, next, error) : null),
      onValue: (threads, previous) => this.#receive(threads, previous ?? []),
    });
  }

  /** A different store, mode, member or page size starts the pages afresh. */
  hostUpdate() {
    const t = this.t;
    const hubKey = `${t.store ? t.store.communityId : ''}|${t.mode}|${t.uid ?? ''}|${t.limit}`;
    if (hubKey !== this.#hubKey) {
      this.#hubKey = hubKey;
      this.#resetPages();
    }
  }

  #resetPages() {
    this.#olderThreads.clear();
    this.#olderLoaded = false;
    this.#threadsNext = null;
    this.moreStatus = 'idle';
    this.moreError = null;
  }

  #receive(live: Thread[], previous: Thread[]) {
    if (!this.#olderLoaded) return;
    const last = live.at(-1);
    // A live page that is not full holds every thread there is: anything paged before is gone.
    if (!last || live.length < this.t.limit) {
      this.#resetPages();
      return;
    }
    // A thread pushed out of the live page by newer activity moves to the pages below it rather than
    // vanishing (the cursor of the next page was taken after it). One that left the page for any other
    // reason (hidden, deleted) sorts above the page's new last thread, and is dropped.
    const ids = new Set(live.map((x) => x.id));
    for (const x of previous) {
      if (!ids.has(x.id) && compareThreads(x, last) > 0) this.#olderThreads.set(x.id, x);
    }
  }

  /** The hub's threads: the live first page, then the pages loaded by cursor, each thread once. */
  get list(): Thread[] {
    const live = this.threads.value ?? [];
    const ids = new Set(live.map((x) => x.id));
    const older = [...this.#olderThreads.values()].filter((x) => !ids.has(x.id)).sort(compareThreads);
    return [...live, ...older];
  }

  get hasMore(): boolean {
    return this.#olderLoaded ? this.#threadsNext !== null : (this.threads.value?.length ?? 0) >= this.t.limit;
  }

  /** "Show more": the next page after the last thread shown, by cursor (never an offset). */
  async loadMore() {
    const t = this.t;
    const host = t.host;
    const store = t.store;
    if (!store || this.moreStatus === 'loading') return;
    const live = this.threads.value ?? [];
    const lastLive = live.at(-1);
    const cursor = this.#olderLoaded ? this.#threadsNext : lastLive ? threadCursor(lastLive) : null;
    if (!cursor) return;
    const hubKey = this.#hubKey;
    const before = new Set(this.list.map((x) => x.id));
    this.moreStatus = 'loading';
    this.moreError = null;
    host.requestUpdate();
    try {
      const page = await store.listThreads({cursor, limit: t.limit});
      if (hubKey !== this.#hubKey) return;
      for (const x of page.items) this.#olderThreads.set(x.id, x);
      this.#olderLoaded = true;
      this.#threadsNext = page.items.length ? page.next : null;
      this.moreStatus = 'idle';
    } catch (e) {
      if (hubKey !== this.#hubKey) return;
      this.moreStatus = 'error';
      this.moreError = t.fail(e, 'load-more');
    }
    host.requestUpdate();
    await host.updateComplete;
    if (this.moreStatus !== 'idle') return;
    // Focus moves to the first conversation just added (or the last one when none was left to add).
    const shown = this.list;
    const target = shown.find((x) => !before.has(x.id)) ?? shown.at(-1);
    if (target) focusIn(t, `[data-thread-id="${CSS.escape(target.id)}"]`);
  }

  async toggleStartThread() {
    const host = this.t.host;
    this.startingThread = !this.startingThread;
    host.requestUpdate();
    await host.updateComplete;
    focusIn(this.t, this.startingThread ? '#new-thread-title' : '[data-action="start-thread"]');
  }
}
