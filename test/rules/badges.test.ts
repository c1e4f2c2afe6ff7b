// Issue 12 (finding 8): communities/{cid}/badges/{uid}, the public projection of roles/{uid} that posts
// read their authors' badges from. Everyone who may read the community may read it; it can only ever hold
// what roles/{uid} holds after the same batch, so no one can give themself a badge through it; it goes
// when the roles go. On the real emulator with ./firestore.rules ("issue 12: public badges").
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {baseline, rolesDoc, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';


describe('firestore.rules: public badges (issue 12)', function () {
  this.timeout(180000);
  let rt: RulesEnv;
  useRulesEnv('demo-kindred-rules-badges', (e) => (rt = e));

  it('is read by anyone in a public community, and by members only in a members-only one', async () => {
    await rt.admin.writeDocs(baseline('bd-pub'));
    await rt.admin.writeDocs(baseline('bd-mem', 'members'));
    await assertSucceeds(collectionIn(rt.db('visitor'), 'bd-pub', layout.badges).get());
    await assertSucceeds(docIn(rt.db('visitor'), 'bd-pub', layout.badge('adm1')).get());
    await rt.release('visitor');
    await assertFails(collectionIn(rt.db('visitor'), 'bd-mem', layout.badges).get());
    await assertFails(collectionIn(rt.db('nonMember'), 'bd-mem', layout.badges).get());
    await assertSucceeds(collectionIn(rt.db('member'), 'bd-mem', layout.badges).get());
  });

  it('holds only what roles/{uid} holds after the batch: no self-made badge, no stale one', async () => {
    const cid = 'bd-write';
    await rt.admin.writeDocs(baseline(cid));
    const member = rt.db('member');
    // m1 gives themself a badge: refused (no roles document says so), alone or with a forged roles document.
    await assertFails(docIn(member, cid, layout.badge('m1')).set({roles: ['admin'], clinicianScope: null}));
    const forged = member.batch();
    forged.set(docIn(member, cid, layout.roles('m1')), rolesDoc('m1', 'm1', {roles: ['admin']}));
    forged.set(docIn(member, cid, layout.badge('m1')), {roles: ['admin'], clinicianScope: null});
    await assertFails(forged.commit());
    // Nor may anyone remove or change a true badge while the role stands.
    await assertFails(docIn(member, cid, layout.badge('adm1')).set({roles: [], clinicianScope: null}));
    await assertFails(docIn(member, cid, layout.badge('adm1')).delete());
    await rt.release('member');

    const admin = rt.db('admin');
    // An admin's grant: roles and badges in one batch, equal. A badge that disagrees, or carries more, is refused.
    const grant = (badges: Record<string, unknown>) => {
      const b = admin.batch();
      b.set(docIn(admin, cid, layout.roles('m1')), rolesDoc('m1', 'adm1', {roles: ['moderator']}));
      b.set(docIn(admin, cid, layout.badge('m1')), badges);
      return b.commit();
    };
    await assertFails(grant({roles: ['admin'], clinicianScope: null}));
    await assertFails(grant({roles: ['moderator'], clinicianScope: null, note: 'x'}));
    await assertSucceeds(grant({roles: ['moderator'], clinicianScope: null}));
    // The role alone, leaving the badge behind, cannot be revoked into a stale badge by the badge write.
    await assertFails(docIn(admin, cid, layout.badge('m1')).set({roles: [], clinicianScope: null}));
    await rt.release('admin');
  });

  it('goes with the roles document (erasure), never before it', async () => {
    const cid = 'bd-erase';
    await rt.admin.writeDocs(baseline(cid));
    const author = rt.db('author');
    await assertFails(docIn(author, cid, layout.badge('auth1')).delete());
    await rt.admin.deleteDocs([pathIn(cid, layout.roles('auth1'))]);
    await assertSucceeds(docIn(author, cid, layout.badge('auth1')).delete());
    await assertFails(docIn(rt.db('visitor'), cid, layout.badge('adm1')).delete());
  });
});
