// Issue 17 (load): the LocalStore in two tabs of one member, both posting into one thread at the same time.
// Tab A is this page; tab B is a frame with its own copy of the kit and its own LocalStore on the same origin
// (the same IndexedDB database, the same BroadcastChannel), as a member's second tab has. Neither tab has
// saved anything yet when they start, so the first writes also race to create the database.
// Afterwards both screens show the same list, every post exactly once, and the thread's post count equals
// a recount of the stored posts.
import {expect, fixture, html} from '@open-wc/testing';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {Post} from '../../src/data/types.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {KEY, TID, bob, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';
import {$$} from '../support/dom.js';
import {eventuallyWithin} from '../faults/fault-helpers.js';

const EACH = 20;
const PAGE = 50;
type Tab = {store: CommunityStore; thread: HTMLElement};

/** The post ids a tab's screen shows, top to bottom. */
const screenIds = (thread: HTMLElement) => $$(thread, 'article[data-post-id]').map((a) => a.getAttribute('data-post-id')!);
const screenText = (thread: HTMLElement) => (thread.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

/** Every post of the thread a store holds (one page, bigger than the thread). */
function storedPosts(store: CommunityStore): Promise<Post[]> {
  return new Promise((resolve, reject) => {
    let stop: (() => void) | null = null;
    stop = store.watchPosts(TID, {limit: PAGE}, (posts) => {
      queueMicrotask(() => stop?.());
      resolve(posts);
    }, reject);
  });
}

describe('load: two tabs of one member post into one LocalStore thread at once', function () {
  this.timeout(120000);
  const cid = nextCommunityId();
  let mine: LocalStore | null = null;
  let frame: HTMLIFrameElement | null = null;
  after(async () => {
    await mine?.dispose();
    await (frame?.contentWindow as unknown as {kinTab?: Tab} | null)?.kinTab?.store.dispose();
    frame?.remove();
    await LocalStore.reset({communityId: cid, persistence: 'indexeddb'});
  });

  it(`${EACH} posts from each tab, interleaved: both screens end with the same list, each post once, and the count is the recount`, async () => {
    const fixtureSeed = seed(cid, [post('p0', bob, {body: 'The first post, seeded'})]);

    // Tab B: its own frame, its own kit and store, the same origin and storage.
    frame = document.createElement('iframe');
    frame.title = 'The member’s other tab';
    frame.style.inlineSize = '800px';
    frame.style.blockSize = '600px';
    const params = new URLSearchParams({cid, uid: 'bob', key: KEY, pageSize: String(PAGE)});
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other tab</title>
      <meta name="kin-tab" content="${params.toString().replace(/&/g, '&amp;')}"></head><body>
      <script>window.kinSeed = ${JSON.stringify(fixtureSeed).replace(/</g, '\\u003c')};</script>
      <script type="module" src="${location.origin}/test/load/local-tabs.frame.ts"></script></body></html>`;
    const loaded = new Promise((r) => frame!.addEventListener('load', r, {once: true}));
    document.body.append(frame);
    await loaded;

    // Tab A: this page, IndexedDB persistence (the default in a browser), the same member.
    mine = await LocalStore.open({communityId: cid, seed: fixtureSeed, user: {uid: 'bob', anonymous: false}});
    expect(mine.persistence).to.equal('indexeddb');
    const root = await fixture<HTMLElement>(html`<kin-community .store=${mine} lang="en">
      <kin-discussion-thread thread-key=${KEY} page-size=${PAGE}></kin-discussion-thread>
    </kin-community>`);
    const tabA: Tab = {store: mine, thread: root.querySelector('kin-discussion-thread')!};
    const tabOf = () => (frame!.contentWindow as unknown as {kinTab?: Tab}).kinTab;
    await eventuallyWithin(tabOf, 'the other tab loaded', 30000);
    const tabB = tabOf()!;
    await eventuallyWithin(() => screenIds(tabA.thread).includes('p0') && screenIds(tabB.thread).includes('p0'), 'both tabs show the seeded post', 20000);

    // Both tabs post at once: each sends its next post as soon as its last one is confirmed.
    const confirmed: string[] = [];
    const refused: string[] = [];
    const send = async (tab: Tab, name: string) => {
      for (let i = 0; i < EACH; i++) {
        const id = tab.store.newId();
        try {
          await tab.store.createPost({id, threadId: TID, body: `Tab ${name} post ${i + 1}`});
          confirmed.push(id);
        } catch (e) {
          refused.push(`${name} ${i + 1}: ${(e as Error).message}`);
        }
      }
    };
    const started = performance.now();
    await Promise.all([send(tabA, 'A'), send(tabB, 'B')]);
    const ms = Math.round(performance.now() - started);
    expect(refused, 'no post was refused').to.deep.equal([]);
    expect(confirmed.length).to.equal(2 * EACH);

    // Both screens settle on the same list: the seeded post and every confirmed post, each once.
    const want = new Set(['p0', ...confirmed]);
    const settled = (thread: HTMLElement) => {
      const ids = screenIds(thread);
      return ids.length === want.size && ids.every((id) => want.has(id));
    };
    await eventuallyWithin(() => settled(tabA.thread) && settled(tabB.thread), 'both screens show every post once', 30000);
    expect(screenIds(tabB.thread), 'both screens, the same order').to.deep.equal(screenIds(tabA.thread));
    for (const thread of [tabA.thread, tabB.thread]) {
      const text = screenText(thread);
      for (const name of ['A', 'B']) {
        for (let i = 1; i <= EACH; i++) {
          expect(text.match(new RegExp(`Tab ${name} post ${i}(?!\\d)`, 'g'))?.length, `"Tab ${name} post ${i}" shown once`).to.equal(1);
        }
      }
    }

    // Each store: every post stored once, and the thread's count is the recount.
    for (const [name, tab] of [['A', tabA], ['B', tabB]] as const) {
      const posts = await storedPosts(tab.store);
      const ids = posts.map((p) => p.id);
      expect(new Set(ids).size, `tab ${name}: no post twice`).to.equal(ids.length);
      expect(new Set(ids), `tab ${name}: exactly the posts confirmed`).to.deep.equal(want);
      const visible = posts.filter((p) => p.status === 'visible').length;
      const threadDoc = await tab.store.getThread(TID);
      expect(threadDoc?.postCount, `tab ${name}: the thread's post count equals the recount`).to.equal(visible);
      expect(threadDoc?.lastActivityAt, `tab ${name}: last activity is the newest post's`).to.equal(Math.max(...posts.map((p) => p.createdAt)));
    }
    console.log(`[local-tabs] ${2 * EACH} posts from two tabs in ${ms} ms; both screens show ${want.size} posts; postCount ${want.size}`);
  });
});
