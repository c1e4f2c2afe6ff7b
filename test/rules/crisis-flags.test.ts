// firestore.rules, issue 18 section: crisisFlags/{tid}_{pid}, the moderators-only record that a post
// carried crisis wording, and settings.crisisReview. Proven against the real emulator:
//   - only moderators read a flag (get and list); members, the author, visitors cannot;
//   - a member writes a flag only for their own new post, in the same batch, in its exact shape;
//   - no one edits a flag; only a moderator removes it, and 'clear-crisis' is a valid log action;
//   - settings.crisisReview must be a boolean, and a held post may carry the reason 'crisis-review'.
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, logDoc, newPost, ts, type Db, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

let n = 0;

async function world(rt: RulesEnv, flagged = true): Promise<string> {
  const cid = `crisis-${++n}`;
  const docs = baseline(cid);
  if (flagged) docs.push([pathIn(cid, layout.crisisFlag('t1', 'p1')), {threadId: 't1', postId: 'p1', authorId: 'auth1', kinds: ['hopelessness'], createdAt: new Date()}]);
  await rt.admin.writeDocs(docs);
  return cid;
}

const flag = (uid: string, pid: string, kinds: unknown = ['ideation']) => ({threadId: 't1', postId: pid, authorId: uid, kinds, createdAt: ts()});

/** A new visible post, its thread bump and (optionally) its crisis flag, in one batch, as FirebaseStore writes it. */
function postWithFlag(db: Db, cid: string, uid: string, name: string, pid: string, f: Record<string, unknown> | null, status: 'visible' | 'held' = 'visible') {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.post('t1', pid)), newPost(uid, name, {body: 'I can’t see a way out', status, statusReason: status === 'held' ? 'crisis-review' : null}));
  if (status === 'visible') batch.update(docIn(db, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
  else batch.set(docIn(db, cid, layout.heldPost('t1', pid)), {threadId: 't1', postId: pid, authorId: uid, createdAt: ts()});
  if (f) batch.set(docIn(db, cid, layout.crisisFlag('t1', pid)), f);
  return batch.commit();
}

describe('firestore.rules: crisis flags (issue 18)', function () {
  this.timeout(120000);
  let rt: RulesEnv;
  useRulesEnv('demo-kindred-rules-crisis', (e) => (rt = e));

  it('only moderators read a flag: not the author, other members, outsiders or visitors', async () => {
    const cid = await world(rt);
    const path = pathIn(cid, layout.crisisFlag('t1', 'p1'));
    await assertSucceeds(rt.db('moderator').doc(path).get());
    await assertSucceeds(collectionIn(rt.db('admin'), cid, layout.crisisFlags).get());
    for (const role of ['author', 'member', 'other', 'nonMember', 'visitor', 'suspended'] as const) {
      await assertFails(rt.db(role).doc(path).get());
      await assertFails(collectionIn(rt.db(role), cid, layout.crisisFlags).get());
      await rt.release(role);
    }
  });

  it('a member flags their own new post in the same batch; the post itself carries nothing about it', async () => {
    const cid = await world(rt, false);
    await assertSucceeds(postWithFlag(rt.db('member'), cid, 'm1', 'Mel', 'n1', flag('m1', 'n1', ['plan', 'hopelessness'])));
    const seen = await docIn(rt.db('other'), cid, layout.post('t1', 'n1')).get();
    expect(Object.keys(seen.data() ?? {}).some((k) => /crisis|flag/i.test(k))).to.equal(false);
    await assertSucceeds(postWithFlag(rt.db('member'), cid, 'm1', 'Mel', 'n2', flag('m1', 'n2'), 'held'));
  });

  it('refuses a flag that is not the member’s own new post, or not its shape', async () => {
    const cid = await world(rt, false);
    const m1 = rt.db('member');
    // alone (no post in the batch), for an existing post, for someone else's post
    await assertFails(docIn(m1, cid, layout.crisisFlag('t1', 'x1')).set(flag('m1', 'x1')));
    await assertFails(docIn(m1, cid, layout.crisisFlag('t1', 'p1')).set(flag('m1', 'p1')));
    await assertFails(postWithFlag(m1, cid, 'm1', 'Mel', 'x2', flag('auth1', 'x2')));
    // wrong id, unknown or empty kinds, extra keys, a client time
    await assertFails(postWithFlag(m1, cid, 'm1', 'Mel', 'x3', {...flag('m1', 'x3'), postId: 'x4'}));
    await assertFails(postWithFlag(m1, cid, 'm1', 'Mel', 'x5', flag('m1', 'x5', ['gossip'])));
    await assertFails(postWithFlag(m1, cid, 'm1', 'Mel', 'x6', flag('m1', 'x6', [])));
    await assertFails(postWithFlag(m1, cid, 'm1', 'Mel', 'x7', {...flag('m1', 'x7'), body: 'copied text'}));
    await assertFails(postWithFlag(m1, cid, 'm1', 'Mel', 'x8', {...flag('m1', 'x8'), createdAt: new Date()}));
    // visitors and suspended members cannot post at all
    await assertFails(postWithFlag(rt.db('suspended'), cid, 'sus1', 'Sam', 'x9', flag('sus1', 'x9')));
  });

  it('no one edits a flag; only a moderator removes it, logging clear-crisis', async () => {
    const cid = await world(rt);
    const path = pathIn(cid, layout.crisisFlag('t1', 'p1'));
    await assertFails(rt.db('author').doc(path).delete());
    await assertFails(rt.db('member').doc(path).delete());
    await assertFails(rt.db('moderator').doc(path).update({kinds: ['plan']}));
    const mod = rt.db('moderator');
    const batch = mod.batch();
    batch.delete(mod.doc(path));
    batch.set(docIn(mod, cid, layout.logEntry('c1')), logDoc('mod1', {action: 'clear-crisis', targetPath: layout.post('t1', 'p1'), reason: ''}));
    await assertSucceeds(batch.commit());
  });

  it('settings.crisisReview must be a boolean', async () => {
    const cid = await world(rt, false);
    const admin = rt.db('admin');
    const settings = (baseline(cid).find(([p]) => p === pathIn(cid))![1] as {settings: Record<string, unknown>}).settings;
    await assertSucceeds(admin.doc(pathIn(cid)).update({settings: {...settings, crisisReview: true}}));
    await assertFails(admin.doc(pathIn(cid)).update({settings: {...settings, crisisReview: 'yes'}}));
    await assertFails(rt.db('moderator').doc(pathIn(cid)).update({settings: {...settings, crisisReview: false}}));
  });
});
