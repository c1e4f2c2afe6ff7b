// firestore.rules, issue 14: invites instead of hand-written roles. Tokens are forged the way Firebase Auth
// would issue them (an email link gives `email` and `email_verified: true`), over the real emulator.
// Refused: claiming another address's invite, an unverified address, an expired / used / revoked invite,
// reuse, a forged role or scope, a roles doc without its claim, a moderator inviting an admin, self-invites,
// claiming an invite one made oneself. Allowed: the claims themselves, invites by admins and moderators,
// revocation.
//
// The cast (rules-fixture.ts): m1 Mel (member, mel@example.org), m2 Mo (member, mo@example.org), mod1
// (moderator, max@example.org), adm1 (admin, ada@example.org), outsider (signed in, not a member).
import {expect} from '@open-wc/testing';
import firebase from 'firebase/compat/app';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {baseline, rolesDoc, setUp, ts, type Db, type RulesEnv} from './rules-fixture.js';
import {claimedRoles, type Invite} from '../../src/data/invites.js';
import {emptyRoles} from '../../src/data/domain/members.js';
import type {RoleName} from '../../src/data/types.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const DAY = 86400000;
const EMAIL: Record<string, string> = {m1: 'mel@example.org', m2: 'mo@example.org', mod1: 'max@example.org', adm1: 'ada@example.org', outsider: 'olly@example.org'};

/** Seeded invites (ids are 16+ url-safe characters, as the rules ask). */
const INV = {
  mod: 'inviteModeratorMel01', clin: 'inviteClinicianMel01', admin: 'inviteAdminForMel001', expired: 'inviteExpiredMel0001',
  used: 'inviteUsedMel0000001', revoked: 'inviteRevokedMel0001', own: 'inviteMaxByMax000001',
};

function invite(email: string, role: RoleName, extra: Partial<Record<keyof Invite, unknown>> = {}): Record<string, unknown> {
  return {
    email, role, clinicianScope: role === 'clinician' ? 'Asthma nurse' : null, invitedBy: 'adm1',
    createdAt: new Date(Date.now() - DAY), expiresAt: new Date(Date.now() + 14 * DAY), claimedBy: null, claimedAt: null, revokedBy: null,
    ...extra,
  };
}

let n = 0;
async function world(rt: RulesEnv): Promise<string> {
  const cid = `invites-${++n}`;
  const docs = baseline(cid);
  docs.push(
    [pathIn(cid, `invites/${INV.mod}`), invite(EMAIL.m1, 'moderator')],
    [pathIn(cid, `invites/${INV.clin}`), invite(EMAIL.m1, 'clinician')],
    [pathIn(cid, `invites/${INV.admin}`), invite(EMAIL.m1, 'admin')],
    [pathIn(cid, `invites/${INV.expired}`), invite(EMAIL.m1, 'moderator', {expiresAt: new Date(Date.now() - 1000)})],
    [pathIn(cid, `invites/${INV.used}`), invite(EMAIL.m1, 'moderator', {claimedBy: 'm2', claimedAt: new Date()})],
    [pathIn(cid, `invites/${INV.revoked}`), invite(EMAIL.m1, 'moderator', {revokedBy: 'adm1'})],
    // A moderator's invite for their own address (made before a rule change, or by a script): never claimable by them.
    [pathIn(cid, `invites/${INV.own}`), invite(EMAIL.mod1, 'moderator', {invitedBy: 'mod1'})],
  );
  await rt.admin.writeDocs(docs);
  return cid;
}

describe('firestore.rules: invites (issue 14)', function () {
  this.timeout(120000);
  let rt: RulesEnv;
  const open: Db[] = [];

  /** A Firestore client for `uid` with a forged Auth token: a verified email unless told otherwise. */
  function as(uid: string, token: {email?: string; email_verified?: boolean} = {email: EMAIL[uid], email_verified: true}): Db {
    const db = rt.env.authenticatedContext(uid, token).firestore() as unknown as Db;
    open.push(db);
    return db;
  }

  /** The claim batch as the stores write it: invite, own roles doc, badges. */
  function claim(db: Db, cid: string, uid: string, id: string, inv: Invite | null, override: {roles?: RoleName[]; scope?: string | null; verifiedBy?: string; skipInvite?: boolean} = {}) {
    const stored = inv ?? ({id, role: 'moderator', clinicianScope: null, invitedBy: 'adm1'} as Invite);
    const next = claimedRoles(emptyRoles(uid), stored, 0);
    const roles = override.roles ?? next.roles;
    const scope = override.scope !== undefined ? override.scope : next.clinicianScope;
    const batch = db.batch();
    if (!override.skipInvite) batch.update(docIn(db, cid, `invites/${id}`), {claimedBy: uid, claimedAt: ts()});
    batch.set(docIn(db, cid, layout.roles(uid)), rolesDoc(uid, `invite:${id}`, {
      roles, clinicianScope: scope, verifiedBy: override.verifiedBy ?? next.verifiedBy, verifiedAt: next.verifiedAt === null ? null : ts(),
    }));
    batch.update(docIn(db, cid, layout.member(uid)), {badges: roles, clinicianScope: scope});
    return batch.commit();
  }
  const mod = (id: string) => ({id, role: 'moderator', clinicianScope: null, invitedBy: 'adm1'} as Invite);
  const newInvite = (db: Db, cid: string, id: string, data: Record<string, unknown>) => docIn(db, cid, `invites/${id}`).set({
    ...data, createdAt: ts(), expiresAt: firebase.firestore.Timestamp.fromMillis(Date.now() + 14 * DAY),
  });

  before(async () => {
    rt = await setUp('demo-kindred-rules-invites');
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.terminate()));
  });

  describe('claiming', () => {
    it('a member whose verified email matches claims a moderator invite, and can then moderate', async () => {
      const cid = await world(rt);
      const m1 = as('m1');
      await assertFails(collectionIn(m1, cid, layout.reports).get());
      await assertSucceeds(claim(m1, cid, 'm1', INV.mod, mod(INV.mod)));
      await assertSucceeds(collectionIn(m1, cid, layout.reports).get());
      const roles = await rt.admin.getRaw(pathIn(cid, layout.roles('m1')));
      expect(roles?.grantedBy).to.deep.equal({stringValue: `invite:${INV.mod}`});
    });

    it('a clinician invite gives the scope it names, verified by the admin who invited', async () => {
      const cid = await world(rt);
      const inv = {id: INV.clin, role: 'clinician', clinicianScope: 'Asthma nurse', invitedBy: 'adm1'} as Invite;
      await assertSucceeds(claim(as('m1'), cid, 'm1', INV.clin, inv));
      const member = await rt.admin.getRaw(pathIn(cid, layout.member('m1')));
      expect(member?.clinicianScope).to.deep.equal({stringValue: 'Asthma nurse'});
    });

    it('an admin invite makes a working admin (who can then change the settings)', async () => {
      const cid = await world(rt);
      const m1 = as('m1');
      const settings = {visibility: 'public', moderation: 'first-posts', holdFirstPosts: 2, bannedWords: [], nation: 'wales', tags: [], guidelinesVersion: 'g2', consentVersion: 'c1'};
      await assertFails(m1.doc(pathIn(cid)).update({settings}));
      await assertSucceeds(claim(m1, cid, 'm1', INV.admin, {id: INV.admin, role: 'admin', clinicianScope: null, invitedBy: 'adm1'} as Invite));
      await assertSucceeds(m1.doc(pathIn(cid)).update({settings}));
    });

    it('refused: another address (a member claiming Mel\'s invite with their own verified email)', async () => {
      const cid = await world(rt);
      await assertFails(claim(as('m2'), cid, 'm2', INV.mod, mod(INV.mod)));
    });

    it('refused: the right address but not verified, or no email at all', async () => {
      const cid = await world(rt);
      await assertFails(claim(as('m1', {email: EMAIL.m1, email_verified: false}), cid, 'm1', INV.mod, mod(INV.mod)));
      await assertFails(claim(as('m1', {}), cid, 'm1', INV.mod, mod(INV.mod)));
      // The address compares case-insensitively: a verified MEL@EXAMPLE.ORG may claim.
      await assertSucceeds(claim(as('m1', {email: 'MEL@Example.org', email_verified: true}), cid, 'm1', INV.mod, mod(INV.mod)));
    });

    it('refused: an expired, a used and a revoked invite', async () => {
      const cid = await world(rt);
      const m1 = as('m1');
      await assertFails(claim(m1, cid, 'm1', INV.expired, mod(INV.expired)));
      await assertFails(claim(m1, cid, 'm1', INV.used, mod(INV.used)));
      await assertFails(claim(m1, cid, 'm1', INV.revoked, mod(INV.revoked)));
    });

    it('refused: reuse — a claimed invite cannot be claimed again, by the same member or another account with the address', async () => {
      const cid = await world(rt);
      await assertSucceeds(claim(as('m1'), cid, 'm1', INV.mod, mod(INV.mod)));
      await assertFails(claim(as('m1'), cid, 'm1', INV.mod, mod(INV.mod)));
      await rt.admin.writeDocs([[pathIn(cid, layout.member('m3')), {uid: 'm3', pseudonym: 'Mel two', pseudonymLower: 'mel two', avatarUrl: null, avatarHue: 1,
        relationship: 'patient', bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: new Date()}]]);
      await assertFails(claim(as('m3', {email: EMAIL.m1, email_verified: true}), cid, 'm3', INV.mod, mod(INV.mod)));
    });

    it('refused: a forged role or scope, and a roles doc written without claiming its invite', async () => {
      const cid = await world(rt);
      const m1 = as('m1');
      await assertFails(claim(m1, cid, 'm1', INV.mod, mod(INV.mod), {roles: ['admin']}));
      await assertFails(claim(m1, cid, 'm1', INV.mod, mod(INV.mod), {roles: ['moderator', 'admin']}));
      const clin = {id: INV.clin, role: 'clinician', clinicianScope: 'Asthma nurse', invitedBy: 'adm1'} as Invite;
      await assertFails(claim(m1, cid, 'm1', INV.clin, clin, {scope: 'Consultant'}));
      await assertFails(claim(m1, cid, 'm1', INV.clin, clin, {verifiedBy: 'm1'}));
      await assertFails(claim(m1, cid, 'm1', INV.mod, mod(INV.mod), {skipInvite: true}));
      // And the positive control on the same world.
      await assertSucceeds(claim(m1, cid, 'm1', INV.mod, mod(INV.mod)));
    });

    it('refused: claiming an invite one made for oneself (a moderator and their own address)', async () => {
      const cid = await world(rt);
      await assertFails(claim(as('mod1'), cid, 'mod1', INV.own, {id: INV.own, role: 'moderator', clinicianScope: null, invitedBy: 'mod1'} as Invite, {roles: ['moderator']}));
    });

    it('refused: a signed-in user who has not joined the community', async () => {
      const cid = await world(rt);
      await rt.admin.writeDocs([[pathIn(cid, 'invites/inviteForOutsider01'), invite(EMAIL.outsider, 'moderator')]]);
      await assertFails(claim(as('outsider'), cid, 'outsider', 'inviteForOutsider01', mod('inviteForOutsider01')));
    });
  });

  describe('inviting and revoking', () => {
    const body = (email: string, role: RoleName, by: string, extra: Record<string, unknown> = {}) => ({
      email, role, clinicianScope: role === 'clinician' ? 'Asthma nurse' : null, invitedBy: by, claimedBy: null, claimedAt: null, revokedBy: null, ...extra,
    });

    it('an admin invites to any role; a moderator only to moderator', async () => {
      const cid = await world(rt);
      const adm = as('adm1');
      for (const role of ['admin', 'moderator', 'founder', 'clinician'] as RoleName[]) {
        await assertSucceeds(newInvite(adm, cid, `byAdmin-${role}-000000`, body('new@example.org', role, 'adm1')));
      }
      const m = as('mod1');
      await assertSucceeds(newInvite(m, cid, 'byModerator-mod-0001', body('new@example.org', 'moderator', 'mod1')));
      await assertFails(newInvite(m, cid, 'byModerator-adm-0001', body('new@example.org', 'admin', 'mod1')));
      await assertFails(newInvite(m, cid, 'byModerator-cli-0001', body('new@example.org', 'clinician', 'mod1')));
    });

    it('refused: a member inviting, self-invites, forged fields and bad ids', async () => {
      const cid = await world(rt);
      await assertFails(newInvite(as('m1'), cid, 'byMember-000000001', body('new@example.org', 'moderator', 'm1')));
      const adm = as('adm1');
      await assertFails(newInvite(adm, cid, 'selfInvite-00000001', body(EMAIL.adm1, 'admin', 'adm1')));
      await assertFails(newInvite(as('mod1'), cid, 'selfInvite-00000002', body(EMAIL.mod1, 'moderator', 'mod1')));
      await assertFails(newInvite(adm, cid, 'forged-by-00000001', body('new@example.org', 'moderator', 'mod1')));
      await assertFails(newInvite(adm, cid, 'preclaimed-0000001', body('new@example.org', 'moderator', 'adm1', {claimedBy: 'm2', claimedAt: ts()})));
      await assertFails(newInvite(adm, cid, 'upper-case-0000001', body('New@Example.org', 'moderator', 'adm1')));
      await assertFails(newInvite(adm, cid, 'no-scope-000000001', body('new@example.org', 'clinician', 'adm1', {clinicianScope: null})));
      await assertFails(newInvite(adm, cid, 'short', body('new@example.org', 'moderator', 'adm1')));
      await assertFails(docIn(adm, cid, 'invites/far-future-0000001').set({...body('new@example.org', 'moderator', 'adm1'),
        createdAt: ts(), expiresAt: firebase.firestore.Timestamp.fromMillis(Date.now() + 60 * DAY)}));
    });

    it('an admin revokes an unclaimed invite, which can then not be claimed; claimed ones stay', async () => {
      const cid = await world(rt);
      const adm = as('adm1');
      await assertFails(docIn(as('m2'), cid, `invites/${INV.mod}`).update({revokedBy: 'm2'}));
      await assertSucceeds(docIn(adm, cid, `invites/${INV.mod}`).update({revokedBy: 'adm1'}));
      await assertFails(claim(as('m1'), cid, 'm1', INV.mod, mod(INV.mod)));
      await assertFails(docIn(adm, cid, `invites/${INV.used}`).update({revokedBy: 'adm1'}));
      await assertFails(docIn(adm, cid, `invites/${INV.clin}`).delete());
    });

    it('who reads invites: moderators list them; the invitee reads their own; nobody else', async () => {
      const cid = await world(rt);
      await assertSucceeds(collectionIn(as('mod1'), cid, 'invites').get());
      await assertSucceeds(docIn(as('m1'), cid, `invites/${INV.mod}`).get());
      await assertSucceeds(collectionIn(as('m1'), cid, 'invites').where('email', '==', EMAIL.m1).get());
      await assertFails(docIn(as('m2'), cid, `invites/${INV.mod}`).get());
      await assertFails(collectionIn(as('m2'), cid, 'invites').get());
      await assertFails(docIn(as('m1', {email: EMAIL.m1, email_verified: false}), cid, `invites/${INV.mod}`).get());
    });
  });
});
