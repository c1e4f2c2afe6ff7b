// Issue 12, finding 8: "a member given the admin role still shows only 'Patient' on their posts". A post
// shows its author's badges as they are now, not the copy it took when written. Starts where a reader
// starts: a signed-out visitor of a public community with the thread open (the hardest reader: on Firebase
// they may not read roles/{uid} or member profiles), while an admin grants and then revokes a role.
// Both stores: LocalStore (two stores of one community) and FirebaseStore on the emulator with the real rules.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {T0, member, post, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';

const PROJECT = 'demo-kindred-e2e-live-badges';

function world(cid: string): SeedFixture {
  const ada = member('ada', {pseudonym: 'Ada', badges: ['admin']});
  const dafydd = member('dafydd', {pseudonym: 'Dafydd'});
  return sampleSeed(cid, {
    members: [ada, dafydd],
    roles: [roles('ada', ['admin'])],
    threads: [thread('t1', {postCount: 2, title: 'Inhaler tips'})],
    // Dafydd's older post, written when he had no role (its stored authorBadges are []).
    posts: [post('t1', 'p1', dafydd, {body: 'Spacers help my son', createdAt: T0}), post('t1', 'p2', ada, {body: 'Welcome, everyone', createdAt: T0 + 1000})],
  });
}

const badgesOn = (el: KinDiscussionThread, postId: string) =>
  [...el.shadowRoot!.querySelectorAll(`article[data-post-id="${postId}"] [part="badge"]`)].map((b) => b.textContent!.trim());

async function grantAndRevokeWhileVisitorReads(visitor: CommunityStore, admin: CommunityStore, timeout: number) {
  const root = await fixture<HTMLElement>(html`<kin-community .store=${visitor} lang="en"><kin-discussion-thread mode="list" thread="t1"></kin-discussion-thread></kin-community>`);
  const el = root.querySelector('kin-discussion-thread') as KinDiscussionThread;
  await waitUntil(() => badgesOn(el, 'p1').length > 0, 'Dafydd\'s post', {timeout});
  expect(badgesOn(el, 'p1')).to.deep.equal(['Patient']);
  expect(badgesOn(el, 'p2')).to.deep.equal(['Patient', 'Admin']);

  await admin.grantRole('dafydd', 'admin');
  await waitUntil(() => badgesOn(el, 'p1').includes('Admin'), 'the new role on Dafydd\'s old post, live', {timeout});
  expect(badgesOn(el, 'p1')).to.deep.equal(['Patient', 'Admin']);

  await admin.revokeRole('dafydd', 'admin');
  await waitUntil(() => !badgesOn(el, 'p1').includes('Admin'), 'the revoked role gone from his post, live', {timeout});
  expect(badgesOn(el, 'p1')).to.deep.equal(['Patient']);
  await expect(el).to.be.accessible();
}

describe('issue 12: posts show their authors\' current role badges', function () {
  this.timeout(120_000);
  const stores: CommunityStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose().catch(() => undefined)));
  });

  it('on LocalStore: a visitor sees a role granted and revoked on an old post, without a reload', async () => {
    const seed = world(uniqueCommunityId('badges-local'));
    const open = async (uid: string | null) => {
      const s = await LocalStore.open({communityId: seed.community.id, seed, persistence: 'memory', user: uid ? {uid, anonymous: false} : null});
      stores.push(s);
      return s;
    };
    await grantAndRevokeWhileVisitorReads(await open(null), await open('ada'), 10_000);
  });

  it('on FirebaseStore: a signed-out visitor (who may not read roles) sees the same, through the public badges', async () => {
    const admin = new FirestoreAdmin(PROJECT);
    const seed = world(uniqueCommunityId('badges-fb'));
    await admin.seed(seed);
    const as = async (uid: string | null) => {
      const s = await createFirebaseStore({
        communityId: seed.community.id, config: {projectId: PROJECT},
        emulator: {host: `${uid ?? 'visitor'}.localhost`, port: emulatorHost().port, mockUser: uid ? {uid} : null},
      });
      stores.push(s);
      return s;
    };
    try {
      const visitor = await as(null);
      const ada = await as('ada');
      await grantAndRevokeWhileVisitorReads(visitor, ada, 30_000);
      // Older pages ("Show older posts") carry the current badges too.
      await ada.grantRole('dafydd', 'moderator');
      const el = document.querySelector('kin-discussion-thread') as KinDiscussionThread;
      await waitUntil(() => badgesOn(el, 'p1').includes('Moderator'), 'the second grant shown', {timeout: 30_000});
      const older = await visitor.listOlderPosts('t1', {cursor: `${T0 + 1000}_p2`, limit: 10});
      expect(older.items.find((p) => p.id === 'p1')?.authorBadges).to.deep.equal(['moderator']);
    } finally {
      await admin.clear();
    }
  });
});
