// Crisis wording reaches moderators, and no one else (issue 18), run against LocalStore
// (local-store.test.ts) and FirebaseStore on the emulator with the real firestore.rules
// (firebase-store.test.ts).
//
// Pinned behaviour:
// - A member's post with crisis wording is published as usual, and moderators see it in their queue as
//   a `crisis` item with the kinds of wording found; a moderator marks it read ('clear-crisis', logged)
//   and it leaves the queue.
// - Other members and visitors never learn it: the post they read carries nothing about it.
// - With settings.crisisReview the post is held ('crisis-review'): its author sees it with that reason,
//   others do not see it, moderators see the held item with the crisis kinds; approving clears the flag.
import {expect} from '@open-wc/testing';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore, ModerationItem} from '../../src/data/store.js';
import type {ModLogEntry, Post} from '../../src/data/types.js';
import {T0, member, post, privateRecord, roles, sampleCommunity, thread, uniqueCommunityId} from '../support/builders.js';
import type {StoreHarness} from './contract-harness.js';
import {Live} from './store.contract.js';

const CRISIS = 'Honestly I’ve been stockpiling my tablets and I can’t see a way out';
const alice = member('alice');
const bea = member('bea');
const mo = member('mo', {badges: ['moderator']});

function world(id: string, crisisReview: boolean): SeedFixture {
  const community = sampleCommunity(id);
  community.settings = {...community.settings, moderation: 'post', crisisReview};
  return {
    community,
    members: [alice, bea, mo],
    privates: [privateRecord('alice', community)],
    roles: [roles('mo', ['moderator'])],
    threads: [thread('t1', {postCount: 1, title: 'Evenings'})],
    posts: [post('t1', 'p1', bea, {body: 'How is everyone doing this week?', createdAt: T0})],
  };
}

export function runCrisisFlagsContract(harness: () => StoreHarness) {
  const kind = harness().kind;

  describe(`crisis flags contract (${kind})`, function () {
    this.timeout(30000);
    let h: StoreHarness;
    let id: string;
    let watchers: Live<unknown>[] = [];
    const live = <T>(subscribe: ConstructorParameters<typeof Live<T>>[0]): Live<T> => {
      const w = new Live<T>(subscribe);
      watchers.push(w as Live<unknown>);
      return w;
    };
    const queue = (store: CommunityStore) => live<ModerationItem[]>((next, error) => store.watchModerationQueue({order: 'newest'}, next, error));
    const posts = (store: CommunityStore) => live<Post[]>((next, error) => store.watchPosts('t1', {limit: 20}, next, error));
    const log = (store: CommunityStore) => live<ModLogEntry[]>((next, error) => store.watchModLog({limit: 20}, next, error));

    beforeEach(() => {
      h = harness();
      id = uniqueCommunityId('crisis');
      watchers = [];
    });
    afterEach(async () => {
      for (const w of watchers) w.stop();
      await h.cleanup();
    });

    it('publishes the post, shows moderators a crisis item with the kinds, and tells no one else', async () => {
      await h.seed(world(id, false));
      const [author, reader, moderator] = await Promise.all([h.storeAs(id, 'alice'), h.storeAs(id, 'bea'), h.storeAs(id, 'mo')]);
      const written = await author.createPost({id: 'p2', threadId: 't1', body: CRISIS});
      expect(written.status).to.equal('visible');
      const items = await queue(moderator).until((list) => list.some((i) => i.id === 'crisis:t1/p2'), 'the crisis item');
      const item = items.find((i) => i.id === 'crisis:t1/p2')!;
      expect(item.kind).to.equal('crisis');
      expect(item.crisis).to.have.members(['plan', 'hopelessness']);
      expect(item.post?.body).to.equal(CRISIS);
      // Another member reads the post with nothing about crisis wording on it.
      const seen = await posts(reader).until((list) => list.some((p) => p.id === 'p2'), 'the post for others');
      const p2 = seen.find((p) => p.id === 'p2')!;
      expect(p2.status).to.equal('visible');
      expect(JSON.stringify(p2)).not.to.match(/crisis|plan|hopeless/i);
      // Members cannot see the queue at all.
      expect((await queue(reader).failure()).code).to.equal('permission-denied');
      // Marked read: logged, and gone from the queue.
      await moderator.moderate('clear-crisis', {kind: 'post', threadId: 't1', postId: 'p2'}, '');
      await queue(moderator).until((list) => !list.some((i) => i.id === 'crisis:t1/p2'), 'the item leaves the queue');
      const entries = await log(moderator).until((l) => l.some((e) => e.action === 'clear-crisis'), 'the log entry');
      expect(entries.find((e) => e.action === 'clear-crisis')?.targetPath).to.equal('threads/t1/posts/p2');
    });

    it('an everyday post carries no flag', async () => {
      await h.seed(world(id, false));
      const [author, moderator] = await Promise.all([h.storeAs(id, 'alice'), h.storeAs(id, 'mo')]);
      await author.createPost({id: 'p2', threadId: 't1', body: 'That killer hill nearly finished me off, dying for a cuppa now'});
      await author.createPost({id: 'p3', threadId: 't1', body: 'I want to die', parentId: 'p1'});
      const items = await queue(moderator).until((list) => list.some((i) => i.id === 'crisis:t1/p3'), 'the flagged reply');
      expect(items.map((i) => i.id)).not.to.include('crisis:t1/p2');
    });

    it('with crisisReview, holds the post for a person to read first and tells its author why', async () => {
      await h.seed(world(id, true));
      const [author, reader, moderator] = await Promise.all([h.storeAs(id, 'alice'), h.storeAs(id, 'bea'), h.storeAs(id, 'mo')]);
      const written = await author.createPost({id: 'p2', threadId: 't1', body: CRISIS});
      expect(written).to.include({status: 'held', statusReason: 'crisis-review'});
      const own = await posts(author).until((list) => list.some((p) => p.id === 'p2'), 'the author sees their held post');
      expect(own.find((p) => p.id === 'p2')).to.include({status: 'held', statusReason: 'crisis-review'});
      const others = await posts(reader).until((list) => list.length >= 1, 'others read the thread');
      expect(others.map((p) => p.id)).not.to.include('p2');
      const items = await queue(moderator).until((list) => list.some((i) => i.id === 'held:t1/p2' && !!i.crisis), 'the held item with its crisis kinds');
      expect(items.find((i) => i.id === 'held:t1/p2')!.crisis).to.have.members(['plan', 'hopelessness']);
      expect(items.map((i) => i.id), 'one item, not two').not.to.include('crisis:t1/p2');
      await moderator.moderate('approve', {kind: 'post', threadId: 't1', postId: 'p2'}, '');
      await posts(reader).until((list) => list.some((p) => p.id === 'p2'), 'approved: others see it');
      await queue(moderator).until((list) => list.length === 0, 'approval clears the flag too');
    });

    // Issue 17: the queue is paged, crisis flags too. A reported post keeps its crisis note on the first page even
    // when newer flags of other posts fill the flags' page.
    it('keeps a reported post\'s crisis kinds on a one-item page when a newer flag fills the flags\' page', async () => {
      await h.seed(world(id, false));
      const [author, reader, moderator] = await Promise.all([h.storeAs(id, 'alice'), h.storeAs(id, 'bea'), h.storeAs(id, 'mo')]);
      await author.createPost({id: 'p2', threadId: 't1', body: CRISIS});
      await author.createPost({id: 'p3', threadId: 't1', body: CRISIS, parentId: 'p1'});
      // The report is the newest item (LocalStore is fast enough to write both in one millisecond).
      await new Promise((r) => setTimeout(r, 20));
      await reader.report({id: 'r1', target: {kind: 'post', threadId: 't1', postId: 'p2'}, reason: 'crisis', details: ''});
      const page = await live<ModerationItem[]>((next, error) => moderator.watchModerationQueue({order: 'newest', limit: 1}, next, error))
        .until((list) => list.length === 1 && list[0].id === 'report:r1' && !!list[0].crisis, 'the report, with its crisis kinds');
      expect(page[0].crisis).to.have.members(['plan', 'hopelessness']);
    });
  });
}
