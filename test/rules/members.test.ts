// firestore.rules for members, their private records and roles (issue 5), on the real emulator. A
// declarative table decides every collection × role × operation (completeness is checked), the
// refusals issue 5 names are asserted one by one, each hostile payload is refused while the valid
// payload it was made from is accepted, and the counts are printed.
//
// The cast (rules-fixture.ts): auth1 (author, a founder), m1 (member), m2 (other, NOT listed in the
// directory), mod1 (moderator), adm1 (admin), sus1 (suspended), outsider (signed in, not a member),
// and a signed-out visitor. m1, mod1 and adm1 have no private record yet, so their `create` cell is a
// real creation.
//
// What each role does:
//   get / list   read auth1's document; list with the query the store makes (members: the directory
//                query `listed == true`; private: the owner's own record; roles: the whole collection)
//   create       a valid new document as itself (members: joining, profile and private record in one
//                batch; roles: admins grant m1 a role, moderators suspend m1); `other` forges auth1's
//   update       `author` and `suspended` change their own document; everyone else changes auth1's, admins
//                and moderators with the change their role exists for (badges, verification, suspension)
//   delete       as update
// Writes expected to succeed run in their own freshly seeded community, so every cell is independent.
import {expect} from '@open-wc/testing';
import firebase from 'firebase/compat/app';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {
  CONSENT, GUIDELINES, MEMBERS_MATRIX, OPS, ROLES, baseline, cellCommunity, collectionIn, docIn, joinBatch, pathIn, rolesDoc,
  runCell as runCell_, setUp, tableCells, ts, type Cell, type Ctx, type Db, type Driver, type Role, type RulesEnv,
} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';


const stamp = (ms: number) => firebase.firestore.Timestamp.fromMillis(ms);
const future = () => stamp(Date.UTC(2099, 5, 1));
const past = () => stamp(Date.UTC(2020, 0, 1));
const long = (n: number) => 'x'.repeat(n);
const own = (c: Ctx) => c.role === 'author' || c.role === 'suspended';
const actor = (c: Ctx) => c.uid ?? 'visitor';
const path = (c: Ctx, p: string) => docIn(c.db, c.cid, p);
/** An admin verifies auth1 as a clinician: a scope label, who verified it and when. */
const verifyClinician = () => ({roles: ['founder', 'clinician'], clinicianScope: 'Specialist nurse', verifiedBy: 'adm1', verifiedAt: ts(), grantedBy: 'adm1', updatedAt: ts()});

/** A private record as FirebaseStore writes it on joining. */
function privateDoc(uid: string, extra: Record<string, unknown> = {}) {
  return {uid, guidelines: {version: GUIDELINES, at: ts()}, healthConsent: null, fieldVisibility: {}, ...extra};
}

/** The rules-fixture baseline; m2 keeps out of the directory; m1, mod1 and adm1 have no private record. */
function world(cid: string): [string, Record<string, unknown>][] {
  const noPrivate = new Set(['m1', 'mod1', 'adm1'].map((u) => pathIn(cid, layout.private(u))));
  return baseline(cid)
    .filter(([p]) => !noPrivate.has(p))
    .map(([p, d]) => (p === pathIn(cid, layout.member('m2')) ? [p, {...d, listed: false}] : [p, d]));
}

const DRIVERS: Record<string, Driver> = {
  members: {
    get: (c) => path(c, layout.member('auth1')).get(),
    list: (c) => collectionIn(c.db, c.cid, 'members').where('listed', '==', true).orderBy('joinedAt', 'desc').limit(24).get(),
    create: (c) => joinBatch(c.db, c.cid, c.role === 'other' ? 'auth1' : actor(c)),
    // Badges mirror the roles record written in the same batch.
    update: (c) => c.role === 'admin'
      ? c.db.batch().update(path(c, layout.roles('auth1')), verifyClinician())
        .update(path(c, layout.member('auth1')), {badges: ['founder', 'clinician'], clinicianScope: 'Specialist nurse'}).commit()
      : path(c, layout.member(own(c) ? actor(c) : 'auth1')).update({bio: 'Hello', pseudonym: 'Aria', pseudonymLower: 'aria'}),
    delete: (c) => path(c, layout.member(own(c) ? actor(c) : 'auth1')).delete(),
  },
  private: {
    get: (c) => path(c, layout.private('auth1')).get(),
    list: (c) => collectionIn(c.db, c.cid, 'private').where('uid', '==', actor(c)).get(),
    create: (c) => {
      const uid = c.role === 'other' ? 'auth1' : actor(c);
      return path(c, layout.private(uid)).set(privateDoc(uid));
    },
    update: (c) => path(c, layout.private(own(c) ? actor(c) : 'auth1')).update({healthConsent: {version: CONSENT, at: ts()}}),
    delete: (c) => path(c, layout.private(own(c) ? actor(c) : 'auth1')).delete(),
  },
  roles: {
    get: (c) => path(c, layout.roles('auth1')).get(),
    list: (c) => collectionIn(c.db, c.cid, 'roles').get(),
    create: (c) => {
      if (c.role === 'admin') return path(c, layout.roles('m1')).set(rolesDoc('m1', 'adm1', {roles: ['moderator']}));
      if (c.role === 'moderator') return path(c, layout.roles('m1')).set(rolesDoc('m1', 'mod1', {suspendedUntil: future()}));
      if (c.role === 'other') return path(c, layout.roles('m1')).set(rolesDoc('m1', 'm2', {roles: ['moderator']}));
      // Everyone else tries to grant themself admin.
      return path(c, layout.roles(actor(c))).set(rolesDoc(actor(c), actor(c), {roles: ['admin']}));
    },
    update: (c) => {
      if (c.role === 'admin') return path(c, layout.roles('auth1')).update(verifyClinician());
      if (c.role === 'moderator') return path(c, layout.roles('auth1')).update({suspendedUntil: future(), grantedBy: 'mod1', updatedAt: ts()});
      if (c.role === 'author') return path(c, layout.roles('auth1')).update({roles: ['founder', 'admin'], grantedBy: 'auth1', updatedAt: ts()});
      if (c.role === 'suspended') return path(c, layout.roles('sus1')).update({suspendedUntil: null, grantedBy: 'sus1', updatedAt: ts()});
      return path(c, layout.roles('auth1')).update({roles: ['founder', 'moderator'], grantedBy: actor(c), updatedAt: ts()});
    },
    delete: (c) => path(c, layout.roles(own(c) ? actor(c) : 'auth1')).delete(),
  },
};

const MATRIX = MEMBERS_MATRIX;
const COLLECTIONS = ['members', 'private', 'roles'];

const cells = () => tableCells(MATRIX, COLLECTIONS);
const cellCid = cellCommunity('mm', 'mm-shared');
const runCell = (rt: RulesEnv, c: Cell) => runCell_(rt, DRIVERS, c, cellCid(c));

// Hostile payloads: each differs from a valid write (see VALID) by the one thing its name says.
type Attempt = [name: string, role: Role, run: (db: Db, cid: string) => Promise<unknown>];

const join = (extra: Record<string, unknown>, priv: Record<string, unknown> = {}) =>
  (db: Db, cid: string) => joinBatch(db, cid, 'outsider', extra, priv);
const editMine = (patch: Record<string, unknown>) => (db: Db, cid: string) => docIn(db, cid, layout.member('m1')).update(patch);
const createPrivate = (extra: Record<string, unknown>) => (db: Db, cid: string) => docIn(db, cid, layout.private('m1')).set(privateDoc('m1', extra));
const editPrivate = (patch: Record<string, unknown>) => (db: Db, cid: string) => docIn(db, cid, layout.private('auth1')).update(patch);
const grant = (extra: Record<string, unknown>, uid = 'm1') => (db: Db, cid: string) => docIn(db, cid, layout.roles(uid)).set(rolesDoc(uid, 'adm1', extra));

/** The valid writes the hostile ones are made from: each must be accepted (so a refusal means something). */
const VALID: Attempt[] = [
  ['joining', 'nonMember', join({})],
  ['editing one’s own profile', 'member', editMine({bio: 'Hi', tags: ['inhalers'], listed: true, avatarUrl: 'https://example.org/a.png', pseudonym: 'Melody', pseudonymLower: 'melody'})],
  ['creating one’s private record', 'member', createPrivate({})],
  ['keeping the bio to oneself', 'author', editPrivate({fieldVisibility: {bio: 'only-me'}, kept: {bio: 'Secret'}})],
  ['withdrawing health consent', 'author', editPrivate({healthConsent: null, healthConsentWithdrawnAt: ts()})],
  ['an admin granting a role', 'admin', grant({roles: ['moderator']})],
  ['an admin verifying a clinician', 'admin', grant({roles: ['clinician'], clinicianScope: 'Specialist nurse', verifiedBy: 'adm1', verifiedAt: ts()})],
];

const HOSTILE: Record<string, Attempt[]> = {
  members: [
    ['an extra field', 'nonMember', join({email: 'olly@example.org'})],
    ['a pseudonym that is a number', 'nonMember', join({pseudonym: 42, pseudonymLower: '42'})],
    ['an oversize pseudonym', 'nonMember', join({pseudonym: long(31), pseudonymLower: long(31)})],
    ['an email address as pseudonym', 'nonMember', join({pseudonym: 'olly@example.org', pseudonymLower: 'olly@example.org'})],
    ['a pseudonymLower that is not the pseudonym', 'nonMember', join({pseudonymLower: 'admin'})],
    ['a javascript: avatar URL', 'nonMember', join({avatarUrl: 'javascript:alert(1)'})],
    ['an http: avatar URL', 'nonMember', join({avatarUrl: 'http://example.org/a.png'})],
    ['a data: avatar URL', 'nonMember', join({avatarUrl: 'data:image/svg+xml,<svg onload=alert(1)>'})],
    ['an avatar URL with user:password@', 'nonMember', join({avatarUrl: 'https://user:pw@example.org/a.png'})],
    ['a forged uid', 'nonMember', join({uid: 'm1'})],
    ['a client-set joinedAt', 'nonMember', join({joinedAt: past()})],
    ['self-granted badges on joining', 'nonMember', join({badges: ['admin']})],
    ['a clinician scope on joining', 'nonMember', join({clinicianScope: 'Consultant'})],
    ['an oversize bio', 'nonMember', join({bio: long(501)})],
    ['eleven tags', 'nonMember', join({tags: Array.from({length: 11}, (_, i) => `t${i}`)})],
    ['listed as a string', 'nonMember', join({listed: 'yes'})],
    ['an avatar hue out of range', 'nonMember', join({avatarHue: 360})],
    ['an unknown relationship', 'nonMember', join({relationship: 'doctor'})],
    ['joining without the consent record', 'nonMember', (db, cid) => docIn(db, cid, layout.member('outsider')).set({
      uid: 'outsider', pseudonym: 'Olly', pseudonymLower: 'olly', avatarUrl: null, avatarHue: 10, relationship: 'carer', bio: '', tags: [],
      listed: false, badges: [], clinicianScope: null, joinedAt: ts()})],
    ['joining under another uid', 'nonMember', (db, cid) => joinBatch(db, cid, 'newcomer')],
    ['changing one’s own joinedAt', 'member', editMine({joinedAt: past()})],
    ['changing one’s own uid', 'member', editMine({uid: 'm2'})],
    ['granting oneself a badge', 'member', editMine({badges: ['moderator']})],
    ['giving oneself a clinician scope', 'member', editMine({clinicianScope: 'Consultant'})],
    ['a new pseudonym without its lower-case twin', 'member', editMine({pseudonym: 'Admin Ada'})],
    ['a javascript: avatar URL on edit', 'member', editMine({avatarUrl: 'javascript:alert(1)'})],
    ['an admin writing badges the roles record does not hold', 'admin', (db, cid) => docIn(db, cid, layout.member('auth1')).update({badges: ['founder', 'admin']})],
    ['an admin badging themself', 'admin', (db, cid) => docIn(db, cid, layout.member('adm1')).update({badges: ['admin', 'clinician']})],
  ],
  private: [
    ['an extra field', 'member', createPrivate({email: 'mel@example.org'})],
    ['an old guidelines version', 'member', createPrivate({guidelines: {version: 'g1', at: ts()}})],
    ['a backdated guidelines acceptance', 'member', createPrivate({guidelines: {version: GUIDELINES, at: past()}})],
    ['consent to a text version never shown', 'member', createPrivate({healthConsent: {version: 'c0', at: ts()}})],
    ['a consent record with an extra key', 'member', createPrivate({guidelines: {version: GUIDELINES, at: ts(), ip: '192.0.2.1'}})],
    ['a forged uid', 'member', createPrivate({uid: 'auth1'})],
    ['a visibility for a field that cannot be hidden', 'member', createPrivate({fieldVisibility: {pseudonym: 'only-me'}})],
    ['a visibility that is not a choice', 'member', createPrivate({fieldVisibility: {bio: 'everyone'}})],
    ['visibility as a list', 'member', createPrivate({fieldVisibility: ['bio']})],
    ['a kept value of another field', 'member', createPrivate({kept: {email: 'mel@example.org'}})],
    ['an oversize kept bio', 'member', createPrivate({kept: {bio: long(501)}})],
    ['a client-set withdrawal time on joining', 'member', createPrivate({healthConsentWithdrawnAt: past()})],
    ['someone else’s record', 'other', (db, cid) => docIn(db, cid, layout.private('auth1')).update({fieldVisibility: {bio: 'only-me'}})],
    ['a backdated withdrawal', 'author', editPrivate({healthConsent: null, healthConsentWithdrawnAt: past()})],
    ['a withdrawal that keeps the consent', 'author', editPrivate({healthConsent: {version: CONSENT, at: ts()}, healthConsentWithdrawnAt: ts()})],
    ['a backdated health consent', 'author', editPrivate({healthConsent: {version: CONSENT, at: past()}})],
    ['changing the uid', 'author', editPrivate({uid: 'm2'})],
    ['eleven kept tags', 'author', editPrivate({kept: {tags: Array.from({length: 11}, (_, i) => `t${i}`)}})],
    ['a suspended member changing their record', 'suspended', (db, cid) => docIn(db, cid, layout.private('sus1')).update({fieldVisibility: {bio: 'only-me'}})],
  ],
  roles: [
    ['a member granting themself admin', 'member', (db, cid) => docIn(db, cid, layout.roles('m1')).set(rolesDoc('m1', 'm1', {roles: ['admin']}))],
    ['an admin granting themself a role', 'admin', (db, cid) => docIn(db, cid, layout.roles('adm1')).update({roles: ['admin', 'founder'], grantedBy: 'adm1', updatedAt: ts()})],
    ['an unknown role', 'admin', grant({roles: ['superuser']})],
    ['roles as a string', 'admin', grant({roles: 'admin'})],
    ['five roles', 'admin', grant({roles: ['admin', 'moderator', 'founder', 'clinician', 'admin']})],
    ['a clinician without a scope label', 'admin', grant({roles: ['clinician'], verifiedBy: 'adm1', verifiedAt: ts()})],
    ['a clinician nobody verified', 'admin', grant({roles: ['clinician'], clinicianScope: 'Specialist nurse'})],
    ['a verification in another admin’s name', 'admin', grant({roles: ['clinician'], clinicianScope: 'Specialist nurse', verifiedBy: 'adm9', verifiedAt: ts()})],
    ['a backdated verification', 'admin', grant({roles: ['clinician'], clinicianScope: 'Specialist nurse', verifiedBy: 'adm1', verifiedAt: past()})],
    ['a verification time without a verifier', 'admin', grant({roles: ['moderator'], verifiedAt: past()})],
    ['a forged grantedBy', 'admin', grant({roles: ['moderator'], grantedBy: 'mod1'})],
    ['a client-set updatedAt', 'admin', grant({roles: ['moderator'], updatedAt: past()})],
    ['an extra field', 'admin', grant({roles: ['moderator'], note: 'trust me'})],
    ['a uid that is not the document’s', 'admin', grant({roles: ['moderator'], uid: 'm2'})],
    ['roles for someone who is not a member', 'admin', grant({roles: ['moderator']}, 'nobody')],
    ['suspendedUntil as a string', 'admin', grant({suspendedUntil: 'forever'})],
    ['a moderator making a moderator', 'moderator', (db, cid) => docIn(db, cid, layout.roles('m1')).set(rolesDoc('m1', 'mod1', {roles: ['moderator']}))],
    ['a moderator adding a role while suspending', 'moderator', (db, cid) => docIn(db, cid, layout.roles('auth1')).update({roles: ['founder', 'clinician'], suspendedUntil: future(), grantedBy: 'mod1', updatedAt: ts()})],
    ['a moderator suspending an admin', 'moderator', (db, cid) => docIn(db, cid, layout.roles('adm1')).update({suspendedUntil: future(), grantedBy: 'mod1', updatedAt: ts()})],
    ['a moderator setting a clinician scope', 'moderator', (db, cid) => docIn(db, cid, layout.roles('m1')).set(rolesDoc('m1', 'mod1', {suspendedUntil: future(), clinicianScope: 'Consultant'}))],
    ['a suspended member lifting their own suspension', 'suspended', (db, cid) => docIn(db, cid, layout.roles('sus1')).update({suspendedUntil: null, grantedBy: 'sus1', updatedAt: ts()})],
    ['a suspended member deleting their roles record', 'suspended', (db, cid) => docIn(db, cid, layout.roles('sus1')).delete()],
  ],
};

describe('firestore.rules: members, private records and roles (issue 5)', function () {
  this.timeout(120000);
  let rt: RulesEnv;
  const counts = {cells: 0, named: 0, hostile: 0, valid: 0};

  before(async () => {
    rt = await setUp('demo-kindred-rules-members');
    const cids = [...new Set([...cells().map(cellCid), 'mm-named', 'mm-hostile', ...VALID.map((_, i) => `mm-valid-${i}`)])];
    await rt.admin.writeDocs(cids.flatMap((cid) => world(cid)));
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it('decides every collection × role × operation', () => {
    const missing: string[] = [];
    for (const collection of COLLECTIONS) {
      if (!DRIVERS[collection]) missing.push(`${collection}: no driver`);
      for (const role of ROLES) if (!/^[+-]{5}$/.test(MATRIX[collection]?.[role] ?? '')) missing.push(`${collection} × ${role}`);
    }
    expect(missing, 'cells without an expectation').to.deep.equal([]);
    expect(Object.keys(MATRIX).sort()).to.deep.equal([...COLLECTIONS].sort());
    expect(Object.keys(DRIVERS).sort()).to.deep.equal([...COLLECTIONS].sort());
    expect(cells()).to.have.length(COLLECTIONS.length * ROLES.length * OPS.length);
  });

  for (const role of ROLES) {
    it(`${role}: ${COLLECTIONS.length} collections × ${OPS.length} operations behave as the table says`, async () => {
      const failures: string[] = [];
      // One at a time: the emulator misjudges concurrent writes that read the same documents.
      for (const c of cells().filter((x) => x.role === role)) {
        const f = await runCell(rt, c);
        if (f) failures.push(f);
        counts.cells++;
      }
      await rt.release(role);
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }

  describe('the refusals issue 5 names', () => {
    const cid = 'mm-named';
    const members = (db: Db) => collectionIn(db, cid, 'members');
    afterEach(async () => {
      for (const role of ROLES) await rt.release(role);
    });

    it('private data: readable by its owner alone, listed by nobody', async () => {
      for (const role of ['member', 'other', 'moderator', 'admin', 'suspended', 'nonMember', 'visitor'] as const) {
        await assertFails(docIn(rt.db(role), cid, layout.private('auth1')).get());
        await rt.release(role);
        counts.named++;
      }
      const owner = rt.db('author');
      const mine = await assertSucceeds(docIn(owner, cid, layout.private('auth1')).get());
      expect(mine.get('guidelines').version).to.equal(GUIDELINES);
      // No query over private records, not even the owner's own, not even by an admin.
      await assertFails(collectionIn(owner, cid, 'private').where('uid', '==', 'auth1').get());
      await assertFails(collectionIn(owner, cid, 'private').limit(1).get());
      await rt.release('author');
      await assertFails(collectionIn(rt.db('admin'), cid, 'private').get());
      await rt.release('admin');
      await assertFails(collectionIn(rt.db('moderator'), cid, 'private').where('uid', '==', 'auth1').get());
      // A member without a record yet may check for it (reading a missing document of their own).
      expect((await assertSucceeds(docIn(rt.db('member'), cid, layout.private('m1')).get())).exists).to.equal(false);
      counts.named += 6;
    });

    it('the directory lists only `listed` members; a query that could reach unlisted ones is refused', async () => {
      const m1 = rt.db('member');
      const listed = await assertSucceeds(members(m1).where('listed', '==', true).get());
      const uids = listed.docs.map((d) => d.id);
      expect(uids).to.include.members(['auth1', 'm1']);
      expect(uids, 'm2 did not opt in').not.to.include('m2');
      await assertFails(members(m1).get());
      await assertFails(members(m1).where('listed', '==', false).get());
      await assertFails(members(m1).where('relationship', '==', 'patient').get());
      await assertFails(members(m1).orderBy('joinedAt', 'desc').limit(24).get());
      // Filters and search on top of `listed == true` are fine (the directory's filtered queries).
      await assertSucceeds(members(m1).where('listed', '==', true).where('relationship', '==', 'patient').where('tags', 'array-contains', 'x').get());
      await assertSucceeds(members(m1).where('listed', '==', true).where('pseudonymLower', '>=', 'm').where('pseudonymLower', '<', 'm\uf8ff').get());
      // A member may query for their own profile; moderators see everyone (to act on reports).
      await assertSucceeds(members(rt.db('other')).where('uid', '==', 'm2').get());
      await assertFails(members(m1).where('uid', '==', 'm2').get());
      expect((await assertSucceeds(members(rt.db('moderator')).get())).size).to.equal(6);
      counts.named += 11;
    });

    it('visitors and signed-in non-members see no member, listed or not', async () => {
      for (const role of ['visitor', 'nonMember'] as const) {
        const db = rt.db(role);
        for (const uid of ['auth1', 'm1', 'm2']) await assertFails(docIn(db, cid, layout.member(uid)).get());
        await assertFails(members(db).where('listed', '==', true).get());
        await assertFails(members(db).where('listed', '==', true).limit(1).get());
        await assertFails(docIn(db, cid, layout.roles('auth1')).get());
        await rt.release(role);
        counts.named += 6;
      }
      // Signed in, a non-member may check whether they have joined (their own, missing, profile).
      expect((await assertSucceeds(docIn(rt.db('nonMember'), cid, layout.member('outsider')).get())).exists).to.equal(false);
      // Also in a members-only community.
      await rt.admin.writeDocs(baseline('mm-closed', 'members'));
      await assertFails(docIn(rt.db('visitor'), 'mm-closed', layout.member('auth1')).get());
      await assertFails(collectionIn(rt.db('nonMember'), 'mm-closed', 'members').where('listed', '==', true).get());
      counts.named += 3;
    });

    it('self-granted roles and badges are refused, for members and admins alike', async () => {
      const m1 = rt.db('member');
      await assertFails(docIn(m1, cid, layout.member('m1')).update({badges: ['admin']}));
      await assertFails(docIn(m1, cid, layout.roles('m1')).set(rolesDoc('m1', 'm1', {roles: ['admin']})));
      await assertFails(docIn(rt.db('author'), cid, layout.roles('auth1')).update({roles: ['founder', 'admin'], grantedBy: 'auth1', updatedAt: ts()}));
      await assertFails(docIn(rt.db('author'), cid, layout.member('auth1')).update({badges: ['founder', 'admin']}));
      await rt.release('author');
      await rt.release('member');
      const adm = rt.db('admin');
      await assertFails(docIn(adm, cid, layout.roles('adm1')).update({roles: ['admin', 'clinician'], clinicianScope: 'GP', verifiedBy: 'adm1', verifiedAt: ts(), grantedBy: 'adm1', updatedAt: ts()}));
      await assertFails(docIn(adm, cid, layout.member('adm1')).update({badges: ['admin', 'clinician']}));
      await assertFails(docIn(rt.db('moderator'), cid, layout.roles('mod1')).update({roles: ['moderator', 'admin'], grantedBy: 'mod1', updatedAt: ts()}));
      await rt.release('moderator');
      await assertFails(joinBatch(rt.db('nonMember'), cid, 'outsider', {badges: ['moderator']}));
      await rt.release('nonMember');
      // …while an admin granting someone else works, badge and record together.
      await assertSucceeds(adm.batch().set(docIn(adm, cid, layout.roles('m1')), rolesDoc('m1', 'adm1', {roles: ['moderator']}))
        .update(docIn(adm, cid, layout.member('m1')), {badges: ['moderator']}).commit());
      counts.named += 9;
    });

    it('other members’ profiles are not writable, by members, moderators or admins', async () => {
      for (const role of ['member', 'other', 'moderator', 'admin', 'suspended'] as const) {
        const db = rt.db(role);
        const target = role === 'other' ? 'm1' : 'm2';
        await assertFails(docIn(db, cid, layout.member(target)).update({bio: 'Written by someone else'}));
        await assertFails(docIn(db, cid, layout.member(target)).update({pseudonym: 'Hacked', pseudonymLower: 'hacked'}));
        await assertFails(docIn(db, cid, layout.member(target)).update({listed: true}));
        await assertFails(docIn(db, cid, layout.member(target)).update({avatarUrl: 'https://evil.example/a.png'}));
        await assertFails(docIn(db, cid, layout.private(target)).update({fieldVisibility: {}}));
        await rt.release(role);
        counts.named += 5;
      }
      // Only admins remove a member; moderators suspend instead.
      await assertFails(docIn(rt.db('moderator'), cid, layout.member('m2')).delete());
      await assertFails(docIn(rt.db('member'), cid, layout.member('m2')).delete());
      counts.named += 2;
    });
  });

  describe('hostile payloads', () => {
    afterEach(async () => {
      for (const role of ROLES) await rt.release(role);
    });

    it(`the ${VALID.length} valid writes the hostile ones are made from are accepted`, async () => {
      const refused: string[] = [];
      for (const [i, [name, role, run]] of VALID.entries()) {
        try {
          await assertSucceeds(run(rt.db(role), `mm-valid-${i}`));
        } catch (e) {
          refused.push(`${name} (${role}): ${(e as Error).message.slice(0, 160)}`);
        }
        counts.valid++;
      }
      expect(refused, 'valid writes the rules refused').to.deep.equal([]);
    });

    for (const [collection, attempts] of Object.entries(HOSTILE)) {
      it(`${collection}: ${attempts.length} hostile writes are all refused`, async () => {
        expect(attempts.length, 'at least ten per writable collection').to.be.at.least(10);
        const accepted: string[] = [];
        for (const [i, [name, role, run]] of attempts.entries()) {
          try {
            await assertFails(run(rt.db(role), 'mm-hostile'));
          } catch (e) {
            accepted.push(`${name} (${role}): ${(e as Error).message.slice(0, 120)}`);
          }
          // Few clients open at once (RulesEnv.release).
          if (attempts[i + 1]?.[1] !== role) await rt.release(role);
          counts.hostile++;
        }
        expect(accepted, 'hostile writes the rules accepted').to.deep.equal([]);
      });
    }
  });

  // Last: mocha runs a describe's own tests before its nested describes.
  describe('summary', () => it('reports how much was asserted', () => {
    const per = Object.entries(HOSTILE).map(([c, a]) => `${c} ${a.length}`).join(', ');
    console.log(`firestore.rules members/private/roles: ${counts.cells} matrix cells (${COLLECTIONS.length} collections × ${ROLES.length} roles × ${OPS.length} operations), `
      + `${counts.named} named refusals and reads, ${counts.hostile} hostile writes refused (${per}), ${counts.valid} valid controls accepted`);
    expect(counts.cells).to.equal(COLLECTIONS.length * ROLES.length * OPS.length);
    expect(counts.hostile).to.equal(Object.values(HOSTILE).flat().length);
    expect(counts.valid).to.equal(VALID.length);
  }));
});
