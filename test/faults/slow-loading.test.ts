// Issue 17, "`resource-exhausted`, `unavailable` … never a blank element or an endless spinner": a plain host
// page (a community and its thread, one in English and one in Welsh) opens while every Firestore read answers
// 429 (Too Many Requests), then 503 (Service Unavailable), injected over CDP (test/support/wtr-fault-plugin.mjs,
// kin-fail-requests) in the real Chromium against the real emulator. The SDK's listeners get no error for
// this: they back off and try again by themselves, silently. What a visitor sees: "Loading…", then after
// SLOW_LOADING_MS words that say it is taking longer than usual, that it keeps trying and will show the
// conversation by itself; once the server answers again the posts appear with no reload and no press.
//
// Runs alone in its page: the SDK chunk must not have loaded before (its first fetches must meet the fault).
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {KEY, alice, articleFor, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {commonMessages} from '../../src/i18n/common.messages.js';
import {wantWelsh, welshPending} from '../../src/i18n/messages.js';
import {SLOW_LOADING_MS} from '../../src/directives/loading-text.js';
import {eventuallyWithin, wait} from './fault-helpers.js';
import {shadowText as text} from '../support/dom.js';

const PROJECT = 'demo-kindred';
const admin = new FirestoreAdmin(PROJECT);
const EVERY_READ = ['*/v1/projects/*', '*/google.firestore.v1.Firestore/*'];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('faults: every read refused (429, then 503) while a page opens', function () {
  this.timeout(180000);
  const {host, port} = emulatorHost();

  before(async () => {
    // A browser with no saved session: other test files in this browser profile may have signed in.
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:')) localStorage.removeItem(k);
  });
  afterEach(() => executeServerCommand('kin-fail-requests', {times: 0}));

  it('says it is taking longer than usual and will show by itself (en and cy), then the posts come with no reload', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));
    // Welsh strings load on demand (a Welsh page asks for them): load them here to compare with.
    wantWelsh();
    await welshPending();
    const en = commonMessages('en');
    const cy = commonMessages('cy');
    expect(en.slowLoading).to.not.equal(cy.slowLoading);

    await executeServerCommand('kin-fail-requests', {pattern: EVERY_READ, times: 100000, status: 429});
    const t0 = performance.now();
    const page = await fixture<HTMLElement>(html`<div>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`} lang="en">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`} lang="cy">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community>
    </div>`);
    const [thread, welsh] = [...page.querySelectorAll('kin-discussion-thread')];
    // What each visitor sees while the server refuses: recorded every 250 ms until the posts arrive.
    const seen = new Set<string>();
    const watch = setInterval(() => {
      for (const el of [thread, welsh]) {
        const busy = el.shadowRoot?.querySelector('[aria-busy="true"]') ? ' [busy]' : '';
        seen.add(`${el === thread ? 'en' : 'cy'}: ${squash(text(el)).slice(0, 200)}${busy}`);
      }
    }, 250);
    try {
      // 429 until both say more than "Loading…".
      await eventuallyWithin(() => squash(text(thread)).includes(squash(en.slowLoading)) && squash(text(welsh)).includes(squash(cy.slowLoading)),
        'after a few seconds both threads say it is taking longer and what happens next', SLOW_LOADING_MS + 60000);
      const slowAt = performance.now() - t0;
      expect(slowAt, 'not before SLOW_LOADING_MS').to.be.at.least(SLOW_LOADING_MS - 100);
      expect(articleFor(thread, 'p1'), 'nothing came through the fault').to.not.be.ok;
      expect(text(thread)).to.include('no need to reload');
      await expect(thread).to.be.accessible();
      const refused429 = (await executeServerCommand('kin-failed-count', {})) as number;

      // Then the server is unavailable (503) for a while: the same words stay.
      await executeServerCommand('kin-fail-requests', {pattern: EVERY_READ, times: 100000, status: 503});
      await eventuallyWithin(async () => ((await executeServerCommand('kin-failed-count', {})) as number) > 0,
        'the SDK tried again and met the 503', 60000);
      await wait(1000);
      expect(squash(text(thread))).to.include(squash(en.slowLoading));
      expect(squash(text(welsh))).to.include(squash(cy.slowLoading));
      const refused503 = (await executeServerCommand('kin-failed-count', {})) as number;

      // The server answers again: the posts come by themselves.
      await executeServerCommand('kin-fail-requests', {times: 0});
      const back = performance.now();
      await eventuallyWithin(() => articleFor(thread, 'p1') && articleFor(welsh, 'p1'),
        'both threads show their posts by themselves once the server answers', 120000);
      console.log(`[slow-loading] 'taking longer' shown ${(slowAt / 1000).toFixed(1)} s after the page opened; ${refused429} reads answered 429,` +
        ` then ${refused503} answered 503; posts shown ${((performance.now() - back) / 1000).toFixed(1)} s after the server answered again, no reload.` +
        ` Seen: ${[...seen].map((s) => JSON.stringify(s)).join(' → ')}`);
    } finally {
      clearInterval(watch);
    }
    // Never blank, never told the site is set up wrong; the waiting words are gone once the posts show.
    for (const s of seen) {
      expect(s.replace(/^(en|cy):/, '').trim(), 'never a blank element').to.not.equal('');
      expect(s, 'a refused read is not a missing community').to.not.match(/not set up yet|wedi’i gosod eto/);
    }
    expect(squash(text(thread))).to.not.include(squash(en.slowLoading));
    expect(text(thread)).to.include('Hello from Alice');
    await expect(thread).to.be.accessible();
    await admin.removeCommunity(cid).catch(() => undefined);
  });
});
