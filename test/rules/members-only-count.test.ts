// firestore.rules, issue 16/17 (s5): the counting Cloud Function writes `membersOnly` on a thread document
// (functions/src/counts.ts; the count of members-only posts a visitor is told about), and visitors' readers take
// the count from there. No client may write it: a member's post bump, a new thread, a moderator's retitle or
// close, with or without the counting function's marker, each refused with the field and accepted without it
// (so a rule that stopped naming the thread's keys would fail here). The same writes as raw REST commits with
// forged tokens (no SDK in between) are 403s.
//
// The cast (rules-fixture.ts): m1 Mel (member), auth1 Ari (founder, wrote t1), mod1 (moderator).
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, docIn, newPost, pathIn, postWithBump, ts, useRulesEnv, type Db, type RulesEnv} from './rules-fixture.js';
import {RestClient, SERVER_TIME, accepted, inc, refused} from './rest.js';
import {layout} from '../../src/data/domain/layout.js';

const PROJECT = 'demo-kindred-rules-members-only-count';
let n = 0;

async function world(rt: RulesEnv, server: boolean): Promise<string> {
  const cid = `mocount-${++n}-${Date.now().toString(36)}`;
  await rt.admin.writeDocs(baseline(cid).map(([path, data]): [string, Record<string, unknown>] =>
    path === pathIn(cid) && server ? [path, {...data, services: {threadCounts: Date.UTC(2026, 0, 11)}}] : [path, data]));
  return cid;
}

const thread = (db: Db, cid: string, tid = 't1') => docIn(db, cid, layout.thread(tid));

/** A new hub thread with its first post, as FirebaseStore writes them; `extra` added to the thread. */
function newThread(db: Db, cid: string, tid: string, extra: Record<string, unknown> = {}) {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.post(tid, 'first')), newPost('m1', 'Mel'));
  batch.set(thread(db, cid, tid), {key: null, title: 'Training plans', authorId: 'm1', authorName: 'Mel', createdAt: ts(),
    lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: 'first', ...extra});
  return batch.commit();
}

describe('firestore.rules: a thread\'s members-only count is the counting function\'s alone (issue 16/17, s5)', function () {
  this.timeout(120000);
  let rt: RulesEnv;

  useRulesEnv(PROJECT, (e) => (rt = e));

  it('without the marker: a member\'s bump or new thread carrying membersOnly is refused (accepted without it)', async () => {
    const cid = await world(rt, false);
    const mel = rt.db('member');
    const bump = (pid: string, extra: Record<string, unknown>) => {
      const batch = mel.batch();
      batch.set(docIn(mel, cid, layout.post('t1', pid)), newPost('m1', 'Mel'));
      batch.update(thread(mel, cid), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid, ...extra});
      return batch.commit();
    };
    await assertFails(bump('q1', {membersOnly: 40}));
    await assertFails(bump('q1', {membersOnly: FieldValue.increment(1)}));
    await assertSucceeds(postWithBump(mel, cid, 'm1', 'q1'));
    await assertFails(newThread(mel, cid, 'tn', {membersOnly: 5}));
    await assertSucceeds(newThread(mel, cid, 'tn'));
    const stored = (await rt.admin.getRaw(pathIn(cid, layout.thread('t1'))))!;
    expect(stored.membersOnly, 'nothing wrote the field').to.equal(undefined);
  });

  it('with or without the marker: a moderator\'s retitle or close carrying membersOnly is refused; a member cannot set it alone', async () => {
    for (const server of [false, true]) {
      const cid = await world(rt, server);
      const mod = rt.db('moderator');
      await assertFails(thread(mod, cid).update({title: 'Renamed', membersOnly: 0}));
      await assertFails(thread(mod, cid).update({status: 'hidden', membersOnly: 0}));
      await assertFails(thread(mod, cid).update({membersOnly: 3}));
      await assertSucceeds(thread(mod, cid).update({title: 'Renamed'}));
      await assertFails(thread(rt.db('member'), cid).update({membersOnly: 3}));
      await assertFails(thread(rt.db('author'), cid).update({membersOnly: 3}));
    }
  });

  it('forged tokens over REST: the same writes are 403s beside the accepted write of the same shape', async () => {
    const plain = await world(rt, false);
    const marked = await world(rt, true);
    const mel = new RestClient(PROJECT, 'm1');
    const mod = new RestClient(PROJECT, 'mod1');
    const post = (cid: string, pid: string) => ({set: pathIn(cid, layout.post('t1', pid)), data: {...newPost('m1', 'Mel'), createdAt: SERVER_TIME}});
    const bump = (cid: string, pid: string, extra: Record<string, unknown> = {}) =>
      ({update: pathIn(cid, layout.thread('t1')), data: {postCount: inc(1), lastActivityAt: SERVER_TIME, lastPostId: pid, ...extra}});
    refused(await mel.commit([post(plain, 'r1'), bump(plain, 'r1', {membersOnly: 9})]), 'a bump carrying membersOnly');
    refused(await mel.commit([post(plain, 'r1'), bump(plain, 'r1', {membersOnly: inc(1)})]), 'a bump incrementing membersOnly');
    accepted(await mel.commit([post(plain, 'r1'), bump(plain, 'r1')]), 'the same bump without it');
    for (const cid of [plain, marked]) {
      refused(await mel.commit([{update: pathIn(cid, layout.thread('t1')), data: {membersOnly: 9}}]), 'a member setting membersOnly');
      refused(await mod.commit([{update: pathIn(cid, layout.thread('t1')), data: {title: 'Renamed', membersOnly: 0}}]), 'a moderator setting membersOnly');
      accepted(await mod.commit([{update: pathIn(cid, layout.thread('t1')), data: {title: 'Renamed'}}]), 'the same retitle without it');
    }
    // With the marker a post is created alone, and still nothing may touch the count.
    accepted(await mel.commit([post(marked, 'r2')]), 'a post alone under the marker');
    refused(await mel.commit([post(marked, 'r3'), {update: pathIn(marked, layout.thread('t1')), data: {membersOnly: inc(1)}}]), 'a post with a membersOnly increment');
  });
});
