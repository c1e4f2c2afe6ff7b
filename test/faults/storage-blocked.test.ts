// Issue 17 (fault): the browser blocks storage. IndexedDB failing to open, the disk full (every write
// failing with QuotaExceededError), and a sandboxed frame whose storage is denied outright:
// the local store goes on in memory and the page says so, in English and Welsh; drafts say they are
// kept only while the page is open; a Firebase community in the same storage-denied frame still works.
import {expect, fixture, html} from '@open-wc/testing';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {$, KEY, alice, articleFor, post, seed, type} from '../components/discussion-thread.fixture.js';
import {eventuallyWithin, wait} from './fault-helpers.js';
import {shadowText as text} from '../support/dom.js';

const notice = (root: Element) => root.shadowRoot!.querySelector('[part="storage-notice"]');
const MEMORY_EN = 'kept only while this page stays open';
const MEMORY_CY = 'dim ond tra bo’r dudalen hon ar agor';
const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
const hasDatabase = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);

/** Types `body` into the thread's composer and presses Post; resolves once the post is on screen. */
async function postFrom(thread: HTMLElement, body: string) {
  await eventuallyWithin(() => $(thread, 'textarea#compose'), 'the composer', 20000);
  type($(thread, 'textarea#compose') as HTMLTextAreaElement, body);
  ($(thread, 'form.composer [part="submit"]') as HTMLButtonElement).click();
  await eventuallyWithin(() => text(thread).includes(body), `"${body}" shows in the thread`, 20000);
}

describe('faults: storage blocked', function () {
  this.timeout(120000);
  const stores: CommunityStore[] = [];
  afterEach(async () => {
    delete (indexedDB as {open?: unknown}).open;
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
  });

  it('IndexedDB fails to open: the local community goes on in memory, says so, and the member’s post is there', async () => {
    const cid = uniqueId('sb-open');
    // A real failing open request: the probe database is at version 2, so asking for version 1 fails
    // with a VersionError, as a browser refusing its database does.
    const realOpen = IDBFactory.prototype.open;
    await new Promise<void>((resolve, reject) => {
      const q = realOpen.call(indexedDB, 'kin-storage-blocked-probe', 2);
      q.onsuccess = () => (q.result.close(), resolve());
      q.onerror = () => reject(q.error);
    });
    (indexedDB as {open: unknown}).open = () => realOpen.call(indexedDB, 'kin-storage-blocked-probe', 1);

    const store = await LocalStore.open({communityId: cid, seed: seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]), user: {uid: 'bob', anonymous: false}});
    stores.push(store);
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
    </kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => articleFor(thread, 'p1'), 'the thread loaded', 20000);
    // Nothing refused yet: reading writes nothing, so there is nothing to say.
    expect(notice(root)).to.equal(null);

    await postFrom(thread, 'Posted while storage is refused');
    await eventuallyWithin(() => notice(root), 'the page says where things are kept', 10000);
    expect(notice(root)!.textContent).to.include(MEMORY_EN);
    expect(notice(root)!.getAttribute('role')).to.equal('status');
    // No error anywhere: the thread shows both posts and an empty composer.
    expect(text(thread)).not.to.include('not sent');
    expect(articleFor(thread, 'p1')).not.to.equal(null);
    expect(($(thread, 'textarea#compose') as HTMLTextAreaElement).value).to.equal('');
    expect(await hasDatabase(LocalStore.databaseName(cid)), 'no half-made database is left behind').to.equal(false);
    await expect(root).to.be.accessible();
  });

  it('the origin’s storage quota is exceeded: the next post still lands, kept in memory, and the page says so in Welsh', async () => {
    const cid = uniqueId('sb-quota');
    const store = await LocalStore.open({communityId: cid, seed: seed(cid, [post('p1', alice, {body: 'Helo gan Alice'})]), user: {uid: 'bob', anonymous: false}});
    stores.push(store);
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="cy">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
    </kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => articleFor(thread, 'p1'), 'the thread loaded', 20000);
    await postFrom(thread, 'Saved on the device first');
    expect(await hasDatabase(LocalStore.databaseName(cid)), 'the first post was saved in IndexedDB').to.equal(true);
    expect(notice(root)).to.equal(null);

    // The disk fills: every IndexedDB write now fails as Chromium fails one over quota (a QuotaExceededError).
    // (Chromium's own quota, lowered over CDP with Storage.overrideQuotaForOrigin, was tried first: this
    // Chromium did not apply it to IndexedDB writes, so the failure is made at the put.)
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await postFrom(thread, 'Posted when the disk is full');
      await eventuallyWithin(() => notice(root), 'the page says where things are kept', 10000);
      expect(notice(root)!.textContent).to.include(MEMORY_CY);
      expect(text(thread)).to.include('Saved on the device first');
      await expect(root).to.be.accessible();
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
  });

  /** Opens test/faults/storage-frame.html in a frame (sandboxed or from another site) and follows its reports. */
  async function frameReports(mode: 'sandboxed' | 'cross-site', localId: string, fbId: string) {
    const {host, port} = emulatorHost();
    const query = new URLSearchParams({local: localId, fire: fbId, key: KEY, emulator: `${host}:${port}`, kit: location.origin});
    // Another site: Chromium resolves every *.localhost to this machine, and partitions a cross-site frame's storage.
    const origin = mode === 'cross-site' ? `${location.protocol}//kindred-host.localhost:${location.port}` : location.origin;
    let last: Record<string, string> = {};
    const onMessage = (e: MessageEvent) => {
      if ((e.data as {kind?: string})?.kind === 'kin-frame') last = e.data as Record<string, string>;
    };
    window.addEventListener('message', onMessage);
    const frame = document.createElement('iframe');
    // Sandboxed without allow-same-origin: an opaque origin, whose localStorage, sessionStorage and
    // IndexedDB all throw SecurityError.
    if (mode === 'sandboxed') frame.setAttribute('sandbox', 'allow-scripts');
    frame.title = 'Embedded community';
    frame.style.inlineSize = '900px';
    frame.style.blockSize = '700px';
    frame.src = `${origin}/test/faults/storage-frame.html?${query}`;
    document.body.append(frame);
    return {
      report: () => last,
      close: () => {
        window.removeEventListener('message', onMessage);
        frame.remove();
      },
    };
  }

  it('a sandboxed third-party frame with its storage denied: the local preview works in memory and says so; a Firebase community still loads', async () => {
    const localId = uniqueId('sb-frame');
    const fbId = uniqueId('sb-fire');
    await new FirestoreAdmin('demo-kindred').seed(seed(fbId, [post('p1', alice, {body: 'Hello from the server'})]));
    const frame = await frameReports('sandboxed', localId, fbId);
    const last = frame.report;
    try {
      await eventuallyWithin(() => last().storage, 'the frame reports', 30000);
      expect(last().storage, 'the frame’s storage is denied').to.equal('SecurityError');
      await eventuallyWithin(() => last().notice, 'the local preview says it keeps things in memory', 30000);
      expect(last().notice).to.include(MEMORY_EN);
      expect(last().localCommunity).not.to.include('could not be loaded');
      await eventuallyWithin(() => last().fireThread?.includes('Hello from the server'), 'the Firebase community still shows its posts', 60000);
      expect(last().fireCommunity).not.to.include('could not be loaded');
      expect(last().fireCommunity, 'a Firebase community keeps nothing on the device anyway: no notice').not.to.include(MEMORY_EN);
    } finally {
      frame.close();
      await wait(100);
    }
  });

  it('a cross-site frame (storage partitioned, not denied): both communities work and nothing is called blocked', async () => {
    const localId = uniqueId('sb-part');
    const fbId = uniqueId('sb-pfire');
    await new FirestoreAdmin('demo-kindred').seed(seed(fbId, [post('p1', alice, {body: 'Hello across sites'})]));
    const frame = await frameReports('cross-site', localId, fbId);
    const last = frame.report;
    try {
      await eventuallyWithin(() => last().storage, 'the frame reports', 30000);
      expect(last().storage, 'partitioned storage still works').to.equal('allowed');
      await eventuallyWithin(() => last().localCommunity?.includes('Preview'), 'the local preview loaded', 30000);
      await eventuallyWithin(() => last().fireThread?.includes('Hello across sites'), 'the Firebase community shows its posts', 60000);
      await wait(1000);
      expect(last().notice, 'no storage notice: partitioned storage is not blocked').to.equal('');
    } finally {
      frame.close();
      await wait(100);
    }
  });
});
