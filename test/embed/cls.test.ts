// Issue 16: Cumulative Layout Shift with the elements IN VIEW, on a plain host page, through the whole
// first view of a visitor: loading (skeletons) → the founder's story and the first posts (the reader's REST
// read) → the Firebase SDK taking over. Real Chromium's layout-shift entries (PerformanceObserver), the real
// Firestore emulator with the real rules. (test/embed/lazy.test.ts's "CLS 0" loads the element 200 px below
// the viewport, where Chromium reports no shift at all; here every element starts on screen.)
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/founder-story-banner/kin-founder-story-banner.js';
import type {FounderStory} from '../../src/data/types.js';
import {KEY, T0, alice, bob, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';

const PROJECT = 'demo-kindred-cls';
const admin = new FirestoreAdmin(PROJECT);

interface Shift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources?: {node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly}[];
}

/** Layout shifts from now on (not after input), with what moved, for the failure message. */
function watchShifts() {
  const shifts: {phase: string; value: number; moved: string[]}[] = [];
  let phase = 'loading';
  const describe = (n: Node | null | undefined) => {
    if (!n) return '?';
    const el = n instanceof Element ? n : n.parentElement;
    const host = (el?.getRootNode() as ShadowRoot | Document) instanceof ShadowRoot ? `${((el!.getRootNode() as ShadowRoot).host).localName} ` : '';
    return `${host}${el?.localName ?? n.nodeName}${el?.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
  };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Shift[]) {
      if (e.hadRecentInput) continue;
      shifts.push({phase, value: e.value, moved: (e.sources ?? []).map((s) =>
        `${describe(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`)});
    }
  });
  observer.observe({type: 'layout-shift', buffered: false});
  return {
    set phase(p: string) { phase = p; },
    total: () => shifts.reduce((s, x) => s + x.value, 0),
    byPhase: (p: string) => shifts.filter((s) => s.phase === p).reduce((s, x) => s + x.value, 0),
    report: () => shifts.map((s) => `${s.phase}: ${s.value.toFixed(4)} (${s.moved.join(', ')})`).join('\n') || 'none',
    stop: () => observer.disconnect(),
  };
}

const frames = (n = 3) => new Promise<void>((res) => {
  const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : res());
  step(n);
});

describe('layout shift on a plain host page, elements in view (issue 16)', function () {
  this.timeout(180000);
  const cids: string[] = [];
  let story: FounderStory;
  before(async () => {
    story = (await (await fetch('/demo/seed.json')).json()).community.founderStory as FounderStory;
    // A visitor with no saved session, so the reader's first view and the SDK's takeover both happen.
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:')) localStorage.removeItem(k);
  });
  after(async () => {
    await setViewport({width: 800, height: 600});
    for (const cid of cids) await admin.removeCommunity(cid).catch(() => undefined);
  });

  async function firstView(viewport: {width: number; height: number}, withBanner: boolean) {
    await setViewport(viewport);
    const cid = nextCommunityId();
    cids.push(cid);
    const posts = Array.from({length: 30}, (_, i) => post(`p${String(i).padStart(2, '0')}`, i % 2 ? alice : bob,
      {createdAt: T0 + i * 60000, body: `Post number ${i}: how are you getting on with the new inhaler?`}));
    const data = seed(cid, posts);
    data.community.founderStory = story;
    await admin.seed(data);
    const {host, port} = emulatorHost();
    const shifts = watchShifts();
    const page = await fixture<HTMLElement>(html`<main style="max-inline-size: 60rem; margin: 0 auto; padding: 0 1rem; font: 16px/1.5 system-ui, sans-serif">
      <h1 style="margin: 0.5rem 0">Walk for Breath 2026</h1>
      <p style="margin: 0 0 1rem">Join us on the 14th of June. Share your stories and questions below.</p>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`}
        emulator-auth-host="127.0.0.1:9">
        ${withBanner ? html`<kin-founder-story-banner heading-level="2"></kin-founder-story-banner>` : ''}
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community>
      <footer style="padding: 1rem 0">Host site footer · Contact · Privacy</footer>
    </main>`);
    const thread = page.querySelector('kin-discussion-thread')!;
    const banner = page.querySelector('kin-founder-story-banner');
    expect(thread.getBoundingClientRect().top, 'the thread starts in view').to.be.below(withBanner && viewport.width < 600 ? Infinity : viewport.height);
    if (banner) expect(banner.getBoundingClientRect().top, 'the banner starts in view').to.be.below(viewport.height);

    await waitUntil(() => thread.shadowRoot!.querySelectorAll('article').length > 0
      && (!banner || banner.shadowRoot!.querySelector('.state-ready')), 'the story and the first posts', {timeout: 30000, interval: 5});
    await frames();
    shifts.phase = 'sdk';
    const store = (page.querySelector('kin-community') as unknown as {context: {store: {handedOver?: boolean}}}).context.store;
    await waitUntil(() => store.handedOver === true, 'the SDK took over', {timeout: 30000});
    await new Promise((r) => setTimeout(r, 1500));
    await frames();
    shifts.stop();
    const heights = `banner ${Math.round(banner?.getBoundingClientRect().height ?? 0)} px, thread ${Math.round(thread.getBoundingClientRect().height)} px`;
    console.log(`CLS ${viewport.width}×${viewport.height}${withBanner ? ' banner + thread' : ' thread'}: loading → first view ${shifts.byPhase('loading').toFixed(4)}, → SDK takeover ${shifts.byPhase('sdk').toFixed(4)} (${heights})`);
    expect(shifts.total(), `cumulative layout shift; shifts:\n${shifts.report()}`).to.equal(0);
    await expect(thread).to.be.accessible();
  }

  it('mobile (412×823, Lighthouse\'s): the thread alone, in view', async () => {
    await firstView({width: 412, height: 823}, false);
  });

  it('mobile (412×823): the founder\'s story banner above the thread', async () => {
    await firstView({width: 412, height: 823}, true);
  });

  it('desktop (1350×940): the banner and the thread both in view', async () => {
    await firstView({width: 1350, height: 940}, true);
  });
});
