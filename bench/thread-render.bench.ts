// Render cost of <kin-discussion-thread> against bare lit-html rendering THE SAME MARKUP, in Chromium (issue 16).
// Run: `npm run bench:render` (production Lit: bench/render.mjs sets KINDRED_LIT_PROD, which
// web-test-runner.config.mjs turns into the `production` export condition; this file refuses dev mode).
//
// A/B interleaved, the same operation on both sides, median of many runs:
//  - "render 20 posts to DOM + layout": from the moment 20 posts are in hand (for the element: the moment
//    the store hands them to its `watchPosts` callback; the store's own work before that is not counted) to
//    the posts in the DOM and laid out (a forced layout). Each run is a fresh element / a fresh shadow root.
//  - "re-render 1,000 posts with unchanged data": the element's `requestUpdate()` → `updateComplete` → layout,
//    against `render()` of the bare template with the same 1,000 posts into the same container → layout.
// The bare side renders into a shadow root with the element's own stylesheets, and its markup is checked
// against the element's (comments and whitespace aside) before anything is timed: if the element's markup
// changes, this bench fails until the bare template follows it.
import {expect, fixture, html as owc} from '@open-wc/testing';
import {LitElement, render} from 'lit';
import {LocalStore} from '../src/data/local/local-store.js';
import type {CommunityStore} from '../src/data/store.js';
import '../src/components/community/kin-community.js';
import '../src/components/discussion-thread/kin-discussion-thread.js';
import {alice, bob, community, thread} from '../test/components/discussion-thread.fixture.js';
import {KEY, TID, bareFeed, bareHost, layout, markup, posts} from './bare-feed.js';

const RUNS_20 = Number(new URLSearchParams(location.search).get('runs20') ?? 41);
const RUNS_1000 = 41;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

type Thread = HTMLElement & {updateComplete: Promise<boolean>; requestUpdate(): void};

/** A visitor's LocalStore whose `watchPosts` records when posts reach the element (performance.now()). */
async function openStore(n: number, id: string, delivered: (t: number) => void): Promise<CommunityStore> {
  const store = await LocalStore.open({
    communityId: id, persistence: 'memory', user: null,
    seed: {community: community(id), members: [alice, bob], threads: [thread(TID, {key: KEY, postCount: n})], posts: posts(n)},
  });
  const watch = store.watchPosts.bind(store);
  store.watchPosts = (threadId, opts, next, error) => watch(threadId, opts, (value) => {
    delivered(performance.now());
    next(value);
  }, error);
  return store;
}

const feedOf = (el: Thread) => el.shadowRoot!.querySelector('.feed')!;
const count = (el: Thread) => el.shadowRoot!.querySelectorAll('article').length;

/**
 * One element run: mount, wait for the posts; returns ms from their delivery to all laid out. Issue 16: the
 * element renders a new feed's first page in two tasks (its first posts, then the rest): `ms` is the work of
 * every update until all posts are there (the first from the delivery, each with a forced layout), not the
 * idle time between them; `first` is the first task alone (delivery → first posts laid out).
 */
async function elementFirst(n: number, r: number): Promise<{ms: number; first: number; el: Thread; root: Element; store: CommunityStore}> {
  let t0 = 0;
  let work = 0;
  let first = 0;
  let done!: () => void;
  const finished = new Promise<void>((res) => (done = res));
  const box: {el?: Thread} = {};
  const want = Math.min(n, 50);
  const store = await openStore(n, `r${n}-${Date.now().toString(36)}-${r}`, (t) => {
    if (t0) return;
    t0 = t;
    // The element requests an update in the same callback: time each update (+ layout) until all posts are in.
    const el = box.el! as Thread & {performUpdate(): void};
    const proto = Object.getPrototypeOf(el) as {performUpdate(): void};
    el.performUpdate = function () {
      const s = performance.now();
      proto.performUpdate.call(this);
      layout(el);
      const e = performance.now();
      work += e - (first ? s : t0);
      first ||= e - t0;
      if (count(el) >= want) {
        delete (el as Partial<typeof el>).performUpdate;
        done();
      }
    };
  });
  const root = await fixture(owc`<kin-community .store=${store}><kin-discussion-thread thread-key=${KEY} page-size="50"></kin-discussion-thread></kin-community>`);
  const el = (box.el = root.querySelector('kin-discussion-thread') as Thread);
  await finished;
  await el.updateComplete;
  expect(count(el), 'the element rendered the posts').to.equal(want);
  return {ms: work, first, el, root, store};
}

describe('bench: thread render cost (A/B interleaved, production Lit)', () => {
  it('render 20 posts to DOM + layout, and re-render 1,000 unchanged, vs bare lit-html of the same markup', async function () {
    this.timeout(900000);
    // Dev-mode Lit has extra checks and warnings: this bench is only meaningful in production mode.
    expect((LitElement as unknown as {enableWarning?: unknown}).enableWarning, 'Lit must be the production build: run `npm run bench:render`').to.equal(undefined);
    const rows: string[] = [];
    const reactionIconOf = (await import('../src/components/icons.js')).reactionIcon as (k: string) => unknown;

    // --- 20 posts -----------------------------------------------------------------------------------
    const list20 = posts(20);
    // Same markup? The element's feed vs the bare template's, for the same posts.
    {
      const {el, store} = await elementFirst(20, -1);
      const b = bareHost();
      render(bareFeed(list20, Date.now(), false, reactionIconOf), b.target);
      const want = markup(feedOf(el));
      const got = markup(b.target.querySelector('.feed')!);
      if (want !== got) {
        let i = 0;
        while (i < want.length && want[i] === got[i]) i++;
        console.log(`markup differs at ${i}:\n element: …${want.slice(Math.max(0, i - 200), i + 200)}\n bare:    …${got.slice(Math.max(0, i - 200), i + 200)}`);
      }
      expect(got, 'bare template renders the element\'s markup').to.equal(want);
      b.host.remove();
      el.closest('kin-community')!.remove();
      await store.dispose();
    }

    const a20: number[] = [];
    const f20: number[] = [];
    const b20: number[] = [];
    for (let r = 0; r < RUNS_20; r++) {
      // A: the element.
      const {ms, first, root, store} = await elementFirst(20, r);
      a20.push(ms);
      f20.push(first);
      root.remove();
      await store.dispose();
      await new Promise((res) => setTimeout(res, 0));
      // B: bare lit-html, the same 20 posts (fresh template instance in a fresh shadow root).
      const b = bareHost();
      const t0 = performance.now();
      render(bareFeed(list20, Date.now(), false, reactionIconOf), b.target);
      layout(b.target);
      b20.push(performance.now() - t0);
      b.host.remove();
      await new Promise((res) => setTimeout(res, 0));
    }

    // --- 1,000 posts: load them all in the element, render the same into a bare host --------------------
    const {el, root, store} = await elementFirst(1000, 0);
    while (count(el) < 1000) {
      const before = count(el);
      (el.shadowRoot!.querySelector('.older button') as HTMLButtonElement).click();
      const t = Date.now();
      while (count(el) === before) {
        if (Date.now() - t > 20000) throw new Error('older page did not arrive');
        await new Promise((res) => setTimeout(res, 5));
      }
    }
    await el.updateComplete;
    const list1000 = posts(1000);
    const now = Date.now();
    const b = bareHost();
    render(bareFeed(list1000, now, false, reactionIconOf), b.target);
    layout(b.target);
    const a1000: number[] = [];
    const b1000: number[] = [];
    for (let r = 0; r < RUNS_1000; r++) {
      let t0 = performance.now();
      el.requestUpdate();
      await el.updateComplete;
      layout(el);
      a1000.push(performance.now() - t0);
      await new Promise((res) => setTimeout(res, 0));
      t0 = performance.now();
      render(bareFeed(list1000, now, false, reactionIconOf), b.target);
      layout(b.target);
      b1000.push(performance.now() - t0);
      await new Promise((res) => setTimeout(res, 0));
    }
    expect(count(el)).to.equal(1000);
    expect(b.target.querySelectorAll('article').length).to.equal(1000);
    b.host.remove();
    root.remove();
    await store.dispose();

    const row = (name: string, a: number[], bb: number[], goal: number) =>
      `| ${name} | ${fmt(median(a))} (p90 ${fmt(q(a, 0.9))}) | ${fmt(median(bb))} (p90 ${fmt(q(bb, 0.9))}) | ${(median(a) / median(bb)).toFixed(2)}× | ≤ ${goal}× ${median(a) / median(bb) <= goal ? 'met' : 'NOT met'} |`;
    rows.push('| | <kin-discussion-thread> | bare lit-html, same markup | ratio | goal |', '|---|---|---|---|---|');
    rows.push(row(`render 20 posts to DOM + layout (median of ${RUNS_20})`, a20, b20, 1.5));
    rows.push(row(`re-render 1,000 posts, unchanged data (median of ${RUNS_1000})`, a1000, b1000, 2));
    rows.push(`| 20 posts: the element's first task alone (its first posts on screen; the rest in the next task) | ${fmt(median(f20))} (p90 ${fmt(q(f20, 0.9))}) | — | ${(median(f20) / median(b20)).toFixed(2)}× of bare's one task | — |`);
    console.log(`\nbench:render — production Lit, A/B interleaved, ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]}\n${rows.join('\n')}\n`);
  });
});
