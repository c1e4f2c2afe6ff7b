// Issue 17, "a failed load retries by itself with backoff and offers Try again", for a visitor (the
// reader's path, issue 16): the server answers 503 to the first REST reads and the Firebase chunk cannot
// be fetched (real Chromium, CDP, page online). The thread says its posts could not be loaded and why,
// with Try again, and keeps trying by itself with a growing delay; once the fault ends, Try again shows
// the posts at once.
//
// Runs alone in its page: the chunk must not have loaded before.
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {KEY, alice, articleFor, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {eventuallyWithin, wait} from './fault-helpers.js';
import {shadowText as text} from '../support/dom.js';

const PROJECT = 'demo-kindred';
const admin = new FirestoreAdmin(PROJECT);

describe('faults: a visitor’s first load fails', function () {
  this.timeout(120000);
  // A browser with no saved session: other test files in this browser profile may have signed in.
  before(async () => {
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:')) localStorage.removeItem(k);
  });

  it('shows why with Try again, keeps trying by itself with a growing delay, and Try again loads it once the fault ends', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));
    // The reads (REST, then the SDK's own) answer 503; the chunk is refused.
    await executeServerCommand('kin-fail-requests', {pattern: ['*/v1/projects/*', '*/src/data/firebase/firebase-store.ts*'], times: 1000, status: 503});

    const {host, port} = emulatorHost();
    const root = await fixture<HTMLElement>(html`<kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test"
        emulator-host=${`${host}:${port}`} lang="cy">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
    </kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => text(thread).includes('Nid oedd modd llwytho’r negeseuon'), 'the thread says its posts could not be loaded (in Welsh)', 30000);
    const shown = Date.now();
    expect(text(thread)).to.include('Ni allwn gyrraedd y gymuned ar hyn o bryd');
    const button = thread.shadowRoot!.querySelector('[part="error"] button')!;
    expect(button.textContent!.trim()).to.equal('Rhowch gynnig arall arni');
    expect(thread.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
    await expect(thread).to.be.accessible();

    // It tries again by itself: more requests are refused over time, with a growing delay between them.
    const first = (await executeServerCommand('kin-failed-count', {})) as number;
    await wait(9000);
    const later = (await executeServerCommand('kin-failed-count', {})) as number;
    expect(later, 'attempts made by themselves within 9 s').to.be.greaterThan(first);
    // Backoff (2 s, 4 s, 8 s… ±20 %): at most 3 automatic attempts in 9 s, each a few requests.
    const log = (await executeServerCommand('kin-failed-log', {})) as Array<{at: number; url: string}>;
    // Times of the attempts to fetch the chunk since the error was on screen (the page's first load may
    // make two at once; those are not retries).
    const chunk = [shown, ...log.filter((r) => r.url.includes('firebase-store') && r.at > shown).map((r) => r.at)];
    const gaps = chunk.slice(1).map((at, i) => at - chunk[i]);
    console.log(`[load-retry-visitor] requests refused: ${first} at the first error, ${later} 9 s later; ` +
      `automatic attempts after the error showed, ms after the previous: ${gaps.join(', ')}`);
    // Backoff, not a tight loop: each of the thread's subscriptions (community, posts, and the root's
    // own check) tries at 2 s, 4 s, 8 s… ±20 %, so at most 3 attempts each in 9 s.
    expect(gaps.length).to.be.within(1, 9);

    // The fault ends; Try again loads the posts now.
    await executeServerCommand('kin-fail-requests', {times: 0});
    (thread.shadowRoot!.querySelector('[part="error"] button') as HTMLButtonElement).click();
    await eventuallyWithin(() => articleFor(thread, 'p1'), 'Try again shows the posts', 30000);
    expect(thread.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    await admin.removeCommunity(cid).catch(() => undefined);
  });
});
