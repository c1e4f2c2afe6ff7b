// Issue 17: the counting function (functions/src/counts.ts) on the real Firestore emulator. Posts arrive
// faster than one a second; the thread document takes about one write a second, and its counts equal a
// recount once the calls return. The trigger itself (firebase-functions-test, offline mode) counts a
// moderator's hide, ignores an edit, and a retried event never counts a post twice.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import {getApps, initializeApp} from 'firebase-admin/app';
import {Timestamp, getFirestore, type Firestore} from 'firebase-admin/firestore';

const fft = functionsTest();
const fns = await import('../../functions/src/index.js');
const {countPostChange} = await import('../../functions/src/counts.js');

if (!getApps().some((a) => a.name === '[DEFAULT]')) initializeApp({projectId: process.env.GCLOUD_PROJECT});
const db: Firestore = getFirestore();
let seq = 0;

type Data = Record<string, unknown>;
const post = (status: string, createdAt = Timestamp.now()): Data => ({body: 'See you at the start line', authorId: 'ann', authorName: 'Ann',
  authorRelationship: 'patient', authorAvatarUrl: null, authorAvatarHue: 0, authorBadges: [], parentId: null, createdAt, editedAt: null,
  status, statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}, warning: null, audience: 'everyone'});

/** A community with one thread holding one visible post, its count as a client batch left it. */
async function community() {
  const cid = `counts-${process.pid}-${++seq}`;
  const c = `communities/${cid}`;
  const t0 = Timestamp.fromMillis(Date.now() - 60000);
  const batch = db.batch();
  batch.set(db.doc(c), {name: {en: 'Walk for Breath'}, tagline: {en: ''}, languages: ['en'], createdAt: t0, founderStory: null,
    settings: {visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [], guidelinesVersion: '1', consentVersion: '1'}});
  batch.set(db.doc(`${c}/threads/t1`), {key: null, title: 'Who is coming?', authorId: 'ann', authorName: 'Ann', createdAt: t0,
    lastActivityAt: t0, postCount: 1, status: 'visible', participants: null, lastPostId: 'p0'});
  batch.set(db.doc(`${c}/threads/t1/posts/p0`), post('visible', t0));
  await batch.commit();
  return {cid, c, thread: db.doc(`${c}/threads/t1`)};
}

async function recount(c: string) {
  const all = (await db.collection(`${c}/threads/t1/posts`).get()).docs;
  const counted = all.filter((d) => ['visible', 'deleted'].includes(d.get('status')));
  const newest = counted.map((d) => d.get('createdAt') as Timestamp).sort((a, b) => b.toMillis() - a.toMillis())[0];
  return {count: counted.length, newest};
}

describe('issue 17: thread counts kept by the counting function', () => {
  it('holds 10 posts a second for 6 s: every call returns, the thread is written about once a second, and its counts equal a recount', async () => {
    const {cid, c, thread} = await community();
    const writes: Timestamp[] = [];
    const stop = thread.onSnapshot((s) => { const at = s.get('countedAt') as Timestamp | undefined; if (at && !writes.some((w) => w.isEqual(at))) writes.push(at); });
    const start = Date.now();
    const calls: Promise<string>[] = [];
    for (let k = 0; k < 60; k++) {
      await new Promise((r) => setTimeout(r, Math.max(0, start + k * 100 - Date.now())));
      const ref = db.doc(`${c}/threads/t1/posts/p${k + 1}`);
      const w = await ref.create(post('visible'));
      calls.push(countPostChange(db, cid, 't1', undefined, 'visible', w.writeTime));
    }
    const outcomes = await Promise.all(calls);
    const took = (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 300));
    stop();
    const t = (await thread.get()).data()!;
    const want = await recount(c);
    assert.equal(t.postCount, 61);
    // Issue 16/17 (s5): the members-only count is written with the counts (no members-only post here).
    assert.equal(t.membersOnly, 0);
    assert.equal(t.postCount, want.count);
    assert.ok((t.lastActivityAt as Timestamp).isEqual(want.newest), 'last activity is the newest post\'s createdAt');
    assert.ok(outcomes.every((o) => o === 'counted' || o === 'covered'), JSON.stringify(outcomes));
    // About one write a second: never two within the interval (countedAt is each recount's read time).
    const gaps = writes.slice(1).map((w, i) => w.toMillis() - writes[i].toMillis());
    console.log(`[counts] 60 posts in ${took.toFixed(1)} s: ${writes.length} thread writes (${outcomes.filter((o) => o === 'counted').length} recounts won), gaps ${gaps.join(', ')} ms`);
    assert.ok(gaps.every((g) => g >= 1000), `gaps between thread writes: ${gaps.join(', ')}`);
    assert.ok(writes.length <= Math.ceil(took) + 2, `${writes.length} thread writes in ${took.toFixed(1)} s`);
    // The community is marked: from now on the stores create posts alone and the rules refuse client counts.
    assert.ok((await db.doc(c).get()).get('services.threadCounts') instanceof Timestamp);
  });

  it('the trigger counts a moderator\'s hide and an author\'s delete, ignores an edit, and a retried event counts nothing twice', async () => {
    const {cid, c, thread} = await community();
    const wrapped = fft.wrap(fns.countThreadPosts);
    const run = async (pid: string, before: Data | null, after: Data | null, id = `e-${++seq}`) => {
      const path = `${c}/threads/t1/posts/${pid}`;
      if (after) await db.doc(path).set(after);
      const snap = (d: Data | null) => fft.firestore.makeDocumentSnapshot(d ?? {}, path);
      await wrapped({id, time: new Date().toISOString(), data: fft.makeChange(snap(before), snap(after)), params: {cid, tid: 't1', pid}} as never);
      return id;
    };
    const a = post('visible');
    const id = await run('p1', null, a);
    assert.equal((await thread.get()).get('postCount'), 2);
    // The same event again (Cloud Functions delivers at least once): still 2.
    await run('p1', null, a, id);
    assert.equal((await thread.get()).get('postCount'), 2);
    await run('p2', null, post('visible'));
    assert.equal((await thread.get()).get('postCount'), 3);
    // An edit does not move the counts (and does not write the thread).
    const before = (await thread.get()).updateTime!;
    await run('p2', post('visible'), {...post('visible'), body: 'Edited'});
    assert.ok((await thread.get()).updateTime!.isEqual(before), 'an edit leaves the thread alone');
    // A moderator hides p1: one fewer. Its author deletes p2: the placeholder still counts.
    await run('p1', a, {...a, status: 'hidden', body: ''});
    assert.equal((await thread.get()).get('postCount'), 2);
    await run('p2', post('visible'), {...post('visible'), status: 'deleted', body: ''});
    assert.equal((await thread.get()).get('postCount'), 2);
    assert.equal((await thread.get()).get('postCount'), (await recount(c)).count);
  });

  it('issue 16/17 (s5): the thread carries its members-only count, as visitors are told it (members only, not held)', async () => {
    const {cid, c, thread} = await community();
    const wrapped = fft.wrap(fns.countThreadPosts);
    const run = async (pid: string, before: Data | null, after: Data | null) => {
      const path = `${c}/threads/t1/posts/${pid}`;
      if (after) await db.doc(path).set(after);
      else await db.doc(path).delete();
      const snap = (d: Data | null) => fft.firestore.makeDocumentSnapshot(d ?? {}, path);
      await wrapped({id: `e-${++seq}`, time: new Date().toISOString(), data: fft.makeChange(snap(before), snap(after)), params: {cid, tid: 't1', pid}} as never);
    };
    /** What domain/safety.ts countsAsMembersOnly (and so the LocalStore and audienceCounts) counts, recounted by hand. */
    const byHand = async () => (await db.collection(`${c}/threads/t1/posts`).get()).docs
      .filter((d) => d.get('audience') === 'members' && d.get('status') !== 'held').length;
    const members = (status: string) => ({...post(status), audience: 'members'});
    await run('m1', null, members('visible'));
    assert.equal((await thread.get()).get('membersOnly'), 1);
    // A held members-only post is nobody's but its author's yet: not counted, and the thread is not written.
    const before = (await thread.get()).updateTime!;
    await run('m2', null, members('held'));
    assert.ok((await thread.get()).updateTime!.isEqual(before), 'a held post leaves the thread alone');
    assert.equal((await thread.get()).get('membersOnly'), 1);
    // Approved: counted (and the post count moves too).
    await run('m2', members('held'), members('visible'));
    const t = (await thread.get()).data()!;
    assert.equal(t.membersOnly, 2);
    assert.equal(t.postCount, 3);
    // A post for everyone is not counted; a members-only post made public is no longer counted.
    await run('e1', null, post('visible'));
    assert.equal((await thread.get()).get('membersOnly'), 2);
    await run('m1', members('visible'), post('visible'));
    assert.equal((await thread.get()).get('membersOnly'), 1);
    // A moderator's hide keeps it in the members-only count (as audienceCounts did), but lowers postCount.
    await run('m2', members('visible'), {...members('hidden'), body: ''});
    assert.equal((await thread.get()).get('membersOnly'), 1);
    assert.equal((await thread.get()).get('membersOnly'), await byHand());
    assert.equal((await thread.get()).get('postCount'), (await recount(c)).count);
  });
});
