// firestore.rules, issue 18 section: per-post audience and content warnings, against the real emulator.
//   - a visitor (signed out, or signed in but not a member) never receives a members-only post: a forged
//     REST query that does not ask for audience == 'everyone' is refused, and so is a REST read of the post;
//   - a new post's warning and audience have their shape; a reply is at least as closed as its parent;
//   - only the author or a moderator changes a warning, alone (a moderator's change logs 'set-warning');
//   - audienceCounts/{tid} is readable by visitors and moves only with a real members-only post;
//   - a member's warning preferences (private/{uid}.warnings) have their shape.
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, logDoc, newPost, ts, type Db, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {RestClient, refused, accepted} from './rest.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const PROJECT = 'demo-kindred-rules-safety';
const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
let n = 0;

/** The baseline plus pm, a members-only post by auth1, and its count. */
async function world(rt: RulesEnv): Promise<string> {
  const cid = `safety-${++n}`;
  const docs = baseline(cid);
  const p1 = docs.find(([p]) => p.endsWith('/posts/p1'))![1];
  docs.push([pathIn(cid, layout.post('t1', 'pm')), {...p1, body: 'Only for members', audience: 'members', warning: {topic: 'bereavement', label: null}, createdAt: T0 + 2000}]);
  docs.push([pathIn(cid, 'audienceCounts/t1'), {membersOnly: 1, lastPostId: 'pm'}]);
  await rt.admin.writeDocs(docs);
  return cid;
}

const readable = {fieldFilter: {field: {fieldPath: 'status'}, op: 'IN', value: {arrayValue: {values: [{stringValue: 'visible'}, {stringValue: 'hidden'}, {stringValue: 'deleted'}]}}}};
const everyone = {fieldFilter: {field: {fieldPath: 'audience'}, op: 'EQUAL', value: {stringValue: 'everyone'}}};
const order = [{field: {fieldPath: 'createdAt'}, direction: 'DESCENDING'}, {field: {fieldPath: '__name__'}, direction: 'DESCENDING'}];

/** A new post (with bump, and the members-only count when it is one), as FirebaseStore writes it. */
function post(db: Db, cid: string, uid: string, name: string, pid: string, extra: Record<string, unknown>, count: Record<string, unknown> | null = null) {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.post('t1', pid)), newPost(uid, name, {warning: null, audience: 'everyone', ...extra}));
  batch.update(docIn(db, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
  if (count) batch.set(docIn(db, cid, 'audienceCounts/t1'), count, {merge: true});
  return batch.commit();
}

describe('firestore.rules: per-post audience and content warnings (issue 18)', function () {
  this.timeout(180000);
  let rt: RulesEnv;
  useRulesEnv(PROJECT, (e) => (rt = e));

  it('a visitor’s forged REST query must ask for posts shared with everyone; a members-only post is never read by one', async () => {
    const cid = await world(rt);
    const posts = pathIn(cid, layout.thread('t1'));
    for (const uid of [null, 'outsider']) {
      const visitor = new RestClient(PROJECT, uid);
      refused(await visitor.query(posts, {from: [{collectionId: 'posts'}], where: readable, orderBy: order}), `${uid ?? 'signed-out'}: a query for every readable post`);
      refused(await visitor.get(`${posts}/posts/pm`), `${uid ?? 'signed-out'}: reading the members-only post by id`);
      const ok = await visitor.query(posts, {from: [{collectionId: 'posts'}], where: {compositeFilter: {op: 'AND', filters: [readable, everyone]}}, orderBy: order});
      accepted(ok, `${uid ?? 'signed-out'}: the query the reader makes`);
      expect(ok.docs).to.include('p1');
      expect(ok.docs).not.to.include('pm');
      accepted(await visitor.get(`${posts}/posts/p1`), 'reading a post shared with everyone');
      accepted(await visitor.get(pathIn(cid, 'audienceCounts/t1')), 'reading the members-only count');
    }
    // the same query as a member, and the members-only post by id
    const member = new RestClient(PROJECT, 'm1');
    const all = await member.query(posts, {from: [{collectionId: 'posts'}], where: readable, orderBy: order});
    accepted(all, 'a member’s query for every readable post');
    expect(all.docs).to.include.members(['p1', 'pm']);
    accepted(await member.get(`${posts}/posts/pm`), 'a member reading the members-only post');
    // through the SDK too
    await assertFails(rt.db('visitor').collection(`${posts}/posts`).where('status', 'in', ['visible', 'hidden', 'deleted']).get());
    await assertSucceeds(rt.db('visitor').collection(`${posts}/posts`).where('audience', '==', 'everyone').where('status', 'in', ['visible', 'hidden', 'deleted']).get());
    await assertFails(rt.db('nonMember').doc(`${posts}/posts/pm`).get());
    await assertSucceeds(rt.db('member').doc(`${posts}/posts/pm`).get());
  });

  it('a new post’s warning and audience have their shape, and a reply is at least as closed as its parent', async () => {
    const cid = await world(rt);
    const m1 = rt.db('member');
    await assertSucceeds(post(m1, cid, 'm1', 'Mel', 'a1', {audience: 'members'}, {membersOnly: FieldValue.increment(1), lastPostId: 'a1'}));
    await assertSucceeds(post(m1, cid, 'm1', 'Mel', 'a2', {warning: {topic: 'suicide', label: null}}));
    await assertSucceeds(post(m1, cid, 'm1', 'Mel', 'a3', {warning: {topic: 'custom', label: 'Needles'}}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'b1', {audience: 'friends'}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'b2', {warning: {topic: 'custom', label: ''}}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'b3', {warning: {topic: 'gossip', label: null}}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'b4', {warning: {topic: 'suicide', label: 'extra'}}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'b5', {warning: {topic: 'custom', label: 'x'.repeat(41)}}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'b6', {warning: 'suicide'}));
    // replies: to a members-only post, members only
    await assertFails(post(m1, cid, 'm1', 'Mel', 'r1', {parentId: 'pm', audience: 'everyone'}));
    await assertSucceeds(post(m1, cid, 'm1', 'Mel', 'r2', {parentId: 'pm', audience: 'members'}, {membersOnly: FieldValue.increment(1), lastPostId: 'r2'}));
    await assertSucceeds(post(m1, cid, 'm1', 'Mel', 'r3', {parentId: 'p1', audience: 'everyone'}));
  });

  it('only the author or a moderator changes a warning, and only the warning', async () => {
    const cid = await world(rt);
    const path = pathIn(cid, layout.post('t1', 'p1'));
    await assertSucceeds(rt.db('author').doc(path).update({warning: {topic: 'eating', label: null}}));
    await assertFails(rt.db('member').doc(path).update({warning: null}));
    await assertFails(rt.db('visitor').doc(path).update({warning: null}));
    await assertFails(rt.db('author').doc(path).update({warning: {topic: 'eating', label: 'no'}}));
    await assertFails(rt.db('author').doc(path).update({warning: null, body: 'Changed too', editedAt: ts()}));
    const mod = rt.db('moderator');
    const batch = mod.batch();
    batch.update(mod.doc(path), {warning: {topic: 'custom', label: 'Surgery photos'}});
    batch.set(docIn(mod, cid, layout.logEntry('w1')), logDoc('mod1', {action: 'set-warning', reason: 'Surgery photos'}));
    await assertSucceeds(batch.commit());
    // the audience never changes after posting
    await assertFails(rt.db('author').doc(path).update({audience: 'members'}));
  });

  it('the members-only count moves only with a real members-only post', async () => {
    const cid = await world(rt);
    const m1 = rt.db('member');
    const countPath = pathIn(cid, 'audienceCounts/t1');
    await assertFails(m1.doc(countPath).update({membersOnly: 5, lastPostId: 'pm'}));
    await assertFails(m1.doc(countPath).update({membersOnly: FieldValue.increment(1), lastPostId: 'zz'}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'c1', {audience: 'everyone'}, {membersOnly: FieldValue.increment(1), lastPostId: 'c1'}));
    await assertFails(post(m1, cid, 'm1', 'Mel', 'c2', {audience: 'members'}, {membersOnly: FieldValue.increment(2), lastPostId: 'c2'}));
    await assertSucceeds(post(m1, cid, 'm1', 'Mel', 'c3', {audience: 'members'}, {membersOnly: FieldValue.increment(1), lastPostId: 'c3'}));
    expect((await rt.db('visitor').doc(countPath).get()).data()).to.deep.equal({membersOnly: 2, lastPostId: 'c3'});
    await assertFails(collectionIn(rt.db('visitor'), cid, 'audienceCounts').get());
    await assertFails(rt.db('moderator').doc(countPath).delete());
  });

  it('a member’s warning preferences are topics to hide or show, in their own private record', async () => {
    const cid = await world(rt);
    const path = pathIn(cid, layout.private('m1'));
    await assertSucceeds(rt.db('member').doc(path).update({warnings: {suicide: 'hide', bereavement: 'show'}}));
    await assertFails(rt.db('member').doc(path).update({warnings: {suicide: 'maybe'}}));
    await assertFails(rt.db('member').doc(path).update({warnings: {gossip: 'hide'}}));
    await assertFails(rt.db('member').doc(path).update({warnings: 'hide'}));
    await assertFails(rt.db('other').doc(path).update({warnings: {suicide: 'hide'}}));
  });

  it('a suspended member still chooses which warned posts they see, and nothing else of their record', async () => {
    const cid = await world(rt);
    const path = pathIn(cid, layout.private('sus1'));
    await assertSucceeds(rt.db('suspended').doc(path).update({warnings: {suicide: 'hide'}}));
    await assertFails(rt.db('suspended').doc(path).update({warnings: {suicide: 'show'}, fieldVisibility: {bio: 'members'}}));
    await assertFails(rt.db('suspended').doc(path).update({fieldVisibility: {bio: 'members'}}));
  });
});
