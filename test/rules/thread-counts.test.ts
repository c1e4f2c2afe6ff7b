// firestore.rules, issue 17: a thread's counts past one write a second. Once the counting function has marked
// the community (services.threadCounts on the community document, written with the Admin SDK), a post is a
// single-document create and no client moves a thread's counts: a member's bump, a forged count and a
// moderator's postCount change are refused, and nobody can write the marker. Without the marker, today's
// rules hold (the post's batch moves the count). FirebaseStore follows the marker: its createPost writes the
// post alone and its moderation leaves the count to the function.
//
// The cast (rules-fixture.ts): m1 Mel (member), auth1 Ari (founder, wrote t1), mod1 (moderator), adm1 (admin).
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, newPost, postWithBump, ts, useRulesEnv, type Db, type RulesEnv} from './rules-fixture.js';
import {docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {emulatorHost} from '../support/env.js';

const PROJECT = 'demo-kindred-rules-thread-counts';
let n = 0;

/** The rules baseline (t1: postCount 2; p2 held), with the counting function's marker when `server`. */
async function world(rt: RulesEnv, server: boolean): Promise<string> {
  const cid = `counts-${++n}-${Date.now().toString(36)}`;
  await rt.admin.writeDocs(baseline(cid).map(([path, data]): [string, Record<string, unknown>] =>
    path === pathIn(cid) && server ? [path, {...data, services: {threadCounts: Date.UTC(2026, 0, 11)}}] : [path, data]));
  return cid;
}

const thread = (db: Db, cid: string) => docIn(db, cid, layout.thread('t1'));
const postAlone = (db: Db, cid: string, pid: string) => docIn(db, cid, layout.post('t1', pid)).set(newPost('m1', 'Mel'));
async function postCount(rt: RulesEnv, cid: string) {
  return Number((await rt.admin.getRaw(pathIn(cid, layout.thread('t1'))))?.postCount?.integerValue);
}

describe('firestore.rules: thread counts kept by the counting function (issue 17)', function () {
  this.timeout(120000);
  let rt: RulesEnv;

  useRulesEnv(PROJECT, (e) => (rt = e));

  it('with the marker, a post is created alone; a bump with it, a bump alone and a forged count are refused', async () => {
    const cid = await world(rt, true);
    const mel = rt.db('member');
    await assertSucceeds(postAlone(mel, cid, 'q1'));
    await assertFails(postWithBump(mel, cid, 'm1', 'q2'));
    await assertFails(thread(mel, cid).update({postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'q1'}));
    await assertFails(thread(mel, cid).update({postCount: 40}));
    expect(await postCount(rt, cid), 'the stored count is untouched').to.equal(2);
  });

  it('with the marker, a moderator may retitle or close a thread but not change its count', async () => {
    const cid = await world(rt, true);
    const mod = rt.db('moderator');
    await assertFails(thread(mod, cid).update({postCount: FieldValue.increment(1)}));
    await assertFails(thread(mod, cid).update({postCount: 9, title: 'Renamed'}));
    await assertSucceeds(thread(mod, cid).update({title: 'Renamed'}));
    // Approving a held post is the post's change alone; the function counts it.
    await assertSucceeds(docIn(mod, cid, layout.post('t1', 'p2')).update({status: 'visible', statusReason: null}));
    expect(await postCount(rt, cid)).to.equal(2);
  });

  it('nobody writes the marker: an admin\'s settings save that adds or removes it is refused', async () => {
    const plain = await world(rt, false);
    const marked = await world(rt, true);
    const admin = rt.db('admin');
    await assertFails(docIn(admin, plain).update({services: {threadCounts: ts()}}));
    await assertFails(docIn(admin, plain).update({'services.threadCounts': ts()}));
    await assertFails(docIn(admin, marked).update({services: FieldValue.delete()}));
  });

  it('without the marker (no function deployed), a post must move the count in its batch, as before', async () => {
    const cid = await world(rt, false);
    const mel = rt.db('member');
    await assertFails(postAlone(mel, cid, 'q1'));
    await assertSucceeds(postWithBump(mel, cid, 'm1', 'q2'));
    expect(await postCount(rt, cid)).to.equal(3);
  });

  it('FirebaseStore follows the marker: createPost writes the post alone, moderation leaves the count to the function', async () => {
    const {host, port} = emulatorHost();
    const open = (uid: string, cid: string) => createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host, port, mockUser: {uid}}});
    const marked = await world(rt, true);
    const plain = await world(rt, false);
    const [mel, melPlain, mod] = await Promise.all([open('m1', marked), open('m1', plain), open('mod1', marked)]);
    try {
      const p = await mel.createPost({threadId: 't1', id: 'store-1', body: 'See you at the start'});
      expect(p.status).to.equal('visible');
      expect(await rt.admin.getRaw(pathIn(marked, layout.post('t1', 'store-1'))), 'the post is stored').to.not.equal(null);
      expect(await postCount(rt, marked), 'the thread is not written by the post').to.equal(2);
      await mod.moderate('approve', {kind: 'post', threadId: 't1', postId: 'p2'}, '');
      expect(await postCount(rt, marked), 'nor by the moderator').to.equal(2);
      // Without the function the same call moves the count in its batch.
      await melPlain.createPost({threadId: 't1', id: 'store-2', body: 'See you at the start'});
      expect(await postCount(rt, plain)).to.equal(3);
    } finally {
      await Promise.all([mel.dispose(), melPlain.dispose(), mod.dispose()]);
    }
  });
});
