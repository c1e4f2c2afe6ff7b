// The Vue 3 example app (examples/vue/app.ts) in Chromium: Vue sets `store` as a property and
// `thread-key` as an attribute, the thread renders seeded posts, and a reply posted through the composer
// reaches the typed `onKinPostCreated` handler, which the app re-emits to its host.
import {expect} from '@open-wc/testing';
import type {KinPostCreatedEvent} from '../../src/events/post-created.js';
import type {KinCommunity} from '../../src/components/community/community.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {start} from '../../examples/vue/app.js';
import {ALICE, KEY, frameworkSeed, inShadow, openReply, typeInto, until} from './framework-fixture.js';

describe('Vue 3 example app', () => {
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
    const seed = frameworkSeed('vue');
    const app = await start(container, {seed, communityId: seed.community.id, threadKey: KEY});
    stop = app.stop;
    const community = await until(() => container.querySelector<KinCommunity>('kin-community'), 'Vue rendered <kin-community>');
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

  it('posts a reply through the composer and runs the typed onKinPostCreated handler', async () => {
    const seed = frameworkSeed('vue');
    const created: KinPostCreatedEvent[] = [];
    const app = await start(container, {
      seed, communityId: seed.community.id, threadKey: KEY, user: ALICE, onPostCreated: (e) => created.push(e),
    });
    stop = app.stop;
    const thread = await until(() => container.querySelector('kin-discussion-thread'), 'Vue rendered the thread');
    await until(() => inShadow(thread, 'article[data-post-id="p1"] [data-action="reply"]'), 'a reply button on p1');
    const field = await openReply(thread, 'p1');
    typeInto(field, 'Count me in!');
    (field.closest('form')!.querySelector('[part="submit"]') as HTMLButtonElement).click();
    await until(() => created[0], 'the app’s postCreated emit');
    expect(created).to.have.length(1);
    expect(created[0].parentId).to.equal('p1');
    expect(created[0].status).to.equal('visible');
    // The handler's state change re-rendered the app.
    await until(() => thread.getAttribute('data-posts-this-visit') === '1' || null, 'Vue state updated by the handler');
    const reply = await until(() => inShadow(thread, `article[data-post-id="${created[0].postId}"]`), 'the reply in the thread');
    expect(reply.textContent).to.contain('Count me in!');
    const stored = await app.store.listOlderPosts(created[0].threadId, {cursor: `${Date.now() + 60000}_zzzz`});
    expect(stored.items.map((p) => p.body)).to.include('Count me in!');
    await expect(container).to.be.accessible();
  });
});
