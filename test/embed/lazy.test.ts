import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/founder-story-banner/kin-founder-story-banner.js';
import type {KinCommunity} from '../../src/components/community/community.js';
import {requestedUrls, startCountingRequests} from './probe.js';
import './probe.js';

/** Sum of layout shifts not caused by input, observed from now on. */
function watchLayoutShifts(): {total: () => number; stop: () => void} {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {value: number; hadRecentInput: boolean})[]) {
      if (!e.hadRecentInput) total += e.value;
    }
  });
  observer.observe({type: 'layout-shift', buffered: false});
  return {total: () => total, stop: () => observer.disconnect()};
}

describe('<kin-community loading="lazy">', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('loads no store code and opens no subscription until it comes near the viewport, without shifting the page', async () => {
    startCountingRequests();
    const page = await fixture<HTMLDivElement>(html`<div>
      <div style="block-size: 300vh">Long host article</div>
      <kin-community loading="lazy" community="asthma-cymru" store="local" seed="/demo/seed.json">
        <kin-embed-probe></kin-embed-probe>
        <kin-founder-story-banner></kin-founder-story-banner>
      </kin-community>
      <p id="after">Host footer</p>
    </div>`);
    const el = page.querySelector('kin-community') as KinCommunity;
    const probe = el.querySelector('kin-embed-probe')!;
    const banner = el.querySelector('kin-founder-story-banner')!;
    await aTimeout(500);
    expect(probe.storeKind).to.equal('none');
    expect((banner as unknown as {subscribed: boolean}).subscribed, 'banner subscription').to.equal(false);
    expect(requestedUrls().filter((u) => u.includes('/src/data/') || u.endsWith('seed.json'))).to.deep.equal([]);
    const rootFontSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(el.getBoundingClientRect().height, 'space reserved').to.be.at.least(16 * rootFontSize - 0.5);

    const shifts = watchLayoutShifts();
    // Scroll to just above it: within the 400px margin but not yet on screen.
    window.scrollTo(0, el.offsetTop - window.innerHeight - 200);
    await waitUntil(() => probe.storeKind === 'local', 'loads when near', {timeout: 5000});
    await waitUntil(() => (banner as unknown as {subscribed: boolean}).subscribed, 'banner subscribes');
    expect(requestedUrls().some((u) => u.includes('/src/data/local/local-store'))).to.equal(true);
    await aTimeout(300);
    el.scrollIntoView();
    await aTimeout(300);
    shifts.stop();
    expect(shifts.total(), 'cumulative layout shift').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('loads at once when it starts in the viewport', async () => {
    const el = await fixture<KinCommunity>(html`<kin-community loading="lazy" community="c-lazy-top" store="local"><kin-embed-probe></kin-embed-probe></kin-community>`);
    await waitUntil(() => el.querySelector('kin-embed-probe')!.storeKind === 'local', 'loads', {timeout: 5000});
  });

  it('never loads when removed before it came near', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <div style="block-size: 300vh"></div>
      <kin-community loading="lazy" community="c-lazy-gone" store="local"><kin-embed-probe></kin-embed-probe></kin-community>
    </div>`);
    const el = page.querySelector('kin-community')!;
    const probe = el.querySelector('kin-embed-probe')!;
    el.remove();
    page.prepend(el); // re-added at the top, as an SPA might: now it is near, and loads
    await waitUntil(() => probe.storeKind === 'local', 'loads once near after re-adding', {timeout: 5000});
  });
});
