// Contract for issue 5 (members, profiles and "my data"), run against both stores from their runners:
// the directory query, consent, field visibility, export, erasure and roles.
//
// Erasure is proven on the stored documents themselves: `dump` (supplied by each runner) returns every
// document of a community as [path, JSON], and after eraseMe none of them is keyed to the member or
// contains their uid or pseudonym.
import {expect} from '@open-wc/testing';
import {acquireMemory, releaseMemory} from '../../src/data/local/backend.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {FORMER_MEMBER, type CommunityStore} from '../../src/data/store.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {DAY, T0, member, post, privateRecord, roles, sampleCommunity, thread, uniqueCommunityId} from '../support/builders.js';
import type {StoreHarness} from './contract-harness.js';
import {expectError} from './store.contract.js';

export type Dump = (communityId: string) => Promise<[string, string][]>;

/** Every document of a LocalStore memory community. */
export const dumpLocal: Dump = async (cid) => {
  const name = `${cid}\u0000kindred-local:${cid}`;
  const backend = acquireMemory(name, () => new Map());
  try {
    return [...backend.docs].map(([path, value]) => [path, JSON.stringify(value)]);
  } finally {
    releaseMemory(name);
  }
};

/** Every document under communities/{cid} in the emulator project. */
export const dumpFirebase = (projectId: string): Dump => async (cid) => {
  const admin = new FirestoreAdmin(projectId);
  const paths = await admin.communityPaths(cid);
  return Promise.all(paths.map(async (p) => [p.slice(`${pathIn(cid)}/`.length), JSON.stringify(await admin.getRaw(p))] as [string, string]));
};

// The cast. "Quillon" (uid q-erin) is the member who erases themself: names no other fixture uses.
const quill = member('q-erin', {pseudonym: 'Quillon', relationship: 'carer', listed: true, tags: ['inhalers'], bio: 'Mum of two', joinedAt: T0 - 3 * DAY});
const ada = member('ada', {pseudonym: 'Ada', badges: ['admin'], listed: true, joinedAt: T0 - 9 * DAY, relationship: 'professional'});
const bea = member('bea', {pseudonym: 'bea', listed: true, tags: ['children'], joinedAt: T0 - 5 * DAY});
const cai = member('cai', {pseudonym: 'Cai', listed: true, tags: ['inhalers', 'exercise'], joinedAt: T0 - 1 * DAY, relationship: 'carer'});
const dil = member('dil', {pseudonym: 'Dilys', listed: false, joinedAt: T0 - 2 * DAY});
const mod = member('mod', {pseudonym: 'Mo', badges: ['moderator'], listed: true, joinedAt: T0 - 8 * DAY});

function world(id: string): SeedFixture {
  const community = sampleCommunity(id);
  return {
    community,
    members: [quill, ada, bea, cai, dil, mod],
    privates: [privateRecord('q-erin', community, {healthConsent: {version: community.settings.consentVersion, at: T0 - DAY}}), privateRecord('bea', community)],
    roles: [roles('ada', ['admin']), roles('mod', ['moderator']), roles('q-erin', [])],
    threads: [
      thread('t1', {postCount: 2, authorId: 'q-erin', authorName: 'Quillon', title: 'Spacers'}),
      thread('t2', {postCount: 1, authorId: 'bea', authorName: 'bea', title: 'Nights'}),
    ],
    posts: [
      post('t1', 'p1', quill, {body: 'My son uses a spacer', reactions: {heart: 1, hug: 0, metoo: 0, thanks: 0}}),
      post('t1', 'p2', bea, {body: 'Same here', parentId: 'p1', createdAt: T0 + 1000, reactions: {heart: 0, hug: 1, metoo: 0, thanks: 0}}),
      post('t2', 'p3', bea, {body: 'Bad nights', reactions: {heart: 0, hug: 0, metoo: 1, thanks: 0}}),
      post('t2', 'p4', quill, {body: 'Hidden text', createdAt: T0 + 2000, status: 'held'}),
    ],
    reactions: [
      {threadId: 't1', postId: 'p1', uid: 'bea', kind: 'heart', at: T0},
      {threadId: 't1', postId: 'p2', uid: 'q-erin', kind: 'hug', at: T0},
      {threadId: 't2', postId: 'p3', uid: 'q-erin', kind: 'metoo', at: T0},
    ],
    reports: [{id: 'r1', target: {kind: 'post', threadId: 't2', postId: 'p3'}, reason: 'spam', details: 'Looks like an advert', reporterId: 'q-erin', createdAt: T0, status: 'open'}],
  };
}

export function runMembersContract(harness: () => StoreHarness, dump: Dump) {
  const kind = harness().kind;

  describe(`Members contract (${kind})`, function () {
    this.timeout(30000);
    let h: StoreHarness;
    let id: string;
    let as: (uid: string | null) => Promise<CommunityStore>;

    beforeEach(async () => {
      h = harness();
      id = uniqueCommunityId('mem');
      await h.seed(world(id));
      as = (uid) => h.storeAs(id, uid);
    });
    afterEach(() => h.cleanup());

    describe('listMembers', () => {
      it('lists only members who opted in, newest first or by name, a page at a time by cursor', async () => {
        const store = await as('bea');
        const first = await store.listMembers({sort: 'newest', limit: 2});
        expect(first.items.map((m) => m.uid)).to.deep.equal(['cai', 'q-erin']);
        expect(first.next).to.be.a('string');
        const second = await store.listMembers({sort: 'newest', limit: 2, cursor: first.next});
        expect(second.items.map((m) => m.uid)).to.deep.equal(['bea', 'mod']);
        const third = await store.listMembers({sort: 'newest', limit: 2, cursor: second.next});
        expect(third.items.map((m) => m.uid)).to.deep.equal(['ada']);
        expect(third.next).to.equal(null);
        // Issue 17: no look-ahead document. A list that ends exactly at a page boundary offers a next page,
        // which is empty and ends the list (both stores alike).
        const whole = await store.listMembers({sort: 'newest', limit: 5});
        expect(whole.items).to.have.length(5);
        expect(whole.next).to.be.a('string');
        const after = await store.listMembers({sort: 'newest', limit: 5, cursor: whole.next});
        expect(after).to.deep.equal({items: [], next: null});
        const byName = await store.listMembers({sort: 'name'});
        expect(byName.items.map((m) => m.pseudonym), 'case-insensitive order; Dilys is not listed').to.deep.equal(['Ada', 'bea', 'Cai', 'Mo', 'Quillon']);
      });

      it('searches by pseudonym prefix, case-insensitively, and filters by relationship, tag and role', async () => {
        const store = await as('bea');
        expect((await store.listMembers({sort: 'newest', search: 'QUI'})).items.map((m) => m.uid)).to.deep.equal(['q-erin']);
        expect((await store.listMembers({sort: 'name', search: 'd'})).items, 'unlisted Dilys stays hidden').to.deep.equal([]);
        expect((await store.listMembers({sort: 'name', relationship: 'carer'})).items.map((m) => m.uid)).to.deep.equal(['cai', 'q-erin']);
        expect((await store.listMembers({sort: 'name', tag: 'inhalers'})).items.map((m) => m.uid)).to.deep.equal(['cai', 'q-erin']);
        expect((await store.listMembers({sort: 'name', role: 'moderator'})).items.map((m) => m.uid)).to.deep.equal(['mod']);
        expect((await store.listMembers({sort: 'newest', relationship: 'carer', tag: 'exercise'})).items.map((m) => m.uid)).to.deep.equal(['cai']);
        await expectError(store.listMembers({sort: 'name', tag: 'inhalers', role: 'admin'}), 'invalid-argument', 'role');
        await expectError(store.listMembers({sort: 'name', cursor: 'not-a-cursor'}), 'invalid-argument', 'cursor');
      });

      it('shows nobody to visitors or to signed-in people who have not joined', async () => {
        await expectError((await as(null)).listMembers({sort: 'newest'}), ['unauthenticated', 'permission-denied']);
        await expectError((await as('stranger')).listMembers({sort: 'newest'}), 'permission-denied');
      });
    });

    describe('consent and field visibility', () => {
      it('records a withdrawal of health consent, and can give it again at the current version', async () => {
        const store = await as('q-erin');
        const withdrawn = await store.setHealthConsent(false);
        expect(withdrawn.healthConsent).to.equal(null);
        expect(withdrawn.healthConsentWithdrawnAt).to.be.a('number');
        const stored = await store.getPrivateRecord();
        expect(stored!.healthConsent).to.equal(null);
        expect(stored!.healthConsentWithdrawnAt).to.be.a('number');
        const given = await store.setHealthConsent(true);
        expect(given.healthConsent!.version).to.equal('c-2026-01');
      });

      it('keeps a field to the member alone: other members read a blank, the owner keeps the value', async () => {
        const store = await as('q-erin');
        await store.setFieldVisibility({bio: 'only-me'});
        const seenByBea = await (await as('bea')).getMember('q-erin');
        expect(seenByBea!.bio).to.equal('');
        expect(seenByBea!.tags).to.deep.equal(['inhalers']);
        const mine = await store.getPrivateRecord();
        expect(mine!.fieldVisibility.bio).to.equal('only-me');
        expect(mine!.kept!.bio).to.equal('Mum of two');
        await store.setFieldVisibility({tags: 'only-me'}, {tags: ['night-time']});
        expect((await store.getMember('q-erin'))!.tags).to.deep.equal([]);
        await store.setFieldVisibility({bio: 'members', tags: 'members'});
        const shared = await store.getMember('q-erin');
        expect(shared!.bio).to.equal('Mum of two');
        expect(shared!.tags).to.deep.equal(['night-time']);
        await expectError(store.setFieldVisibility({pseudonym: 'only-me'} as never), 'invalid-argument', 'pseudonym');
        await expectError(store.setFieldVisibility({bio: 'everyone'} as never), 'invalid-argument', 'bio');
      });

      it('updateProfile respects "only me": a kept field is saved privately, never to the public profile', async () => {
        const store = await as('q-erin');
        await store.setFieldVisibility({bio: 'only-me'});
        const saved = await store.updateProfile({bio: 'Night shifts, two inhalers', tags: ['exercise'], pseudonym: 'Quillon B'});
        expect(saved.bio, 'the public profile keeps its blank').to.equal('');
        expect(saved.tags, 'a shared field is public').to.deep.equal(['exercise']);
        const seenByBea = await (await as('bea')).getMember('q-erin');
        expect(seenByBea!.bio).to.equal('');
        expect(seenByBea!.tags).to.deep.equal(['exercise']);
        expect(seenByBea!.pseudonym).to.equal('Quillon B');
        const mine = await store.getPrivateRecord();
        expect(mine!.kept!.bio).to.equal('Night shifts, two inhalers');
        expect(mine!.kept!.tags, 'shared tags are not kept privately').to.equal(undefined);
        // Sharing it again publishes the value written while it was kept.
        await store.setFieldVisibility({bio: 'members'});
        expect((await (await as('bea')).getMember('q-erin'))!.bio).to.equal('Night shifts, two inhalers');
      });
    });

    describe('export', () => {
      it('hands back everything stored about and written by the member as JSON-able data', async () => {
        const data = await (await as('q-erin')).exportMyData();
        expect(JSON.parse(JSON.stringify(data))).to.deep.equal(data);
        expect(data.uid).to.equal('q-erin');
        expect(data.profile!.pseudonym).to.equal('Quillon');
        expect(data.private!.healthConsent!.version).to.equal('c-2026-01');
        expect(data.posts.map((p) => p.id).sort()).to.deep.equal(['p1', 'p4']);
        expect(data.posts.find((p) => p.id === 'p4')!.body, 'their own held post, with its text').to.equal('Hidden text');
        expect(data.threadsStarted.map((t) => t.id)).to.deep.equal(['t1']);
        expect(data.reactions.map((r) => `${r.threadId}/${r.postId}:${r.kind}`).sort()).to.deep.equal(['t1/p2:hug', 't2/p3:metoo']);
        expect(data.reportsFiled.map((r) => r.details)).to.deep.equal(['Looks like an advert']);
        expect(data.roles!.roles).to.deep.equal([]);
      });

      it('needs a signed-in member', async () => {
        await expectError((await as(null)).exportMyData(), ['unauthenticated', 'permission-denied']);
      });
    });

    describe('erasure', () => {
      it('leaves no document keyed to the member or naming them; posts stay as unlinked placeholders', async () => {
        const store = await as('q-erin');
        await store.eraseMe();
        // The emulator harness's fixed session cannot sign out (FixedSession refuses); LocalStore's does.
        if (kind === 'local') expect(store.session.user, 'signed out afterwards').to.equal(null);
        const docs = await dump(id);
        for (const [path, json] of docs) {
          expect(path, 'no document keyed to them').to.not.contain('q-erin');
          expect(json, `${path} does not name them`).to.not.contain('q-erin');
          expect(json, `${path} does not carry their pseudonym`).to.not.contain('Quillon');
          expect(json, `${path} keeps none of their text`).to.not.contain('My son uses a spacer');
          expect(json).to.not.contain('Mum of two');
        }
        const bea = await as('bea');
        const posts = await new Promise<import('../../src/data/types.js').Post[]>((resolve, reject) => {
          const stop = bea.watchPosts('t1', {limit: 10}, (p) => {
            stop();
            resolve(p);
          }, reject);
        });
        const p1 = posts.find((p) => p.id === 'p1')!;
        expect(p1.status).to.equal('deleted');
        expect(p1.authorId).to.equal(FORMER_MEMBER);
        expect(p1.body).to.equal('');
        expect(posts.find((p) => p.id === 'p2')!.reactions.hug, 'their reaction is gone from the count').to.equal(0);
        expect(posts.find((p) => p.id === 'p2')!.body, 'replies keep their context').to.equal('Same here');
        expect(await bea.getMember('q-erin')).to.equal(null);
        expect((await bea.getThread('t1'))!.authorId).to.equal(FORMER_MEMBER);
      });
    });

    describe('roles', () => {
      it('lets an admin verify a clinician with a scope label, mirrored to the profile as a badge', async () => {
        const admin = await as('ada');
        const record = await admin.grantRole('bea', 'clinician', {clinicianScope: 'Specialist nurse'});
        expect(record.roles).to.deep.equal(['clinician']);
        expect(record.verifiedBy).to.equal('ada');
        expect(record.verifiedAt).to.be.a('number');
        const bea = await as('bea');
        const profile = await bea.getMember('bea');
        expect(profile!.badges).to.deep.equal(['clinician']);
        expect(profile!.clinicianScope).to.equal('Specialist nurse');
        const stored = await bea.getRoles('bea');
        expect(stored!.verifiedBy).to.equal('ada');
        await admin.grantRole('bea', 'moderator');
        await admin.revokeRole('bea', 'clinician');
        const after = await bea.getMember('bea');
        expect(after!.badges).to.deep.equal(['moderator']);
        expect(after!.clinicianScope).to.equal(null);
      });

      it('refuses a clinician without a scope, self-granted roles and grants by non-admins', async () => {
        const admin = await as('ada');
        await expectError(admin.grantRole('bea', 'clinician'), 'invalid-argument', 'clinicianScope');
        await expectError(admin.grantRole('ada', 'founder'), 'permission-denied');
        await expectError((await as('mod')).grantRole('bea', 'moderator'), 'permission-denied');
        await expectError((await as('bea')).grantRole('bea', 'admin'), 'permission-denied');
        expect((await (await as('bea')).getMember('bea'))!.badges).to.deep.equal([]);
      });
    });
  });
}
