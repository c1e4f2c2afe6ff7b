// Issue 17: with `app-check-site-key` set, the kit's Firestore requests carry an App Check token.
// A host page sets the SDK's debug provider (`self.FIREBASE_APPCHECK_DEBUG_TOKEN`, a debug token as the
// Firebase console registers one) before the kit loads, as docs/embedding.md says for development.
//
// What needs Google's servers, and what stands in for them here: App Check swaps the debug token for an App
// Check token at content-firebaseappcheck.googleapis.com, which this machine cannot reach. The test answers
// that one request over CDP (test/support/wtr-fault-plugin.mjs, kin-fail-requests with a body) as the
// service does ({token, ttl}), and shows (a) the kit's App Check sent the page's debug token to the exchange,
// for the page's project and app; (b) every Firestore channel the kit opens (the real emulator, real rules)
// carries that token in `x-firebase-appcheck` (a WebChannel sends its headers when it opens; the session's
// later requests carry none, and none carries another value); (c) the thread works. Without the exchange
// (no network), the SDK sends a placeholder token instead, which an enforcing project refuses. Not shown: that Google accepts the
// debug token, or that an enforcing project refuses a page without it (the emulator does not enforce).
//
// Its own page (wtr gives every test file one): App Check's debug mode is set once per page.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {KEY, alice, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';
import {shadowText} from '../support/dom.js';

const PROJECT = 'demo-kindred';
const APP_ID = '1:1234567890:web:kindredappcheck';
const DEBUG_TOKEN = '5e0a5a84-6c2b-4a8e-9d0f-kindred-debug';
const APP_CHECK_TOKEN = 'kindred-test-app-check-token.signed-by-the-exchange';
const admin = new FirestoreAdmin(PROJECT);
type Seen = {url: string; method: string; headers: Record<string, string>; postData: string};

/** The App Check token a Firestore request carries: a header, or WebChannel's encoded headers in the URL or body. */
function appCheckOf(r: Seen): string | null {
  for (const [k, v] of Object.entries(r.headers)) if (k.toLowerCase() === 'x-firebase-appcheck') return v;
  for (const text of [r.url, r.postData]) {
    let decoded = text;
    try { decoded = decodeURIComponent(text.replace(/\+/g, ' ')); } catch { /* as is */ }
    const m = /x-firebase-appcheck:([^\r\n&]+)/i.exec(decoded);
    if (m) return m[1].trim();
  }
  return null;
}

describe('App Check option: the Firestore channels the kit opens carry the App Check token', function () {
  this.timeout(120000);
  const {host, port} = emulatorHost();

  before(async () => {
    // A fresh profile's App Check: no token cached from an earlier run.
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('firebase-app-check-database');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    (self as {FIREBASE_APPCHECK_DEBUG_TOKEN?: boolean | string}).FIREBASE_APPCHECK_DEBUG_TOKEN = DEBUG_TOKEN;
  });
  after(() => executeServerCommand('kin-fail-requests', {times: 0}));

  it('sends the page’s debug token to the exchange, and the token it gives opens every Firestore channel', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'With an App Check token'})]));
    // Google's App Check service, answered as it answers an accepted debug token.
    await executeServerCommand('kin-fail-requests', {pattern: '*content-firebaseappcheck.googleapis.com*', times: 10, status: 200,
      body: JSON.stringify({token: APP_CHECK_TOKEN, ttl: '3600s'})});
    await executeServerCommand('kin-requests', {match: '/'});
    const root = await fixture<HTMLElement>(html`<kin-community community=${cid} project-id=${PROJECT} api-key="test-key" app-id=${APP_ID}
        emulator-host=${`${host}:${port}`} app-check-site-key="6Lc-kindred-test-site-key">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => shadowText(thread).includes('With an App Check token'), 'the thread shows its post', {timeout: 60000});
    const seen = (await executeServerCommand('kin-requests', {})) as Seen[];
    const exchanges = seen.filter((r) => r.url.includes('content-firebaseappcheck.googleapis.com') && r.method === 'POST');
    const firestore = seen.filter((r) => r.url.startsWith(`http://${host}:${port}/`));
    console.log(`[app-check] exchange requests: ${exchanges.map((r) => r.url.replace(/\?.*/, '')).join(', ') || 'none'}; ` +
      `Firestore requests: ${firestore.length}, with the token: ${firestore.filter((r) => appCheckOf(r) === APP_CHECK_TOKEN).length}, ` +
      `with another value: ${[...new Set(firestore.map(appCheckOf).filter((t) => t && t !== APP_CHECK_TOKEN))].join(', ') || 'none'}; ` +
      firestore.map((r) => `${r.method} ${r.url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*?(SID=[^&]*)?.*$/, (_m, sid: string | undefined) => (sid ? '?SID' : ''))}` +
        ` ${appCheckOf(r) === APP_CHECK_TOKEN ? '(token)' : '(none)'}`).join(', '));

    // (a) The debug token went to the exchange, for this project and app.
    expect(exchanges.length, 'App Check asked the exchange').to.be.greaterThan(0);
    expect(exchanges[0].url).to.include(`/v1/projects/${PROJECT}/apps/${APP_ID}:exchangeDebugToken`);
    expect(JSON.parse(exchanges[0].postData)).to.deep.equal({debug_token: DEBUG_TOKEN});
    // (b) Every Firestore channel the kit opens (a WebChannel's first POST, without a session id: its headers
    // go with it) carries the token the exchange gave; the channel's later requests belong to that session and
    // carry no headers of their own. No request carries any other App Check value.
    const opened = firestore.filter((r) => r.method === 'POST' && !/[?&]SID=/.test(r.url));
    expect(opened.length, 'Firestore channels were opened').to.be.greaterThan(0);
    for (const r of opened) expect(appCheckOf(r), `${r.method} ${r.url.slice(0, 120)}`).to.equal(APP_CHECK_TOKEN);
    for (const r of firestore) expect([null, APP_CHECK_TOKEN], `${r.method} ${r.url.slice(0, 120)}`).to.include(appCheckOf(r));
    root.remove();
    await admin.removeCommunity(cid).catch(() => undefined);
  });
});
