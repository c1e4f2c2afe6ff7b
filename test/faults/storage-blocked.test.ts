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

  it('a sandboxed third-party frame with its storage denied: the local preview works in memory and says so; a Firebase community still loads', async () => {
    const localId = uniqueId('sb-frame');
    const fbId = uniqueId('sb-fire');
    const admin = new FirestoreAdmin('demo-kindred');
    await admin.seed(seed(fbId, [post('p1', alice, {body: 'Hello from the server'})]));
    const {host, port} = emulatorHost();
    // The frame's origin is opaque (sandbox without allow-same-origin): localStorage, sessionStorage and
    // IndexedDB all refuse it. It reports what a person would read back to this page.
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedded community</title></head><body>
<kin-community id="local" store="local" community="${localId}" name="Frame preview"><kin-discussion-thread thread-key="hello"></kin-discussion-thread></kin-community>
<kin-community id="fire" community="${fbId}" project-id="demo-kindred" emulator-host="${host}:${port}"><kin-discussion-thread thread-key="${KEY}"></kin-discussion-thread></kin-community>
<script type="module">
import '${location.origin}/src/cdn.ts';
const txt = (el) => (el?.shadowRoot?.textContent ?? '').replace(/\\s+/g, ' ');
let storage = 'allowed';
try { localStorage.length; } catch (e) { storage = e.name; }
const report = () => {
  const local = document.getElementById('local');
  const fire = document.getElementById('fire');
  parent.postMessage({kind: 'kin-frame', storage,
    notice: local.shadowRoot?.querySelector('[part="storage-notice"]')?.textContent ?? '',
    localThread: txt(local.querySelector('kin-discussion-thread')), localCommunity: txt(local),
    fireThread: txt(fire.querySelector('kin-discussion-thread')), fireCommunity: txt(fire)}, '*');
};
setInterval(report, 250);
</script></body></html>`;
    let last: Record<string, string> = {};
    const onMessage = (e: MessageEvent) => {
      if ((e.data as {kind?: string})?.kind === 'kin-frame') last = e.data as Record<string, string>;
    };
    window.addEventListener('message', onMessage);
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.title = 'Embedded community';
    frame.style.inlineSize = '900px';
    frame.style.blockSize = '700px';
    frame.srcdoc = page;
    document.body.append(frame);
    try {
      await eventuallyWithin(() => last.storage, 'the frame reports', 30000);
      expect(last.storage, 'the frame’s storage is denied').to.equal('SecurityError');
      await eventuallyWithin(() => last.notice, 'the local preview says it keeps things in memory', 30000);
      expect(last.notice).to.include(MEMORY_EN);
      expect(last.localCommunity).not.to.include('could not be loaded');
      await eventuallyWithin(() => last.fireThread?.includes('Hello from the server'), 'the Firebase community still shows its posts', 60000);
      expect(last.fireCommunity).not.to.include('could not be loaded');
      expect(last.fireCommunity, 'a Firebase community keeps nothing on the device anyway: no notice').not.to.include(MEMORY_EN);
    } finally {
      window.removeEventListener('message', onMessage);
      frame.remove();
      await wait(100);
    }
  });
});
