// firestore.rules: per-member write limits (issue 7, "Limits against abuse"), on the real emulator.
// A community sets settings.postIntervalSeconds and settings.reportsPerHour; each post / report moves
// the member's limits/{uid} doc in the same batch (as FirebaseStore writes it), and that doc's own rule
// refuses a post sooner than the interval and a report beyond the hourly cap. Missing settings mean no
// limit (the other rules suites post and report freely in communities without them).
//
// The cast (rules-fixture.ts): m1 (member), m2 (other), auth1 (author), sus1 (suspended), mod1.
import {expect} from '@open-wc/testing';
import firebase from 'firebase/compat/app';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, newPost, reportDoc, ts, type Db, type Role, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const past = (ms: number) => firebase.firestore.Timestamp.fromMillis(Date.now() - ms);
const future = () => firebase.firestore.Timestamp.fromMillis(Date.now() + 3600_000);

/** The baseline community with write limits in its settings. */
function world(cid: string, settings: Record<string, unknown>): [string, Record<string, unknown>][] {
  const docs = baseline(cid);
  const community = docs.find(([p]) => p === pathIn(cid))![1] as {settings: Record<string, unknown>};
  Object.assign(community.settings, settings);
  return docs;
}

type LimitWrite = 'create' | 'update' | 'none' | Record<string, unknown>;

/** A post in t1 as FirebaseStore writes it: the post, the thread bump and the member's limits doc. */
function post(db: Db, cid: string, uid: string, pid: string, limits: LimitWrite = 'update', name = uid === 'm1' ? 'Mel' : 'Mo') {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.post('t1', pid)), newPost(uid, name));
  batch.update(docIn(db, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
  const ref = docIn(db, cid, layout.limits(uid));
  if (limits === 'create') batch.set(ref, {lastPostAt: ts(), lastPost: `t1/${pid}`, reportWindowStart: null, reportCount: 0, lastReportId: null});
  else if (limits === 'update') batch.update(ref, {lastPostAt: ts(), lastPost: `t1/${pid}`});
  else if (limits !== 'none') batch.set(ref, limits);
  return batch.commit();
}

/** A report as FirebaseStore writes it: the report and the member's limits doc. */
function report(db: Db, cid: string, uid: string, rid: string, limits: 'first' | 'next' | 'new-window' | 'none' | Record<string, unknown> = 'next') {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.report(rid)), reportDoc(uid));
  const ref = docIn(db, cid, layout.limits(uid));
  if (limits === 'first') batch.set(ref, {lastPostAt: null, lastPost: null, reportWindowStart: ts(), reportCount: 1, lastReportId: rid});
  else if (limits === 'next') batch.update(ref, {reportCount: FieldValue.increment(1), lastReportId: rid});
  else if (limits === 'new-window') batch.update(ref, {reportWindowStart: ts(), reportCount: 1, lastReportId: rid});
  else if (limits !== 'none') batch.update(ref, limits);
  return batch.commit();
}

describe('firestore.rules: write limits (issue 7)', function () {
  this.timeout(60000);
  let rt: RulesEnv;

  useRulesEnv('demo-kindred-rules-limits', (e) => (rt = e));

  describe('posting interval (settings.postIntervalSeconds)', () => {
    it('a second post within the interval is refused; once the interval has passed it is allowed', async () => {
      const cid = 'l-interval';
      await rt.admin.writeDocs(world(cid, {postIntervalSeconds: 2}));
      const m1 = rt.db('member');
      await assertSucceeds(post(m1, cid, 'm1', 'a1', 'create'));
      await assertFails(post(m1, cid, 'm1', 'a2'));
      // Another member is not slowed down by m1.
      await assertSucceeds(post(rt.db('other'), cid, 'm2', 'b1', 'create'));
      await new Promise((r) => setTimeout(r, 2100));
      await assertSucceeds(post(m1, cid, 'm1', 'a3'));
      await assertFails(post(m1, cid, 'm1', 'a4'));
    });

    it('a post must move the limits doc and be the one it names', async () => {
      const cid = 'l-names';
      await rt.admin.writeDocs([...world(cid, {postIntervalSeconds: 10}),
        [pathIn(cid, layout.limits('m1')), {lastPostAt: new Date(Date.now() - 60_000), lastPost: 't1/old', reportWindowStart: null, reportCount: 0, lastReportId: null}]]);
      const m1 = rt.db('member');
      await assertFails(post(m1, cid, 'm1', 'n1', 'none'));
      // Naming another post.
      await assertFails(post(m1, cid, 'm1', 'n2', {lastPostAt: ts(), lastPost: 't1/someone-else', reportWindowStart: null, reportCount: 0, lastReportId: null}));
      // A bump made earlier (reserving "t1/n3") does not admit the post later without a new bump.
      await assertSucceeds(docIn(m1, cid, layout.limits('m1')).update({lastPostAt: ts(), lastPost: 't1/n3'}));
      await assertFails(post(m1, cid, 'm1', 'n3', 'none'));
    });

    it('one bump admits one post: a batch of several new threads with one limits move is refused', async () => {
      const cid = 'l-batch';
      await rt.admin.writeDocs(world(cid, {postIntervalSeconds: 10}));
      const m1 = rt.db('member');
      const batch = m1.batch();
      for (const tid of ['x1', 'x2']) {
        batch.set(docIn(m1, cid, layout.post(tid, `${tid}p`)), newPost('m1', 'Mel'));
        batch.set(docIn(m1, cid, layout.thread(tid)), {key: null, title: 'Spam', authorId: 'm1', authorName: 'Mel', createdAt: ts(),
          lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: `${tid}p`});
      }
      batch.set(docIn(m1, cid, layout.limits('m1')), {lastPostAt: ts(), lastPost: 'x1/x1p', reportWindowStart: null, reportCount: 0, lastReportId: null});
      await assertFails(batch.commit());
    });

    it('without the setting (or with 0) there is no interval and no limits doc is needed', async () => {
      for (const [cid, settings] of [['l-none', {}], ['l-zero', {postIntervalSeconds: 0}]] as const) {
        await rt.admin.writeDocs(world(cid, settings));
        const m1 = rt.db('member');
        await assertSucceeds(post(m1, cid, 'm1', 'z1', 'none'));
        await assertSucceeds(post(m1, cid, 'm1', 'z2', 'none'));
      }
    });
  });

  describe('report cap (settings.reportsPerHour)', () => {
    it('ten reports in an hour are allowed; the eleventh is refused, however the count is written', async () => {
      const cid = 'l-reports';
      await rt.admin.writeDocs(world(cid, {reportsPerHour: 10}));
      const m1 = rt.db('member');
      await assertSucceeds(report(m1, cid, 'm1', 'q1', 'first'));
      for (let i = 2; i <= 10; i++) await assertSucceeds(report(m1, cid, 'm1', `q${i}`));
      await assertFails(report(m1, cid, 'm1', 'q11'));
      await assertFails(report(m1, cid, 'm1', 'q12', 'new-window'));
      await assertFails(report(m1, cid, 'm1', 'q13', 'none'));
      await assertFails(report(m1, cid, 'm1', 'q14', {reportCount: 1, lastReportId: 'q14'}));
      // Another member still may.
      await assertSucceeds(report(rt.db('other'), cid, 'm2', 'r-m2', 'first'));
    });

    it('after the hour a new window starts at one', async () => {
      const cid = 'l-window';
      await rt.admin.writeDocs([...world(cid, {reportsPerHour: 10}),
        [pathIn(cid, layout.limits('m1')), {lastPostAt: null, lastPost: null, reportWindowStart: new Date(Date.now() - 61 * 60_000), reportCount: 10, lastReportId: 'old'}]]);
      const m1 = rt.db('member');
      await assertFails(report(m1, cid, 'm1', 'w0', 'next'));
      await assertSucceeds(report(m1, cid, 'm1', 'w1', 'new-window'));
      await assertSucceeds(report(m1, cid, 'm1', 'w2', 'next'));
    });

    it('a report must be the one the limits doc counts: one bump never covers two reports', async () => {
      const cid = 'l-one';
      await rt.admin.writeDocs(world(cid, {reportsPerHour: 10}));
      const m1 = rt.db('member');
      await assertFails(report(m1, cid, 'm1', 'o1', 'none'));
      await assertFails(report(m1, cid, 'm1', 'o2', {lastPostAt: null, lastPost: null, reportWindowStart: ts(), reportCount: 1, lastReportId: 'other'}));
      const batch = m1.batch();
      batch.set(docIn(m1, cid, layout.report('o3')), reportDoc('m1'));
      batch.set(docIn(m1, cid, layout.report('o4')), reportDoc('m1'));
      batch.set(docIn(m1, cid, layout.limits('m1')), {lastPostAt: null, lastPost: null, reportWindowStart: ts(), reportCount: 1, lastReportId: 'o3'});
      await assertFails(batch.commit());
    });
  });

  describe('the limits doc itself', () => {
    const cid = 'l-doc';
    const seeded = () => ({lastPostAt: new Date(Date.now() - 5_000), lastPost: 't1/s1', reportWindowStart: new Date(Date.now() - 60_000), reportCount: 9, lastReportId: 'r9'});
    before(async () => {
      await rt.admin.writeDocs([...world(cid, {postIntervalSeconds: 600, reportsPerHour: 10}),
        [pathIn(cid, layout.limits('m1')), seeded()], [pathIn(cid, layout.limits('m2')), seeded()]]);
    });

    it('is read by its member only', async () => {
      await assertSucceeds(docIn(rt.db('member'), cid, layout.limits('m1')).get());
      for (const role of ['other', 'moderator', 'admin', 'nonMember', 'visitor'] as Role[]) {
        await assertFails(docIn(rt.db(role), cid, layout.limits('m1')).get());
        await rt.release(role);
      }
      await assertFails(collectionIn(rt.db('moderator'), cid, 'limits').get());
    });

    const attempts: [string, Role, (db: Db) => Promise<unknown>][] = [
      ['a forged, older post time (to skip the interval)', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({lastPostAt: past(3600_000), lastPost: 't1/f1'})],
      ['a post time in the future', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({lastPostAt: future(), lastPost: 't1/f2'})],
      ['a post within the interval with a server time', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({lastPostAt: ts(), lastPost: 't1/f3'})],
      ['a forged report window start (to open a new hour)', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({reportWindowStart: past(2 * 3600_000), reportCount: 1, lastReportId: 'f4'})],
      ['resetting the report counter', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({reportCount: 0, lastReportId: 'f5'})],
      ['restarting the window while it is open', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({reportWindowStart: ts(), reportCount: 1, lastReportId: 'f6'})],
      ['counting two at once', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({reportCount: 11, lastReportId: 'f7'})],
      ['deleting it (to start afresh)', 'member', (db) => docIn(db, cid, layout.limits('m1')).delete()],
      ['replacing it with a blank record', 'member', (db) => docIn(db, cid, layout.limits('m1')).set({lastPostAt: null, lastPost: null, reportWindowStart: null, reportCount: 0, lastReportId: null})],
      ['an extra field', 'member', (db) => docIn(db, cid, layout.limits('m1')).update({lastPostAt: ts(), lastPost: 't1/f8', note: 'x'})],
      ['creating one with a client time', 'author', (db) => docIn(db, cid, layout.limits('auth1')).set({lastPostAt: past(60_000), lastPost: 't1/f9', reportWindowStart: null, reportCount: 0, lastReportId: null})],
      ['creating one with a head start on reports', 'author', (db) => docIn(db, cid, layout.limits('auth1')).set({lastPostAt: null, lastPost: null, reportWindowStart: ts(), reportCount: -50, lastReportId: 'f10'})],
      ['another member’s limits doc (update)', 'member', (db) => docIn(db, cid, layout.limits('m2')).update({reportCount: 0, lastReportId: 'f11'})],
      ['another member’s limits doc (create)', 'member', (db) => docIn(db, cid, layout.limits('auth1')).set({lastPostAt: ts(), lastPost: 't1/f12', reportWindowStart: null, reportCount: 0, lastReportId: null})],
      ['another member’s limits doc (delete)', 'moderator', (db) => docIn(db, cid, layout.limits('m2')).delete()],
      ['a suspended member’s own', 'suspended', (db) => docIn(db, cid, layout.limits('sus1')).set({lastPostAt: ts(), lastPost: 't1/f13', reportWindowStart: null, reportCount: 0, lastReportId: null})],
      ['a visitor', 'visitor', (db) => docIn(db, cid, layout.limits('m1')).update({reportCount: 0})],
    ];
    it(`client-set limit docs: ${attempts.length} forged writes are all refused`, async () => {
      const accepted: string[] = [];
      for (const [name, role, run] of attempts) {
        try {
          await assertFails(run(rt.db(role)));
        } catch {
          accepted.push(`${name} (${role})`);
        }
        // One client at a time: Chrome allows 6 connections per host (rules-fixture.ts).
        await rt.release(role);
      }
      expect(accepted, 'forged limit writes the rules accepted').to.deep.equal([]);
    });

    // Issue 11: the limits outlive erasure (erasing would reset them); erasure blanks what points at content.
    it('the member’s own, shaped as a real post or report, is accepted; erasure keeps it, blanking its pointers', async () => {
      const m1 = rt.db('member');
      await assertSucceeds(report(m1, cid, 'm1', 'r10', 'next'));
      await assertFails(report(m1, cid, 'm1', 'r11', 'next'));
      const del = m1.batch();
      del.delete(docIn(m1, cid, layout.limits('m1')));
      del.delete(docIn(m1, cid, layout.private('m1')));
      del.delete(docIn(m1, cid, layout.member('m1')));
      await assertFails(del.commit());
      // Not while the member still exists.
      await assertFails(docIn(m1, cid, layout.limits('m1')).update({lastPost: null, lastReportId: null}));
      const batch = m1.batch();
      batch.update(docIn(m1, cid, layout.limits('m1')), {lastPost: null, lastReportId: null});
      batch.delete(docIn(m1, cid, layout.private('m1')));
      batch.delete(docIn(m1, cid, layout.member('m1')));
      await assertSucceeds(batch.commit());
      // Nor can the blanking reset the counts.
      await assertFails(docIn(m1, cid, layout.limits('m1')).update({reportCount: 0}));
    });

    it('community settings: an admin may set the limits, within bounds', async () => {
      const admin = rt.db('admin');
      const settings = (extra: Record<string, unknown>) => ({
        visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [],
        guidelinesVersion: 'g2', consentVersion: 'c1', ...extra,
      });
      await assertSucceeds(admin.doc(pathIn(cid)).update({settings: settings({postIntervalSeconds: 10, reportsPerHour: 10})}));
      await assertFails(admin.doc(pathIn(cid)).update({settings: settings({postIntervalSeconds: -1})}));
      await assertFails(admin.doc(pathIn(cid)).update({settings: settings({reportsPerHour: 'many'})}));
      await assertFails(rt.db('moderator').doc(pathIn(cid)).update({settings: settings({postIntervalSeconds: 0})}));
    });
  });
});
