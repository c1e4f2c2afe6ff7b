// Issue 17 (s5): the reaction counting function (functions/src/reaction-counts.ts) on the real Firestore emulator.
// Reactions on one post arrive faster than one a second; the post takes about one count write a second, and its
// counts equal a recount of the reaction documents once the calls return. The trigger itself (firebase-functions-
// test) counts a create and a delete, ignores an update, and a retried event never counts a reaction twice. And
// the kit's FirebaseStore (the same code a browser runs, under the real firestore.rules) writes reactions alone in
// a marked community, the function counts them, and the counts are those the store contract expects of both
// stores for the same script (test/data/store.contract.ts: the LocalStore counts itself).
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import {getApps, initializeApp} from 'firebase-admin/app';
import {Timestamp, getFirestore, type Firestore} from 'firebase-admin/firestore';
import {setLogLevel} from 'firebase/firestore';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

/** The kit's FirebaseStore, bundled for Node as bench/load.mjs does (functions' tsconfig has no DOM types for src/data/firebase). */
type Store = {setReaction(t: string, p: string, k: string, on: boolean): Promise<void>; dispose(): Promise<void>};
async function storeFactory(): Promise<(o: object) => Promise<Store>> {
  const bench = await import(pathToFileURL(resolve(process.cwd(), 'bench/load.mjs')).href) as {loadStoreModule(): Promise<{createFirebaseStore(o: object): Promise<Store>}>};
  return (await bench.loadStoreModule()).createFirebaseStore;
}

const fft = functionsTest();
const fns = await import('../../functions/src/index.js');
const {countReactionChange} = await import('../../functions/src/reaction-counts.js');

if (!getApps().some((a) => a.name === '[DEFAULT]')) initializeApp({projectId: process.env.GCLOUD_PROJECT});
const db: Firestore = getFirestore();
const PROJECT = process.env.GCLOUD_PROJECT ?? 'demo-kindred-functions';
setLogLevel('silent');
let seq = 0;

type Data = Record<string, unknown>;
const ZEROS = {heart: 0, hug: 0, metoo: 0, thanks: 0};
const KINDS = ['heart', 'hug', 'metoo', 'thanks'] as const;

/** A public community with members, one thread and its visible post p1 (no reactions yet). */
async function community(uids: string[] = []) {
  const cid = `reactions-${process.pid}-${++seq}`;
  const c = `communities/${cid}`;
  const t0 = Timestamp.fromMillis(Date.now() - 60000);
  const batch = db.batch();
  batch.set(db.doc(c), {name: {en: 'Walk for Breath'}, tagline: {en: ''}, languages: ['en'], createdAt: t0, founderStory: null,
    settings: {visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [], guidelinesVersion: '1', consentVersion: '1'}});
  for (const uid of uids) {
    batch.set(db.doc(`${c}/members/${uid}`), {pseudonym: uid, relationship: 'patient', avatarUrl: null, avatarHue: 0, bio: '', tags: [], listed: false,
      badges: [], clinicianScope: null, joinedAt: t0, pseudonymLower: uid});
  }
  batch.set(db.doc(`${c}/threads/t1`), {key: null, title: 'Who is coming?', authorId: 'ann', authorName: 'Ann', createdAt: t0,
    lastActivityAt: t0, postCount: 1, status: 'visible', participants: null, lastPostId: 'p1'});
  batch.set(db.doc(`${c}/threads/t1/posts/p1`), {body: 'The walk is on', authorId: 'ann', authorName: 'Ann', authorRelationship: 'patient',
    authorAvatarUrl: null, authorAvatarHue: 0, authorBadges: [], parentId: null, createdAt: t0, editedAt: null, status: 'visible', statusReason: null,
    reactions: {...ZEROS}, warning: null, audience: 'everyone'});
  await batch.commit();
  return {cid, c, post: db.doc(`${c}/threads/t1/posts/p1`)};
}

async function recount(c: string, pid = 'p1') {
  const docs = (await db.collection(`${c}/threads/t1/reactions`).where('postId', '==', pid).get()).docs;
  return Object.fromEntries(KINDS.map((k) => [k, docs.filter((d) => d.get('kind') === k).length]));
}

describe('issue 17 (s5): reaction counts kept by the reaction counting function', () => {
  it('holds 20 reactions a second on one post for 5 s: every call returns, the post is written about once a second, its counts equal a recount', async () => {
    const {cid, c, post} = await community();
    const writes: Timestamp[] = [];
    const stop = post.onSnapshot((s) => { const at = s.get('reactionsCountedAt') as Timestamp | undefined; if (at && !writes.some((w) => w.isEqual(at))) writes.push(at); });
    const start = Date.now();
    const calls: Promise<string>[] = [];
    for (let k = 0; k < 100; k++) {
      await new Promise((r) => setTimeout(r, Math.max(0, start + k * 50 - Date.now())));
      const kind = k % 3 === 0 ? 'hug' : 'heart';
      const data = {postId: 'p1', uid: `m${k}`, kind, at: Timestamp.now()};
      const w = await db.doc(`${c}/threads/t1/reactions/p1_m${k}_${kind}`).create(data);
      calls.push(countReactionChange(db, cid, 't1', undefined, data, w.writeTime));
      // Every tenth member takes theirs back a moment later: deletes are counted too.
      if (k % 10 === 9) {
        const d = await db.doc(`${c}/threads/t1/reactions/p1_m${k}_${kind}`).delete();
        calls.push(countReactionChange(db, cid, 't1', data, undefined, d.writeTime));
      }
    }
    const outcomes = await Promise.all(calls);
    const took = (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 300));
    stop();
    const want = await recount(c);
    assert.deepEqual(want, {heart: 60, hug: 30, metoo: 0, thanks: 0}, 'the reaction documents (100 made, 10 taken back)');
    assert.deepEqual((await post.get()).get('reactions'), want, 'the post\'s counts equal the recount');
    assert.ok(outcomes.every((o) => o === 'counted' || o === 'covered'), JSON.stringify(outcomes));
    const gaps = writes.slice(1).map((w, i) => w.toMillis() - writes[i].toMillis());
    console.log(`[reaction-counts] 110 changes in ${took.toFixed(1)} s: ${writes.length} post writes (${outcomes.filter((o) => o === 'counted').length} recounts won), gaps ${gaps.join(', ')} ms`);
    assert.ok(gaps.every((g) => g >= 1000), `gaps between the post's count writes: ${gaps.join(', ')}`);
    assert.ok(writes.length <= Math.ceil(took) + 2, `${writes.length} post writes in ${took.toFixed(1)} s`);
    // The community is marked: from now on the stores write reactions alone and the rules refuse client counts.
    assert.ok((await db.doc(c).get()).get('services.reactionCounts') instanceof Timestamp);
  });

  it('the trigger counts a create and a delete, ignores an update, and a retried event counts nothing twice', async () => {
    const {cid, c, post} = await community();
    const wrapped = fft.wrap(fns.countPostReactions);
    const run = async (rid: string, before: Data | null, after: Data | null, id = `e-${++seq}`) => {
      const path = `${c}/threads/t1/reactions/${rid}`;
      if (after) await db.doc(path).set(after);
      else await db.doc(path).delete();
      const snap = (d: Data | null) => fft.firestore.makeDocumentSnapshot(d ?? {}, path);
      await wrapped({id, time: new Date().toISOString(), data: fft.makeChange(snap(before), snap(after)), params: {cid, tid: 't1', rid}} as never);
      return id;
    };
    const ann = {postId: 'p1', uid: 'ann', kind: 'heart', at: Timestamp.now()};
    const id = await run('p1_ann_heart', null, ann);
    assert.deepEqual((await post.get()).get('reactions'), {...ZEROS, heart: 1});
    // The same event again (Cloud Functions delivers at least once): still 1.
    await run('p1_ann_heart', null, ann, id);
    assert.deepEqual((await post.get()).get('reactions'), {...ZEROS, heart: 1});
    await run('p1_bob_hug', null, {postId: 'p1', uid: 'bob', kind: 'hug', at: Timestamp.now()});
    assert.deepEqual((await post.get()).get('reactions'), {...ZEROS, heart: 1, hug: 1});
    // An update of a reaction (none is made by a client; the rules refuse it) moves nothing and writes nothing.
    const before = (await post.get()).updateTime!;
    await run('p1_ann_heart', ann, {...ann, at: Timestamp.now()});
    assert.ok((await post.get()).updateTime!.isEqual(before), 'an update leaves the post alone');
    // Ann takes hers back.
    await run('p1_ann_heart', ann, null);
    assert.deepEqual((await post.get()).get('reactions'), {...ZEROS, hug: 1});
    assert.deepEqual((await post.get()).get('reactions'), await recount(c));
  });

  it('FirebaseStore in a marked community writes reactions alone under the real rules; the function\'s counts are the store contract\'s', async () => {
    const {cid, c, post} = await community(['alice', 'bea']);
    await db.doc(c).update({'services.reactionCounts': Timestamp.now()});
    // The function, as Cloud Functions would run it for every reaction change (its handler, from a listener).
    const calls: Promise<unknown>[] = [];
    const last = new Map<string, Data | undefined>();
    let first = true;
    const unsub = db.collection(`${c}/threads/t1/reactions`).onSnapshot((snap) => {
      for (const ch of snap.docChanges()) {
        const before = last.get(ch.doc.id);
        const after = ch.type === 'removed' ? undefined : ch.doc.data();
        last.set(ch.doc.id, after);
        // A removed document's updateTime is its last write before the delete: the delete's own time is the snapshot's.
        if (!first) calls.push(countReactionChange(db, cid, 't1', before, after, ch.type === 'removed' ? snap.readTime : ch.doc.updateTime));
      }
      first = false;
    });
    const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(':');
    const createFirebaseStore = await storeFactory();
    const open = (uid: string) => createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host, port: Number(port), mockUser: {uid}}});
    const [a, b] = await Promise.all([open('alice'), open('bea')]);
    try {
      const postWrites: number[] = [];
      const watch = post.onSnapshot((s) => postWrites.push(s.updateTime!.toMillis()));
      // store.contract.ts 'reactions: one of each kind per member, exact counts' — the same script.
      await a.setReaction('t1', 'p1', 'heart', true);
      await a.setReaction('t1', 'p1', 'heart', true);
      await a.setReaction('t1', 'p1', 'hug', true);
      await Promise.all([b.setReaction('t1', 'p1', 'heart', true), b.setReaction('t1', 'p1', 'metoo', true)]);
      await a.setReaction('t1', 'p1', 'heart', false);
      await a.setReaction('t1', 'p1', 'heart', false);
      await a.setReaction('t1', 'p1', 'thanks', false);
      // Every change reached the function (5 documents written: 4 creates, 1 delete) and every call returned.
      for (let i = 0; i < 200 && calls.length < 5; i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(calls.length, 5, 'the function was given every reaction change');
      await Promise.all(calls);
      watch();
      assert.deepEqual((await post.get()).get('reactions'), {heart: 1, hug: 1, metoo: 1, thanks: 0}, 'the contract\'s counts (the LocalStore\'s too)');
      assert.deepEqual((await post.get()).get('reactions'), await recount(c));
      // Only the function wrote the post (each write carries its reactionsCountedAt).
      assert.ok((await post.get()).get('reactionsCountedAt') instanceof Timestamp);
    } finally {
      unsub();
      await Promise.all([a.dispose(), b.dispose()]);
    }
  });
});
