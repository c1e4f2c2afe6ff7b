// Issue 16, "the 1,000-post thread keeps every frame under 50 ms while scrolling", in Chromium.
// Run: `npm run bench:scroll` (production Lit, like bench:render: bench/scroll.mjs sets KINDRED_LIT_PROD).
//
// A 1,000-post thread (LocalStore seed; every seventh post three long paragraphs) is loaded into
// <kin-discussion-thread> page by page ("Show older"), then the page is scrolled from the thread's top to its
// bottom, STEP px per animation frame (window.scrollTo in requestAnimationFrame: every frame needs the main
// thread). Per frame it records:
//  - work: from the frame's requestAnimationFrame callback to the first task after that frame's rendering
//    (a message posted from the callback) — the main thread's rAF + style + layout + paint for that frame;
//  - the interval between animation frames (a frame that misses vsync shows as 33 / 50 ms);
//  - long-animation-frame and longtask entries (PerformanceObserver): frames / tasks over 50 ms.
// Side by side in one run, passes interleaved: the element for a visitor; the element for a member (reaction
// buttons and actions on every post); bare lit-html of the visitor's markup with the element's styles
// (bench/bare-feed.ts), the baseline. At no CPU throttling and, with --rates=1,4, at 4× too (Lighthouse's mobile setting,
// over CDP: bench/wtr-cpu-plugin.mjs).
import {expect, fixture, html as owc} from '@open-wc/testing';
import {executeServerCommand, setViewport} from '@web/test-runner-commands';
import {LitElement, render} from 'lit';
import {LocalStore} from '../src/data/local/local-store.js';
import type {CommunityStore} from '../src/data/store.js';
import '../src/components/community/kin-community.js';
import '../src/components/discussion-thread/kin-discussion-thread.js';
import {alice, bob, community, thread} from '../test/components/discussion-thread.fixture.js';
import {KEY, TID, bareFeed, bareHost, layout, posts} from './bare-feed.js';

// Defaults; `npm run bench:scroll -- --rates=1,4 --passes=1 --step=160 --posts=1000` (bench/scroll.mjs). All
// of a run must fit in web-test-runner's 10 minutes: at 1× on a busy 2-core machine one run took ~2.5 min.
let N = 1000;
let STEP = 160;
let PASSES = 1;
let RATES = [1];

type Thread = HTMLElement & {updateComplete: Promise<boolean>};
type Pass = {work: number[]; intervals: number[]; loaf: number[]; longtasks: number[]; px: number};

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const q = (xs: number[], p: number) => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : 0);
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const frame = () => new Promise<number>((res) => requestAnimationFrame(res));
async function frames(n: number) {
  for (let i = 0; i < n; i++) await frame();
}

async function loadThread(uid: string | null, id: string): Promise<{root: HTMLElement; el: Thread; store: CommunityStore}> {
  const store = await LocalStore.open({
    communityId: id, persistence: 'memory', user: uid ? {uid, anonymous: false} : null,
    seed: {community: community(id), members: [alice, bob], threads: [thread(TID, {key: KEY, postCount: N})], posts: posts(N, {varied: true})},
  });
  const root = await fixture<HTMLElement>(owc`<kin-community .store=${store}><kin-discussion-thread thread-key=${KEY} page-size="50"></kin-discussion-thread></kin-community>`);
  const el = root.querySelector('kin-discussion-thread') as Thread;
  const count = () => el.shadowRoot!.querySelectorAll('.feed > article').length;
  const t = Date.now();
  while (count() < N) {
    const before = count();
    const older = el.shadowRoot!.querySelector<HTMLButtonElement>('.older button');
    if (older && older.getAttribute('aria-disabled') !== 'true') older.click();
    while (count() === before) {
      if (Date.now() - t > 300000) throw new Error(`only ${count()} of ${N} posts loaded`);
      await new Promise((res) => setTimeout(res, 10));
    }
  }
  await el.updateComplete;
  return {root, el, store};
}

/** Scrolls the window from `box`'s top to its bottom, STEP px a frame, recording each frame. */
async function scrollThrough(box: Element): Promise<Pass> {
  const top = box.getBoundingClientRect().top + scrollY;
  const end = top + box.getBoundingClientRect().height - innerHeight;
  scrollTo(0, top);
  await frames(5);
  const out: Pass = {work: [], intervals: [], loaf: [], longtasks: [], px: end - top};
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) (e.entryType === 'longtask' ? out.longtasks : out.loaf).push(e.duration);
  });
  const types = PerformanceObserver.supportedEntryTypes;
  if (types.includes('long-animation-frame')) obs.observe({type: 'long-animation-frame'});
  obs.observe({type: 'longtask'});
  const channel = new MessageChannel();
  let start = 0;
  channel.port1.onmessage = () => out.work.push(performance.now() - start);
  await new Promise<void>((done) => {
    let y = top;
    let last = 0;
    const tick = (ts: number) => {
      if (last) out.intervals.push(ts - last);
      last = ts;
      if (y >= end) return done();
      start = performance.now();
      y = Math.min(end, y + STEP);
      scrollTo(0, y);
      channel.port2.postMessage(0);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await frames(3);
  await new Promise((res) => setTimeout(res, 100));
  obs.disconnect();
  channel.port1.close();
  return out;
}

describe('bench: scrolling the 1,000-post thread (production Lit)', () => {
  it('frame work while scrolling top to bottom: element (visitor, member) vs bare lit-html', async function () {
    this.timeout(1800000);
    expect((LitElement as unknown as {enableWarning?: unknown}).enableWarning, 'Lit must be the production build: run `npm run bench:scroll`').to.equal(undefined);
    const o = (await executeServerCommand<{rates?: number[]; passes?: number; step?: number; posts?: number}, undefined>('kin-bench-options')) ?? {};
    ({rates: RATES = RATES, passes: PASSES = PASSES, step: STEP = STEP, posts: N = N} = o);
    const phases: string[] = [];
    let mark = performance.now();
    const phase = (name: string) => {
      phases.push(`${name} ${((performance.now() - mark) / 1000).toFixed(1)} s`);
      mark = performance.now();
    };
    await setViewport({width: 412, height: 823});
    const icon = (await import('../src/components/icons.js')).reactionIcon as (k: string) => unknown;

    const visitor = await loadThread(null, `sv-${Date.now().toString(36)}`);
    phase('load the visitor\'s thread');
    const member = await loadThread('alice', `sm-${Date.now().toString(36)}`);
    phase('load the member\'s thread');
    const bare = bareHost();
    render(bareFeed(posts(N, {varied: true}), Date.now(), false, icon), bare.target);
    layout(bare.target);
    expect(member.el.shadowRoot!.querySelectorAll('.feed > article button.reaction').length, 'the member sees reaction buttons').to.be.greaterThan(N);

    const cases: Array<{name: string; node: HTMLElement; box: () => Element}> = [
      {name: '<kin-discussion-thread>, visitor', node: visitor.root, box: () => visitor.el.shadowRoot!.querySelector('.feed')!},
      {name: '<kin-discussion-thread>, member', node: member.root, box: () => member.el.shadowRoot!.querySelector('.feed')!},
      {name: 'bare lit-html, visitor markup (the element\'s styles)', node: bare.host, box: () => bare.target.querySelector('.feed')!},
    ];
    const results = new Map<string, Pass[]>();
    for (const rate of RATES) {
      await executeServerCommand('kin-cpu', {rate});
      for (let p = 0; p < PASSES; p++) {
        for (const c of cases) {
          for (const o of cases) o.node.style.display = o.node === c.node ? '' : 'none';
          layout(c.node);
          await frames(5);
          const key = `${rate}|${c.name}`;
          results.set(key, [...(results.get(key) ?? []), await scrollThrough(c.box())]);
          phase(`scroll ${c.name} at ${rate}×`);
        }
      }
    }
    await executeServerCommand('kin-cpu', {rate: 1});

    const f = (ms: number) => ms.toFixed(1);
    const rows = ['| CPU | case | frames | px | frame work p50 / p95 / max (ms) | frame interval p95 / max (ms) | frames with work > 50 ms | long animation frames (> 50 ms): count, max | long tasks: count, max |',
      '|---|---|---|---|---|---|---|---|---|'];
    for (const rate of RATES) {
      for (const c of cases) {
        const ps = results.get(`${rate}|${c.name}`)!;
        const all = (k: keyof Omit<Pass, 'px'>) => ps.flatMap((x) => x[k]);
        const work = all('work');
        rows.push(`| ${rate}× | ${c.name} | ${work.length} | ${Math.round(ps[0].px)} | ${f(q(work, 0.5))} / ${f(q(work, 0.95))} / ${f(max(work))} | ${f(q(all('intervals'), 0.95))} / ${f(max(all('intervals')))} | ${work.filter((w) => w > 50).length} | ${all('loaf').length}, ${f(max(all('loaf')))} | ${all('longtasks').length}, ${f(max(all('longtasks')))} |`);
      }
    }
    console.log(`\nbench:scroll — ${N} posts, ${STEP} px a frame, ${PASSES} passes each (interleaved), viewport ${innerWidth}×${innerHeight}, production Lit, ${navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0]}\n${rows.join('\n')}\n(${phases.join('; ')})\n`);

    bare.host.remove();
    for (const x of [visitor, member]) {
      x.root.remove();
      await x.store.dispose();
    }
  });
});
