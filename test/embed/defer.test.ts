// Issue 16: a conversation below the first screen does no work while the page loads (Lighthouse's TBT):
// src/controllers/defer.ts. Where a visitor starts: a plain host page at Lighthouse's mobile size, the kit
// with the embedded LocalStore and the demo's seed, the thread far below the fold. It shows only its loading
// reserve until scrolled near, then its posts, before it is in view and with no layout shift; keyboard focus
// reaches it while it waits, and a link to one of its posts loads it at once.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';

interface Shift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

const frames = (n = 3) => new Promise<void>((res) => {
  const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : res());
  step(n);
});

/** The community has opened its store (the seed fetched and read). */
const storeOpen = (page: HTMLElement) => waitUntil(
  () => (page.querySelector('kin-community') as unknown as {context?: {store: unknown}}).context?.store,
  'the community store opened', {timeout: 30000});

/** The focused element, inside shadow roots. */
function deepestFocus(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const posts = (thread: Element) => thread.shadowRoot!.querySelectorAll('article').length;

function hostPage(spacer: number, loading: 'lazy' | 'eager' = 'lazy') {
  return fixture<HTMLElement>(html`<main style="margin: 0; padding: 0 1rem; font: 16px/1.5 system-ui, sans-serif">
    <h1 style="margin: 0.5rem 0">Walk for Breath 2026</h1>
    <p style="margin: 0 0 1rem"><a href="#top" id="above">Register to walk</a></p>
    <kin-community community="asthma-cymru" store="local" seed="/demo/seed.json">
      <div style="block-size: ${spacer}px">The route, the date, what to bring.</div>
      <kin-discussion-thread thread-key="walk-2026" heading-level="2" loading=${loading}></kin-discussion-thread>
    </kin-community>
    <footer style="padding: 1rem 0">Host site footer · Contact · Privacy</footer>
  </main>`);
}

describe('a thread below the first screen waits until it is near (issue 16)', function () {
  this.timeout(120000);
  before(async () => {
    await setViewport({width: 412, height: 823});
  });
  afterEach(() => {
    window.scrollTo(0, 0);
    history.replaceState(null, '', location.pathname + location.search);
  });
  after(async () => {
    await setViewport({width: 800, height: 600});
  });

  it('shows only its loading reserve until scrolled near, then its posts before it is in view, with no layout shift', async () => {
    const page = await hostPage(3000);
    const thread = page.querySelector('kin-discussion-thread')!;
    await storeOpen(page);
    await frames();
    // From here on (kin-community's own "preview, stored in this browser" notice, shown when its LocalStore opens,
    // is not the thread's doing: test/embed/cls.test.ts measures the Firestore first view from the start).
    const shifts: Shift[] = [];
    const observer = new PerformanceObserver((l) => shifts.push(...(l.getEntries() as Shift[]).filter((e) => !e.hadRecentInput)));
    observer.observe({type: 'layout-shift', buffered: false});
    // Time for anything that would load to load: the store is open and the seed has 20+ posts in this thread.
    await new Promise((r) => setTimeout(r, 1500));
    await frames();
    expect(thread.getBoundingClientRect().top, 'the thread starts far below the first screen').to.be.above(823 * 2);
    expect(posts(thread), 'no posts rendered while far below').to.equal(0);
    const reserve = thread.shadowRoot!.querySelector('.loading');
    expect(reserve, 'its loading reserve is shown').to.exist;
    const reserved = thread.getBoundingClientRect().height;

    // Scroll until the thread is a little under one screen below the viewport: near, not yet in view.
    window.scrollTo(0, thread.getBoundingClientRect().top + window.scrollY - 823 - 600);
    await waitUntil(() => posts(thread) > 0, 'the posts, once near', {timeout: 30000});
    await frames();
    expect(thread.getBoundingClientRect().top, 'rendered before it came into view').to.be.above(823);
    expect(thread.getBoundingClientRect().height, 'the posts are taller than the reserve').to.be.above(reserved);

    // Now into view: nothing moves.
    thread.scrollIntoView({block: 'start'});
    await frames(5);
    observer.disconnect();
    expect(shifts.reduce((s, e) => s + e.value, 0), 'cumulative layout shift').to.equal(0);
    await expect(thread).to.be.accessible();
  });

  it('without loading="lazy" (the default) a thread far below loads its posts at once, nobody scrolling', async () => {
    const page = await hostPage(3000, 'eager');
    const thread = page.querySelector('kin-discussion-thread')!;
    await waitUntil(() => posts(thread) > 0, 'the posts, with no scroll', {timeout: 30000});
    expect(thread.getBoundingClientRect().top, 'the thread is still far below the first screen').to.be.above(823 * 2);
  });

  it('takes keyboard focus while it waits (crisis help first), and keeps it when its posts arrive', async () => {
    const page = await hostPage(3000);
    const thread = page.querySelector('kin-discussion-thread')!;
    await storeOpen(page);
    await frames();
    expect(posts(thread)).to.equal(0);
    page.querySelector<HTMLElement>('#above')!.focus();
    await sendKeys({press: 'Tab'});
    expect(document.activeElement, 'focus moved into the thread').to.equal(thread);
    const toggle = deepestFocus();
    expect(toggle?.getAttribute('aria-expanded'), 'on its crisis help, which it shows while waiting').to.equal('false');
    await waitUntil(() => posts(thread) > 0, 'the posts, once focus is inside', {timeout: 30000});
    await frames();
    expect(deepestFocus(), 'focus stays on the same control').to.equal(toggle);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => toggle!.getAttribute('aria-expanded') === 'true', 'Enter opens the crisis help');
  });

  it('a link to one of its posts (#post-…) loads it at once, however far below', async () => {
    const seed = await (await fetch('/demo/seed.json')).json() as {posts: {id: string; threadId: string}[]; threads: {id: string; key: string | null}[]};
    const threadId = seed.threads.find((t) => t.key === 'walk-2026')!.id;
    const linked = seed.posts.filter((p) => p.threadId === threadId).at(-1)!.id;
    history.replaceState(null, '', `${location.pathname}${location.search}#post-${linked}`);
    const page = await hostPage(3000);
    const thread = page.querySelector('kin-discussion-thread')!;
    await waitUntil(() => posts(thread) > 0, 'the posts, for the link', {timeout: 30000});
  });
});
