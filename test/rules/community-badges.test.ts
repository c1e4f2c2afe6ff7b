// Issue 16: the authors' current badges are the community document's `badges` map ({uid: roles[]}), so a
// visitor's first view gets them with the community document it reads anyway (no badges listener: two
// billed reads fewer per view). firestore.rules "issue 16": only a batch that writes roles/{uid}
// (updatedAt == request.time) may touch badges.{uid}, and only to what roles/{uid} holds afterwards; it goes
// with the roles document (erasure). Nobody changes anything else of the community document this way.
// On the real emulator with ./firestore.rules.
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {FieldValue, baseline, rolesDoc, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';


describe('firestore.rules: badges on the community document (issue 16)', function () {
  this.timeout(180000);
  let rt: RulesEnv;
  useRulesEnv('demo-kindred-rules-community-badges', (e) => (rt = e));

  it('is written only with a roles change, and only as what roles/{uid} holds after the batch', async () => {
    const cid = 'cb-grant';
    await rt.admin.writeDocs(baseline(cid));
    const admin = rt.db('admin');
    const grant = (badges: unknown, extra: Record<string, unknown> = {}, withRoles = true) => {
      const b = admin.batch();
      if (withRoles) b.set(docIn(admin, cid, layout.roles('m1')), rolesDoc('m1', 'adm1', {roles: ['moderator']}));
      b.update(admin.doc(pathIn(cid)), {'badges.m1': badges, badgesUid: 'm1', ...extra});
      return b.commit();
    };
    // A badge that disagrees with the roles written beside it, or no roles write at all: refused.
    await assertFails(grant(['admin']));
    await assertFails(grant(['moderator'], {}, false));
    // Another member's entry, or another field of the community, in the same write: refused.
    await assertFails(grant(['moderator'], {'badges.m2': ['admin']}));
    await assertFails(grant(['moderator'], {name: {en: 'Renamed'}}));
    // Naming someone else than the entry that moves: refused.
    const misnamed = admin.batch();
    misnamed.set(docIn(admin, cid, layout.roles('m1')), rolesDoc('m1', 'adm1', {roles: ['moderator']}));
    misnamed.update(admin.doc(pathIn(cid)), {'badges.m1': ['moderator'], badgesUid: 'm2'});
    await assertFails(misnamed.commit());
    // The grant as the stores write it: roles and badges.{uid} in one batch, equal.
    await assertSucceeds(grant(['moderator']));
    const raw = await rt.admin.getRaw(pathIn(cid)) as {badges?: {mapValue?: {fields?: Record<string, {arrayValue?: {values?: {stringValue?: string}[]}}>}}};
    const m1 = raw?.badges?.mapValue?.fields?.m1?.arrayValue?.values?.map((v) => v.stringValue);
    if (JSON.stringify(m1) !== JSON.stringify(['moderator'])) throw new Error(`badges.m1 is ${JSON.stringify(m1)}`);
    await rt.release('admin');
    // Anyone who may read the community reads them with it.
    await assertSucceeds(rt.db('visitor').doc(pathIn(cid)).get());
  });

  it('cannot be forged by a member: no self-made badge, alone or with a forged roles document', async () => {
    const cid = 'cb-forge';
    await rt.admin.writeDocs(baseline(cid));
    const member = rt.db('member');
    await assertFails(member.doc(pathIn(cid)).update({'badges.m1': ['admin'], badgesUid: 'm1'}));
    const forged = member.batch();
    forged.set(docIn(member, cid, layout.roles('m1')), rolesDoc('m1', 'm1', {roles: ['admin']}));
    forged.update(member.doc(pathIn(cid)), {'badges.m1': ['admin'], badgesUid: 'm1'});
    await assertFails(forged.commit());
    // Nor remove someone's true badge while their role stands.
    await assertFails(member.doc(pathIn(cid)).update({'badges.adm1': FieldValue.delete(), badgesUid: 'adm1'}));
    await assertFails(rt.db('visitor').doc(pathIn(cid)).update({'badges.m1': ['admin'], badgesUid: 'm1'}));
  });

  it('goes with the roles document (erasure), never before it', async () => {
    const cid = 'cb-erase';
    await rt.admin.writeDocs(baseline(cid));
    const author = rt.db('author');
    // auth1 (a founder) removes their badge while the roles document stands: refused.
    await assertFails(author.doc(pathIn(cid)).update({'badges.auth1': FieldValue.delete(), badgesUid: 'auth1'}));
    // With the roles document's deletion in the same batch (erasure, which removes the profile too): allowed.
    const erase = author.batch();
    erase.delete(docIn(author, cid, layout.member('auth1')));
    erase.delete(docIn(author, cid, layout.roles('auth1')));
    erase.update(author.doc(pathIn(cid)), {'badges.auth1': FieldValue.delete(), badgesUid: 'auth1'});
    await assertSucceeds(erase.commit());
  });
});
