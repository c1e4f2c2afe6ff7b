// LiveController's own retries (issue 17): a load that fails for a passing reason is tried again by
// itself with a growing delay until a value comes; a refusal is not; removing the element ends it.
import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {LiveController} from '../../src/controllers/live.js';
import {KindredError, toKindredError} from '../../src/data/errors.js';
import {RECONNECTED_EVENT} from '../../src/data/connection-events.js';

type Plan = {failures: number; code: KindredError['code']; calls: number[]};

class LiveHost extends LitElement {
  plan: Plan = {failures: 0, code: 'unavailable', calls: []};
  live = new LiveController<string, readonly [number]>(this, {
    key: () => [1] as const,
    subscribe: (_key, next, error) => {
      this.plan.calls.push(performance.now());
      const fail = this.plan.failures-- > 0;
      // The same failure reported twice, as a store handing over between two sources may: one attempt.
      queueMicrotask(() => (fail ? (error(new KindredError(this.plan.code, 'test')), error(new KindredError(this.plan.code, 'test'))) : next('ok')));
      return () => undefined;
    },
    backoff: {baseMs: 60, maxMs: 1000},
  });
}
customElements.define('kin-test-live-host', LiveHost);

const until = async (predicate: () => boolean, ms: number) => {
  const end = performance.now() + ms;
  while (!predicate() && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
};

describe('LiveController retries', () => {
  it('tries a failed load again by itself with a growing delay, and stops once a value comes', async () => {
    const el = document.createElement('kin-test-live-host') as LiveHost;
    el.plan = {failures: 3, code: 'unavailable', calls: []};
    await fixture(html`<div>${el}</div>`);
    await until(() => el.live.status === 'ready', 3000);
    expect(el.live.status).to.equal('ready');
    expect(el.live.value).to.equal('ok');
    expect(el.plan.calls.length).to.equal(4);
    const gaps = el.plan.calls.slice(1).map((t, i) => t - el.plan.calls[i]);
    // 60, 120, 240 ms ±20 %: each delay longer than the one before.
    expect(gaps[1]).to.be.greaterThan(gaps[0]);
    expect(gaps[2]).to.be.greaterThan(gaps[1]);
    expect(gaps[0]).to.be.at.least(45);
  });

  it('does not try a refusal again by itself', async () => {
    const el = document.createElement('kin-test-live-host') as LiveHost;
    el.plan = {failures: 5, code: 'permission-denied', calls: []};
    await fixture(html`<div>${el}</div>`);
    await new Promise((r) => setTimeout(r, 400));
    expect(el.live.status).to.equal('error');
    expect(el.plan.calls.length).to.equal(1);
    expect(el.live.retryAt).to.equal(null);
  });

  it('stops trying when the element leaves the page', async () => {
    const el = document.createElement('kin-test-live-host') as LiveHost;
    el.plan = {failures: 100, code: 'rate-limited', calls: []};
    const root = await fixture<HTMLElement>(html`<div>${el}</div>`);
    await until(() => el.plan.calls.length >= 2, 2000);
    el.remove();
    const n = el.plan.calls.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(el.plan.calls.length).to.equal(n);
    root.append(el);
    await until(() => el.plan.calls.length > n, 2000);
    expect(el.plan.calls.length, 'back on the page, it loads again').to.be.greaterThan(n);
  });

  it('reads a chunk that did not arrive as the connection, not as a fault of ours', () => {
    const e = toKindredError(new TypeError('Failed to fetch dynamically imported module: https://cdn.example/k.js'));
    expect(e.code).to.equal('unavailable');
    expect(toKindredError(new TypeError('x is not a function')).code).to.equal('internal');
  });
});

// A long backoff: only the reconnected signal can make the second attempt come soon.
class SlowRetryHost extends LitElement {
  failures = 1;
  calls: number[] = [];
  live = new LiveController<string, readonly [number]>(this, {
    key: () => [2] as const,
    subscribe: (_key, next, error) => {
      this.calls.push(performance.now());
      const fail = this.failures-- > 0;
      queueMicrotask(() => (fail ? error(new KindredError('unavailable', 'test')) : next('back')));
      return () => undefined;
    },
    backoff: {baseMs: 60000, maxMs: 60000},
  });
}
customElements.define('kin-test-slow-retry-host', SlowRetryHost);

describe('LiveController and the store coming back (issue 17)', () => {
  it('a failed load tries again at once when a store reports it is back in touch, not after its backoff', async () => {
    const el = document.createElement('kin-test-slow-retry-host') as SlowRetryHost;
    await fixture(html`<div>${el}</div>`);
    await until(() => el.live.status === 'error', 3000);
    expect(el.live.status).to.equal('error');
    expect(el.live.retryAt! - Date.now()).to.be.above(30000);
    window.dispatchEvent(new CustomEvent(RECONNECTED_EVENT));
    await until(() => el.live.status === 'ready', 3000);
    expect(el.live.value).to.equal('back');
    expect(el.calls.length).to.equal(2);
  });
});
