// firestore.rules: private peer threads and block permanence (issues 6 and 7), on the real emulator.
//
// - A private thread (threads/c_{a_b}, participants [a, b]) and its posts are read by the two
//   participants only. Moderators read it only once a participant has reported a post in it: the
//   report batch writes reportedThreads/{tid}, which the thread rules check with exists().
// - An `ended` connection (declined, ended or blocked) is final: neither member deletes it, except a
//   member erasing themself (the delete goes with their own profile).
//
// The cast (rules-fixture.ts): auth1 (author) and m2 (other) are connected, with the private thread
// c_auth1_m2 and auth1's post cp1 in it. m1 (member) blocked m2 (m1_m2, ended by m1). mod1, adm1.
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {baseline, reportDoc, ts, type Db, type Role, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const TID = 'c_auth1_m2';
const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);

function world(cid: string): [string, Record<string, unknown>][] {
  const connection = (members: string[], status: string, extra: Record<string, unknown> = {}) => ({
    members, requestedBy: members[0], message: '', status, createdAt: T0, updatedAt: T0, threadId: null, endedBy: null, ...extra,
  });
  return [
    ...baseline(cid).filter(([p]) => !p.includes('/connections/')),
    [pathIn(cid, layout.connection('auth1_m2')), connection(['auth1', 'm2'], 'accepted', {threadId: TID})],
    [pathIn(cid, layout.connection('m1_m2')), connection(['m1', 'm2'], 'ended', {endedBy: 'm1'})],
    [pathIn(cid, layout.connection('adm1_m2')), connection(['adm1', 'm2'], 'pending')],
    [pathIn(cid, layout.thread(TID)), {key: null, title: 'Ari · Mo', authorId: 'm2', authorName: 'Mo', createdAt: T0, lastActivityAt: T0,
      postCount: 1, status: 'visible', participants: ['auth1', 'm2'], lastPostId: 'cp1'}],
    [pathIn(cid, layout.post(TID, 'cp1')), {body: 'Just between us', authorId: 'auth1', authorName: 'Ari', authorRelationship: 'patient',
      authorAvatarUrl: null, authorAvatarHue: 120, authorBadges: ['founder'], parentId: null, createdAt: T0 + 1000, editedAt: null,
      status: 'visible', statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}}],
  ];
}

/** A report about cp1 with the thread's marker, in one batch (as FirebaseStore writes it). */
function reportWithMarker(db: Db, cid: string, uid: string, rid: string, marker: Record<string, unknown> = {}, tid = TID) {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.report(rid)), reportDoc(uid, {target: {kind: 'post', threadId: tid, postId: 'cp1'}}));
  batch.set(docIn(db, cid, layout.reportedThread(tid)), {threadId: tid, reportId: rid, at: ts(), ...marker});
  return batch.commit();
}

/** Every way to read the private thread: the thread, one post, the post query. */
async function reads(db: Db, cid: string, expectAllowed: boolean) {
  const check = expectAllowed ? assertSucceeds : assertFails;
  await check(docIn(db, cid, layout.thread(TID)).get());
  await check(docIn(db, cid, layout.post(TID, 'cp1')).get());
  await check(collectionIn(db, cid, layout.posts(TID)).where('status', 'in', ['visible', 'hidden', 'deleted']).get());
}

describe('firestore.rules: private peer threads and block permanence', function () {
  this.timeout(60000);
  let rt: RulesEnv;

  useRulesEnv('demo-kindred-rules-private', (e) => (rt = e));

  // One client at a time: Chrome allows 6 connections per host (rules-fixture.ts).
  async function readsAs(roles: Role[], cid: string, expectAllowed: boolean) {
    for (const role of roles) {
      await reads(rt.db(role), cid, expectAllowed);
      await rt.release(role);
    }
  }

  describe('private threads', () => {
    it('before any report, only the two participants read the thread and its posts; moderators and admins do not', async () => {
      const cid = 'p-read';
      await rt.admin.writeDocs(world(cid));
      await readsAs(['author', 'other'], cid, true);
      await readsAs(['moderator', 'admin', 'member', 'nonMember', 'visitor'], cid, false);
      // Nor can a moderator write into it.
      await assertFails(docIn(rt.db('moderator'), cid, layout.post(TID, 'cp1')).update({status: 'held', statusReason: 'x', body: 'Just between us'}));
    });

    it('a participant’s report opens it to moderators (and admins), not to other members', async () => {
      const cid = 'p-report';
      await rt.admin.writeDocs(world(cid));
      await assertSucceeds(reportWithMarker(rt.db('other'), cid, 'm2', 'rp1'));
      await readsAs(['moderator', 'admin', 'author', 'other'], cid, true);
      await readsAs(['member', 'nonMember', 'visitor'], cid, false);
      await assertSucceeds(docIn(rt.db('moderator'), cid, layout.reportedThread(TID)).get());
      await assertFails(docIn(rt.db('member'), cid, layout.reportedThread(TID)).get());
      // A second report by the other participant keeps it open.
      await assertSucceeds(reportWithMarker(rt.db('author'), cid, 'auth1', 'rp2'));
      // The marker stays: nobody removes it to hide the thread again.
      for (const role of ['author', 'other', 'moderator'] as Role[]) {
        await assertFails(docIn(rt.db(role), cid, layout.reportedThread(TID)).delete());
        await rt.release(role);
      }
    });

    it('the marker cannot be forged: only a participant, only with a new report about this thread, only at server time', async () => {
      const cid = 'p-forge';
      await rt.admin.writeDocs(world(cid));
      const attempts: [string, Role, (db: Db) => Promise<unknown>][] = [
        ['a moderator opening it for themself', 'moderator', (db) => reportWithMarker(db, cid, 'mod1', 'f1')],
        ['a member who is not in the thread', 'member', (db) => reportWithMarker(db, cid, 'm1', 'f2')],
        ['a marker with no report', 'other', (db) => docIn(db, cid, layout.reportedThread(TID)).set({threadId: TID, reportId: 'none', at: ts()})],
        ['a marker naming an old report', 'other', (db) => docIn(db, cid, layout.reportedThread(TID)).set({threadId: TID, reportId: 'r1', at: ts()})],
        ['a marker with a client time', 'other', (db) => reportWithMarker(db, cid, 'm2', 'f3', {at: new Date(T0)})],
        ['a marker for a report about another thread', 'other', (db) => {
          const batch = db.batch();
          batch.set(docIn(db, cid, layout.report('f4')), reportDoc('m2'));
          batch.set(docIn(db, cid, layout.reportedThread(TID)), {threadId: TID, reportId: 'f4', at: ts()});
          return batch.commit();
        }],
        ['a marker whose threadId differs from its id', 'other', (db) => reportWithMarker(db, cid, 'm2', 'f5', {threadId: 't1'})],
        ['a marker with an extra field', 'other', (db) => reportWithMarker(db, cid, 'm2', 'f6', {by: 'm2'})],
        ['a marker on a public thread', 'author', (db) => reportWithMarker(db, cid, 'auth1', 'f7', {}, 't1')],
        ['a suspended member', 'suspended', (db) => reportWithMarker(db, cid, 'sus1', 'f8')],
      ];
      const accepted: string[] = [];
      for (const [name, role, run] of attempts) {
        try {
          await assertFails(run(rt.db(role)));
        } catch {
          accepted.push(`${name} (${role})`);
        }
        await rt.release(role);
      }
      if (accepted.length) throw new Error(`forged markers the rules accepted: ${accepted.join('; ')}`);
      await reads(rt.db('moderator'), cid, false);
    });
  });

  describe('block permanence', () => {
    it('an ended connection (a block) cannot be deleted by either member, so it cannot be asked again', async () => {
      const cid = 'p-block';
      await rt.admin.writeDocs(world(cid));
      await assertFails(docIn(rt.db('other'), cid, layout.connection('m1_m2')).delete());
      await assertFails(docIn(rt.db('member'), cid, layout.connection('m1_m2')).delete());
      // …and so m2 cannot ask m1 again.
      const m2 = rt.db('other');
      const batch = m2.batch();
      batch.set(docIn(m2, cid, layout.connection('m1_m2')), {members: ['m1', 'm2'], requestedBy: 'm2', message: 'Hi again', status: 'pending',
        createdAt: ts(), updatedAt: ts(), threadId: null, endedBy: null});
      batch.set(docIn(m2, cid, layout.connectionLimit('m2')), {windowStart: ts(), count: 1});
      await assertFails(batch.commit());
      // A pending one may still be withdrawn by deleting it.
      await assertSucceeds(docIn(rt.db('other'), cid, layout.connection('adm1_m2')).delete());
    });

    // Issue 11: a block outlives the blocked member's erasure (test/rules/holes.test.ts replays the attack);
    // only the member who ended it removes it, with their own profile.
    it('erasure removes an ended connection only for the member who ended it, with their own profile', async () => {
      const cid = 'p-erase';
      await rt.admin.writeDocs(world(cid));
      const m1 = rt.db('member');
      // Not with a write that leaves the profile in place.
      const keep = m1.batch();
      keep.delete(docIn(m1, cid, layout.connection('m1_m2')));
      keep.delete(docIn(m1, cid, layout.private('m1')));
      await assertFails(keep.commit());
      // The blocked member's erasure keeps it, blanking only the message.
      const m2 = rt.db('other');
      const blocked = m2.batch();
      blocked.delete(docIn(m2, cid, layout.connection('m1_m2')));
      blocked.delete(docIn(m2, cid, layout.member('m2')));
      await assertFails(blocked.commit());
      const kept = m2.batch();
      kept.update(docIn(m2, cid, layout.connection('m1_m2')), {message: ''});
      kept.delete(docIn(m2, cid, layout.member('m2')));
      await assertSucceeds(kept.commit());
      await rt.release('other');
      const erase = m1.batch();
      erase.delete(docIn(m1, cid, layout.connection('m1_m2')));
      erase.delete(docIn(m1, cid, layout.private('m1')));
      erase.delete(docIn(m1, cid, layout.member('m1')));
      await assertSucceeds(erase.commit());
    });
  });
});
