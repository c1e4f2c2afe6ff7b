// Seed data and DOM helpers shared by the React and Vue example-app tests: a community with a founder
// story and a page thread of two posts, read through the real LocalStore and its policy rules.
import {waitUntil} from '@open-wc/testing';
import type {SeedFixture} from '../../src/data/seed.js';
import type {FounderStory, SessionUser} from '../../src/data/types.js';
import {threadIdForKey} from '../../src/data/policy.js';
import {member, post, privateRecord, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {expect} from '@open-wc/testing';
import type {KinPostCreatedEvent} from '../../src/events/post-created.js';
import type {KinCommunity} from '../../src/components/community/community.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import type {CommunityStore} from '../../src/data/store.js';

export const KEY = 'walk-2026';
export const TID = threadIdForKey(KEY);
export const ALICE: SessionUser = {uid: 'alice', anonymous: false};

const STORY: FounderStory = {
  name: 'Sarah Jones',
  role: {en: 'Founder, mum of Cai', cy: 'Sylfaenydd, mam Cai'},
  quote: {en: 'Nobody should feel alone at 3am.', cy: 'Ni ddylai neb deimlo’n unig am 3 y bore.'},
  story: {en: 'When Cai was diagnosed, I searched for other parents.'},
  imageUrl: null, imageAlt: null, cta: null, toldAt: null, memorial: false, approvedBy: 'sarah', approvedAt: null,
};

export function frameworkSeed(prefix: string): SeedFixture {
  const alice = member('alice'), bob = member('bob', {pseudonym: 'Bob Jones'});
  const fixture = sampleSeed(uniqueCommunityId(prefix), {
    members: [alice, bob],
    threads: [thread(TID, {key: KEY, title: 'Walk 2026', postCount: 2})],
    posts: [post(TID, 'p1', bob, {body: 'Who is walking on Saturday?'}), post(TID, 'p2', alice, {body: 'Me, with my inhaler.'})],
  }, {founderStory: STORY});
  fixture.privates = [privateRecord('alice', fixture.community), privateRecord('bob', fixture.community)];
  return fixture;
}

export function inShadow<T extends Element = HTMLElement>(host: Element | null, selector: string): T | null {
  return host?.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Waits (generously: a loaded shared machine) until `find()` returns an element. */
export async function until<T>(find: () => T | null | undefined, message: string): Promise<T> {
  await waitUntil(() => find(), message, {timeout: 8000, interval: 20});
  return find()!;
}

/** Types into a field the way a member does (value + input event). */
export function typeInto(field: HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
}

/** The reply composer under post `postId`: opens it and waits for its textarea. */
export async function openReply(thread: Element, postId: string): Promise<HTMLTextAreaElement> {
  inShadow<HTMLButtonElement>(thread, `article[data-post-id="${postId}"] [data-action="reply"]`)!.click();
  return until(() => inShadow<HTMLTextAreaElement>(thread, `textarea#reply-${postId}`), 'the reply composer');
}

/** What both example apps export: mount into a container, with a seed, a user and a typed handler. */
export type StartApp = (container: Element, options: {
  seed: SeedFixture; communityId: string; threadKey: string; user?: SessionUser | null;
  onPostCreated?: (e: KinPostCreatedEvent) => void;
}) => Promise<{store: CommunityStore; stop: () => Promise<void>}>;

/**
 * The same behaviour proven for each framework's example app: the store arrives as a property and
 * `thread-key` as an attribute, the seeded thread renders, and a reply posted through the composer
 * reaches the app's typed handler (named `handler` in the test titles) and re-renders the app.
 */
export function exampleAppSuite(framework: string, prefix: string, handler: string, start: StartApp) {
  describe(`${framework} example app`, () => {
    let stop: (() => Promise<void>) | undefined;
    let container: HTMLElement;
    beforeEach(() => {
      container = document.createElement('div');
      document.body.append(container);
    });
    afterEach(async () => {
      await stop?.();
      stop = undefined;
      container.remove();
    });

    it('renders the banner and the seeded thread, with the store set as a property', async () => {
      const seed = frameworkSeed(prefix);
      const app = await start(container, {seed, communityId: seed.community.id, threadKey: KEY});
      stop = app.stop;
      const community = await until(() => container.querySelector<KinCommunity>('kin-community'), `${framework} rendered <kin-community>`);
      expect(community.store).to.equal(app.store);
      const thread = container.querySelector<KinDiscussionThread>('kin-discussion-thread')!;
      expect(thread.getAttribute('thread-key')).to.equal(KEY);
      expect(thread.headingLevel).to.equal(2);
      const second = await until(() => inShadow(thread, 'article[data-post-id="p2"]'), 'seeded posts in the thread');
      expect(second.textContent).to.contain('Me, with my inhaler.');
      expect(inShadow(thread, 'article[data-post-id="p1"]')!.textContent).to.contain('Who is walking on Saturday?');
      const banner = container.querySelector('kin-founder-story-banner')!;
      const name = await until(() => inShadow(banner, '[part="name"]'), 'the founder’s name');
      expect(name.textContent).to.contain('Sarah Jones');
      await expect(container).to.be.accessible();
    });

    it(`posts a reply through the composer and runs the typed ${handler} handler`, async () => {
      const seed = frameworkSeed(prefix);
      const created: KinPostCreatedEvent[] = [];
      const app = await start(container, {
        seed, communityId: seed.community.id, threadKey: KEY, user: ALICE, onPostCreated: (e) => created.push(e),
      });
      stop = app.stop;
      const thread = await until(() => container.querySelector('kin-discussion-thread'), `${framework} rendered the thread`);
      await until(() => inShadow(thread, 'article[data-post-id="p1"] [data-action="reply"]'), 'a reply button on p1');
      const field = await openReply(thread, 'p1');
      typeInto(field, 'Count me in!');
      (field.closest('form')!.querySelector('[part="submit"]') as HTMLButtonElement).click();
      await until(() => created[0], `the ${handler} handler`);
      expect(created).to.have.length(1);
      expect(created[0].parentId).to.equal('p1');
      expect(created[0].status).to.equal('visible');
      // The handler's state update re-rendered the app.
      await until(() => thread.getAttribute('data-posts-this-visit') === '1' || null, `${framework} state updated by the handler`);
      const reply = await until(() => inShadow(thread, `article[data-post-id="${created[0].postId}"]`), 'the reply in the thread');
      expect(reply.textContent).to.contain('Count me in!');
      const stored = await app.store.listOlderPosts(created[0].threadId, {cursor: `${Date.now() + 60000}_zzzz`});
      expect(stored.items.map((p) => p.body)).to.include('Count me in!');
      await expect(container).to.be.accessible();
    });
  });

}
