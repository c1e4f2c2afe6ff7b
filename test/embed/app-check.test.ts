// Issue 17: Firebase App Check as an option (`app-check-site-key` on <kin-community>). What can be shown
// here, on the Firestore emulator with no internet: App Check's code loads only when the attribute is set;
// with it (and the SDK's debug provider, `self.FIREBASE_APPCHECK_DEBUG_TOKEN`), every Firestore request the
// kit makes carries an App Check token header, and the community still works. Enforcement itself cannot be
// shown: the emulator does not enforce App Check, and exchanging a debug token needs Google's App Check
// service (docs/embedding.md says how to enforce it in production).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulatorHost} from '../helpers/env.js';
import {FirestoreAdmin} from '../helpers/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {KEY, alice, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';

const admin = new FirestoreAdmin('demo-kindred');
const resources = () => performance.getEntriesByType('resource').map((r) => decodeURIComponent(r.name));
const appCheckCode = () => resources().filter((n) => /@firebase\/app-check|firebase\/app-check|app-check\.ts/.test(n));
const shadowText = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('App Check option (app-check-site-key)', function () {
  this.timeout(90000);
  const {host, port} = emulatorHost();

  it('without the attribute, no App Check code loads and requests carry no App Check header', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Without App Check'})]));
    const root = await fixture<HTMLElement>(html`<kin-community community=${cid} project-id="demo-kindred" emulator-host=${`${host}:${port}`}>
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => shadowText(thread).includes('Without App Check'), 'the thread shows its post', {timeout: 30000});
    expect(appCheckCode()).to.deep.equal([]);
    root.remove();
  });

  it('with it, App Check starts before the first request (debug provider), every Firestore request carries its header, and the page works', async () => {
    (self as {FIREBASE_APPCHECK_DEBUG_TOKEN?: boolean | string}).FIREBASE_APPCHECK_DEBUG_TOKEN = true;
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'With App Check'})]));
    performance.clearResourceTimings();
    const root = await fixture<HTMLElement>(html`<kin-community community=${cid} project-id="demo-kindred" emulator-host=${`${host}:${port}`}
      app-check-site-key="6Lc-kindred-test-site-key"><kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => shadowText(thread).includes('With App Check'), 'the thread shows its post', {timeout: 60000});
    expect(appCheckCode().length, 'App Check’s code was loaded').to.be.greaterThan(0);
    // The Firestore channel sends its headers in the URL ($httpHeaders): each names X-Firebase-AppCheck.
    const firestore = resources().filter((n) => n.includes(`:${port}/google.firestore.v1.Firestore/`));
    expect(firestore.length).to.be.greaterThan(0);
    for (const url of firestore.filter((n) => n.includes('$httpHeaders'))) expect(url).to.include('X-Firebase-AppCheck');
    expect(firestore.some((n) => n.includes('X-Firebase-AppCheck')), 'App Check header on the Firestore requests').to.equal(true);
    root.remove();
  });
});
