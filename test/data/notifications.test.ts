// Notifications in the stores (issue 15). LocalStore makes them in the browser from the same decisions
// as the Cloud Functions (src/data/domain/notifications.ts); FirebaseStore reads what the functions
// wrote (here written by the test with owner rights, as the functions would), marks them read, follows
// threads and saves email choices, all through the real rules on the emulator.
import {expect} from '@open-wc/testing';
import {LocalStore} from '../../src/data/local/local-store.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore, NotificationFeed} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {T0, member, post, privateRecord, roles, sampleCommunity, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {Live, expectError} from './store.contract.js';

const ann = member('ann');
const bob = member('bob');
const mo = member('mo', {badges: ['moderator']});

function seed(cid: string, settings: Partial<SeedFixture['community']['settings']> = {}): SeedFixture {
  const community = sampleCommunity(cid, {settings});
  return sampleSeed(cid, {
    members: [ann, bob, mo],
    privates: [ann, bob, mo].map((m) => privateRecord(m.uid, community)),
    roles: [roles('mo', ['moderator'])],
    threads: [thread('t1', {authorId: 'ann', authorName: 'Ann', postCount: 1})],
    posts: [post('t1', 'p1', ann, {body: 'My peak flow is low today'})],
  }, {settings: community.settings});
}

describe('notifications in LocalStore (same decisions as the Cloud Functions)', () => {
  const stores: LocalStore[] = [];
  const open = async (cid: string, uid: string, extra: Partial<Parameters<typeof LocalStore.open>[0]> = {}) => {
    const s = await LocalStore.open({communityId: cid, persistence: 'memory', user: {uid, anonymous: false}, ...extra});
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
  });

  async function community(settings: Partial<SeedFixture['community']['settings']> = {}) {
    const cid = uniqueCommunityId('n');
    await LocalStore.reset({communityId: cid, persistence: 'memory'}, seed(cid, settings));
    return cid;
  }

  it('B replies to A: A’s feed shows one unread reply (no text) live; marking it read clears the count', async () => {
    const cid = await community();
    const a = await open(cid, 'ann');
    const b = await open(cid, 'bob');
    const feed = new Live<NotificationFeed>((next, error) => a.watchNotifications({limit: 20}, next, error));
    await feed.until((f) => f.enabled && f.unread === 0, 'an empty, enabled feed');
    await b.createPost({id: 'r1', threadId: 't1', body: 'Same here, hang in there', parentId: 'p1'});
    const got = await feed.until((f) => f.unread === 1, 'one unread');
    expect(got.items.map((n) => [n.kind, n.threadId, n.postId])).to.deep.equal([['reply', 't1', 'r1']]);
    expect(JSON.stringify(got)).not.to.contain('hang in there');
    await a.markNotificationsRead([got.items[0].id]);
    await feed.until((f) => f.unread === 0 && f.items[0].read, 'read');
    feed.stop();
  });

  it('never while held; posting follows; a muted member hears nothing; moderators hear of held posts', async () => {
    const cid = await community({moderation: 'all'});
    const a = await open(cid, 'ann');
    const b = await open(cid, 'bob');
    const m = await open(cid, 'mo');
    await b.createPost({id: 'r1', threadId: 't1', body: 'A reply that waits', parentId: 'p1'});
    const modFeed = new Live<NotificationFeed>((next, error) => m.watchNotifications({limit: 20}, next, error));
    await modFeed.until((f) => f.items.some((n) => n.kind === 'held-post' && n.postId === 'r1'), 'the moderator hears of the held post');
    const annFeed = new Live<NotificationFeed>((next, error) => a.watchNotifications({limit: 20}, next, error));
    await annFeed.until((f) => f.enabled, 'loaded');
    expect(annFeed.latest!.items).to.have.length(0);
    await m.moderate('approve', {kind: 'post', threadId: 't1', postId: 'r1'}, '');
    await annFeed.until((f) => f.items.some((n) => n.kind === 'reply' && n.postId === 'r1'), 'the reply, once approved');
    const bobFeed = new Live<NotificationFeed>((next, error) => b.watchNotifications({limit: 20}, next, error));
    await bobFeed.until((f) => f.items.some((n) => n.kind === 'post-approved'), 'the author hears it was approved');
    const following = new Live<boolean | null>((next, error) => b.watchFollowing('t1', next, error));
    await following.until((v) => v === true, 'posting followed the thread');
    await b.followThread('t1', false);
    await following.until((v) => v === false, 'muted');
    [modFeed, annFeed, bobFeed, following].forEach((l) => l.stop());
  });

  it('reactions gather into one line per kind; a blocked member’s reaction tells nothing', async () => {
    const cid = await community();
    const a = await open(cid, 'ann');
    const b = await open(cid, 'bob');
    const m = await open(cid, 'mo');
    await b.setReaction('t1', 'p1', 'hug', true);
    await m.setReaction('t1', 'p1', 'hug', true);
    const feed = new Live<NotificationFeed>((next, error) => a.watchNotifications({limit: 20}, next, error));
    const got = await feed.until((f) => f.items.some((n) => n.kind === 'reaction' && n.count === 2), '2 people sent a hug');
    expect(got.items.filter((n) => n.kind === 'reaction')).to.have.length(1);
    await a.blockMember('bob');
    await b.setReaction('t1', 'p1', 'heart', true);
    await new Promise((r) => setTimeout(r, 100));
    expect(feed.latest!.items.some((n) => n.reactionKind === 'heart')).to.equal(false);
    feed.stop();
  });

  it('a store opened with notifications: false makes none and says they are off', async () => {
    const cid = await community();
    const a = await open(cid, 'ann', {notifications: false});
    const b = await open(cid, 'bob', {notifications: false});
    await b.createPost({id: 'r1', threadId: 't1', body: 'Hello', parentId: 'p1'});
    const feed = new Live<NotificationFeed>((next, error) => a.watchNotifications({limit: 20}, next, error));
    const got = await feed.until(() => true, 'a feed');
    expect(got).to.deep.equal({items: [], unread: 0, enabled: false});
    feed.stop();
  });

  it('email choices: saved in the private record; a bad address or mode is refused with a clear error', async () => {
    const cid = await community();
    const a = await open(cid, 'ann');
    const record = await a.setEmailNotifications({email: 'daily', address: 'ann@example.org', language: 'cy'});
    expect(record.notify).to.deep.equal({email: 'daily', address: 'ann@example.org', language: 'cy'});
    expect((await a.getPrivateRecord())!.notify!.email).to.equal('daily');
    await expectError(a.setEmailNotifications({email: 'daily', address: 'not-an-address', language: 'en'}), 'invalid-argument', 'address');
    await expectError(a.setEmailNotifications({email: 'hourly' as never, address: null, language: 'en'}), 'invalid-argument', 'email');
  });

  it('erasure removes the member’s notifications and follows', async () => {
    const cid = await community();
    const a = await open(cid, 'ann');
    const b = await open(cid, 'bob');
    await b.createPost({id: 'r1', threadId: 't1', body: 'Hello', parentId: 'p1'});
    await a.followThread('t1', true);
    await a.eraseMe();
    const again = await LocalStore.open({communityId: cid, persistence: 'memory', user: {uid: 'ann', anonymous: false}});
    stores.push(again);
    const feed = new Live<NotificationFeed>((next, error) => again.watchNotifications({limit: 20}, next, error));
    expect((await feed.until(() => true, 'feed')).items).to.have.length(0);
    feed.stop();
  });
});

describe('notifications in FirebaseStore (rules on the emulator)', function () {
  // The machine may be busy: Firestore round trips get the time other suites give them.
  this.timeout(90000);
  const PROJECT = 'demo-kindred-notify';
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  const storeAs = async (cid: string, uid: string) => {
    const {port} = emulatorHost();
    const s = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {host: `${uid}.localhost`, port, mockUser: {uid}}});
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
  });

  it('not switched on until the functions have run; then the feed is live and marks read', async () => {
    const cid = uniqueCommunityId('nf');
    await admin.seed(seed(cid));
    const a = await storeAs(cid, 'ann');
    const feed = new Live<NotificationFeed>((next, error) => a.watchNotifications({limit: 20}, next, error));
    await feed.until((f) => !f.enabled && f.items.length === 0, 'off: no functions yet');
    // What the functions write (functions/src/deliver.ts): the service marker and a notification.
    await admin.writeDocs([
      [pathIn(cid, 'services/notifications'), {since: new Date(T0)}],
      [pathIn(cid, 'notifications/ann/items/reply~t1~r1'), {kind: 'reply', threadId: 't1', postId: 'r1', connectionId: null, reportId: null,
        reactionKind: null, count: 1, reason: null, createdAt: T0, updatedAt: T0, read: false}],
    ]);
    const got = await feed.until((f) => f.enabled && f.unread === 1, 'on, one unread');
    expect(got.items[0]).to.include({kind: 'reply', postId: 'r1', read: false, createdAt: T0});
    await a.markNotificationsRead('all');
    await feed.until((f) => f.unread === 0, 'read');
    feed.stop();
  });

  it('"mark all read" reaches past a page: 1,203 unread items all end read (pages of 500)', async function () {
    // 1,203 documents and three pages of writes: on a busy CI machine the first listen alone took over 8 s.
    this.timeout(120000);
    const cid = uniqueCommunityId('nf');
    await admin.seed(seed(cid));
    const items: [string, Record<string, unknown>][] = Array.from({length: 1203}, (_, i) => [
      pathIn(cid, `notifications/ann/items/reply~t1~r${i}`),
      {kind: 'reply', threadId: 't1', postId: `r${i}`, connectionId: null, reportId: null, reactionKind: null, count: 1,
        reason: null, createdAt: T0 + i, updatedAt: T0 + i, read: false},
    ]);
    await admin.writeDocs([[pathIn(cid, 'services/notifications'), {since: new Date(T0)}], ...items]);
    const a = await storeAs(cid, 'ann');
    const feed = new Live<NotificationFeed>((next, error) => a.watchNotifications({limit: 20}, next, error));
    // The bell counts up to 200 ("200+"); any item left unread would keep it above 0.
    await feed.until((f) => f.enabled && f.unread === 200, 'the bell full', 45000);
    await a.markNotificationsRead('all');
    const got = await feed.until((f) => f.unread === 0, 'every item read', 45000);
    expect(got.items.every((n) => n.read)).to.equal(true);
    expect(await admin.getRaw(pathIn(cid, 'notifications/ann/items/reply~t1~r0'))).to.deep.include({read: {booleanValue: true}});
    feed.stop();
  });

  it('follows a thread and saves email choices through the rules', async () => {
    const cid = uniqueCommunityId('nf');
    await admin.seed(seed(cid));
    const b = await storeAs(cid, 'bob');
    const following = new Live<boolean | null>((next, error) => b.watchFollowing('t1', next, error));
    await following.until((v) => v === null, 'no choice yet');
    await b.followThread('t1', true);
    await following.until((v) => v === true, 'following');
    following.stop();
    const record = await b.setEmailNotifications({email: 'immediate', address: null, language: 'en'});
    expect(record.notify).to.deep.equal({email: 'immediate', address: null, language: 'en'});
    expect((await b.getPrivateRecord())!.notify).to.deep.equal({email: 'immediate', address: null, language: 'en'});
  });
});
