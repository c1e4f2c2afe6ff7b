// Issue 17, "`resource-exhausted` … produce a human message and a retry with backoff": Firestore answering
// HTTP 429 (Too Many Requests) or 504 (Gateway Timeout), injected over CDP (test/support/wtr-fault-plugin.mjs,
// kin-fail-requests) in the real Chromium against the real emulator.
// 1. The reader's REST path (src/data/reader/rest-reader.ts) names a 429 `rate-limited` (as the SDK's
//    resource-exhausted, firebase/errors.ts) with words that say to wait, and a 504 `unavailable` "took too
//    long"; the next read, once the server answers again, succeeds. (The community read, a GET: the posts
//    query is a POST whose request this CDP interception did not pause here; both go through one mapping.)
// 2. A visitor's thread while every Firestore read answers 429 (the REST reads and the SDK's own): never a
//    blank element or an endless spinner, and once the server answers again the posts appear with nobody
//    pressing anything.
//
// Runs alone in its page: the SDK chunk must not have loaded before (2 fails its first fetches).
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {KEY, TID, alice, articleFor, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';
import {readCommunity, readFirstPage} from '../../src/data/reader/rest-reader.js';
import {KindredError} from '../../src/data/errors.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {eventuallyWithin} from './fault-helpers.js';
import {shadowText as text} from '../support/dom.js';

const PROJECT = 'demo-kindred';
const admin = new FirestoreAdmin(PROJECT);
const READS = '*/v1/projects/*';

async function refusal(p: Promise<unknown>): Promise<KindredError> {
  try {
    await p;
  } catch (e) {
    return e as KindredError;
  }
  throw new Error('the read succeeded while the server refused it');
}

describe('faults: Firestore answers 429 / 504', function () {
  this.timeout(180000);
  const {host, port} = emulatorHost();
  const target = {projectId: PROJECT, emulator: {host, port}};

  // A browser with no saved session: other test files in this browser profile may have signed in.
  before(async () => {
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:')) localStorage.removeItem(k);
  });
  afterEach(() => executeServerCommand('kin-fail-requests', {times: 0}));

  it('the reader’s REST reads: 429 is rate-limited (wait and try again), 504 is unavailable (took too long)', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));

    await executeServerCommand('kin-fail-requests', {pattern: READS, times: 1, status: 429});
    const limited = await refusal(readCommunity(target, cid));
    expect(limited).to.be.instanceOf(KindredError);
    expect(limited.code).to.equal('rate-limited');
    expect(limited.message).to.equal('Could not load the community: Too many requests just now; wait a minute and try again.');
    await executeServerCommand('kin-fail-requests', {pattern: READS, times: 1, status: 504});
    const slow = await refusal(readCommunity(target, cid));
    expect(slow.code).to.equal('unavailable');
    expect(slow.message).to.equal('Could not load the community: The community took too long to answer; check your connection and try again.');

    // A 503 is still `unavailable` (check the connection).
    await executeServerCommand('kin-fail-requests', {pattern: READS, times: 1, status: 503});
    expect((await refusal(readCommunity(target, cid))).code).to.equal('unavailable');
    expect(await executeServerCommand('kin-failed-count', {})).to.equal(1);

    // The server answers again: the same reads succeed.
    expect((await readCommunity(target, cid))?.id).to.equal(cid);
    expect((await readFirstPage(target, cid, TID, 20)).posts.map((p) => p.id)).to.deep.equal(['p1']);
    await admin.removeCommunity(cid).catch(() => undefined);
  });

  it('a visitor’s thread while every read answers 429: never blank or spinning for ever, and the posts come by themselves', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));
    // Every Firestore read (the REST first view and the SDK's Listen channel) answers 429, 4 times.
    await executeServerCommand('kin-fail-requests', {pattern: [READS, '*/google.firestore.v1.Firestore/*'], times: 4, status: 429});
    const t0 = performance.now();
    const root = await fixture<HTMLElement>(html`<kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test"
        emulator-host=${`${host}:${port}`} lang="en">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
    </kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    // What the visitor sees while the server refuses: recorded every 250 ms until the posts arrive.
    const seen = new Set<string>();
    const watch = setInterval(() => {
      const busy = thread.shadowRoot?.querySelector('[aria-busy="true"]') ? ' [busy]' : '';
      seen.add(`${text(thread).replace(/\s+/g, ' ').trim().slice(0, 160)}${busy}`);
    }, 250);
    try {
      await eventuallyWithin(() => articleFor(thread, 'p1'), 'the thread shows its posts by itself once the server answers', 120000);
    } finally {
      clearInterval(watch);
    }
    const took = performance.now() - t0;
    const refused = (await executeServerCommand('kin-failed-log', {})) as Array<{at: number; url: string}>;
    console.log(`[rate-limited] ${refused.length} reads answered 429; the posts showed ${(took / 1000).toFixed(1)} s after the page opened, no press.` +
      ` The visitor saw: ${[...seen].map((s) => JSON.stringify(s)).join(' → ')}`);
    expect(refused.length, 'the fault was met').to.be.greaterThan(0);
    // Never blank: every moment had words or a labelled busy state; and never told the site is set up wrong.
    for (const s of seen) {
      expect(s.trim(), 'never a blank element').to.not.equal('');
      expect(s, 'a refused read is not a missing community').to.not.include('not set up yet');
    }
    expect(thread.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    await expect(thread).to.be.accessible();
    await admin.removeCommunity(cid).catch(() => undefined);
  });
});
