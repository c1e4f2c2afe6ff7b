// A page-only banner, registered through the script-tag entry (src/define.ts) and not inside a
// Firebase-configured root, must show its story without fetching any Firebase code.
import {aTimeout, expect, fixture, html} from '@open-wc/testing';
import '../../src/define.js';
import type {KinFounderStoryBanner} from '../../src/components/founder-story-banner/founder-story-banner.js';

describe('<kin-founder-story-banner> from the script-tag entry', () => {
  it('shows a page-only story and loads no Firebase code', async () => {
    const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones"
        quote="Nobody should feel alone." cta-label="Join us" cta-href="https://asthma.example.org/join">
        <p slot="story">When Cai was diagnosed, I searched for other parents.</p>
      </kin-founder-story-banner>`);
    expect(el.shadowRoot!.querySelector('[part="name"]')!.textContent).to.contain('Sarah Jones');
    // Give any lazy import a chance to start before counting.
    await aTimeout(300);
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    // The check can see module loads at all: the banner's own module is listed.
    expect(names.some((n) => /founder-story-banner/.test(n))).to.equal(true);
    expect(names.filter((n) => /firebase/i.test(n))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
