// Issue 16: what Firestore bills for reads, counted on the emulator where a visitor starts (a plain host
// page, a browser with no saved session, a public community of 30 posts) and where a member writes.
// Documents are counted on the wire over CDP (REST answers and the Listen channel's stream) and each
// request's rules reads are priced by replaying it into a fresh project seeded the same way and reading
// the emulator's rules coverage (bench/billed-reads.mjs, shared with `npm run bench:first-post`). These are
// counts, not times: a slow machine cannot fail them, a change that reads more does.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {KEY, T0, TID, alice, bob, nextCommunityId, post, seed} from '../components/discussion-thread.fixture.js';

const PROJECT = 'demo-kindred-reads';
const admin = new FirestoreAdmin(PROJECT);

type Replay = {kind: string; doc?: string; query?: unknown};
type Wire = {docs: number; rest: number; listenTargets: number; listenDocs: number; kinds: string[]; replays: Replay[]};

let fresh = 0;
/** Documents on the wire since kin-wire-start, plus the rules reads of every request. */
async function billed(fixtureData: SeedFixture): Promise<Wire & {rules: number; total: number}> {
  const wire = (await executeServerCommand('kin-wire-stop')) as Wire;
  let rules = 0;
  const byKind = new Map<string, number>();
  for (const replay of wire.replays) {
    if (!byKind.has(replay.kind)) {
      const project = `demo-kindred-rules-${Date.now().toString(36)}-${++fresh}`;
      const priced = new FirestoreAdmin(project);
      await priced.seed(fixtureData);
      const r = (await executeServerCommand('kin-rules-reads', {project, replay})) as {reads: number};
      await priced.clear();
      byKind.set(replay.kind, r.reads);
    }
    rules += byKind.get(replay.kind)!;
  }
  return {...wire, rules, total: wire.docs + rules};
}

const articles = (root: HTMLElement) => root.querySelector('kin-discussion-thread')!.shadowRoot!.querySelectorAll('article').length;
const storeOf = (root: HTMLElement) => (root.querySelector('kin-community') as unknown as {context: {store: CommunityStore & {handedOver?: boolean}}}).context.store;

describe('billed reads on the emulator (issue 16)', function () {
  this.timeout(180000);
  const cids: string[] = [];
  before(async () => {
    // A browser with no saved session: other test files in this browser profile may have signed in.
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
      req.onsuccess = req.onerror = req.onblocked = resolve;
    });
    for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:')) localStorage.removeItem(k);
  });
  after(async () => {
    for (const cid of cids) await admin.removeCommunity(cid).catch(() => undefined);
  });

  /** Starts counting the wire, opens the thread page as a visitor with no session, and waits for the first page. */
  async function openFirstView(cid: string): Promise<HTMLElement> {
    await executeServerCommand('kin-wire-start');
    const {host, port} = emulatorHost();
    const root = await fixture<HTMLElement>(html`<div>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`}>
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community></div>`);
    await waitUntil(() => articles(root) === 20, 'the first page', {timeout: 30000});
    return root;
  }

  it('a visitor\'s first view of a 20-post page, SDK takeover included, is billed the page + 5 reads (the current badges come with the community document)', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    const posts = Array.from({length: 30}, (_, i) => post(`p${String(i).padStart(2, '0')}`, i % 2 ? alice : bob, {createdAt: T0 + i * 60000}));
    // Bob is a moderator (the community document's badges map says so); his posts were written with no badge.
    const data = seed(cid, posts.map((p) => (p.authorId === 'bob' ? {...p, authorBadges: []} : p)));
    expect(data.roles?.map((r) => r.uid)).to.deep.equal(['bob']);
    await admin.seed(data);
    const root = await openFirstView(cid);
    // Issue 12/16: the first page already shows the authors' current badges, from the community document.
    const thread = root.querySelector('kin-discussion-thread')!;
    const bobsBadges = [...thread.shadowRoot!.querySelectorAll('article')].filter((a) => a.textContent!.includes('Bob Jones'))
      .map((a) => [...a.querySelectorAll('[part="badge"]')].map((b) => b.textContent!.trim()));
    expect(bobsBadges.length).to.be.greaterThan(0);
    for (const b of bobsBadges) expect(b, 'Bob\'s current role on every post of his').to.include('Moderator');
    await waitUntil(() => storeOf(root).handedOver === true, 'the SDK took over', {timeout: 30000});
    // The live listener has answered once the thread document is known.
    expect((await storeOf(root).getThread(TID))?.id).to.equal(TID);
    await new Promise((r) => setTimeout(r, 1000));
    const reads = await billed(data);
    console.log(`[reads] visitor first view: ${reads.total} billed = ${reads.docs} documents on the wire + ${reads.rules} rules reads [${reads.kinds.join(', ')}]`);

    // What a first view must read: the community, the 20 posts. The counter sees them (it is not blind)…
    expect(reads.kinds.filter((k) => k === 'list:posts'), 'the first page is read once, over REST').to.have.length(1);
    expect(reads.kinds.filter((k) => k === 'get:community'), 'the community document is read once, over REST').to.have.length(1);
    expect(reads.docs).to.be.at.least(21);
    // …and nothing reads the page a second time: the live phase listens to the thread document, and (issue 18)
    // to the thread's members-only count (audienceCounts/{tid}: 1 document, missing or not, and its rule's read
    // of the community). Issue 16: no badges listener: the badges came with the community document.
    expect(reads.kinds, 'no listener over the posts until something new arrives').not.to.include('listen:list:posts');
    expect(reads.kinds.filter((k) => k.startsWith('listen:')).sort()).to.deep.equal(['listen:get:audienceCounts', 'listen:get:threads']);
    expect(reads.docs, 'community + 20 posts + the thread + the members-only count').to.equal(23);
    // Rules: the posts query reads the thread and the community; the thread's and the count's rules the community.
    expect(reads.total).to.be.at.most(27);
  });

  it('takes the members-only count from the thread document when it carries one: the page + 3 billed reads (issue 16/17)', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    const posts = Array.from({length: 30}, (_, i) => post(`p${String(i).padStart(2, '0')}`, i % 2 ? alice : bob, {createdAt: T0 + i * 60000}));
    const base = seed(cid, posts);
    // A thread whose document counts its members-only posts, as the counting function writes it (functions/src/counts.ts,
    // test/functions/counts.test.ts), and no audienceCounts/{tid} document at all.
    const data = {...base, threads: base.threads!.map((t) => (t.id === TID ? {...t, membersOnly: 3} : t))};
    await admin.seed(data);
    const root = await openFirstView(cid);
    await waitUntil(() => storeOf(root).handedOver === true, 'the SDK took over', {timeout: 30000});
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => thread.shadowRoot!.querySelector('[part="members-only-notice"]')?.textContent?.includes('3'),
      'the visitor is told about the 3 members-only posts', {timeout: 30000});
    await new Promise((r) => setTimeout(r, 1000));
    const reads = await billed(data);
    console.log(`[reads] visitor first view, count on the thread: ${reads.total} billed = ${reads.docs} documents on the wire + ${reads.rules} rules reads [${reads.kinds.join(', ')}]`);
    expect(reads.kinds, 'no members-only count document').not.to.include('listen:get:audienceCounts');
    expect(reads.docs, 'community + 20 posts + the thread').to.equal(22);
    expect(reads.total).to.be.at.most(25);
  });

  it('new posts reach a visitor through the thread listener, then the newer-posts listener', async () => {
    const cid = nextCommunityId();
    cids.push(cid);
    const posts = Array.from({length: 30}, (_, i) => post(`p${String(i).padStart(2, '0')}`, i % 2 ? alice : bob, {createdAt: T0 + i * 60000}));
    const data = seed(cid, posts);
    await admin.seed(data);
    const {host, port} = emulatorHost();
    const root = await fixture<HTMLElement>(html`<div>
      <kin-community community=${cid} project-id=${PROJECT} api-key="test" app-id="test" emulator-host=${`${host}:${port}`}>
        <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      </kin-community></div>`);
    await waitUntil(() => articles(root) === 20, 'the first page', {timeout: 30000});
    await waitUntil(() => storeOf(root).handedOver === true, 'the SDK took over', {timeout: 30000});
    await storeOf(root).getThread(TID);
    await new Promise((r) => setTimeout(r, 500));

    const {createFirebaseStore} = await import('../../src/data/firebase/firebase-store.js');
    const writer = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host: 'localhost', port, mockUser: {uid: 'alice'}}});
    const thread = root.querySelector('kin-discussion-thread')!;
    // The first new post moves the thread (the visitor's one listener), which starts the newer-posts
    // listener (its first answer is billed once); the second arrives on that listener.
    for (let i = 0; i < 2; i++) {
      await writer.createPost({id: writer.newId(), threadId: TID, body: `New ${i}`});
      await waitUntil(() => thread.shadowRoot!.querySelector('[part="new-posts"]')?.textContent?.includes(`${i + 1} new`), `new post ${i} announced`, {timeout: 20000});
    }
    await writer.dispose();
    expect(thread.shadowRoot!.querySelector('[part="new-posts"]')!.textContent).to.match(/2 new/);
  });
});
