// The re-send schedule behind the offline promise (src/controllers/resend.ts).
import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {ResendController, backoffMs, isTransient} from '../../src/controllers/resend.js';

class ResendHost extends LitElement {
  resend = new ResendController(this, {baseMs: 40, maxMs: 200});
}
customElements.define('kin-test-resend-host', ResendHost);

describe('ResendController', () => {
  it('backs off 2 s, 4 s, 8 s … up to a minute, with jitter of at most 20 %', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(n, 2000, 60000, () => 0.5))).to.deep.equal([2000, 4000, 8000, 16000, 60000]);
    expect(backoffMs(1, 2000, 60000, () => 0)).to.equal(1600);
    expect(backoffMs(1, 2000, 60000, () => 1)).to.equal(2400);
  });

  it('treats only the connection and server load as worth retrying by itself', () => {
    expect(isTransient({code: 'unavailable'})).to.equal(true);
    expect(isTransient({code: 'rate-limited'})).to.equal(true);
    for (const code of ['permission-denied', 'invalid-argument', 'not-found', 'unauthenticated', 'internal'] as const) {
      expect(isTransient({code}), code).to.equal(false);
    }
  });

  it('runs a job again after its delay, until it is done; removing the element stops its timers', async () => {
    const el = await fixture<ResendHost>(html`<kin-test-resend-host></kin-test-resend-host>`);
    let runs = 0;
    const run = () => {
      runs++;
      if (runs < 3) el.resend.schedule('k', run);
      else el.resend.done('k');
    };
    el.resend.schedule('k', run);
    expect(el.resend.has('k')).to.equal(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(runs).to.equal(3);
    expect(el.resend.has('k')).to.equal(false);

    let later = 0;
    el.resend.schedule('x', () => later++);
    el.remove();
    await new Promise((r) => setTimeout(r, 300));
    expect(later, 'no timer runs while the element is off the page').to.equal(0);
    expect(el.resend.has('x')).to.equal(true);
  });

  it('sends at once when the browser comes back online', async () => {
    const el = await fixture<ResendHost>(html`<kin-test-resend-host></kin-test-resend-host>`);
    let runs = 0;
    el.resend.schedule('k', () => runs++);
    window.dispatchEvent(new Event('online'));
    expect(runs).to.equal(1);
  });
});
