// Issue 12, finding 7: a moderator approves a held post and the author's open thread shows it live,
// with no reload. Starts where the author starts (their thread open, their post awaiting review) and
// where the moderator starts (the queue's Approve button), on both stores: LocalStore (two stores of
// one community, as two tabs) and FirebaseStore on the Firestore emulator with the real rules.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import type {KinModerationQueue} from '../../src/components/moderation-queue/moderation-queue.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {member, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {$, button} from '../support/dom.js';

const PROJECT = 'demo-kindred-e2e-held-approve';

function world(cid: string): SeedFixture {
  const alice = member('alice', {pseudonym: 'Alice'});
  const mo = member('mo', {pseudonym: 'Mo', badges: ['moderator']});
  return sampleSeed(cid, {
    members: [alice, mo],
    roles: [roles('mo', ['moderator'])],
    threads: [thread('t1', {postCount: 0, title: 'Inhaler tips'})],
    posts: [],
  }, {settings: {moderation: 'all'}});
}

/** The author writes a post in their open thread; it is held; the moderator approves it in the queue. */
const typeInto = (field: HTMLInputElement | HTMLTextAreaElement, text: string) => {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
};

async function approveWhileAuthorWatches(authorStore: CommunityStore, moderatorStore: CommunityStore, timeout: number, newThread = false) {
  const threadRoot = newThread
    ? await fixture<HTMLElement>(html`<kin-community .store=${authorStore} lang="en"><kin-discussion-thread mode="list"></kin-discussion-thread></kin-community>`)
    : await fixture<HTMLElement>(html`<kin-community .store=${authorStore} lang="en"><kin-discussion-thread mode="list" thread="t1"></kin-discussion-thread></kin-community>`);
  const el = threadRoot.querySelector('kin-discussion-thread') as KinDiscussionThread;
  if (newThread) {
    // The author starts a thread of their own: its first post (and so the thread) is held.
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action="start-thread"]'), 'the start-thread button', {timeout});
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="start-thread"]')!.click();
    await el.updateComplete;
    typeInto(el.shadowRoot!.querySelector<HTMLInputElement>('#new-thread-title')!, 'Peak flow diaries');
    typeInto(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#new-thread-body')!, 'My peak-flow diary helped me spot a pattern');
    await el.updateComplete;
    el.shadowRoot!.querySelector('#new-thread-body')!.closest('form')!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  } else {
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('#compose'), 'the composer', {timeout});
    typeInto(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#compose')!, 'My peak-flow diary helped me spot a pattern');
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  }
  await waitUntil(() => [...el.shadowRoot!.querySelectorAll('[part="held"]')].some((p) => p.closest('article')?.textContent?.includes('peak-flow diary')),
    'the author sees their post awaiting review', {timeout});

  const queueRoot = await fixture<HTMLElement>(html`<kin-community .store=${moderatorStore} lang="en"><kin-moderation-queue></kin-moderation-queue></kin-community>`);
  const queue = queueRoot.querySelector('kin-moderation-queue') as KinModerationQueue;
  await waitUntil(() => $(queue, '[part="count"]')?.textContent === '1 item to review', 'the held post reaches the queue', {timeout});
  const item = queue.shadowRoot!.querySelector<HTMLElement>('li[part="item"]')!;
  expect(item.textContent).to.contain('peak-flow diary');
  button(item, 'Approve')!.click();
  await waitUntil(() => $(queue, '[part="count"]')?.textContent === '0 items to review', 'the post leaves the queue', {timeout});

  // The author's thread, still open and never reloaded, shows the post as published.
  await waitUntil(() => {
    const article = [...el.shadowRoot!.querySelectorAll('article')].find((a) => a.textContent!.includes('peak-flow diary'));
    return article && !article.querySelector('[part="held"]');
  }, 'the approved post is shown live without "awaiting review"', {timeout});
  await expect(el).to.be.accessible();
}

describe('issue 12: an approved held post appears live in the author\'s open thread', function () {
  this.timeout(120_000);
  const stores: CommunityStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose().catch(() => undefined)));
  });

  it('on LocalStore (author and moderator as two tabs of one browser)', async () => {
    const seed = world(uniqueCommunityId('held-local'));
    const open = async (uid: string) => {
      const s = await LocalStore.open({communityId: seed.community.id, seed, persistence: 'memory', user: {uid, anonymous: false}});
      stores.push(s);
      return s;
    };
    await approveWhileAuthorWatches(await open('alice'), await open('mo'), 10_000);
  });

  it('on LocalStore saved in IndexedDB (as the demo pages keep it), the moderator in another store', async () => {
    const seed = world(uniqueCommunityId('held-idb'));
    const open = async (uid: string) => {
      const s = await LocalStore.open({communityId: seed.community.id, seed, persistence: 'indexeddb', user: {uid, anonymous: false}});
      stores.push(s);
      return s;
    };
    try {
      await approveWhileAuthorWatches(await open('alice'), await open('mo'), 10_000);
    } finally {
      await Promise.all(stores.splice(0).map((s) => s.dispose().catch(() => undefined)));
      await LocalStore.reset({communityId: seed.community.id, persistence: 'indexeddb'});
    }
  });

  it('on LocalStore, for the first post of a thread the author started (the thread is held with it)', async () => {
    const seed = world(uniqueCommunityId('held-local-new'));
    const open = async (uid: string) => {
      const s = await LocalStore.open({communityId: seed.community.id, seed, persistence: 'memory', user: {uid, anonymous: false}});
      stores.push(s);
      return s;
    };
    await approveWhileAuthorWatches(await open('alice'), await open('mo'), 10_000, true);
  });

  it('on FirebaseStore (Firestore emulator, real rules)', async () => {
    const admin = new FirestoreAdmin(PROJECT);
    const seed = world(uniqueCommunityId('held-fb'));
    await admin.seed(seed);
    const as = async (uid: string) => {
      const s = await createFirebaseStore({
        communityId: seed.community.id, config: {projectId: PROJECT}, emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid}},
      });
      stores.push(s);
      return s;
    };
    try {
      await approveWhileAuthorWatches(await as('alice'), await as('mo'), 30_000);
    } finally {
      await admin.clear();
    }
  });

  it('on FirebaseStore, for the first post of a thread the author started', async () => {
    const admin = new FirestoreAdmin(PROJECT);
    const seed = world(uniqueCommunityId('held-fb-new'));
    await admin.seed(seed);
    const as = async (uid: string) => {
      const s = await createFirebaseStore({
        communityId: seed.community.id, config: {projectId: PROJECT}, emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid}},
      });
      stores.push(s);
      return s;
    };
    try {
      await approveWhileAuthorWatches(await as('alice'), await as('mo'), 30_000, true);
    } finally {
      await admin.clear();
    }
  });
});
