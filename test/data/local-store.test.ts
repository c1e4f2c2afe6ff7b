// LocalStore: the store contract (memory persistence), then what only the embedded store does:
// IndexedDB persistence, privacy before the user acts, BroadcastChannel live updates, local sign-in.
import {expect} from '@open-wc/testing';
import {LocalStore} from '../../src/data/local/local-store.js';
import {SESSION_KEY} from '../../src/data/local/session.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {OnError, Unsubscribe} from '../../src/data/store.js';
import type {Community, Post} from '../../src/data/types.js';
import {member, post, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {localHarness} from '../support/stores.js';
import {runModerationContract} from './moderation.contract.js';
import {runCrisisFlagsContract} from './crisis-flags.contract.js';
import {Live, expectError, runStoreContract} from './store.contract.js';
import {runMatchingContract} from './matching.contract.js';
import {runHolesContract} from './holes.contract.js';
import {dumpLocal, runMembersContract} from './members.contract.js';

// The harness lives in test/support/stores.ts.
runStoreContract(localHarness);
runMembersContract(localHarness, dumpLocal);
runModerationContract(localHarness);
runCrisisFlagsContract(localHarness);
runMatchingContract(localHarness);
runHolesContract(localHarness);

const alice = member('alice');
const bea = member('bea');

function seed(id: string): SeedFixture {
  return sampleSeed(id, {
    members: [alice, bea],
    roles: [roles('bea', ['moderator'])],
    threads: [thread('t1', {postCount: 1})],
    posts: [post('t1', 'p1', alice)],
  });
}

async function databaseExists(communityId: string): Promise<boolean> {
  const list = await indexedDB.databases();
  return list.some((d) => d.name === LocalStore.databaseName(communityId));
}

async function once<T>(subscribe: (next: (v: T) => void, error: OnError) => Unsubscribe): Promise<T> {
  const w = new Live<T>(subscribe);
  try {
    return await w.until(() => true, 'first value');
  } finally {
    w.stop();
  }
}

describe('LocalStore', () => {
  const opened: LocalStore[] = [];
  const communities: string[] = [];
  const open = async (...args: Parameters<typeof LocalStore.open>) => {
    const store = await LocalStore.open(...args);
    opened.push(store);
    return store;
  };
  const newCommunity = () => {
    const id = uniqueCommunityId('local');
    communities.push(id);
    return id;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.dispose()));
    for (const communityId of communities.splice(0)) await LocalStore.reset({communityId, persistence: 'indexeddb'});
    localStorage.removeItem(SESSION_KEY);
  });

  describe('when nobody has acted yet', () => {
    it('reading a seeded community writes nothing: no database, no localStorage, no cookie', async () => {
      const id = newCommunity();
      const storageBefore = localStorage.length;
      const store = await open({communityId: id, seed: seed(id)});
      expect(store.persistence).to.equal('indexeddb');
      expect(store.session.user).to.equal(null);
      expect((await once<Community | null>((n, e) => store.watchCommunity(n, e)))?.id).to.equal(id);
      expect((await store.listThreads()).items.length).to.equal(1);
      expect((await once<Post[]>((n, e) => store.watchPosts('t1', {limit: 20}, n, e))).length).to.equal(1);
      // A refused write (signed out) is not "acting" either.
      await expectError(store.createPost({id: store.newId(), threadId: 't1', body: 'hi'}), 'unauthenticated');
      expect(await databaseExists(id)).to.equal(false);
      expect(localStorage.length).to.equal(storageBefore);
      expect(document.cookie).to.equal('');
    });

    it('a write the rules refuse does not create a database', async () => {
      const id = newCommunity();
      const store = await open({communityId: id, seed: seed(id), user: {uid: 'stranger', anonymous: true}});
      await expectError(store.createPost({id: store.newId(), threadId: 't1', body: 'hi'}), 'permission-denied');
      await expectError(store.join({pseudonym: 'x', relationship: 'patient', guidelinesVersion: 'g-2026-01', healthConsentVersion: null}), 'invalid-argument');
      expect(await databaseExists(id)).to.equal(false);
    });
  });

  describe('when the user acts', () => {
    it('signing in remembers the session; the first write creates the database; both survive a re-open', async () => {
      const id = newCommunity();
      const first = await open({communityId: id, seed: seed(id)});
      const user = await first.session.signInAnonymously();
      expect(user.anonymous).to.equal(true);
      expect(user.uid).to.match(/^[A-Za-z0-9_-]{20}$/);
      expect(JSON.parse(localStorage.getItem(SESSION_KEY)!).uid).to.equal(user.uid);
      expect(await databaseExists(id), 'signing in alone creates no database').to.equal(false);
      await first.join({pseudonym: 'Quiet Heron', relationship: 'patient', guidelinesVersion: 'g-2026-01', healthConsentVersion: null});
      expect(await databaseExists(id)).to.equal(true);
      const created = await first.createPost({id: first.newId(), threadId: 't1', body: 'Saved in this browser'});
      await first.dispose();

      // A reload: no seed this time, the saved data and session come back.
      const second = await open({communityId: id});
      expect(second.session.user?.uid).to.equal(user.uid);
      expect((await second.getMember(user.uid))?.pseudonym).to.equal('Quiet Heron');
      const posts = await once<Post[]>((n, e) => second.watchPosts('t1', {limit: 20}, n, e));
      expect(posts.map((p) => p.id)).to.deep.equal(['p1', created.id]);
      expect((await second.getThread('t1'))?.postCount).to.equal(2);

      await second.session.signOut();
      expect(localStorage.getItem(SESSION_KEY)).to.equal(null);
      await LocalStore.reset({communityId: id, persistence: 'indexeddb'});
      expect(await databaseExists(id), 'reset erases the saved data').to.equal(false);
    });

    it('keeps counts exact when two stores react at once (IndexedDB transactions)', async () => {
      const id = newCommunity();
      const a = await open({communityId: id, seed: seed(id), user: {uid: 'alice', anonymous: false}});
      const b = await open({communityId: id, seed: seed(id), user: {uid: 'bea', anonymous: false}});
      await a.setReaction('t1', 'p1', 'heart', true);
      await Promise.all([b.setReaction('t1', 'p1', 'heart', true), b.setReaction('t1', 'p1', 'hug', true), a.setReaction('t1', 'p1', 'hug', true)]);
      const posts = await once<Post[]>((n, e) => a.watchPosts('t1', {limit: 20}, n, e));
      expect(posts[0].reactions).to.deep.equal({heart: 2, hug: 2, metoo: 0, thanks: 0});
    });
  });

  describe('live updates', () => {
    it('BroadcastChannel delivers a post from one store instance to another with the same channel', async () => {
      const id = newCommunity();
      const channelName = `test-${id}`;
      // Two IndexedDB stores share nothing in memory: only the channel tells one about the other.
      const reader = await open({communityId: id, seed: seed(id), channelName, user: {uid: 'bea', anonymous: false}});
      const writer = await open({communityId: id, seed: seed(id), channelName, user: {uid: 'alice', anonymous: false}});
      const w = new Live<Post[]>((n, e) => reader.watchPosts('t1', {limit: 20}, n, e));
      await w.until((v) => v.length === 1, 'the seeded post');
      const first = await writer.createPost({id: writer.newId(), threadId: 't1', body: 'Across tabs (creates the database)'});
      await w.until((v) => v.some((p) => p.id === first.id), 'the first post, after the database was created');
      const second = await writer.createPost({id: writer.newId(), threadId: 't1', body: 'And the next one'});
      await w.until((v) => v.some((p) => p.id === second.id), 'the second post');
      w.stop();
    });

    it('memory stores of one community and channel share data; another channel is a separate database', async () => {
      const id = newCommunity();
      const a = await open({communityId: id, seed: seed(id), persistence: 'memory', user: {uid: 'alice', anonymous: false}});
      const b = await open({communityId: id, seed: seed(id), persistence: 'memory', user: {uid: 'bea', anonymous: false}});
      const elsewhere = await open({communityId: id, seed: seed(id), persistence: 'memory', channelName: 'other', user: {uid: 'bea', anonymous: false}});
      const created = await a.createPost({id: a.newId(), threadId: 't1', body: 'Shared'});
      const w = new Live<Post[]>((n, e) => b.watchPosts('t1', {limit: 20}, n, e));
      await w.until((v) => v.some((p) => p.id === created.id), 'b sees a’s post');
      w.stop();
      const other = await once<Post[]>((n, e) => elsewhere.watchPosts('t1', {limit: 20}, n, e));
      expect(other.map((p) => p.id)).to.deep.equal(['p1']);
    });

    it('delivers a value only when it changed', async () => {
      const id = newCommunity();
      const a = await open({communityId: id, seed: seed(id), persistence: 'memory', user: {uid: 'alice', anonymous: false}});
      const community = new Live((n, e) => a.watchCommunity(n, e));
      const posts = new Live<Post[]>((n, e) => a.watchPosts('t1', {limit: 20}, n, e));
      await community.until(() => true, 'community');
      await a.createPost({id: a.newId(), threadId: 't1', body: 'One'});
      await posts.until((v) => v.length === 2, 'two posts');
      expect(community.values.length, 'the community did not change').to.equal(1);
      community.stop();
      posts.stop();
    });
  });

  describe('session', () => {
    it('signs in anonymously only; email and token sign-in explain that they need Firebase', async () => {
      const id = newCommunity();
      const store = await open({communityId: id, seed: seed(id), persistence: 'memory'});
      const seen: (string | null)[] = [];
      store.session.watch((u) => seen.push(u?.uid ?? null));
      const user = await store.session.signInAnonymously();
      expect(await store.session.signInAnonymously(), 'signing in twice keeps the user').to.deep.equal(user);
      const e1 = await expectError(store.session.sendSignInLink('me@example.org', 'https://example.org/'), 'unavailable');
      expect(e1.message).to.contain('Firebase project');
      await expectError(store.session.completeSignInLink('me@example.org', 'https://example.org/?link'), 'unavailable');
      const e2 = await expectError(store.session.signInWithToken('token'), 'unavailable');
      expect(e2.message).to.contain('Firebase project');
      await store.session.signOut();
      expect(seen).to.deep.equal([null, user.uid, null]);
      expect(localStorage.getItem(SESSION_KEY), 'memory persistence never remembers a session').to.equal(null);
    });

    it('watchers follow the session: signing out hides the member’s own held post again', async () => {
      const id = newCommunity();
      const fixture = sampleSeed(id, {members: [alice], threads: [thread('t1', {postCount: 1})], posts: [post('t1', 'p1', alice)]},
        {settings: {moderation: 'all'}});
      const store = await open({communityId: id, seed: fixture, persistence: 'memory'});
      const w = new Live<Post[]>((n, e) => store.watchPosts('t1', {limit: 20}, n, e));
      await w.until((v) => v.length === 1, 'a visitor sees one post');
      await store.session.signInAnonymously();
      await store.join({pseudonym: 'Quiet Heron', relationship: 'patient', guidelinesVersion: 'g-2026-01', healthConsentVersion: null});
      const held = await store.createPost({id: store.newId(), threadId: 't1', body: 'Waiting for a moderator'});
      expect(held.status).to.equal('held');
      await w.until((v) => v.length === 2, 'the author sees their held post');
      await store.session.signOut();
      await w.until((v) => v.length === 1, 'signed out, it is hidden again');
      w.stop();
    });
  });

  describe('moderation helpers', () => {
    it('holds a post with a banned word, and a member’s posts until enough were approved (first-posts)', async () => {
      const id = newCommunity();
      const fixture = sampleSeed(id, {
        // Bea has one post a moderator approved (members/{uid}.approvedPosts, as on Firestore: issue 13).
        members: [alice, {...bea, approvedPosts: 1} as typeof bea], threads: [thread('t1', {postCount: 1})], posts: [post('t1', 'p1', bea)],
      }, {settings: {moderation: 'first-posts', holdFirstPosts: 1, bannedWords: ['scam']}});
      const newcomer = await open({communityId: id, seed: fixture, persistence: 'memory', user: {uid: 'alice', anonymous: false}});
      const regular = await open({communityId: id, seed: fixture, persistence: 'memory', user: {uid: 'bea', anonymous: false}});
      expect(await newcomer.createPost({id: newcomer.newId(), threadId: 't1', body: 'Hello all'})).to.include({status: 'held', statusReason: 'first-posts'});
      expect((await newcomer.createPost({id: newcomer.newId(), threadId: 't1', body: 'Still new'})).status, 'held posts do not count').to.equal('held');
      expect((await regular.createPost({id: regular.newId(), threadId: 't1', body: 'I have an approved post'})).status).to.equal('visible');
      expect(await regular.createPost({id: regular.newId(), threadId: 't1', body: 'This cure is a SCAM!'})).to.include({status: 'held', statusReason: 'banned-word'});
      expect((await regular.createPost({id: regular.newId(), threadId: 't1', body: 'Scampi for tea'})).status, 'whole words only').to.equal('visible');
    });

    it('first-posts counts approvals, not visible posts: a member who posted before the mode was switched on is held (issue 13)', async () => {
      const id = newCommunity();
      const fixture = sampleSeed(id, {
        members: [alice, bea, member('mod')], roles: [roles('mod', ['moderator'])],
        threads: [thread('t1', {postCount: 1})], posts: [post('t1', 'p1', bea)],
      }, {settings: {moderation: 'first-posts', holdFirstPosts: 1}});
      const early = await open({communityId: id, seed: fixture, persistence: 'memory', user: {uid: 'bea', anonymous: false}});
      const mod = await open({communityId: id, seed: fixture, persistence: 'memory', user: {uid: 'mod', anonymous: false}});
      const held = await early.createPost({id: early.newId(), threadId: 't1', body: 'Back again'});
      expect(held, 'a visible post from before does not count').to.include({status: 'held', statusReason: 'first-posts'});
      await mod.moderate('approve', {kind: 'post', threadId: 't1', postId: held.id}, '');
      expect((await early.createPost({id: early.newId(), threadId: 't1', body: 'Approved once'})).status, 'one approval is enough').to.equal('visible');
    });
  });

  describe('after dispose', () => {
    it('refuses calls with an actionable error', async () => {
      const id = newCommunity();
      const store = await open({communityId: id, seed: seed(id), persistence: 'memory', user: {uid: 'alice', anonymous: false}});
      await store.dispose();
      const e = await expectError(store.listThreads(), 'unavailable');
      expect(e.message).to.contain('open a new LocalStore');
      expect((await new Live((n, err) => store.watchCommunity(n, err)).failure()).code).to.equal('unavailable');
    });

    it('refuses an invalid community id', async () => {
      await expectError(LocalStore.open({communityId: '../x', persistence: 'memory'}), 'misconfigured');
    });
  });
});
