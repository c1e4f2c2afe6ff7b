// Issue 17: Firebase App Check as an option (`app-check-site-key` on <kin-community>). What can be shown
// here, on the Firestore emulator with no internet: App Check's code loads only when the attribute is set;
// with it (and the SDK's debug provider, `self.FIREBASE_APPCHECK_DEBUG_TOKEN`), App Check is started on the
// kit's own Firebase app with that site key, the REST reader path is skipped, and the community still works.
// Not shown: that requests carry a valid token or that enforcement refuses a page without one. The emulator
// does not enforce App Check, exchanging a debug token needs Google's App Check service, and in one run
// here the Firestore channel URLs carried no X-Firebase-AppCheck header (the exchange had failed offline).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulatorHost} from '../support/env.js';
import {appCheckSiteKey} from '../../src/data/firebase/app-check.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {Firestore} from 'firebase/firestore';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {KEY, alice, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';
import {shadowText} from '../support/dom.js';

const admin = new FirestoreAdmin('demo-kindred');
const resources = () => performance.getEntriesByType('resource').map((r) => decodeURIComponent(r.name));
// The SDK's App Check code (this test imports the kit's own small app-check.ts for appCheckSiteKey).
const appCheckCode = () => resources().filter((n) => /node_modules\/(@firebase\/app-check|firebase\/app-check)\//.test(n));

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

  it('with it, App Check is started on the kit’s app with that key (debug provider), and the page works', async () => {
    (self as {FIREBASE_APPCHECK_DEBUG_TOKEN?: boolean | string}).FIREBASE_APPCHECK_DEBUG_TOKEN = true;
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'With App Check'})]));
    performance.clearResourceTimings();
    const root = await fixture<HTMLElement>(html`<kin-community community=${cid} project-id="demo-kindred" emulator-host=${`${host}:${port}`}
      app-check-site-key="6Lc-kindred-test-site-key"><kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => shadowText(thread).includes('With App Check'), 'the thread shows its post', {timeout: 60000});
    expect(appCheckCode().length, 'App Check’s code was loaded').to.be.greaterThan(0);
    // The community's store is the full FirebaseStore (no REST reader: its plain reads carry no token),
    // and its Firebase app has App Check with the page's key.
    const store = (root as unknown as {context: {store: CommunityStore & {firestore?: Firestore}}}).context.store;
    expect(store.kind).to.equal('firebase');
    expect(store.firestore, 'the full store, not the REST reader').to.not.equal(undefined);
    expect(appCheckSiteKey(store.firestore!.app)).to.equal('6Lc-kindred-test-site-key');
    root.remove();
  });
});
