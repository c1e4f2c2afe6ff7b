// Benchmark (figures, not a timed test): <kin-discussion-thread> on the real Firestore emulator.
//   1. documents read for the first view of a 45-post thread (visitor and member) and for "show older";
//   2. live-update latency: a post written by one member's store, seen by another member's element, side by
//      side (interleaved, same run) with a bare Firestore SDK baseline: setDoc by one client, onSnapshot in another;
//   3. what createPost reads before it commits, counted on the wire (CDP, test/support/wtr-reads-plugin.mjs).
// Run: npm run bench:thread   (node scripts/test.mjs --only=bench/thread-firestore.bench.ts)
//
// How reads are counted: every store call the element makes is wrapped, and each document it delivers
// is counted (a listener's first snapshot delivers its whole result; later snapshots only the changed
// documents, as Firestore bills them). The store reads nothing it does not deliver on these paths
// (watchCommunity, watchMe, watchPosts, watchMyReactions, listOlderPosts).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {initializeApp} from 'firebase/app';
import {collection, connectFirestoreEmulator, doc, getDoc, getFirestore, onSnapshot, setDoc} from 'firebase/firestore';
import {createFirebaseStore} from '../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../src/data/store.js';
import {emulatorHost} from '../test/support/env.js';
import {FirestoreAdmin} from '../test/support/firestore-admin.js';
import '../src/components/community/kin-community.js';
import '../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinDiscussionThread} from '../src/components/discussion-thread/discussion-thread.js';
import {KEY, T0, alice, bob, nextCommunityId, post, seed} from '../test/components/discussion-thread.fixture.js';

const PROJECT = 'demo-kindred-bench';
const admin = new FirestoreAdmin(PROJECT);

type Counted = {store: CommunityStore; reads: Map<string, number>; total: () => number};

function countReads(store: CommunityStore): Counted {
  const reads = new Map<string, number>();
  const add = (name: string, n: number) => reads.set(name, (reads.get(name) ?? 0) + n);
  let lastPosts = new Map<string, string>();
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const name = String(prop);
      if (name === 'watchPosts') {
        return (tid: string, opts: {limit: number}, next: (p: unknown[]) => void, error: never) =>
          target.watchPosts(tid, opts, (posts) => {
            // Count only documents that are new or changed since the previous snapshot.
            const now = new Map(posts.map((p) => [p.id, JSON.stringify(p)]));
            let changed = 0;
            for (const [id, json] of now) if (lastPosts.get(id) !== json) changed++;
            lastPosts = now;
            add(name, changed);
            next(posts);
          }, error);
      }
      if (name === 'watchCommunity' || name === 'watchMe') {
        let first = true;
        return (next: (v: unknown) => void, error: never) => (value as (...a: unknown[]) => () => void).call(target, (v: unknown) => {
          if (first && v) add(name, 1);
          first = false;
          next(v);
        }, error);
      }
      if (name === 'watchMyReactions') {
        return (tid: string, next: (k: Set<string>) => void, error: never) => target.watchMyReactions(tid, (keys) => {
          add(name, keys.size);
          next(keys);
        }, error);
      }
      if (name === 'listOlderPosts') {
        return async (...args: Parameters<CommunityStore['listOlderPosts']>) => {
          const page = await target.listOlderPosts(...args);
          add(name, page.items.length);
          return page;
        };
      }
      if (name === 'getThread' || name === 'getMember' || name === 'getRoles') {
        return async (...args: unknown[]) => {
          const v = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (v) add(name, 1);
          return v;
        };
      }
      return value.bind(target);
    },
  });
  return {store: proxy, reads, total: () => [...reads.values()].reduce((a, b) => a + b, 0)};
}

function hostFor(uid: string | null) {
  return {host: `${uid ?? 'visitor'}-bench.localhost`, port: emulatorHost().port};
}

const opened: CommunityStore[] = [];
async function storeAs(cid: string, uid: string | null) {
  const s = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {...hostFor(uid), mockUser: uid ? {uid} : null}});
  opened.push(s);
  return s;
}

const articles = (el: KinDiscussionThread) => el.shadowRoot!.querySelectorAll('article').length;

async function mount(store: CommunityStore) {
  const root = await fixture<HTMLElement>(html`<div><kin-community .store=${store}><kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community></div>`);
  return root.querySelector('kin-discussion-thread') as KinDiscussionThread;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

describe('bench: <kin-discussion-thread> on the Firestore emulator', function () {
  this.timeout(180000);
  after(async () => {
    await Promise.all(opened.splice(0).map((s) => s.dispose().catch(() => undefined)));
    await admin.clear();
  });

  it('reads for the first view and for "show older" (45 posts, page of 20)', async () => {
    const cid = nextCommunityId();
    const posts = Array.from({length: 45}, (_, i) => post(`p${String(i).padStart(2, '0')}`, i % 2 ? alice : bob, {createdAt: T0 + i * 60000}));
    await admin.seed(seed(cid, posts));
    for (const who of [null, 'alice'] as const) {
      const counted = countReads(await storeAs(cid, who));
      const el = await mount(counted.store);
      await waitUntil(() => articles(el) >= 20, 'first page rendered', {timeout: 20000});
      await new Promise((r) => setTimeout(r, 500));
      const first = counted.total();
      console.log(`[bench] first view as ${who ?? 'visitor'}: ${first} document reads ${JSON.stringify(Object.fromEntries(counted.reads))}, ${articles(el)} posts shown`);
      const older = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /older/i.test(b.textContent ?? ''));
      expect(older, '"show older" button').to.exist;
      older!.click();
      await waitUntil(() => articles(el) >= 40, 'older page rendered', {timeout: 20000});
      console.log(`[bench] "show older" as ${who ?? 'visitor'}: ${counted.total() - first} document reads, ${articles(el)} posts shown`);
      el.closest('div')!.remove();
    }
  });

  it('live-update latency between two members, beside a bare SDK write → snapshot (interleaved)', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p0', alice, {createdAt: T0})]));
    const writer = await storeAs(cid, 'bob');
    const reader = await mount(await storeAs(cid, 'alice'));
    await waitUntil(() => articles(reader) >= 1, 'reader ready', {timeout: 20000});
    // Issue 17: the same in a community whose thread counts the counting function keeps (its marker on the
    // community document): createPost is then a single-document create.
    const cidS = nextCommunityId();
    const seeded = seed(cidS, [post('p0', alice, {createdAt: T0})]);
    await admin.seed({...seeded, community: {...seeded.community, services: {threadCounts: T0}} as typeof seeded.community});
    const writerS = await storeAs(cidS, 'bob');
    const readerS = await mount(await storeAs(cidS, 'alice'));
    await waitUntil(() => articles(readerS) >= 1, 'reader (function-counted community) ready', {timeout: 20000});
    // The baseline: two bare Firestore clients (no Kindred), one writing a document, one listening.
    const {port} = emulatorHost();
    const bare = (name: string) => {
      const db = getFirestore(initializeApp({projectId: PROJECT, apiKey: 'bench', appId: 'bench'}, `bare-${name}-${cid}`));
      // The emulator's owner token: no rules (the baseline is the SDK and the emulator alone).
      connectFirestoreEmulator(db, `${name}.localhost`, port, {mockUserToken: 'owner'});
      return db;
    };
    const bareWriter = bare('w');
    const bareReader = bare('r');
    const col = `bench-bare/${cid}/items`;
    let bareSeen: (id: string) => void = () => {};
    let warm = false;
    const unsub = onSnapshot(collection(bareReader, col), (snap) => {
      warm = true;
      for (const ch of snap.docChanges()) if (ch.type === 'added') bareSeen(ch.doc.id);
    });
    await waitUntil(() => warm, 'bare reader ready', {timeout: 20000});
    const samples: number[] = [];
    const commits: number[] = [];
    const samplesS: number[] = [];
    const commitsS: number[] = [];
    const bareSamples: number[] = [];
    const {threadIdForKey} = await import('../src/data/policy.js');
    const tid = threadIdForKey(KEY);
    const N = 20;
    for (let i = 0; i < N; i++) {
      // Interleaved: the three sides take turns going first.
      const kindredIn = (w: CommunityStore, r: KinDiscussionThread, out: number[], committed: number[]) => async () => {
        const seen = new Promise<number>((resolve) => {
          const t0 = performance.now();
          const check = () => {
            // New posts from others wait behind the "N new posts" control: its count is what the reader sees.
            const text = r.shadowRoot!.textContent ?? '';
            if (text.includes(`${i + 1} new`) || text.includes(`Live ${i}`)) resolve(performance.now() - t0);
            else requestAnimationFrame(check);
          };
          void w.createPost({id: w.newId(), threadId: tid, body: `Live ${i}`}).then(() => committed.push(performance.now() - t0));
          check();
        });
        out.push(await seen);
      };
      const kindred = kindredIn(writer, reader, samples, commits);
      const kindredS = kindredIn(writerS, readerS, samplesS, commitsS);
      const baseline = async () => {
        const id = `b${i}`;
        const seen = new Promise<number>((resolve) => {
          const t0 = performance.now();
          bareSeen = (got) => {
            if (got === id) requestAnimationFrame(() => resolve(performance.now() - t0));
          };
          void setDoc(doc(bareWriter, col, id), {body: `Live ${i}`, at: Date.now()});
        });
        bareSamples.push(await seen);
      };
      for (const step of [[kindred, kindredS, baseline], [baseline, kindred, kindredS], [kindredS, baseline, kindred]][i % 3]) {
        await step();
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    unsub();
    // Where createPost's time goes: its two reads (a member and the community document, in parallel, as a
    // bare client makes them) against the whole call.
    const readPairs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await Promise.all([getDoc(doc(bareWriter, `communities/${cid}/members/bob`)), getDoc(doc(bareWriter, `communities/${cid}`))]);
      readPairs.push(performance.now() - t0);
    }
    const row = (label: string, xs: number[]) => `${label.padEnd(44)} p50 ${String(pct(xs, 50).toFixed(0)).padStart(5)} ms   p95 ${String(pct(xs, 95).toFixed(0)).padStart(5)} ms`;
    console.log(`[bench] writer → reader's screen, n=${N} each, interleaved (goal: Kindred p50 ≤ 150 ms, p95 ≤ 400 ms)\n` +
      `${row('Kindred: createPost → "N new" on screen', samples)}\n${row('  (of which createPost → committed)', commits)}\n` +
      `${row('Kindred, counts by the function (issue 17)', samplesS)}\n${row('  (of which createPost → committed)', commitsS)}\n` +
      `${row('bare SDK: setDoc → onSnapshot (+1 frame)', bareSamples)}\n${row('bare SDK: two getDoc in parallel (n=10)', readPairs)}\n` +
      `  ratio p50 ${(pct(samples, 50) / pct(bareSamples, 50)).toFixed(2)}×, p95 ${(pct(samples, 95) / pct(bareSamples, 95)).toFixed(2)}×`);
  });

  it('createPost: documents read before the commit, on the wire', async () => {
    const cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p0', alice, {createdAt: T0})]));
    const {threadIdForKey} = await import('../src/data/policy.js');
    const tid = threadIdForKey(KEY);
    const rows: string[] = [];
    for (const [label, parentId] of [['a post', null], ['a reply', 'p0']] as const) {
      // A store of its own (its own channel), so every read it makes is on the recorded wire.
      await executeServerCommand('kin-wire-start');
      const writer = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT},
        emulator: {host: `${label.length}-writer-bench.localhost`, port: emulatorHost().port, mockUser: {uid: parentId ? 'alice' : 'bob'}}});
      await writer.createPost({id: writer.newId(), threadId: tid, body: `Counted ${label}`, parentId});
      await new Promise((r) => setTimeout(r, 300));
      const wire = (await executeServerCommand('kin-wire-stop')) as {docs: number; kinds: string[]};
      await writer.dispose();
      rows.push(`  createPost, ${label}: ${wire.docs} documents read [${wire.kinds.join(', ')}]`);
    }
    console.log(`[bench] createPost reads before the commit, counted on the wire (goal ≤ 2):\n${rows.join('\n')}`);
  });
});
