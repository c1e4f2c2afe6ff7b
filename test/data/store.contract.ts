// The CommunityStore contract: one suite of store behaviour, run against LocalStore
// (local-store.test.ts) and against FirebaseStore on the real Firestore emulator
// (firebase-store.test.ts). It uses only the StoreHarness and CommunityStore interfaces.
//
// Harness note: some tests write from three stores at once. Chrome keeps at most 6 connections per
// host and each Firebase client holds long-lived streams, so a third client on the same emulator
// host waits ~45 s for a connection. A Firebase harness spreads its stores over host names that
// reach the emulator (127.0.0.1, localhost).
//
// Where the interface alone leaves a choice open, the suite pins what real Firestore with
// firestore.rules gives, and LocalStore copies it:
//
// - Who reads what. A *visitor* is signed out; a *non-member* is signed in without a profile.
//   - The community document: everyone for a public community; for a members-only one, signed-in
//     users only (they need the guidelines version to join), never visitors.
//   - Threads and posts: everyone for a public community, members only for a members-only one. A
//     private peer thread (participants set): its two members and moderators.
//   - Member profiles: members only, even in a public community (posts carry the author's pseudonym).
//     Your own profile (or null before joining) is always yours: watchMe / getMember(me).
//   - Roles: your own; moderators read anyone's. The private record: its owner only.
// - Error codes. Input a client can check itself is refused with `invalid-argument` (and `field`).
//   A signed-out caller who must sign in gets `unauthenticated`, except that a store may answer a
//   visitor's *read* with `permission-denied` (that is all Firestore says), so visitor cases accept
//   either. A signed-in user without the right gets `permission-denied`. Two cases where a client
//   check and the rules may answer differently accept either `invalid-argument` or
//   `permission-denied`: stale consent versions at join, and a reply to a reply.
// - Writes need a member in good standing. A suspended member (roles.suspendedUntil in the future)
//   reads everything but writes nothing: no post, edit, delete, reaction, profile change or report.
// - postCount counts posts that were visible when made. A deletion leaves a placeholder and the
//   count unchanged (the rules let only moderators lower it); held posts are not counted.
// - A new thread is always `visible`, even when its first post is held (then postCount is 0).
// - Ordering: posts by (createdAt, id) ascending; hub threads by (lastActivityAt, id) descending
//   (policy.comparePosts / compareThreads), so equal times still page without overlap or gap.
// - Idempotent retry: createPost with an existing id by the same author resolves to the stored post
//   (its first body, not the retry's) and changes nothing, also when the two attempts overlap.
// - Times are the server's. createPost may resolve before it knows the server time, so the post it
//   returns may carry the client's estimate of `createdAt` (within seconds); what watchers and reads
//   return is the stored time, and a thread's lastActivityAt equals its newest visible post's createdAt.
// - Held posts appear in watchPosts / listOlderPosts for their author only (store.ts: "the signed-in
//   member's own held posts"). Moderators may read them (rules), but review them in a moderation
//   queue, not inline in the thread.
// - A watcher delivers its first value asynchronously and then only on change; a watcher that fails
//   (e.g. permission-denied) is over, like a Firestore listener: subscribe again to retry.
// - Hidden and deleted posts are placeholders: a store never returns their body, even when a seeded
//   document still has one.
import {defaultAvatarHue} from '../../src/data/domain/avatars.js';
import {expect} from '@open-wc/testing';
import {isKindredError, type KindredError, type KindredErrorCode} from '../../src/data/errors.js';
import {comparePosts, compareThreads, postCursor, threadIdForKey} from '../../src/data/policy.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore, CreatePostInput, FounderStoryInput, JoinInput, OnError, Unsubscribe} from '../../src/data/store.js';
import type {MemberProfile, Post, RoleRecord, Thread} from '../../src/data/types.js';
import {
  DAY, T0, member, post, privateRecord, roles, sampleCommunity, thread, uniqueCommunityId, type CommunityOverrides,
} from '../support/builders.js';
import type {StoreHarness} from './contract-harness.js';

const VISITOR: KindredErrorCode[] = ['unauthenticated', 'permission-denied'];

/** Resolves with the KindredError `promise` rejects with, checking its code (and field). */
export async function expectError(promise: Promise<unknown>, codes: KindredErrorCode | KindredErrorCode[], field?: string): Promise<KindredError> {
  const allowed = Array.isArray(codes) ? codes : [codes];
  let value: unknown;
  try {
    value = await promise;
  } catch (e) {
    expect(isKindredError(e), `expected a KindredError, got ${String(e)}`).to.equal(true);
    const error = e as KindredError;
    expect(allowed, `error code (message: ${error.message})`).to.include(error.code);
    if (field !== undefined) expect(error.field, `field at fault (message: ${error.message})`).to.equal(field);
    expect(error.message.length, 'an actionable message').to.be.greaterThan(15);
    return error;
  }
  throw new Error(`expected a rejection with ${allowed.join(' or ')}, but it resolved with ${JSON.stringify(value)?.slice(0, 300)}`);
}

/**
 * A watcher under test: records every value, and lets a test await the moment the latest value meets
 * a condition (no sleeping).
 */
export class Live<T> {
  values: T[] = [];
  error: KindredError | null = null;
  #unsub: Unsubscribe;
  #wake = new Set<() => void>();

  constructor(subscribe: (next: (value: T) => void, error: OnError) => Unsubscribe) {
    this.#unsub = subscribe(
      (value) => {
        this.values.push(value);
        for (const w of [...this.#wake]) w();
      },
      (error) => {
        this.error = error;
        for (const w of [...this.#wake]) w();
      },
    );
  }

  get latest(): T | undefined {
    return this.values[this.values.length - 1];
  }

  /** Resolves with the latest value once it meets `predicate`; rejects on a watcher error or timeout. */
  until(predicate: (value: T) => boolean, what: string, timeout = 15000): Promise<T> {
    return this.#wait(() => {
      if (this.error) throw new Error(`${what}: the watcher failed with ${this.error.code}: ${this.error.message}`);
      return this.values.length > 0 && predicate(this.latest as T) ? {value: this.latest as T} : null;
    }, () => `waiting until ${what}; latest value: ${JSON.stringify(this.latest)?.slice(0, 500)}`, timeout);
  }

  /** Resolves with the watcher's error; rejects on timeout. */
  failure(timeout = 15000): Promise<KindredError> {
    return this.#wait(() => (this.error ? {value: this.error} : null),
      () => `waiting for the watcher to fail; it delivered ${JSON.stringify(this.latest)?.slice(0, 300)}`, timeout);
  }

  stop() {
    this.#unsub();
  }

  #wait<R>(check: () => {value: R} | null, describe: () => string, timeout: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake.delete(test);
      };
      const test = () => {
        try {
          const hit = check();
          if (hit) {
            done();
            resolve(hit.value);
          }
        } catch (e) {
          done();
          reject(e);
        }
      };
      const timer = setTimeout(() => {
        this.#wake.delete(test);
        reject(new Error(`Timed out after ${timeout} ms ${describe()}`));
      }, timeout);
      this.#wake.add(test);
      test();
    });
  }
}

// The cast: members of every seeded community.
const alice = member('alice', {relationship: 'carer'});
const bea = member('bea');
const mo = member('mo', {badges: ['moderator'], relationship: 'professional'});
const fay = member('fay', {badges: ['founder']});
const sam = member('sam');

interface WorldOptions {
  community?: CommunityOverrides;
  threads?: Thread[];
  posts?: Post[];
  members?: MemberProfile[];
  roles?: RoleRecord[];
}

/** A community with the cast, thread t1 and Alice's post p1 (unless the test gives its own threads/posts). */
function world(id: string, options: WorldOptions = {}): SeedFixture {
  const community = sampleCommunity(id, options.community);
  return {
    community,
    members: [alice, bea, mo, fay, sam, ...(options.members ?? [])],
    privates: [privateRecord('alice', community, {healthConsent: {version: community.settings.consentVersion, at: T0 - DAY}})],
    roles: [
      roles('mo', ['moderator']), roles('fay', ['founder']),
      // Relative to the real clock: Firestore compares with request.time.
      roles('sam', [], {suspendedUntil: Date.now() + 10 * DAY}),
      ...(options.roles ?? []),
    ],
    threads: options.threads ?? [thread('t1', {postCount: 1, title: 'Spacers for toddlers'})],
    posts: options.posts ?? [post('t1', 'p1', alice, {body: 'Any tips for spacers?'})],
  };
}

const ids = (items: {id: string}[]) => items.map((i) => i.id);

/** The post createPost returned is the stored one, but its createdAt may be the client's estimate. */
function expectSamePost(returned: Post, stored: Post | undefined) {
  expect(stored, `post ${returned.id} is stored`).to.not.equal(undefined);
  expect({...returned, createdAt: 0}).to.deep.equal({...stored!, createdAt: 0});
  expect(Math.abs(returned.createdAt - stored!.createdAt), 'createdAt within seconds of the server time').to.be.below(10_000);
}

export function runStoreContract(harness: () => StoreHarness) {
  const kind = harness().kind;

  describe(`CommunityStore contract (${kind})`, function () {
    this.timeout(30000);
    let h: StoreHarness;
    let id: string;
    let watchers: Live<unknown>[] = [];

    /** Seeds the world and returns `as(uid)`: a store acting as uid (null = visitor). */
    async function setup(seed: SeedFixture = world(id)) {
      await h.seed(seed);
      return (uid: string | null) => h.storeAs(id, uid);
    }

    function live<T>(subscribe: (next: (value: T) => void, error: OnError) => Unsubscribe): Live<T> {
      const w = new Live<T>(subscribe);
      watchers.push(w as Live<unknown>);
      return w;
    }

    const first = <T>(subscribe: (next: (value: T) => void, error: OnError) => Unsubscribe, what: string) =>
      live<T>(subscribe).until(() => true, what);

    function input(store: CommunityStore, body: string, extra: Partial<CreatePostInput> = {}): CreatePostInput {
      return {id: store.newId(), threadId: 't1', body, ...extra};
    }

    // The first connection to the emulator can take tens of seconds on a loaded machine (the SDK logs
    // "Could not reach Cloud Firestore backend within 10 s"): make it here, not inside the first test.
    before(async function () {
      this.timeout(120000);
      const warm = harness();
      const cid = uniqueCommunityId('warm');
      await warm.seed(world(cid));
      const visitor = await warm.storeAs(cid, null);
      const w = new Live<unknown>((next, error) => visitor.watchCommunity(next, error));
      await w.until((v) => v !== null, 'the first connection delivers a community', 100000);
      w.stop();
      await warm.cleanup();
    });

    beforeEach(() => {
      h = harness();
      id = uniqueCommunityId('contract');
      watchers = [];
    });

    afterEach(async () => {
      for (const w of watchers) w.stop();
      await h.cleanup();
    });

    describe('community', () => {
      it('delivers the community to a visitor of a public community, asynchronously', async () => {
        const as = await setup();
        const visitor = await as(null);
        expect(visitor.session.user).to.equal(null);
        let subscribing = true;
        let calledSynchronously = false;
        const w = live<unknown>((next, error) => visitor.watchCommunity((c) => {
          if (subscribing) calledSynchronously = true;
          next(c);
        }, error));
        subscribing = false;
        const c = (await w.until((v) => v !== null, 'the community arrives')) as {id: string; name: {en: string}; settings: {visibility: string}};
        expect(calledSynchronously, 'first value is delivered asynchronously').to.equal(false);
        expect(c.id).to.equal(id);
        expect(c.name.en).to.equal('Breathe Easy Wales');
        expect(c.settings.visibility).to.equal('public');
      });

      it('lets the founder update the founder story, seen live by others, with who approved it and when', async () => {
        const as = await setup();
        const [founder, member_, visitor] = await Promise.all([as('fay'), as('alice'), as(null)]);
        const watch = live<{founderStory: {name: string; approvedBy: string | null; approvedAt: number | null; cta: unknown} | null} | null>(
          (n, e) => visitor.watchCommunity(n, e));
        await watch.until((c) => c !== null && c.founderStory === null, 'no story yet');
        const story: FounderStoryInput = {
          name: 'Catrin Hughes', role: {en: 'Founder', cy: 'Sylfaenydd'}, quote: {en: 'Nobody should feel alone at 3 a.m.'},
          story: {en: 'Osian had his first attack at two.\n\nSo I started this group.'}, imageUrl: 'https://example.org/catrin.jpg',
          imageAlt: {en: 'Catrin on the beach at Aberystwyth'}, cta: {label: {en: 'Join us'}, url: 'https://example.org/join'},
          toldAt: T0, memorial: false,
        };
        await expectError(founder.updateFounderStory({...story, cta: {label: {en: 'Go'}, url: 'javascript:alert(1)'}}), 'invalid-argument', 'cta.url');
        await expectError(founder.updateFounderStory({...story, imageAlt: null}), 'invalid-argument', 'imageAlt');
        await expectError(member_.updateFounderStory(story), 'permission-denied');
        await expectError(visitor.updateFounderStory(story), VISITOR);
        await founder.updateFounderStory(story);
        const c = await watch.until((v) => v?.founderStory?.name === 'Catrin Hughes', 'the story arrives');
        expect(c!.founderStory!.approvedBy).to.equal('fay');
        expect(c!.founderStory!.approvedAt).to.be.a('number');
        expect(c!.founderStory!.cta).to.deep.equal({label: {en: 'Join us'}, url: 'https://example.org/join'});
      });
    });

    describe('membership', () => {
      const joinInput = (overrides: Partial<JoinInput> = {}): JoinInput => ({
        pseudonym: 'Quiet Heron 42', relationship: 'carer', avatarHue: 120, guidelinesVersion: 'g-2026-01',
        healthConsentVersion: 'c-2026-01', ...overrides,
      });

      it('join creates the public profile and the owner-only consent record', async () => {
        const as = await setup();
        const [newbie, other] = await Promise.all([as('newbie'), as('alice')]);
        const me = live<MemberProfile | null>((n, e) => newbie.watchMe(n, e));
        await me.until((v) => v === null, 'not a member yet');
        const profile = await newbie.join(joinInput());
        expect(profile).to.include({uid: 'newbie', pseudonym: 'Quiet Heron 42', pseudonymLower: 'quiet heron 42', relationship: 'carer',
          avatarHue: 120, avatarUrl: null, bio: '', listed: false, clinicianScope: null});
        expect(profile.badges).to.deep.equal([]);
        expect(profile.tags).to.deep.equal([]);
        expect(profile.joinedAt).to.be.a('number');
        await me.until((v) => v?.pseudonym === 'Quiet Heron 42', 'watchMe shows the new profile');
        const record = await newbie.getPrivateRecord();
        expect(record?.uid).to.equal('newbie');
        expect(record?.guidelines.version).to.equal('g-2026-01');
        expect(record?.healthConsent?.version).to.equal('c-2026-01');
        expect((await other.getMember('newbie'))?.pseudonym).to.equal('Quiet Heron 42');
      });

      it('join records no health consent when none is given, and a default avatar hue', async () => {
        const as = await setup();
        const newbie = await as('newbie');
        const profile = await newbie.join(joinInput({healthConsentVersion: null, avatarHue: undefined}));
        expect(profile.avatarHue).to.be.within(0, 359);
        // One hue on every store (issue 13: the Firebase store used to fold differently).
        expect(profile.avatarHue, 'the domain default hue').to.equal(defaultAvatarHue('newbie'));
        expect(defaultAvatarHue('founder-1')).to.equal(123);
        expect((await newbie.getPrivateRecord())?.healthConsent).to.equal(null);
      });

      it('join refuses invalid input, stale consent versions and a second join', async () => {
        const as = await setup();
        const [newbie, visitor] = await Promise.all([as('newbie'), as(null)]);
        await expectError(newbie.join(joinInput({pseudonym: 'A'})), 'invalid-argument', 'pseudonym');
        await expectError(newbie.join(joinInput({pseudonym: 'me@example.org'})), 'invalid-argument', 'pseudonym');
        await expectError(newbie.join(joinInput({pseudonym: 'see https://x.y'})), 'invalid-argument', 'pseudonym');
        await expectError(newbie.join(joinInput({relationship: 'robot' as never})), 'invalid-argument', 'relationship');
        await expectError(newbie.join(joinInput({avatarUrl: 'javascript:alert(1)'})), 'invalid-argument', 'avatarUrl');
        await expectError(newbie.join(joinInput({avatarUrl: 'http://example.org/a.png'})), 'invalid-argument', 'avatarUrl');
        await expectError(newbie.join(joinInput({avatarHue: 360})), 'invalid-argument', 'avatarHue');
        // The client checks the versions (invalid-argument); the rules alone would say permission-denied.
        await expectError(newbie.join(joinInput({guidelinesVersion: 'g-2025-01'})), ['invalid-argument', 'permission-denied']);
        await expectError(newbie.join(joinInput({healthConsentVersion: 'c-2025-01'})), ['invalid-argument', 'permission-denied']);
        await expectError(visitor.join(joinInput()), 'unauthenticated');
        expect(await newbie.getMember('newbie'), 'nothing was written by refused joins').to.equal(null);
        expect(await newbie.getPrivateRecord()).to.equal(null);
        await newbie.join(joinInput({avatarUrl: 'https://example.org/heron.png'}));
        expect((await newbie.getMember('newbie'))?.avatarUrl).to.equal('https://example.org/heron.png');
        await expectError(newbie.join(joinInput({pseudonym: 'Second Go'})), 'already-exists');
        expect((await newbie.getMember('newbie'))?.pseudonym).to.equal('Quiet Heron 42');
      });

      it('getMember: members see profiles; visitors and non-members do not', async () => {
        const as = await setup();
        const [member_, visitor, stranger] = await Promise.all([as('alice'), as(null), as('stranger')]);
        const profile = await member_.getMember('mo');
        expect(profile).to.include({uid: 'mo', pseudonym: 'Mo', relationship: 'professional'});
        expect(profile!.badges).to.deep.equal(['moderator']);
        expect(await member_.getMember('nobody')).to.equal(null);
        await expectError(visitor.getMember('alice'), VISITOR);
        await expectError(stranger.getMember('alice'), 'permission-denied');
        // …but a signed-in user may always look up their own (missing) profile.
        expect(await stranger.getMember('stranger')).to.equal(null);
      });

      it('updateProfile validates, keeps badges admin-only, and is seen live', async () => {
        const as = await setup();
        const [store, stranger, visitor] = await Promise.all([as('alice'), as('stranger'), as(null)]);
        const me = live<MemberProfile | null>((n, e) => store.watchMe(n, e));
        await me.until((v) => v?.uid === 'alice', 'own profile');
        const updated = await store.updateProfile({pseudonym: 'Alice H', bio: 'Mam to two.', tags: ['inhalers'], listed: true, avatarHue: 10});
        expect(updated).to.include({pseudonym: 'Alice H', pseudonymLower: 'alice h', bio: 'Mam to two.', listed: true, avatarHue: 10});
        expect(updated.tags).to.deep.equal(['inhalers']);
        await me.until((v) => v?.pseudonym === 'Alice H' && v.listed === true, 'watchMe shows the change');
        await expectError(store.updateProfile({bio: 'x'.repeat(501)}), 'invalid-argument', 'bio');
        await expectError(store.updateProfile({pseudonym: ' '}), 'invalid-argument', 'pseudonym');
        await expectError(store.updateProfile({avatarUrl: 'data:image/png;base64,AAAA'}), 'invalid-argument', 'avatarUrl');
        await expectError(store.updateProfile({relationship: 'nurse' as never}), 'invalid-argument', 'relationship');
        await expectError(store.updateProfile({tags: Array.from({length: 11}, (_, i) => `t${i}`)}), 'invalid-argument', 'tags');
        // Badges come from roles, granted by admins: a member cannot give themself one. A store may
        // refuse the field or ignore it; either way it does not land.
        try {
          await store.updateProfile({badges: ['admin']} as never);
        } catch (e) {
          expect(['invalid-argument', 'permission-denied']).to.include((e as KindredError).code);
        }
        expect((await store.getMember('alice'))!.badges).to.deep.equal([]);
        // Updating before joining: the rules refuse (a store may say not-found after checking first).
        await expectError(stranger.updateProfile({bio: 'hi'}), ['permission-denied', 'not-found']);
        await expectError(visitor.updateProfile({bio: 'hi'}), VISITOR);
      });

      it('getPrivateRecord returns only the caller’s own record', async () => {
        const as = await setup();
        const [owner, moderator, stranger, visitor] = await Promise.all([as('alice'), as('mo'), as('stranger'), as(null)]);
        const record = await owner.getPrivateRecord();
        expect(record?.uid).to.equal('alice');
        expect(record?.healthConsent?.version).to.equal('c-2026-01');
        // A moderator has no seeded record: they get their own (null), never Alice's.
        expect(await moderator.getPrivateRecord()).to.equal(null);
        expect(await stranger.getPrivateRecord()).to.equal(null);
        try {
          expect(await visitor.getPrivateRecord()).to.equal(null);
        } catch (e) {
          expect(VISITOR).to.include((e as KindredError).code);
        }
      });

      it('getRoles: your own roles; moderators see anyone’s', async () => {
        const as = await setup();
        const [moderator, member_] = await Promise.all([as('mo'), as('alice')]);
        expect((await moderator.getRoles('mo'))?.roles).to.deep.equal(['moderator']);
        expect((await moderator.getRoles('sam'))?.suspendedUntil).to.be.greaterThan(Date.now());
        expect(await member_.getRoles('alice')).to.equal(null);
        await expectError(member_.getRoles('mo'), 'permission-denied');
      });
    });

    describe('threads', () => {
      // 25 hub threads, some with equal activity times, plus threads a hub listing never shows.
      function manyThreads(): Thread[] {
        const hub = Array.from({length: 25}, (_, i) => thread(`h${String(i).padStart(2, '0')}`, {
          lastActivityAt: T0 + (i >= 8 && i <= 12 ? 8 : i) * 60_000, createdAt: T0 - DAY, postCount: 1,
        }));
        return [
          ...hub,
          thread(threadIdForKey('walk-2026'), {key: 'walk-2026', lastActivityAt: T0 + DAY}),
          thread('hidden', {status: 'hidden', lastActivityAt: T0 + DAY}),
          thread('private', {participants: ['alice', 'bea'], lastActivityAt: T0 + DAY}),
        ];
      }

      it('listThreads pages hub threads, most recent activity first, with no overlap and no gap', async () => {
        const seeded = manyThreads();
        const as = await setup(world(id, {threads: seeded, posts: []}));
        const visitor = await as(null);
        const expected = ids(seeded.filter((t) => /^h\d\d$/.test(t.id)).sort(compareThreads));
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 10; page++) {
          const result = await visitor.listThreads({cursor, limit: 10});
          expect(result.items.length, `page ${page}`).to.be.at.most(10);
          seen.push(...ids(result.items));
          cursor = result.next;
          if (!cursor) break;
          expect(result.items.length, 'a page with a next cursor is full').to.equal(10);
        }
        expect(cursor, 'the last page says there is no more').to.equal(null);
        expect(seen).to.deep.equal(expected);
        const first = await visitor.listThreads();
        expect(first.items.length, 'default page size').to.equal(20);
      });

      it('watchThreads is live: a thread started by another member appears first', async () => {
        const as = await setup(world(id, {threads: manyThreads(), posts: []}));
        const [visitor, author] = await Promise.all([as(null), as('alice')]);
        const w = live<Thread[]>((n, e) => visitor.watchThreads({limit: 5}, n, e));
        const initial = await w.until((v) => v.length === 5, 'five threads');
        expect(ids(initial)).to.deep.equal(['h24', 'h23', 'h22', 'h21', 'h20']);
        const tid = author.newId();
        await author.createPost({id: author.newId(), threadId: tid, body: 'Who else is walking?', createThread: {key: null, title: 'Walking buddies'}});
        const after = await w.until((v) => v[0]?.id === tid, 'the new thread is first');
        expect(after.length).to.equal(5);
        expect(after[0]).to.include({title: 'Walking buddies', authorId: 'alice', authorName: 'Alice', postCount: 1, key: null, status: 'visible'});
      });

      it('getThread returns a thread, and null for a page-keyed thread not started yet', async () => {
        const as = await setup();
        const visitor = await as(null);
        expect(await visitor.getThread(threadIdForKey('walk-2026'))).to.equal(null);
        expect(await visitor.getThread('t1')).to.include({id: 't1', title: 'Spacers for toddlers', postCount: 1});
      });

      it('a private peer thread is readable by its two members only (moderators once a member reports a post in it), and never listed', async () => {
        const pt = 'c_alice_bea';
        const as = await setup(world(id, {
          threads: [thread('t1', {postCount: 1}), thread(pt, {participants: ['alice', 'bea'], postCount: 1})],
          posts: [post('t1', 'p1', alice), post(pt, 'pp1', alice, {body: 'Just between us'})],
        }));
        const [a, b, moderator, other] = await Promise.all([as('alice'), as('bea'), as('mo'), as('fay')]);
        expect((await a.getThread(pt))?.participants).to.deep.equal(['alice', 'bea']);
        expect(ids(await first<Post[]>((n, e) => b.watchPosts(pt, {limit: 20}, n, e), 'posts for a participant'))).to.deep.equal(['pp1']);
        await expectError(moderator.getThread(pt), 'permission-denied');
        await expectError(other.getThread(pt), 'permission-denied');
        expect((await live<Post[]>((n, e) => other.watchPosts(pt, {limit: 20}, n, e)).failure()).code).to.equal('permission-denied');
        expect(ids((await a.listThreads()).items)).to.deep.equal(['t1']);
        // A member outside the thread cannot open it to moderators with a report.
        await expectError(other.report({target: {kind: 'post', threadId: pt, postId: 'pp1'}, reason: 'harm'}), 'permission-denied');
        await expectError(moderator.getThread(pt), 'permission-denied');
        // A participant's report does.
        await b.report({target: {kind: 'post', threadId: pt, postId: 'pp1'}, reason: 'harm', details: 'Pressuring me'});
        expect((await moderator.getThread(pt))?.participants).to.deep.equal(['alice', 'bea']);
        expect(ids(await first<Post[]>((n, e) => moderator.watchPosts(pt, {limit: 20}, n, e), 'posts for a moderator after a report'))).to.deep.equal(['pp1']);
        await expectError(other.getThread(pt), 'permission-denied');
      });
    });

    describe('posts', () => {
      it('watchPosts shows the newest posts oldest first; listOlderPosts pages back with no overlap and no gap (45 posts)', async () => {
        // Equal times around both page boundaries (indexes 4–6 and 24–26) prove the id tie-break.
        const time = (i: number) => T0 + (i >= 4 && i <= 6 ? 5 : i >= 24 && i <= 26 ? 25 : i) * 1000;
        const posts = Array.from({length: 45}, (_, i) => post('long', `q${String(i).padStart(2, '0')}`, i % 2 ? alice : bea, {createdAt: time(i)}));
        const as = await setup(world(id, {threads: [thread('long', {postCount: 45})], posts: [...posts].reverse()}));
        const store = await as('alice');
        const expected = ids([...posts].sort(comparePosts));
        const newest = await first<Post[]>((n, e) => store.watchPosts('long', {limit: 20}, n, e), 'the newest 20');
        expect(ids(newest)).to.deep.equal(expected.slice(25));
        const older: string[][] = [];
        let cursor: string | null = postCursor(newest[0]);
        for (let i = 0; cursor && i < 10; i++) {
          const page = await store.listOlderPosts('long', {cursor, limit: 20});
          const pageIds = ids(page.items);
          expect(pageIds, 'each page is oldest first').to.deep.equal(ids([...page.items].sort(comparePosts)));
          if (page.next) expect(pageIds.length, 'a page with a next cursor is full').to.equal(20);
          older.unshift(pageIds);
          cursor = page.next;
        }
        expect(cursor, 'paging ends').to.equal(null);
        expect([...older.flat(), ...ids(newest)]).to.deep.equal(expected);
      });

      it('is live across stores: a post written by one member appears in another member’s watcher', async () => {
        const as = await setup();
        const [reader, writer] = await Promise.all([as('alice'), as('mo')]);
        const w = live<Post[]>((n, e) => reader.watchPosts('t1', {limit: 20}, n, e));
        await w.until((v) => v.length === 1, 'the seeded post');
        const created = await writer.createPost({id: writer.newId(), threadId: 't1', body: 'Try a sticker chart!', parentId: 'p1'});
        expect(created).to.include({threadId: 't1', body: 'Try a sticker chart!', authorId: 'mo', authorName: 'Mo',
          authorRelationship: 'professional', parentId: 'p1', status: 'visible', editedAt: null});
        expect(created.authorBadges).to.deep.equal(['moderator']);
        expect(created.reactions).to.deep.equal({heart: 0, hug: 0, metoo: 0, thanks: 0});
        const seen = await w.until((v) => v.some((p) => p.id === created.id), 'the new post reaches the other store');
        expectSamePost(created, seen.find((p) => p.id === created.id));
        expect(ids(seen)).to.deep.equal(['p1', created.id]);
      });

      it('a page-keyed thread reads as empty until its first post creates it', async () => {
        const as = await setup();
        const [reader, writer] = await Promise.all([as(null), as('alice')]);
        const tid = threadIdForKey('/campaigns/walk-2026');
        const w = live<Post[]>((n, e) => reader.watchPosts(tid, {limit: 20}, n, e));
        await w.until((v) => v.length === 0, 'empty before the first post');
        const created = await writer.createPost({id: writer.newId(), threadId: tid, body: 'I am walking for Osian.',
          createThread: {key: '/campaigns/walk-2026', title: 'Walk for Breath 2026'}});
        const [stored] = await w.until((v) => v.length === 1 && v[0].id === created.id, 'the first post arrives');
        expectSamePost(created, stored);
        const t = await reader.getThread(tid);
        expect(t).to.include({id: tid, key: '/campaigns/walk-2026', title: 'Walk for Breath 2026', authorId: 'alice', postCount: 1, status: 'visible'});
        expect(t!.lastActivityAt).to.equal(stored.createdAt);
        expect(ids((await reader.listThreads()).items), 'page threads stay out of the hub').to.deep.equal(['t1']);
        // A second first post (two visitors racing) joins the thread instead of replacing it.
        await writer.createPost({id: writer.newId(), threadId: tid, body: 'Me too!', createThread: {key: '/campaigns/walk-2026', title: 'Other title'}});
        expect(await reader.getThread(tid)).to.include({title: 'Walk for Breath 2026', postCount: 2});
      });

      it('createPost refuses invalid input and writes nothing', async () => {
        const as = await setup();
        const [store, visitor, stranger] = await Promise.all([as('alice'), as(null), as('stranger')]);
        await expectError(store.createPost(input(store, '   \n ')), 'invalid-argument', 'body');
        await expectError(store.createPost(input(store, 'x'.repeat(5001))), 'invalid-argument', 'body');
        await expectError(store.createPost(input(store, 'bell \u0007 character')), 'invalid-argument', 'body');
        await expectError(store.createPost(input(store, 'fine', {id: 'a/b'})), 'invalid-argument', 'id');
        await expectError(store.createPost(input(store, 'fine', {threadId: 'nope'})), 'not-found');
        const key = 'walk-2026';
        await expectError(store.createPost(input(store, 'fine', {threadId: 'k_wrong', createThread: {key, title: 'Walk'}})), 'invalid-argument', 'threadId');
        await expectError(store.createPost(input(store, 'fine', {threadId: threadIdForKey(key), createThread: {key, title: ' '}})), 'invalid-argument', 'title');
        await expectError(store.createPost(input(store, 'fine', {threadId: 'new1', createThread: {key: null, title: 'x'.repeat(121)}})), 'invalid-argument', 'title');
        await expectError(visitor.createPost(input(visitor, 'hello')), 'unauthenticated');
        await expectError(stranger.createPost(input(stranger, 'hello')), 'permission-denied');
        const exactly = await store.createPost(input(store, 'y'.repeat(5000)));
        expect(exactly.body.length, '5,000 characters is allowed').to.equal(5000);
        const posts = await first<Post[]>((n, e) => store.watchPosts('t1', {limit: 20}, n, e), 'posts');
        expect(ids(posts)).to.deep.equal(['p1', exactly.id]);
        expect(await store.getThread(threadIdForKey(key))).to.equal(null);
      });

      it('stores hostile text verbatim, as text', async () => {
        const as = await setup();
        const [writer, reader] = await Promise.all([as('alice'), as(null)]);
        const bodies = [
          'javascript:alert(document.cookie)',
          '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; &lt;',
          'Right-to-left \u202Egnp.exe\u202C, marks \u200F\u200E, zero\u200Bwidth\u200Djoiner\u2060 and \uFE0F.',
          'Emoji 👩🏽‍⚕️🫁💙, Welsh ŵŷâ, 中文, العربية',
          `${'A'.repeat(2000)} ${'supercalifragilistic'.repeat(100)}`,
          'Line one\n\nParagraph two\n  indented ${template} %s \\ backslash "quotes" \'single\'',
        ];
        const created: Post[] = [];
        for (const body of bodies) created.push(await writer.createPost(input(writer, body)));
        expect(created.map((p) => p.body)).to.deep.equal(bodies);
        const seen = await live<Post[]>((n, e) => reader.watchPosts('t1', {limit: 20}, n, e)).until((v) => v.length === bodies.length + 1, 'all posts');
        for (const p of created) expect(seen.find((s) => s.id === p.id)?.body).to.equal(p.body);
        const title = '<b>Bold</b> \u202Eeltit\u202C 🎉 "quoted" & javascript:void(0)';
        const tid = writer.newId();
        await writer.createPost({id: writer.newId(), threadId: tid, body: 'hi', createThread: {key: null, title}});
        expect((await reader.getThread(tid))?.title).to.equal(title);
      });

      it('a retried createPost with the same id returns the first post and never duplicates', async () => {
        const as = await setup();
        const [store, other] = await Promise.all([as('alice'), as('bea')]);
        const attempt = input(store, 'Sent once');
        // Two attempts in flight at once (a double tap, or a retry while the first is still queued).
        const [a, b] = await Promise.all([store.createPost(attempt), store.createPost(attempt)]);
        expect(a.id).to.equal(attempt.id);
        expect({...b, createdAt: 0}).to.deep.equal({...a, createdAt: 0});
        const again = await store.createPost({...attempt, body: 'Edited before the retry'});
        expect(again.id).to.equal(a.id);
        expect(again.body, 'the retry returns what was stored').to.equal('Sent once');
        const posts = await first<Post[]>((n, e) => other.watchPosts('t1', {limit: 20}, n, e), 'posts');
        expect(posts.filter((p) => p.id === attempt.id).length).to.equal(1);
        expectSamePost(again, posts.find((p) => p.id === attempt.id));
        expect((await other.getThread('t1'))?.postCount).to.equal(2);
      });

      it('replies are one level deep', async () => {
        const as = await setup();
        const store = await as('bea');
        const reply = await store.createPost(input(store, 'Same here', {parentId: 'p1'}));
        expect(reply.parentId).to.equal('p1');
        // The client checks (invalid-argument); the rules alone would say permission-denied.
        await expectError(store.createPost(input(store, 'Nested', {parentId: reply.id})), ['invalid-argument', 'permission-denied']);
        await expectError(store.createPost(input(store, 'Orphan', {parentId: 'missing'})), ['invalid-argument', 'permission-denied']);
      });

      it('threads track postCount and lastActivityAt; deleting leaves the count', async () => {
        const as = await setup();
        const store = await as('bea');
        const before = (await store.getThread('t1'))!;
        expect(before).to.include({postCount: 1, lastActivityAt: T0});
        const created = await store.createPost(input(store, 'Counting'));
        const stored = (await first<Post[]>((n, e) => store.watchPosts('t1', {limit: 20}, n, e), 'posts')).find((p) => p.id === created.id)!;
        const after = (await store.getThread('t1'))!;
        expect(after.postCount).to.equal(2);
        expect(after.lastActivityAt).to.equal(stored.createdAt);
        expect(after.lastActivityAt).to.be.greaterThan(T0);
        await store.deletePost('t1', created.id);
        expect((await store.getThread('t1'))!.postCount).to.equal(2);
      });

      it('only the author edits or deletes a post; a deleted post stays as a placeholder', async () => {
        const as = await setup();
        const [author, moderator, visitor] = await Promise.all([as('alice'), as('mo'), as(null)]);
        const w = live<Post[]>((n, e) => visitor.watchPosts('t1', {limit: 20}, n, e));
        await w.until((v) => v.length === 1, 'seeded post');
        const reply = await moderator.createPost(input(moderator, 'A reply that needs context', {parentId: 'p1'}));
        await expectError(moderator.editPost('t1', 'p1', 'Taken over'), 'permission-denied');
        await expectError(moderator.deletePost('t1', 'p1'), 'permission-denied');
        await expectError(visitor.editPost('t1', 'p1', 'Taken over'), VISITOR);
        await expectError(author.editPost('t1', 'p1', '  '), 'invalid-argument', 'body');
        await author.editPost('t1', 'p1', 'Any tips for spacers? (edited)');
        const edited = await w.until((v) => v[0]?.body === 'Any tips for spacers? (edited)', 'the edit arrives');
        expect(edited[0].editedAt).to.be.a('number');
        await author.deletePost('t1', 'p1');
        const gone = await w.until((v) => v[0]?.status === 'deleted', 'the placeholder arrives');
        expect(gone[0]).to.include({id: 'p1', body: '', status: 'deleted', authorId: 'alice'});
        expect(gone.find((p) => p.id === reply.id)?.parentId, 'replies keep their context').to.equal('p1');
        await expectError(author.editPost('t1', 'p1', 'Back again'), 'permission-denied');
      });

      it('held posts are seen by their author only; hidden posts are placeholders', async () => {
        const as = await setup(world(id, {
          threads: [thread('t1', {postCount: 2})],
          posts: [
            post('t1', 'p1', alice, {createdAt: T0}),
            post('t1', 'held-a', alice, {createdAt: T0 + 1, status: 'held', statusReason: 'first-posts', body: 'Waiting for review'}),
            post('t1', 'held-b', bea, {createdAt: T0 + 2, status: 'held', statusReason: 'first-posts'}),
            post('t1', 'hid', bea, {createdAt: T0 + 3, status: 'hidden', statusReason: 'abuse', body: 'Something hurtful'}),
          ],
        }));
        const [author, other, moderator, visitor] = await Promise.all([as('alice'), as('fay'), as('mo'), as(null)]);
        const seenBy = (s: CommunityStore) => first<Post[]>((n, e) => s.watchPosts('t1', {limit: 20}, n, e), 'posts');
        const mine = await seenBy(author);
        expect(ids(mine)).to.deep.equal(['p1', 'held-a', 'hid']);
        expect(mine[1]).to.include({status: 'held', body: 'Waiting for review'});
        expect(ids(await seenBy(other))).to.deep.equal(['p1', 'hid']);
        expect(ids(await seenBy(visitor))).to.deep.equal(['p1', 'hid']);
        const modView = await seenBy(moderator);
        expect(ids(modView), 'moderators review held posts in their queue, not in the thread').to.deep.equal(['p1', 'hid']);
        for (const list of [mine, modView]) expect(list.find((p) => p.id === 'hid')).to.include({body: '', status: 'hidden'});
        const older = await author.listOlderPosts('t1', {cursor: postCursor({createdAt: T0 + 10, id: 'zzz'})});
        expect(ids(older.items)).to.deep.equal(['p1', 'held-a', 'hid']);
        expect(older.items[2].body).to.equal('');
      });

      it('with moderation "all", a member’s new post is held for review; a moderator’s is not', async () => {
        const as = await setup(world(id, {community: {settings: {moderation: 'all'}}}));
        const [author, other, moderator] = await Promise.all([as('alice'), as('bea'), as('mo')]);
        const held = await author.createPost(input(author, 'Please check me'));
        expect(held.status).to.equal('held');
        const own = await first<Post[]>((n, e) => author.watchPosts('t1', {limit: 20}, n, e), 'own posts');
        expect(own.find((p) => p.id === held.id)?.body).to.equal('Please check me');
        expect(ids(await first<Post[]>((n, e) => other.watchPosts('t1', {limit: 20}, n, e), 'other view'))).to.deep.equal(['p1']);
        expect((await other.getThread('t1'))!.postCount, 'held posts are not counted').to.equal(1);
        await expectError(other.setReaction('t1', held.id, 'heart', true), ['permission-denied', 'not-found']);
        const modPost = await moderator.createPost(input(moderator, 'Welcome, everyone'));
        expect(modPost.status).to.equal('visible');
        expect((await other.getThread('t1'))!.postCount).to.equal(2);
      });

      it('reactions: one of each kind per member, exact counts, and watchMyReactions', async () => {
        const as = await setup();
        const [a, b, visitor] = await Promise.all([as('alice'), as('bea'), as(null)]);
        const mine = live<Set<string>>((n, e) => a.watchMyReactions('t1', n, e));
        await mine.until((v) => v.size === 0, 'no reactions yet');
        const posts = live<Post[]>((n, e) => visitor.watchPosts('t1', {limit: 20}, n, e));
        await a.setReaction('t1', 'p1', 'heart', true);
        await a.setReaction('t1', 'p1', 'heart', true);
        await a.setReaction('t1', 'p1', 'hug', true);
        await mine.until((v) => v.has('p1:heart') && v.has('p1:hug') && v.size === 2, 'my two reactions');
        await posts.until((v) => v[0]?.reactions.heart === 1 && v[0].reactions.hug === 1, 'counts 1 and 1');
        // Two members at once: both count.
        await Promise.all([b.setReaction('t1', 'p1', 'heart', true), b.setReaction('t1', 'p1', 'metoo', true)]);
        await posts.until((v) => v[0]?.reactions.heart === 2 && v[0].reactions.metoo === 1, 'heart 2, metoo 1');
        await a.setReaction('t1', 'p1', 'heart', false);
        await a.setReaction('t1', 'p1', 'heart', false);
        await a.setReaction('t1', 'p1', 'thanks', false);
        await mine.until((v) => v.size === 1 && v.has('p1:hug'), 'only the hug is left');
        const final = await posts.until((v) => v[0]?.reactions.heart === 1, 'heart back to 1');
        expect(final[0].reactions).to.deep.equal({heart: 1, hug: 1, metoo: 1, thanks: 0});
        const theirs = await first<Set<string>>((n, e) => b.watchMyReactions('t1', n, e), 'Bea’s reactions');
        expect([...theirs].sort()).to.deep.equal(['p1:heart', 'p1:metoo']);
        await expectError(a.setReaction('t1', 'p1', 'like' as never, true), 'invalid-argument', 'kind');
        await expectError(visitor.setReaction('t1', 'p1', 'heart', true), VISITOR);
        const visitorKeys = await first<Set<string>>((n, e) => visitor.watchMyReactions('t1', n, e), 'a visitor has none');
        expect(visitorKeys.size).to.equal(0);
      });

      it('reactions race to exact counts', async () => {
        const as = await setup();
        const [a, b, c] = await Promise.all(['alice', 'bea', 'mo'].map((uid) => as(uid)));
        await Promise.all([a.setReaction('t1', 'p1', 'hug', true), b.setReaction('t1', 'p1', 'hug', true), c.setReaction('t1', 'p1', 'hug', true)]);
        await Promise.all([a.setReaction('t1', 'p1', 'hug', false), b.setReaction('t1', 'p1', 'thanks', true), c.setReaction('t1', 'p1', 'thanks', true)]);
        const posts = await first<Post[]>((n, e) => a.watchPosts('t1', {limit: 20}, n, e), 'posts');
        expect(posts[0].reactions).to.deep.equal({heart: 0, hug: 2, metoo: 0, thanks: 2});
      });
    });

    describe('safety', () => {
      it('members report posts and profiles; visitors and non-members cannot', async () => {
        const as = await setup();
        const [reporter, visitor, stranger] = await Promise.all([as('bea'), as(null), as('stranger')]);
        const report = await reporter.report({target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'harm', details: 'Worrying advice'});
        expect(report).to.include({reason: 'harm', details: 'Worrying advice', reporterId: 'bea', status: 'open'});
        expect(report.target).to.deep.equal({kind: 'post', threadId: 't1', postId: 'p1'});
        expect(report.id).to.match(/^[A-Za-z0-9_-]{1,64}$/);
        expect(report.createdAt).to.be.a('number');
        const own = reporter.newId();
        const profileReport = await reporter.report({id: own, target: {kind: 'profile', uid: 'alice'}, reason: 'spam'});
        expect(profileReport).to.include({id: own, details: ''});
        await expectError(reporter.report({target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'boring' as never}), 'invalid-argument', 'reason');
        await expectError(reporter.report({target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'other', details: 'x'.repeat(1001)}), 'invalid-argument', 'details');
        await expectError(visitor.report({target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'harm'}), VISITOR);
        await expectError(stranger.report({target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'harm'}), 'permission-denied');
      });

      it('a suspended member reads but cannot post, edit, delete, react, change their profile or report', async () => {
        const as = await setup(world(id, {posts: [post('t1', 'p1', alice), post('t1', 'ps', sam, {createdAt: T0 + 1})], threads: [thread('t1', {postCount: 2})]}));
        const suspended = await as('sam');
        const posts = await first<Post[]>((n, e) => suspended.watchPosts('t1', {limit: 20}, n, e), 'reading still works');
        expect(ids(posts)).to.deep.equal(['p1', 'ps']);
        await expectError(suspended.createPost(input(suspended, 'Let me in')), 'permission-denied');
        await expectError(suspended.editPost('t1', 'ps', 'Changed'), 'permission-denied');
        await expectError(suspended.deletePost('t1', 'ps'), 'permission-denied');
        await expectError(suspended.setReaction('t1', 'p1', 'heart', true), 'permission-denied');
        await expectError(suspended.updateProfile({bio: 'hello'}), 'permission-denied');
        await expectError(suspended.report({target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'spam'}), 'permission-denied');
      });
    });

    describe('visibility', () => {
      it('public community: visitors read the community, threads and posts', async () => {
        const as = await setup();
        const visitor = await as(null);
        expect(await first((n, e) => visitor.watchCommunity(n, e), 'community')).to.include({id});
        expect(ids((await visitor.listThreads()).items)).to.deep.equal(['t1']);
        expect(ids(await first<Thread[]>((n, e) => visitor.watchThreads({limit: 10}, n, e), 'threads'))).to.deep.equal(['t1']);
        const posts = await first<Post[]>((n, e) => visitor.watchPosts('t1', {limit: 20}, n, e), 'posts');
        expect(posts[0]).to.include({id: 'p1', body: 'Any tips for spacers?', authorName: 'Alice'});
      });

      it('members-only community: visitors read nothing, non-members only the community, members everything', async () => {
        const as = await setup(world(id, {community: {settings: {visibility: 'members'}}}));
        const [visitor, stranger, member_] = await Promise.all([as(null), as('stranger'), as('alice')]);
        // Visitors
        expect(VISITOR).to.include((await live((n, e) => visitor.watchCommunity(n, e)).failure()).code);
        await expectError(visitor.listThreads(), VISITOR);
        await expectError(visitor.getThread('t1'), VISITOR);
        expect(VISITOR).to.include((await live((n, e) => visitor.watchPosts('t1', {limit: 20}, n, e)).failure()).code);
        expect(VISITOR).to.include((await live((n, e) => visitor.watchThreads({limit: 5}, n, e)).failure()).code);
        // Signed in, not a member: the community document (to read its guidelines and join), nothing else.
        const community = await first<{settings: {guidelinesVersion: string}} | null>((n, e) => stranger.watchCommunity(n, e), 'community');
        expect(community?.settings.guidelinesVersion).to.equal('g-2026-01');
        await expectError(stranger.listThreads(), 'permission-denied');
        await expectError(stranger.getThread('t1'), 'permission-denied');
        expect((await live((n, e) => stranger.watchPosts('t1', {limit: 20}, n, e)).failure()).code).to.equal('permission-denied');
        // Members
        expect(ids((await member_.listThreads()).items)).to.deep.equal(['t1']);
        expect(ids(await first<Post[]>((n, e) => member_.watchPosts('t1', {limit: 20}, n, e), 'posts'))).to.deep.equal(['p1']);
        // Joining opens the door (a new subscription: the failed one is over).
        await stranger.join({pseudonym: 'New Wren', relationship: 'patient', guidelinesVersion: 'g-2026-01', healthConsentVersion: null});
        expect(ids((await stranger.listThreads()).items)).to.deep.equal(['t1']);
        expect(ids(await first<Post[]>((n, e) => stranger.watchPosts('t1', {limit: 20}, n, e), 'posts after joining'))).to.deep.equal(['p1']);
      });
    });

    describe('write limits', () => {
      it('a post sooner than settings.postIntervalSeconds after the last is rate-limited, saying how long to wait; reports are capped per hour', async () => {
        const as = await setup(world(id, {community: {settings: {postIntervalSeconds: 2, reportsPerHour: 2}}}));
        const store = await as('alice');
        await store.createPost(input(store, 'First'));
        const started = Date.now();
        const refused = await expectError(store.createPost(input(store, 'Too soon')), 'rate-limited');
        expect(refused.message).to.match(/wait [12] seconds?/);
        await new Promise((r) => setTimeout(r, Math.max(0, started + 2100 - Date.now())));
        const later = await store.createPost(input(store, 'After the interval'));
        expect(later.body).to.equal('After the interval');
        const posts = await first<Post[]>((n, e) => store.watchPosts('t1', {limit: 20}, n, e), 'posts');
        expect(posts.map((p) => p.body)).to.deep.equal(['Any tips for spacers?', 'First', 'After the interval']);
        // Another member is not held back by alice's posts.
        const bea = await as('bea');
        await bea.createPost(input(bea, 'Me too'));
        const target = {kind: 'post', threadId: 't1', postId: 'p1'} as const;
        await bea.report({target, reason: 'spam'});
        await bea.report({target: {kind: 'profile', uid: 'alice'}, reason: 'spam'});
        const capped = await expectError(bea.report({target, reason: 'harm'}), 'rate-limited');
        expect(capped.message).to.match(/2 reports in the last hour: wait \d+ (minutes|seconds)/);
      });
    });

    describe('session and lifecycle', () => {
      it('acts as the harness user; session.watch calls back at once', async () => {
        const as = await setup();
        const [store, visitor] = await Promise.all([as('alice'), as(null)]);
        expect(store.kind).to.equal(kind);
        expect(store.communityId).to.equal(id);
        expect(store.session.user?.uid).to.equal('alice');
        expect(visitor.session.user).to.equal(null);
        const seen: (string | null)[] = [];
        const unsub = store.session.watch((u) => seen.push(u?.uid ?? null));
        expect(seen).to.deep.equal(['alice']);
        unsub();
      });

      it('newId makes distinct ids that the store accepts', async () => {
        const as = await setup();
        const store = await as('alice');
        const made = Array.from({length: 200}, () => store.newId());
        expect(new Set(made).size).to.equal(200);
        for (const i of made) expect(i).to.match(/^[A-Za-z0-9_-]{1,64}$/);
      });

      it('dispose ends every listener', async () => {
        const as = await setup();
        const [disposed, writer] = await Promise.all([as('alice'), as('mo')]);
        const w = live<Post[]>((n, e) => disposed.watchPosts('t1', {limit: 20}, n, e));
        await w.until((v) => v.length === 1, 'seeded post');
        await disposed.dispose();
        const p = await writer.createPost(input(writer, 'After dispose'));
        const witness = await as('bea');
        await live<Post[]>((n, e) => witness.watchPosts('t1', {limit: 20}, n, e)).until((v) => v.some((x) => x.id === p.id), 'another store sees the post');
        const q = await writer.createPost(input(writer, 'And again'));
        await live<Post[]>((n, e) => witness.watchPosts('t1', {limit: 20}, n, e)).until((v) => v.some((x) => x.id === q.id), 'and the next');
        expect(w.values.length, 'the disposed store delivered nothing more').to.equal(1);
        expect(w.error).to.equal(null);
      });
    });
  });
}
