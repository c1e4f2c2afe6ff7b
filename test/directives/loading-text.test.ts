// Issue 17: a first load that waits on a listener the server keeps refusing (429, 503, a deadline) gets no error
// from the SDK, so the words must change by themselves: "Loading…", then after SLOW_LOADING_MS "taking longer
// than usual… no need to reload", in English and in Welsh, inside the element's status. (The whole page under
// refused reads, recovering with no reload, is test/faults/rate-limited.test.ts's second case.)
import {expect, fixture, html} from '@open-wc/testing';
import {render} from 'lit';
import {loadingText, SLOW_LOADING_MS} from '../../src/directives/loading-text.js';
import {commonMessages} from '../../src/i18n/common.messages.js';
import {wantWelsh, welshPending} from '../../src/i18n/messages.js';

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('loadingText: a first load that takes long says so by itself (issue 17)', function () {
  this.timeout(SLOW_LOADING_MS * 3 + 10000);

  it('says "Loading…", then after SLOW_LOADING_MS that it is taking longer and needs no reload, in en and cy', async () => {
    wantWelsh();
    await welshPending();
    const en = commonMessages('en');
    const cy = commonMessages('cy');
    expect(cy.slowLoading).to.not.equal(en.slowLoading);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const [a, b] = [document.createElement('p'), document.createElement('p')];
    for (const p of [a, b]) p.setAttribute('role', 'status');
    host.append(a, b);
    const t0 = performance.now();
    render(html`${loadingText('en')}`, a);
    render(html`${loadingText('cy')}`, b);
    expect(squash(a.textContent)).to.equal(squash(en.loading));
    expect(squash(b.textContent)).to.equal(squash(cy.loading));
    await new Promise((r) => setTimeout(r, SLOW_LOADING_MS / 2));
    expect(squash(a.textContent), 'not before SLOW_LOADING_MS').to.equal(squash(en.loading));
    while (squash(a.textContent) !== squash(en.slowLoading) && performance.now() - t0 < SLOW_LOADING_MS * 3) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(performance.now() - t0).to.be.at.least(SLOW_LOADING_MS - 100);
    expect(squash(a.textContent)).to.equal(squash(en.slowLoading));
    expect(a.textContent).to.include('no need to reload');
    expect(squash(b.textContent)).to.equal(squash(cy.slowLoading));
    await expect(host).to.be.accessible();
  });
});
