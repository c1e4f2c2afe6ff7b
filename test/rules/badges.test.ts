// Issue 12 (finding 8): communities/{cid}/badges/{uid}, the public projection of roles/{uid} that posts
// read their authors' badges from. Everyone who may read the community may read it; it can only ever hold
// what roles/{uid} holds after the same batch, so no one can give themself a badge through it; it goes
// when the roles go. On the real emulator with ./firestore.rules ("issue 12: public badges").
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {ROLES, baseline, rolesDoc, setUp, type RulesEnv} from './rules-fixture.js';

const P = (cid: string) => `communities/${cid}`;

describe('firestore.rules: public badges (issue 12)', function () {
  this.timeout(180000);
  let rt: RulesEnv;
  before(async () => {
    rt = await setUp('demo-kindred-rules-badges');
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });
  afterEach(async () => {
    for (const role of ROLES) await rt.release(role);
  });

  it('is read by anyone in a public community, and by members only in a members-only one', async () => {
    await rt.admin.writeDocs(baseline('bd-pub'));
    await rt.admin.writeDocs(baseline('bd-mem', 'members'));
    await assertSucceeds(rt.db('visitor').collection(`${P('bd-pub')}/badges`).get());
    await assertSucceeds(rt.db('visitor').doc(`${P('bd-pub')}/badges/adm1`).get());
    await rt.release('visitor');
    await assertFails(rt.db('visitor').collection(`${P('bd-mem')}/badges`).get());
    await assertFails(rt.db('nonMember').collection(`${P('bd-mem')}/badges`).get());
    await assertSucceeds(rt.db('member').collection(`${P('bd-mem')}/badges`).get());
  });

  it('holds only what roles/{uid} holds after the batch: no self-made badge, no stale one', async () => {
    const cid = 'bd-write';
    await rt.admin.writeDocs(baseline(cid));
    const member = rt.db('member');
    // m1 gives themself a badge: refused (no roles document says so), alone or with a forged roles document.
    await assertFails(member.doc(`${P(cid)}/badges/m1`).set({roles: ['admin'], clinicianScope: null}));
    const forged = member.batch();
    forged.set(member.doc(`${P(cid)}/roles/m1`), rolesDoc('m1', 'm1', {roles: ['admin']}));
    forged.set(member.doc(`${P(cid)}/badges/m1`), {roles: ['admin'], clinicianScope: null});
    await assertFails(forged.commit());
    // Nor may anyone remove or change a true badge while the role stands.
    await assertFails(member.doc(`${P(cid)}/badges/adm1`).set({roles: [], clinicianScope: null}));
    await assertFails(member.doc(`${P(cid)}/badges/adm1`).delete());
    await rt.release('member');

    const admin = rt.db('admin');
    // An admin's grant: roles and badges in one batch, equal. A badge that disagrees, or carries more, is refused.
    const grant = (badges: Record<string, unknown>) => {
      const b = admin.batch();
      b.set(admin.doc(`${P(cid)}/roles/m1`), rolesDoc('m1', 'adm1', {roles: ['moderator']}));
      b.set(admin.doc(`${P(cid)}/badges/m1`), badges);
      return b.commit();
    };
    await assertFails(grant({roles: ['admin'], clinicianScope: null}));
    await assertFails(grant({roles: ['moderator'], clinicianScope: null, note: 'x'}));
    await assertSucceeds(grant({roles: ['moderator'], clinicianScope: null}));
    // The role alone, leaving the badge behind, cannot be revoked into a stale badge by the badge write.
    await assertFails(admin.doc(`${P(cid)}/badges/m1`).set({roles: [], clinicianScope: null}));
    await rt.release('admin');
  });

  it('goes with the roles document (erasure), never before it', async () => {
    const cid = 'bd-erase';
    await rt.admin.writeDocs(baseline(cid));
    const author = rt.db('author');
    await assertFails(author.doc(`${P(cid)}/badges/auth1`).delete());
    await rt.admin.deleteDocs([`${P(cid)}/roles/auth1`]);
    await assertSucceeds(author.doc(`${P(cid)}/badges/auth1`).delete());
    await assertFails(rt.db('visitor').doc(`${P(cid)}/badges/adm1`).delete());
  });
});
