// Issue 16, where a visitor starts: a plain host page with <kin-community> and a thread, on the real
// Firestore emulator with the real rules, a browser with no saved session. The first posts come from the
// reader's REST reads before any Firebase SDK module is requested; the SDK then takes over the same list
// (same <article> nodes, same order, scroll kept) and is live; Auth is never loaded for a visitor who does
// not act; a member with a session keeps the live path.
//
// Runs alone in its page (wtr gives every test file its own), so "requested" means requested by this file.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {CommunityStore} from '../../src/data/store.js';
import {KEY, T0, alice, bob, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';

const PROJECT = 'demo-kindred-first-post';
const admin = new FirestoreAdmin(PROJECT);

/** Script modules of the Firebase SDK or of FirebaseStore requested so far (Resource Timing). */
const requested = (re: RegExp) => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => re.test(n));
const SDK = /\/node_modules\/(@firebase|firebase)\/|\/src\/data\/firebase\/firebase-store\.ts/;
const AUTH = /\/node_modules\/(@firebase\/auth|firebase\/auth)\//;

const articles = (root: HTMLElement) =>
  [...root.querySelector('kin-discussion-thread')!.shadowRoot!.querySelectorAll<HTMLElement>('article')];
const storeOf = (root: HTMLElement) => (root.querySelector('kin-community') as unknown as {context: {store: CommunityStore & {handedOver?: boolean}}}).context.store;

function mount(cid: string, extra = html``) {
  const {host, port} = emulatorHost();
  return fixture<HTMLElement>(html`<div>
    <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`}
      emulator-auth-host="127.0.0.1:9">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      ${extra}
    </kin-community>
  </div>`);
}

describe('first view for a visitor (issue 16)', function () {
  this.timeout(180000);
  const cids: string[] = [];
  // A browser with no saved session: other test files in this browser profile may have signed in.
  before(async () => {
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:')) localStorage.removeItem(k);
  });
  after(async () => {
    for (const cid of cids) await admin.removeCommunity(cid).catch(() => undefined);
  });

  it('shows the first posts before any Firebase SDK module is requested, then hands over without re-rendering the list', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    const posts = Array.from({length: 30}, (_, i) => post(`p${String(i).padStart(2, '0')}`, i % 2 ? alice : bob, {createdAt: T0 + i * 60000, body: `Post number ${i}`}));
    await admin.seed(seed(cid, posts));
    expect(requested(SDK), 'nothing of Firebase before the page asks for data').to.deep.equal([]);

    const root = await mount(cid);
    let sdkWhenFirst: string[] | null = null;
    await waitUntil(() => {
      if (articles(root).length === 0) return false;
      sdkWhenFirst ??= requested(SDK);
      return true;
    }, 'the first posts', {timeout: 30000, interval: 5});
    expect(sdkWhenFirst, 'Firebase modules requested before the first post was visible').to.deep.equal([]);
    // The first posts render in one task, the rest of the page in the next (issue 16): oldest first, in order.
    const firstTask = articles(root).map((a) => a.dataset.postId);
    expect(firstTask, 'the first task shows the page\'s first posts').to.deep.equal(posts.slice(10, 10 + firstTask.length).map((p) => p.id));
    await waitUntil(() => articles(root).length === 20, 'the rest of the first page', {timeout: 10000});
    const before = articles(root);
    expect(before.map((a) => a.dataset.postId)).to.deep.equal(posts.slice(10).map((p) => p.id));
    expect(before[0].textContent).to.include('Post number 10');

    // Scroll the page so the list's position matters, then let the SDK take over.
    document.body.style.minHeight = '5000px';
    window.scrollTo(0, 300);
    const scrolled = window.scrollY;
    await waitUntil(() => storeOf(root).handedOver === true, 'the SDK took over', {timeout: 30000});
    expect(requested(SDK).length, 'the SDK arrived after the first view').to.be.greaterThan(0);
    // Give the SDK's first snapshot time to reach the element.
    await new Promise((r) => setTimeout(r, 1500));
    const after = articles(root);
    expect(after.map((a) => a.dataset.postId), 'same posts, same order').to.deep.equal(before.map((a) => a.dataset.postId));
    after.forEach((a, i) => expect(a, `article ${i} is the same node (no flash)`).to.equal(before[i]));
    expect(window.scrollY, 'scroll position kept').to.equal(scrolled);
    window.scrollTo(0, 0);
    document.body.style.minHeight = '';

    // The thread document (its title) comes from the listener that keeps the page live.
    expect((await storeOf(root).getThread(posts[0].threadId))?.id).to.equal(posts[0].threadId);
    const thread = root.querySelector('kin-discussion-thread')!;
    // Live from now on: a post a member writes (the post and the thread's move, in one batch, as the rules
    // require) shows up behind "1 new post".
    const {createFirebaseStore} = await import('../../src/data/firebase/firebase-store.js');
    const writer = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {...emulatorHost(), mockUser: {uid: 'alice'}}});
    await writer.createPost({id: writer.newId(), threadId: posts[0].threadId, body: 'Fresh from Alice'});
    await writer.dispose();
    await waitUntil(() => thread.shadowRoot!.querySelector('[part="new-posts"]'), 'the new post is announced', {timeout: 20000});
    expect(thread.shadowRoot!.querySelector('[part="new-posts"]')!.textContent).to.match(/1 new/);

    // A visitor who never acted has not loaded Firebase Auth.
    expect(requested(AUTH), 'Firebase Auth modules').to.deep.equal([]);
    await expect(thread).to.be.accessible();
  });

  it('a members-only community shows the members-only notice to a visitor', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    await admin.seed(seed(cid, [post('p1', alice)], {visibility: 'members'}));
    const root = await mount(cid);
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => thread.shadowRoot!.querySelector('.members-only'), 'members-only notice', {timeout: 30000});
    expect(articles(root)).to.have.length(0);
  });

  it('a signed-in member keeps the live path (the full store from the start)', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));
    const {host, port} = emulatorHost();
    const root = await fixture<HTMLElement>(html`<div>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`} emulator-user="bob">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community></div>`);
    await waitUntil(() => articles(root).length === 1, 'the post', {timeout: 30000});
    expect(storeOf(root).handedOver, 'not the reader store').to.equal(undefined);
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => thread.shadowRoot!.querySelector('textarea#compose'), 'the member can write', {timeout: 20000});
  });

  it('the reader store itself: community and first page before the SDK, and refusals as errors', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    await admin.seed(seed(cid, [post('p1', alice, {body: 'One'}), post('p2', bob, {body: 'Two', createdAt: T0 + 1000})]));
    const {createReaderStore} = await import('../../src/data/reader/reader-store.js');
    const {threadIdForKey} = await import('../../src/data/policy.js');
    let loads = 0;
    const store = createReaderStore({
      communityId: cid, projectId: PROJECT, emulator: emulatorHost(), thread: {id: threadIdForKey(KEY), limit: 20},
      full: () => {
        loads++;
        return new Promise<never>(() => {}); // never arrives: everything below is the reader's own answer
      },
    });
    const community = await new Promise((resolve, reject) => store.watchCommunity(resolve, reject));
    expect((community as {settings: {visibility: string}}).settings.visibility).to.equal('public');
    const page = await new Promise<{id: string; body: string}[]>((resolve, reject) => store.watchPosts(threadIdForKey(KEY), {limit: 20}, resolve, reject));
    expect(page.map((p) => [p.id, p.body])).to.deep.equal([['p1', 'One'], ['p2', 'Two']]);
    await new Promise((r) => setTimeout(r, 50));
    expect(loads, 'the full store is asked for after the first view').to.equal(1);
    await store.dispose();

    const hidden = nextCommunityId();
    cids.push(hidden);
    await admin.seed(seed(hidden, [post('p1', alice)], {visibility: 'members'}));
    const closed = createReaderStore({communityId: hidden, projectId: PROJECT, emulator: emulatorHost(), thread: {id: threadIdForKey(KEY), limit: 20}, full: () => new Promise<never>(() => {})});
    const refusal = await new Promise<{code: string}>((resolve) => closed.watchPosts(threadIdForKey(KEY), {limit: 20}, () => resolve({code: 'delivered'}), resolve));
    expect(refusal.code).to.equal('permission-denied');
    await closed.dispose();
  });
});
