// firestore.rules, issue 15: notifications are the recipient's alone to read and mark read, and no client
// writes one; the Trigger Email queue (mail/{id}) is closed to every client; a member follows only threads
// they can read; email preferences live in the member's own private record. Each refusal is paired with
// the nearest allowed thing, so a refusal cannot come from a malformed payload.
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {baseline, setUp, ts, type RulesEnv} from './rules-fixture.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);

function notification(extra: Record<string, unknown> = {}) {
  return {kind: 'reply', threadId: 't1', postId: 'p1', connectionId: null, reportId: null, reactionKind: null, count: 1, reason: null,
    createdAt: T0, updatedAt: T0, read: false, ...extra};
}

function world(cid: string): [string, Record<string, unknown>][] {
  return [
    ...baseline(cid),
    [pathIn(cid, 'notifications/auth1/items/reply~t1~p1'), notification()],
    [pathIn(cid, 'notifications/m1/items/reply~t1~p3'), notification({postId: 'p3'})],
    [pathIn(cid, 'services/notifications'), {since: T0}],
    [`mail/${cid}~auth1~reply~t1~p1`, {to: 'ari@example.org', message: {subject: 'Someone replied to you in Rules test', text: 'x', html: 'x'}}],
    [pathIn(cid, layout.thread('c_auth1_m2')), {key: null, title: 'Ari · Mo', authorId: 'm2', authorName: 'Mo', createdAt: T0, lastActivityAt: T0,
      postCount: 0, status: 'visible', participants: ['auth1', 'm2'], lastPostId: null}],
  ];
}

describe('firestore.rules: notifications, mail and follows (issue 15)', function () {
  this.timeout(60000);
  let rt: RulesEnv;
  const cid = 'notify';

  before(async () => {
    rt = await setUp('demo-kindred-rules-notify');
    await rt.admin.writeDocs(world(cid));
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });
  afterEach(async () => {
    for (const role of ['author', 'member', 'admin', 'moderator', 'suspended', 'visitor', 'other'] as const) await rt.release(role);
  });

  const mine = pathIn(cid, 'notifications/auth1/items/reply~t1~p1');

  it('a member reads their own notifications (one and the list); nobody else does, not even an admin', async () => {
    const author = rt.db('author');
    await assertSucceeds(author.doc(mine).get());
    await assertSucceeds(collectionIn(author, cid, 'notifications/auth1/items').where('read', '==', false).get());
    await rt.release('author');
    for (const role of ['member', 'admin', 'moderator', 'visitor'] as const) {
      const db = rt.db(role);
      await assertFails(db.doc(mine).get());
      await assertFails(collectionIn(db, cid, 'notifications/auth1/items').get());
      await rt.release(role);
    }
  });

  it('marks their own read (read: true, nothing else); never someone else’s, never unread again, never other fields', async () => {
    const author = rt.db('author');
    await assertFails(author.doc(mine).update({read: true, count: 9}));
    await assertFails(author.doc(mine).update({kind: 'report'}));
    await assertSucceeds(author.doc(mine).update({read: true}));
    await assertFails(author.doc(mine).update({read: false}));
    const member = rt.db('member');
    await assertSucceeds(docIn(member, cid, 'notifications/m1/items/reply~t1~p3').update({read: true}));
    await rt.release('author');
    await rt.release('member');
    await rt.admin.writeDocs([[mine, notification()]]);
    for (const role of ['member', 'admin'] as const) {
      await assertFails(rt.db(role).doc(mine).update({read: true}));
      await rt.release(role);
    }
  });

  it('no client writes a notification: not their own, not anyone’s, and none is deleted', async () => {
    for (const role of ['author', 'admin', 'moderator'] as const) {
      const db = rt.db(role);
      await assertFails(docIn(db, cid, 'notifications/auth1/items/forged').set(notification({read: false})));
      await assertFails(docIn(db, cid, 'notifications/m1/items/forged').set(notification()));
      await assertFails(db.doc(mine).set(notification({read: true})));
      await assertFails(db.doc(mine).delete());
      await assertFails(docIn(db, cid, 'notifications/auth1').set({digestAt: ts()}));
      await assertFails(docIn(db, cid, 'notifications/auth1').get());
      await rt.release(role);
    }
  });

  it('mail/{id} is closed to every client: no read, create, edit or delete', async () => {
    const mail = `mail/${cid}~auth1~reply~t1~p1`;
    for (const role of ['author', 'admin', 'visitor'] as const) {
      const db = rt.db(role);
      await assertFails(db.doc(mail).get());
      await assertFails(db.collection('mail').get());
      await assertFails(db.doc(mail).update({to: 'attacker@example.org'}));
      await assertFails(db.doc('mail/new').set({to: 'someone@example.org', message: {subject: 'Hi', text: 'spam'}}));
      await assertFails(db.doc(mail).delete());
      await rt.release(role);
    }
  });

  it('services/notifications tells signed-in users whether notifications are on; nobody writes it', async () => {
    await assertSucceeds(docIn(rt.db('member'), cid, 'services/notifications').get());
    await assertFails(docIn(rt.db('admin'), cid, 'services/notifications').set({since: ts()}));
    await assertFails(docIn(rt.db('visitor'), cid, 'services/notifications').get());
  });

  it('a member follows or mutes a thread they can read, as themself; not a private thread of others; not while suspended', async () => {
    const follow = (uid: string, state = 'following') => ({uid, state, at: ts()});
    const member = rt.db('member');
    await assertSucceeds(docIn(member, cid, 'threads/t1/followers/m1').set(follow('m1')));
    await assertSucceeds(docIn(member, cid, 'threads/t1/followers/m1').set(follow('m1', 'muted')));
    await assertSucceeds(docIn(member, cid, 'threads/t1/followers/m1').get());
    await assertFails(docIn(member, cid, 'threads/t1/followers/m1').set(follow('m1', 'everything')));
    await assertFails(docIn(member, cid, 'threads/t1/followers/auth1').set(follow('auth1')));
    await assertFails(collectionIn(member, cid, 'threads/t1/followers').get());
    await assertFails(docIn(member, cid, 'threads/c_auth1_m2/followers/m1').set(follow('m1')));
    await assertSucceeds(docIn(rt.db('author'), cid, 'threads/c_auth1_m2/followers/auth1').set(follow('auth1')));
    await assertFails(docIn(rt.db('suspended'), cid, 'threads/t1/followers/sus1').set(follow('sus1')));
  });

  it('email preferences: the member sets their own (off / immediate / daily, an address, en or cy); bad values are refused', async () => {
    const member = rt.db('member');
    const ref = docIn(member, cid, layout.private('m1'));
    await assertSucceeds(ref.update({notify: {email: 'immediate', address: 'mel@example.org', language: 'cy'}}));
    await assertSucceeds(ref.update({notify: {email: 'daily', address: null, language: 'en'}}));
    await assertFails(ref.update({notify: {email: 'hourly', address: null, language: 'en'}}));
    await assertFails(ref.update({notify: {email: 'daily', address: 'not an address', language: 'en'}}));
    await assertFails(ref.update({notify: {email: 'daily', address: null, language: 'fr'}}));
    await assertFails(ref.update({notify: {email: 'daily', address: null, language: 'en', extra: 1}}));
    await assertFails(docIn(rt.db('author'), cid, layout.private('m1')).update({notify: {email: 'off', address: null, language: 'en'}}));
  });
});
