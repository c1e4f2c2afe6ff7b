// firestore.rules, issue 17: a busy thread's counts in tallies (threads/{tid}/tallies/{0..9}), on the real
// emulator. A thread of 50 posts or more takes at most one post bump a second; a member switches it to ten
// tallies; a visible post then names a tally and moves it by exactly one (not the thread); a rollup writes the
// thread exactly the tallies' sum and newest `last`, at most once a second. Every way around it is refused.
//
// The cast (rules-fixture.ts): m1 and m2 (members), mod1 (moderator).
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, newPost, setUp, ts, type Db, type RulesEnv} from './rules-fixture.js';

const P = (cid: string) => `communities/${cid}`;
const SHARDS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The baseline community whose thread t1 is established: 60 posts counted. */
function world(cid: string): [string, Record<string, unknown>][] {
  const docs = baseline(cid);
  const thread = docs.find(([p]) => p === `${P(cid)}/threads/t1`)![1] as Record<string, unknown>;
  thread.postCount = 60;
  return docs;
}

/** The switch as src/data/firebase/tallies.ts writes it, from the thread as read. */
async function switchThread(db: Db, cid: string, tweak: (s: string) => Record<string, unknown> = () => ({})) {
  const thread = await db.doc(`${P(cid)}/threads/t1`).get();
  const batch = db.batch();
  for (const s of SHARDS) {
    batch.set(db.doc(`${P(cid)}/threads/t1/tallies/${s}`),
      {count: s === '0' ? thread.get('postCount') : 0, last: thread.get('lastActivityAt'), lastPostId: null, ...tweak(s)});
  }
  batch.update(db.doc(`${P(cid)}/threads/t1`), {tallies: true});
  return batch.commit();
}

/** A visible post naming tally `s`, moving it (or, with `bump`, the thread instead). */
function tallyPost(db: Db, cid: string, uid: string, pid: string, s: string, how: 'tally' | 'thread' | 'none' | 'two' = 'tally') {
  const batch = db.batch();
  batch.set(db.doc(`${P(cid)}/threads/t1/posts/${pid}`), newPost(uid, uid === 'm1' ? 'Mel' : 'Mo', {tally: s}));
  const tally = db.doc(`${P(cid)}/threads/t1/tallies/${s}`);
  if (how === 'tally') batch.update(tally, {count: FieldValue.increment(1), last: ts(), lastPostId: pid});
  if (how === 'two') batch.update(tally, {count: FieldValue.increment(2), last: ts(), lastPostId: pid});
  if (how === 'thread') batch.update(db.doc(`${P(cid)}/threads/t1`), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
  return batch.commit();
}

/** A rollup from the tallies as read now (with `extra` added to the count). */
async function rollup(db: Db, cid: string, extra = 0) {
  const tallies = await db.collection(`${P(cid)}/threads/t1/tallies`).get();
  let count = extra;
  let last: {valueOf(): string} | null = null;
  for (const t of tallies.docs.filter((d) => SHARDS.includes(d.id))) {
    count += t.get('count') as number;
    const l = t.get('last') as {valueOf(): string};
    if (!last || l.valueOf() > last.valueOf()) last = l;
  }
  const batch = db.batch();
  batch.update(db.doc(`${P(cid)}/threads/t1`), {postCount: count, lastActivityAt: last, rolledAt: ts()});
  batch.set(db.doc(`${P(cid)}/threads/t1/tallies/rolled`), {at: ts()});
  return batch.commit();
}

describe('firestore.rules: a busy thread\'s counts in tallies (issue 17)', function () {
  this.timeout(120000);
  let rt: RulesEnv;

  before(async () => {
    rt = await setUp('demo-kindred-rules-tallies');
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it('an established thread takes one post bump a second; the next post switches it to tallies and counts there', async () => {
    const cid = 'tallies-flow';
    await rt.admin.writeDocs(world(cid));
    const m1 = rt.db('member');
    const bump = (pid: string) => {
      const batch = m1.batch();
      batch.set(m1.doc(`${P(cid)}/threads/t1/posts/${pid}`), newPost('m1', 'Mel'));
      batch.update(m1.doc(`${P(cid)}/threads/t1`), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
      return batch.commit();
    };
    await assertSucceeds(bump('b1'));
    // A second bump within the second is refused: the thread is busy.
    await assertFails(bump('b2'));
    // A switch that gets the count wrong is refused; the true one lands.
    await assertFails(switchThread(m1, cid, (s) => (s === '0' ? {count: 5} : {})));
    await assertSucceeds(switchThread(m1, cid));
    // Now a bump of the thread is refused, and so are a post that moves no tally, one that moves it by two, and
    // one whose tally is not one of the ten.
    await assertFails(tallyPost(m1, cid, 'm1', 'x1', '3', 'thread'));
    await assertFails(tallyPost(m1, cid, 'm1', 'x2', '3', 'none'));
    await assertFails(tallyPost(m1, cid, 'm1', 'x3', '3', 'two'));
    await assertFails(tallyPost(m1, cid, 'm1', 'x4', '12'));
    await assertSucceeds(tallyPost(m1, cid, 'm1', 'ok1', '3'));
    await assertSucceeds(tallyPost(m1, cid, 'm1', 'ok2', '7'));
    // A tally moved with no new post (or naming someone else's post) is refused.
    await assertFails(m1.doc(`${P(cid)}/threads/t1/tallies/3`).update({count: FieldValue.increment(1), last: ts(), lastPostId: 'ok1'}));
    // A rollup with a wrong sum is refused; the exact one lands; another within the second is refused.
    await assertFails(rollup(m1, cid, 1));
    await assertSucceeds(rollup(m1, cid));
    await assertFails(rollup(m1, cid));
    const thread = (await rt.admin.getRaw(`${P(cid)}/threads/t1`))!;
    // 60 seeded + b1 + ok1 + ok2.
    expect(thread.postCount).to.deep.equal({integerValue: '63'});
    await new Promise((r) => setTimeout(r, 1100));
    await assertSucceeds(rollup(m1, cid));
    await rt.release('member');
  });

  it('a small thread takes bumps freely, and nobody creates tallies without switching the thread', async () => {
    const cid = 'tallies-small';
    await rt.admin.writeDocs(baseline(cid));
    const m2 = rt.db('other');
    for (const pid of ['s1', 's2', 's3']) {
      const batch = m2.batch();
      batch.set(m2.doc(`${P(cid)}/threads/t1/posts/${pid}`), newPost('m2', 'Mo'));
      batch.update(m2.doc(`${P(cid)}/threads/t1`), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
      await assertSucceeds(batch.commit());
    }
    await assertFails(m2.doc(`${P(cid)}/threads/t1/tallies/0`).set({count: 0, last: ts(), lastPostId: null}));
    await assertFails(m2.doc(`${P(cid)}/threads/t1`).update({tallies: true}));
    await rt.release('other');
  });
});
