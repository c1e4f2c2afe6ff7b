// Render cost of <kin-discussion-thread> against a bare lit-html list of similar markup, in Chromium.
// Run: node scripts/test.mjs --only=bench/thread-render.bench.ts   (figures are printed, nothing is asserted
// beyond "it rendered": timings vary with the machine, so they belong in the notes, not in tests).
import {expect, fixture, html as owc, waitUntil} from '@open-wc/testing';
import {html, render} from 'lit';
import {LocalStore} from '../src/data/local/local-store.js';
import type {CommunityStore} from '../src/data/store.js';
import type {Post} from '../src/data/types.js';
import {threadIdForKey} from '../src/data/policy.js';
import '../src/components/community/kin-community.js';
import '../src/components/discussion-thread/kin-discussion-thread.js';
import {alice, bob, community, post, thread} from '../test/components/discussion-thread.fixture.js';

const KEY = 'bench';
const TID = threadIdForKey(KEY);
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function posts(n: number): Post[] {
  const t0 = Date.now() - n * 60000;
  return Array.from({length: n}, (_, i) => post(`b${String(i).padStart(5, '0')}`, i % 2 ? alice : bob, {
    threadId: TID, createdAt: t0 + i * 60000, body: `Message ${i}: how are you getting on with the new inhaler?\nSecond line.`,
  }));
}

/** Longest main-thread task while `fn` runs (PerformanceObserver longtask, ≥ 50 ms), or 0. */
async function measure(fn: () => Promise<void>): Promise<{ms: number; longest: number}> {
  let longest = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  obs.observe({type: 'longtask', buffered: false});
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  await new Promise((r) => setTimeout(r, 0));
  obs.disconnect();
  return {ms, longest};
}

async function openStore(n: number, id: string): Promise<CommunityStore> {
  return LocalStore.open({
    communityId: id, persistence: 'memory', user: {uid: 'alice', anonymous: false},
    seed: {community: community(id), members: [alice, bob], threads: [thread(TID, {key: KEY, postCount: n})], posts: posts(n)},
  });
}

function bare(list: Post[]) {
  return html`<div role="feed">${list.map((p, i) => html`<article aria-posinset=${i + 1} aria-setsize=${list.length}>
    <header><span class="avatar">AB</span><span>${p.authorName}</span><span>Patient</span><time datetime=${new Date(p.createdAt).toISOString()}>2 hours ago</time></header>
    <div><p>${p.body.split('\n')[0]}<br />${p.body.split('\n')[1]}</p></div>
    <div role="group"><button aria-pressed="false">Heart 0</button><button aria-pressed="false">Hug 0</button><button aria-pressed="false">Me too 0</button><button aria-pressed="false">Thanks 0</button></div>
    <div><button>Reply</button><button>Report</button></div>
  </article>`)}</div>`;
}

describe('bench: thread render cost', () => {
  it('first render of 20 posts, and 1,000 loaded, vs bare lit-html', async function () {
    this.timeout(300000);
    const rows: string[] = [];

    for (const n of [20, 1000]) {
      const list = posts(n);
      const baseline: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const host = document.createElement('div');
        document.body.append(host);
        const {ms} = await measure(async () => {
          render(bare(list), host);
        });
        baseline.push(ms);
        host.remove();
      }
      rows.push(`bare lit-html, ${n} posts: first render median ${fmt(median(baseline))}`);
    }

    // The element: first view of a 20-post page (store → controller → render).
    const first: number[] = [];
    const longest20: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const store = await openStore(20, `bench20-${Date.now()}-${r}`);
      const {ms, longest} = await measure(async () => {
        const root = await fixture(owc`<kin-community .store=${store}><kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
        const el = root.querySelector('kin-discussion-thread')!;
        await waitUntil(() => el.shadowRoot!.querySelectorAll('article').length === 20, 'rendered', {timeout: 10000, interval: 5});
      });
      first.push(ms);
      longest20.push(longest);
      await store.dispose();
    }
    rows.push(`<kin-discussion-thread>, 20 posts: first view median ${fmt(median(first))} (store + render), longest task ${fmt(Math.max(...longest20))}`);

    // 1,000 posts loaded through "Show older" (page size 50), then one re-render of the whole feed.
    const store = await openStore(1000, `bench1000-${Date.now()}`);
    const root = await fixture(owc`<kin-community .store=${store}><kin-discussion-thread thread-key=${KEY} page-size="50"></kin-discussion-thread></kin-community>`);
    const el = root.querySelector('kin-discussion-thread')! as HTMLElement & {updateComplete: Promise<boolean>; requestUpdate(): void};
    const count = () => el.shadowRoot!.querySelectorAll('article').length;
    await waitUntil(() => count() === 50, 'first page', {timeout: 10000});
    const loadAll = await measure(async () => {
      while (count() < 1000) {
        const before = count();
        (el.shadowRoot!.querySelector('.older button') as HTMLButtonElement).click();
        await waitUntil(() => count() > before, 'older page', {timeout: 10000, interval: 5});
      }
    });
    rows.push(`<kin-discussion-thread>, 1,000 posts: loading 19 older pages took ${fmt(loadAll.ms)}, longest task ${fmt(loadAll.longest)}`);
    const rerender: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const {ms} = await measure(async () => {
        el.requestUpdate();
        await el.updateComplete;
      });
      rerender.push(ms);
    }
    rows.push(`<kin-discussion-thread>, 1,000 posts: full re-render median ${fmt(median(rerender))}`);
    await store.dispose();
    console.log(`\n${rows.join('\n')}\n`);
    expect(count()).to.equal(1000);
  });
});
