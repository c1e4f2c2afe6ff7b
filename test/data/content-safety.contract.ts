// Content warnings and per-post audience (issue 18), run against LocalStore and FirebaseStore on the
// emulator with the real firestore.rules (content-safety.test.ts runs both).
//
// Pinned behaviour:
// - A members-only post reaches members only: a signed-out visitor and a signed-in non-member never
//   receive it (live or in older pages), and are told how many there are (watchMembersOnlyCount).
// - A reply to a members-only post is members only, whatever the author asked for.
// - A held members-only post is counted once a moderator approves it.
// - An author sets a warning when posting and may change it; a moderator may change it too (logged
//   'set-warning'); no other member may. A bad warning is refused with field 'warning'.
// - A member's warning choices are kept in their private record (the default, collapse, is not stored).
import {expect} from '@open-wc/testing';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {ModLogEntry, Post} from '../../src/data/types.js';
import {T0, member, post, privateRecord, roles, sampleCommunity, thread, uniqueCommunityId} from '../support/builders.js';
import type {StoreHarness} from './contract-harness.js';
import {Live, expectError} from './store.contract.js';

const alice = member('alice');
const bea = member('bea');
const mo = member('mo', {badges: ['moderator']});

function world(id: string, moderation: 'post' | 'all' = 'post'): SeedFixture {
  const community = sampleCommunity(id);
  community.settings = {...community.settings, visibility: 'public', moderation};
  return {
    community,
    members: [alice, bea, mo],
    privates: [privateRecord('alice', community), privateRecord('bea', community), privateRecord('mo', community)],
    roles: [roles('mo', ['moderator'])],
    threads: [thread('t1', {postCount: 1, title: 'Evenings'})],
    posts: [post('t1', 'p1', bea, {body: 'How is everyone doing this week?', createdAt: T0})],
  };
}

export function runContentSafetyContract(harness: () => StoreHarness) {
  const kind = harness().kind;

  describe(`content warnings and audience contract (${kind})`, function () {
    this.timeout(60000);
    let h: StoreHarness;
    let id: string;
    let watchers: Live<unknown>[] = [];
    const live = <T>(subscribe: ConstructorParameters<typeof Live<T>>[0]): Live<T> => {
      const w = new Live<T>(subscribe);
      watchers.push(w as Live<unknown>);
      return w;
    };
    const posts = (store: CommunityStore) => live<Post[]>((next, error) => store.watchPosts('t1', {limit: 20}, next, error));
    const count = (store: CommunityStore) => live<number>((next, error) => store.watchMembersOnlyCount('t1', next, error));
    const ids = (list: Post[]) => list.map((p) => p.id);

    beforeEach(() => {
      h = harness();
      id = uniqueCommunityId('safety');
      watchers = [];
    });
    afterEach(async () => {
      for (const w of watchers) w.stop();
      await h.cleanup();
    });

    it('keeps a members-only post (and replies to it) from visitors, who are told how many there are', async () => {
      await h.seed(world(id));
      const [author, reader, visitor, outsider] = await Promise.all([h.storeAs(id, 'alice'), h.storeAs(id, 'bea'), h.storeAs(id, null), h.storeAs(id, 'olly')]);
      const written = await author.createPost({id: 'p2', threadId: 't1', body: 'Only for the people here', audience: 'members'});
      expect(written.audience).to.equal('members');
      // a reply to it asks for everyone, and is members only all the same
      const reply = await author.createPost({id: 'p3', threadId: 't1', body: 'And a reply', parentId: 'p2', audience: 'everyone'});
      expect(reply.audience).to.equal('members');
      await author.createPost({id: 'p4', threadId: 't1', body: 'For everyone', audience: 'everyone'});
      const seen = await posts(reader).until((list) => ['p2', 'p3', 'p4'].every((p) => ids(list).includes(p)), 'a member reads all of it');
      expect(seen.find((p) => p.id === 'p2')!.audience).to.equal('members');
      expect(seen.find((p) => p.id === 'p4')!.audience, 'everyone is the default and not spelled out').to.equal(undefined);
      for (const [who, store] of [['a visitor', visitor], ['a signed-in non-member', outsider]] as const) {
        const theirs = await posts(store).until((list) => ids(list).includes('p4'), `${who} reads the public posts`);
        expect(ids(theirs), who).to.deep.equal(['p1', 'p4']);
        expect(JSON.stringify(theirs), who).not.to.contain('Only for the people here');
        expect(await count(store).until((n) => n === 2, `${who} is told of 2 members-only posts`)).to.equal(2);
        const older = await store.listOlderPosts('t1', {cursor: `${Date.now() + 60_000}_zzzz`, limit: 20});
        expect(ids(older.items), `${who}: older pages`).to.not.include.members(['p2', 'p3']);
      }
      await expectError(author.createPost({id: 'p5', threadId: 't1', body: 'x', audience: 'friends' as 'members'}), 'invalid-argument', 'audience');
    });

    it('counts a held members-only post once a moderator approves it', async () => {
      await h.seed(world(id, 'all'));
      const [author, moderator, visitor] = await Promise.all([h.storeAs(id, 'alice'), h.storeAs(id, 'mo'), h.storeAs(id, null)]);
      const written = await author.createPost({id: 'p2', threadId: 't1', body: 'Held until read', audience: 'members'});
      expect(written.status).to.equal('held');
      const visitorCount = count(visitor);
      await visitorCount.until((n) => n === 0, 'nothing counted while held');
      await moderator.moderate('approve', {kind: 'post', threadId: 't1', postId: 'p2'}, '');
      await visitorCount.until((n) => n === 1, 'counted once approved');
    });

    it('lets the author and moderators set a content warning, and no one else', async () => {
      await h.seed(world(id));
      const [author, reader, moderator, visitor] = await Promise.all([h.storeAs(id, 'alice'), h.storeAs(id, 'bea'), h.storeAs(id, 'mo'), h.storeAs(id, null)]);
      const written = await author.createPost({id: 'p2', threadId: 't1', body: 'About my injections', warning: {topic: 'custom', label: 'Needles'}});
      expect(written.warning).to.deep.equal({topic: 'custom', label: 'Needles'});
      const theirs = await posts(visitor).until((list) => ids(list).includes('p2'), 'a visitor reads the warned post');
      expect(theirs.find((p) => p.id === 'p2')!.warning).to.deep.equal({topic: 'custom', label: 'Needles'});
      await expectError(author.createPost({id: 'p3', threadId: 't1', body: 'x', warning: {topic: 'custom', label: ''}}), 'invalid-argument', 'warning');
      await expectError(author.createPost({id: 'p3', threadId: 't1', body: 'x', warning: {topic: 'gossip' as 'custom', label: null}}), 'invalid-argument', 'warning');
      await expectError(reader.setContentWarning('t1', 'p2', null), 'permission-denied');
      await expectError(visitor.setContentWarning('t1', 'p2', null), 'unauthenticated');
      await author.setContentWarning('t1', 'p2', {topic: 'graphic-medical', label: null});
      const readerView = posts(reader);
      await readerView.until((list) => list.find((p) => p.id === 'p2')?.warning?.topic === 'graphic-medical', 'the author changed it');
      await moderator.setContentWarning('t1', 'p1', {topic: 'bereavement', label: null});
      await readerView.until((list) => list.find((p) => p.id === 'p1')?.warning?.topic === 'bereavement', 'a moderator added one');
      const log = live<ModLogEntry[]>((next, error) => moderator.watchModLog({limit: 10}, next, error));
      const entries = await log.until((l) => l.some((e) => e.action === 'set-warning'), 'the moderator’s change is logged');
      expect(entries.find((e) => e.action === 'set-warning')).to.include({targetPath: 'threads/t1/posts/p1', reason: 'bereavement', actorId: 'mo'});
      await author.setContentWarning('t1', 'p2', null);
      await readerView.until((list) => list.find((p) => p.id === 'p2')?.warning === undefined, 'the author removed it');
    });

    it('keeps a member’s warning choices in their private record', async () => {
      await h.seed(world(id));
      const [reader, visitor] = await Promise.all([h.storeAs(id, 'bea'), h.storeAs(id, null)]);
      const record = await reader.setWarningPrefs({suicide: 'hide', bereavement: 'show', eating: 'collapse'});
      expect(record.warnings).to.deep.equal({suicide: 'hide', bereavement: 'show'});
      expect((await reader.getPrivateRecord())?.warnings).to.deep.equal({suicide: 'hide', bereavement: 'show'});
      await expectError(reader.setWarningPrefs({suicide: 'maybe'} as never), 'invalid-argument', 'warnings');
      await expectError(reader.setWarningPrefs({gossip: 'hide'} as never), 'invalid-argument', 'warnings');
      await expectError(visitor.setWarningPrefs({suicide: 'hide'}), 'unauthenticated');
    });
  });
}
