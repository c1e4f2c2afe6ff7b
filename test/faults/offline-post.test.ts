// Issue 17, "keep the offline promise", in the real Chromium with real network faults (CDP) on the real
// Firestore emulator and the real firestore.rules. The banner says "What you write is kept on this
// device and sent when you reconnect": a post pressed while offline, or while the network drops under
// it, is kept with its post id and sent exactly once when the connection returns, with nobody pressing
// anything.
import {expect, fixture, html} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {draftKey} from '../../src/controllers/draft.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {$, KEY, TID, alice, articleFor, eventually, nextCommunityId, post, seed, type} from '../components/discussion-thread.fixture.js';
import {countPosts, dropOnWrite, eventuallyWithin, goOffline, wait} from './fault-helpers.js';
import {shadowText as text} from '../support/dom.js';
import {layout} from '../../src/data/domain/layout.js';

const admin = new FirestoreAdmin('demo-kindred');
const stores: CommunityStore[] = [];

async function mountAs(cid: string, uid: string, lang = 'en') {
  const store = await createFirebaseStore({communityId: cid, emulator: {...emulatorHost(), mockUser: {uid}}});
  stores.push(store);
  const root = await fixture<HTMLElement>(html`<div><kin-community .store=${store} lang=${lang}>
    <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
  </kin-community></div>`);
  const el = root.querySelector('kin-discussion-thread') as KinDiscussionThread;
  // The listener has the server's answer before anything is written (toolchain notes: emulator race).
  await eventuallyWithin(() => articleFor(el, 'p1') && $(el, 'textarea#compose'), 'thread loaded from the server', 15000);
  await wait(300);
  return el;
}

const storedDraft = (cid: string) => {
  const raw = sessionStorage.getItem(draftKey(cid, TID, null));
  return raw ? (JSON.parse(raw) as {body: string; postId: string | null; queued?: boolean}) : null;
};

describe('faults: a post pressed while the connection is down', function () {
  this.timeout(60000);
  let cid = '';
  before(async function () {
    // The emulator's first REST calls are slow on a loaded machine; warm it before timing anything.
    this.timeout(180000);
    await admin.communityPaths('warm-up');
    // axe is fetched from the test server on first use: fetch it while the page is still online.
    await expect(await fixture(html`<p>warm-up</p>`)).to.be.accessible();
  });
  beforeEach(async function () {
    this.timeout(120000);
    sessionStorage.clear();
    cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));
  });
  afterEach(async function () {
    this.timeout(120000);
    await Promise.all(stores.splice(0).map((s) => s.dispose().catch(() => undefined)));
    // Back online for certain before talking to the emulator.
    if (!navigator.onLine) await new Promise((r) => window.addEventListener('online', r, {once: true}));
    await admin.removeCommunity(cid);
  });

  it('pressed offline: kept with its id, says it will send, and is sent once by itself when back', async () => {
    const el = await mountAs(cid, 'bob');
    const body = `Offline walk note ${cid}`;
    type($(el, 'textarea#compose') as HTMLTextAreaElement, body);
    const net = await goOffline(4000);
    await eventually(() => text(el).includes('You are offline. What you write is kept on this device'), 'the offline banner');

    ($(el, 'form.composer [part="submit"]') as HTMLButtonElement).click();
    await eventuallyWithin(() => text(el).includes('will be sent by itself when you are back online'), 'the composer says it will send when back', 8000);
    // Not "Your post was not sent", and nothing typed is lost.
    expect(text(el)).not.to.include('Your post was not sent');
    expect(($(el, 'textarea#compose') as HTMLTextAreaElement).value).to.equal(body);
    const draft = storedDraft(cid);
    expect(draft?.body).to.equal(body);
    expect(draft?.postId, 'the post id is kept').to.be.a('string');
    expect(draft?.queued).to.equal(true);
    await expect(el).to.be.accessible();

    const created = new Promise<CustomEvent & {postId: string}>((r) => el.addEventListener('kin-post-created', (e) => r(e as never), {once: true}));
    await net.back;
    // Nobody presses anything.
    const ev = await created;
    expect(ev.postId).to.equal(draft!.postId);
    await eventually(() => articleFor(el, draft!.postId!), 'the post shows in the thread');
    expect(($(el, 'textarea#compose') as HTMLTextAreaElement).value).to.equal('');
    expect(storedDraft(cid)).to.equal(null);
    await wait(1500);
    expect(await countPosts(admin, cid, body)).to.equal(1);
  });

  it('in Welsh too: the composer says it will send when back', async () => {
    const el = await mountAs(cid, 'bob', 'cy');
    type($(el, 'textarea#compose') as HTMLTextAreaElement, `Nodyn ${cid}`);
    const net = await goOffline(3000);
    ($(el, 'form.composer [part="submit"]') as HTMLButtonElement).click();
    await eventuallyWithin(() => text(el).includes('a’i hanfon ohoni’i hun pan fyddwch ar-lein eto'), 'the Welsh notice', 8000);
    await net.back;
    await eventuallyWithin(() => storedDraft(cid) === null, 'sent once back', 20000);
    expect(await countPosts(admin, cid, `Nodyn ${cid}`)).to.equal(1);
  });

  it('a queued post survives a reload: the page opened again sends it once, nobody pressing anything', async () => {
    // What the tab kept when it was closed while offline: the text, its post id, and "pressed".
    const body = `Written on the bus ${cid}`;
    sessionStorage.setItem(draftKey(cid, TID, null), JSON.stringify({body, postId: `q${cid.replace(/[^a-z0-9]/gi, '')}`, queued: true, savedAt: Date.now()}));
    const el = await mountAs(cid, 'bob');
    expect(text(el)).to.include('Your post is not sent yet. It is kept on this device and we will try again by ourselves.');
    await eventuallyWithin(() => storedDraft(cid) === null, 'sent by itself after the reload', 20000);
    await eventually(() => articleFor(el, `q${cid.replace(/[^a-z0-9]/gi, '')}`), 'the post shows in the thread');
    expect(await countPosts(admin, cid, body)).to.equal(1);
  });

  for (const stage of ['Request', 'Response'] as const) {
    it(`the network drops mid-request (${stage === 'Request' ? 'before the write reached the server' : 'after it landed, answer lost'}): the draft stays, then exactly one post`, async () => {
      const el = await mountAs(cid, 'bob');
      const token = `midrequest${stage}${cid.replace(/[^a-z0-9]/gi, '')}`;
      const body = `Sent as the train went into a tunnel ${token}`;
      type($(el, 'textarea#compose') as HTMLTextAreaElement, body);
      const drop = await dropOnWrite(token, 4000, stage);
      const created = new Promise<CustomEvent & {postId: string}>((r) => el.addEventListener('kin-post-created', (e) => r(e as never), {once: true}));
      let confirmed = false;
      void created.then(() => (confirmed = true));
      ($(el, 'form.composer [part="submit"]') as HTMLButtonElement).click();
      await drop.dropped;
      const draft = storedDraft(cid);
      if (stage === 'Request') {
        await eventuallyWithin(() => text(el).includes('will be sent by itself when you are back online'), 'the element says it will send when back', 8000);
        expect(($(el, 'textarea#compose') as HTMLTextAreaElement).value).to.equal(body);
        expect(draft?.postId).to.be.a('string');
        expect(draft?.queued).to.equal(true);
      } else {
        // The write landed; its acknowledgement may or may not have beaten the drop (it travels on
        // WebChannel's back channel). Either it is confirmed, or it is kept and promised.
        await eventuallyWithin(() => confirmed || text(el).includes('will be sent by itself when you are back online'), 'confirmed, or the promise shown', 8000);
        if (!confirmed) expect(draft?.queued).to.equal(true);
      }
      await drop.back;
      const ev = await created;
      if (draft) expect(ev.postId).to.equal(draft.postId);
      await eventually(() => storedDraft(cid) === null, 'the draft is cleared once confirmed');
      await wait(1500);
      expect(await countPosts(admin, cid, token)).to.equal(1);
      const thread = await admin.getRaw(pathIn(cid, layout.thread(TID)));
      expect(thread?.postCount).to.deep.equal({integerValue: '2'});
    });
  }
});
