// Issue 16, where a visitor starts: a plain host page with <kin-community> and a page's thread on the real
// Firestore emulator with the real rules, a browser with no saved session. A visitor's thread loads no member
// code (composers, drafts, post actions, follow), no hub and no deep-link code, before the first post or
// after the SDK took over; pressing Join starts loading the member's parts; on a signed-in member's page they
// work: a reply is typed (kept as a draft at each keystroke), sent, and shown. With a saved session on the device, the
// member's parts are requested at once, beside the SDK, not after it (a fresh page in an iframe: its own
// module map).
//
// Runs alone in its page (wtr gives every test file its own), so "requested" means requested by this file.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {CommunityStore} from '../../src/data/store.js';
import {KEY, T0, alice, bob, nextCommunityId, once, post, seed, type} from '../components/discussion-thread.fixture.js';

const PROJECT = 'demo-kindred-member-parts';
const admin = new FirestoreAdmin(PROJECT);

const DIR = '/src/components/discussion-thread/';
/** What only a member (or a visitor who acts) needs: the lazily loaded modules and what only they import. */
const MEMBER = new RegExp(`${DIR}(thread-member|composer\\.controller|composer\\.parts|post-actions\\.controller|post-actions\\.parts|follow\\.controller|follow\\.parts|safety-forms\\.parts)\\.(ts|js)|/src/controllers/draft\\.(ts|js)`);
const HUB = new RegExp(`${DIR}(thread-hub|hub\\.controller|hub\\.parts)\\.(ts|js)`);
const DEEP_LINK = new RegExp(`${DIR}deep-link\\.controller\\.(ts|js)`);

const entries = (w: Window = window) => w.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
const requested = (re: RegExp, w: Window = window) => entries(w).map((e) => e.name).filter((n) => re.test(n));

const threadOf = (root: ParentNode) => root.querySelector('kin-discussion-thread')!;
const q = (root: ParentNode, selector: string) => threadOf(root).shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const articles = (root: ParentNode) => [...threadOf(root).shadowRoot!.querySelectorAll<HTMLElement>('article')];
const storeOf = (root: HTMLElement) => (root.querySelector('kin-community') as unknown as {context: {store: CommunityStore & {handedOver?: boolean}}}).context.store;

async function forgetSession() {
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
  for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:')) localStorage.removeItem(k);
}

describe('a visitor\'s thread loads no member code; a member\'s parts load when needed (issue 16)', function () {
  this.timeout(180000);
  const cids: string[] = [];
  before(forgetSession);
  after(async () => {
    await forgetSession();
    sessionStorage.clear();
    for (const cid of cids) await admin.removeCommunity(cid).catch(() => undefined);
  });

  it('a visitor reads without them and Join starts loading them; a signed-in member gets the composer, and a reply typed is kept and sent', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'}), post('p2', bob, {body: 'And Bob', createdAt: T0 + 60000})]));
    const {host, port} = emulatorHost();
    const root = await fixture<HTMLElement>(html`<div>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`}
        emulator-auth-host="127.0.0.1:9">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community></div>`);

    let atFirstPost: string[] | null = null;
    await waitUntil(() => {
      if (articles(root).length === 0) return false;
      atFirstPost ??= requested(MEMBER);
      return true;
    }, 'the first posts', {timeout: 30000, interval: 5});
    expect(atFirstPost, 'member code requested before the first post').to.deep.equal([]);
    expect(q(root, '[part="join"]'), 'a visitor\'s footer is the join notice').to.exist;

    // The SDK takes over the same list: still nothing of the member's, the hub's or deep links'.
    await waitUntil(() => storeOf(root).handedOver === true, 'the SDK took over', {timeout: 30000});
    await new Promise((r) => setTimeout(r, 500));
    expect(requested(MEMBER), 'member code for a visitor who never acted').to.deep.equal([]);
    expect(requested(HUB), 'hub code on a page\'s thread').to.deep.equal([]);
    expect(requested(DEEP_LINK), 'deep-link code without #post- in the address').to.deep.equal([]);
    expect(q(root, 'textarea'), 'no composer for a visitor').to.equal(null);

    // The visitor acts (Join): what they will need once they have joined starts loading.
    const join = once(threadOf(root), 'kin-join-request');
    (q(root, '[part="join"] button') as HTMLButtonElement).click();
    await join;
    await waitUntil(() => requested(MEMBER).some((n) => n.includes('thread-member')), 'the member\'s parts requested on Join', {timeout: 20000});
    root.remove();

    // Bob, signed in (a session on this device, here the emulator's test user), on the same kind of page.
    const page = await fixture<HTMLElement>(html`<div>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`} emulator-user="bob">
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community></div>`);
    await waitUntil(() => q(page, 'textarea#compose'), 'the member\'s composer', {timeout: 30000});
    expect(q(page, '[part="join"]'), 'no join notice for a member').to.equal(null);

    // Reply to Alice: the reply's draft is kept at each keystroke, then sent and shown under her post.
    const replyButton = () => q(page, '[data-post-id="p1"] [data-action="reply"]') as HTMLButtonElement | null;
    await waitUntil(() => replyButton(), 'the reply button', {timeout: 20000});
    replyButton()!.click();
    await waitUntil(() => q(page, 'textarea#reply-p1'), 'the reply composer', {timeout: 10000});
    const field = q(page, 'textarea#reply-p1') as HTMLTextAreaElement;
    expect(threadOf(page).shadowRoot!.activeElement, 'focus in the reply field').to.equal(field);
    type(field, 'Thank you, Alice');
    expect(Object.entries(sessionStorage).some(([k, v]) => k.startsWith('kin-draft@1:') && v.includes('Thank you, Alice')), 'the draft is kept').to.equal(true);
    const created = once(threadOf(page), 'kin-post-created');
    (q(page, '[data-post-id="p1"] form.composer [part="submit"]') as HTMLButtonElement).click();
    const ev = await created;
    await waitUntil(() => q(page, `[data-post-id="p1"] .replies [data-post-id="${ev.postId}"]`)?.textContent?.includes('Thank you, Alice'),
      'the reply under Alice\'s post', {timeout: 20000});
    expect(Object.entries(sessionStorage).some(([, v]) => v.includes('Thank you, Alice')), 'the draft cleared once stored').to.equal(false);
    await expect(threadOf(page)).to.be.accessible();
  });

  it('with a saved session on the device, the member\'s parts are requested at once (beside the SDK, before the first post)', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));
    // Firebase Auth's own store of a session on this device (empty: Auth finds no one, the page stays a visitor's).
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('firebaseLocalStorageDb', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('firebaseLocalStorage', {keyPath: 'fbase_key'});
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    // A fresh page (its own module map: the first test loaded the member's parts in this one).
    const {host, port} = emulatorHost();
    const frame = document.createElement('iframe');
    frame.title = 'Host page';
    frame.style.inlineSize = '800px';
    frame.style.blockSize = '600px';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module">import '/src/components/community/kin-community.ts'; import '/src/components/discussion-thread/kin-discussion-thread.ts';</script>
</head><body><kin-community community="${cid}" project-id="${PROJECT}" api-key="test" app-id="test" emulator-host="${host}:${port}"
  emulator-auth-host="127.0.0.1:9"><kin-discussion-thread thread-key="${KEY}"></kin-discussion-thread></kin-community></body></html>`;
    document.body.append(frame);
    try {
      const w = frame.contentWindow!;
      let firstPostAt = 0;
      await waitUntil(() => {
        const doc = frame.contentDocument;
        if (!doc?.querySelector('kin-discussion-thread')?.shadowRoot?.querySelector('article')) return false;
        firstPostAt = w.performance.now();
        return true;
      }, 'the first post in the host page', {timeout: 60000, interval: 5});
      const member = entries(w).find((e) => /thread-member\.(ts|js)/.test(e.name));
      expect(member, 'the member\'s parts were requested').to.exist;
      expect(member!.startTime, 'requested before the first post showed').to.be.below(firstPostAt);
    } finally {
      frame.remove();
    }
  });
});
