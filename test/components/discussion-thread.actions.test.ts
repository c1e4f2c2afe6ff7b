import {aTimeout, expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {
  $, $$, T0, TID, alice, articleFor, bob, cara, disposeStores, nextCommunityId, once, openStore, post, ready, render, seed, thread, type,
  eventually,
} from './discussion-thread.fixture.js';

const many = (n: number) => Array.from({length: n}, (_, i) => post(`m${String(i).padStart(2, '0')}`, bob, {body: `Message ${i}`, createdAt: T0 + i * 1000}));
const topIds = (el: HTMLElement) => [...$(el, '[role="feed"]')!.children].filter((c) => c.tagName === 'ARTICLE').map((a) => a.getAttribute('data-post-id'));

describe('<kin-discussion-thread> actions', () => {
  afterEach(disposeStores);
  beforeEach(() => sessionStorage.clear());

  describe('live updates', () => {
    it('collects others’ new posts behind a polite “N new posts” button, announced, without moving the feed', async () => {
      const fx = seed(nextCommunityId(), [post('p1', alice)]);
      const mine = await openStore(fx, 'alice');
      const theirs = await openStore(fx, 'bob');
      const el = await render(mine);
      await ready(el);
      await theirs.createPost({id: theirs.newId(), threadId: TID, body: 'Hello from Bob'});
      await theirs.createPost({id: theirs.newId(), threadId: TID, body: 'And again'});
      const button = await eventually(() => $(el, '[part="new-posts"]')?.textContent?.includes('Show 2 new posts'), 'new posts button')
        .then(() => $(el, '[part="new-posts"]') as HTMLButtonElement);
      expect(topIds(el)).to.deep.equal(['p1']);
      await eventually(() => $(el, '[role="status"][aria-live="polite"]')!.textContent!.includes('2 new posts'), 'announcement');
      await expect(el).to.be.accessible();
      button.click();
      await el.updateComplete;
      expect(topIds(el)).to.have.length(3);
      expect($(el, '[part="new-posts"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement!.textContent).to.contain('Hello from Bob');
    });

    it('shows “Show older posts” after a full page and loads older ones by cursor', async () => {
      const store = await openStore(seed(nextCommunityId(), many(25)), 'alice');
      const el = await render(store);
      await ready(el);
      expect(topIds(el)).to.have.length(20);
      expect(topIds(el)[0]).to.equal('m05');
      expect($(el, 'article')!.getAttribute('aria-setsize')).to.equal('-1');
      const older = $(el, '.older button') as HTMLButtonElement;
      expect(older.textContent).to.contain('Show older posts');
      older.click();
      await eventually(() => topIds(el).length === 25, 'older posts');
      expect(topIds(el)[0]).to.equal('m00');
      expect($(el, '.older')).to.equal(null);
      expect($(el, 'article')!.getAttribute('aria-setsize')).to.equal('25');
      await expect(el).to.be.accessible();
    });
  });

  describe('reactions', () => {
    it('toggles a reaction with exact counts, aria-pressed and kin-reaction', async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', bob, {reactions: {heart: 0, hug: 2, metoo: 0, thanks: 0}})]), 'alice');
      const el = await render(store);
      await ready(el);
      const heart = () => articleFor(el, 'p1')!.querySelector('[data-kind="heart"]') as HTMLButtonElement;
      expect(heart().getAttribute('aria-pressed')).to.equal('false');
      expect(articleFor(el, 'p1')!.querySelector('[data-kind="hug"] .count')!.textContent).to.equal('2');
      const on = once(el, 'kin-reaction');
      heart().click();
      const ev = await on;
      expect([ev.postId, ev.kind, ev.on]).to.deep.equal(['p1', 'heart', true]);
      await eventually(() => heart().getAttribute('aria-pressed') === 'true' && heart().querySelector('.count')!.textContent === '1', 'heart on');
      await expect(el).to.be.accessible();
      const off = once(el, 'kin-reaction');
      heart().click();
      expect((await off).on).to.equal(false);
      await eventually(() => heart().getAttribute('aria-pressed') === 'false' && heart().querySelector('.count')!.textContent === '0', 'heart off');
    });

    it('can be reached and pressed from the keyboard', async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', bob)]), 'alice');
      const el = await render(store);
      await ready(el);
      (articleFor(el, 'p1')!.querySelector('[data-kind="heart"]') as HTMLButtonElement).focus();
      await sendKeys({press: 'Tab'});
      expect(el.shadowRoot!.activeElement!.getAttribute('data-kind')).to.equal('hug');
      const ev = once(el, 'kin-reaction');
      await sendKeys({press: 'Enter'});
      expect((await ev).kind).to.equal('hug');
    });
  });

  describe('reporting', () => {
    it('reports a post in two interactions with a reason, then acknowledges it', async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', bob)]), 'alice');
      const el = await render(store);
      await ready(el);
      (articleFor(el, 'p1')!.querySelector('[data-action="report"]') as HTMLButtonElement).click();
      await eventually(() => el.shadowRoot!.activeElement?.hasAttribute('data-reason'), 'focus on the first reason');
      expect(articleFor(el, 'p1')!.querySelector('.report')!.textContent).to.contain('Why are you reporting');
      await expect(el).to.be.accessible();
      const reported = once(el, 'kin-report');
      (articleFor(el, 'p1')!.querySelector('[data-reason="spam"]') as HTMLButtonElement).click();
      const ev = await reported;
      expect([ev.postId, ev.threadId, ev.reason]).to.deep.equal(['p1', TID, 'spam']);
      expect(ev.reportId).to.be.a('string').and.not.equal('');
      await el.updateComplete;
      expect(articleFor(el, 'p1')!.querySelector('.ack')!.textContent).to.contain('A moderator will look');
      expect(articleFor(el, 'p1')!.querySelector('[data-action="report"]')).to.equal(null);
    });

    it('offers no report button on the member’s own post', async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', alice)]), 'alice');
      const el = await render(store);
      await ready(el);
      expect(articleFor(el, 'p1')!.querySelector('[data-action="report"]')).to.equal(null);
    });
  });

  describe('editing and deleting', () => {
    it('edits the member’s own post, marked edited with the time', async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', alice, {body: 'Typo hre'})]), 'alice');
      const el = await render(store);
      await ready(el);
      (articleFor(el, 'p1')!.querySelector('[data-action="edit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const field = $(el, 'textarea#edit-p1') as HTMLTextAreaElement;
      expect(field.value).to.equal('Typo hre');
      await aTimeout(0);
      expect(el.shadowRoot!.activeElement).to.equal(field);
      await expect(el).to.be.accessible();
      type(field, 'Typo here');
      (field.closest('form')!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await eventually(() => articleFor(el, 'p1')!.querySelector('.edited time'), 'edited mark');
      expect(articleFor(el, 'p1')!.querySelector('[part="post-body"]')!.textContent!.trim()).to.equal('Typo here');
      const page = await store.listOlderPosts(TID, {cursor: `${Date.now() + 60000}_zzzz`});
      expect(page.items[0].body).to.equal('Typo here');
      expect(page.items[0].editedAt).to.be.a('number');
    });

    it('never offers edit or delete on someone else’s post', async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', bob)]), 'alice');
      const el = await render(store);
      await ready(el);
      expect(articleFor(el, 'p1')!.querySelector('[data-action="edit"], [data-action="delete"]')).to.equal(null);
    });

    it('deletes the member’s own post after confirmation, leaving a placeholder that keeps replies', async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', alice), post('r1', cara, {parentId: 'p1', createdAt: T0 + 1000})]), 'alice');
      const el = await render(store);
      await ready(el);
      (articleFor(el, 'p1')!.querySelector('[data-action="delete"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(articleFor(el, 'p1')!.querySelector('.confirm')!.textContent).to.contain('Delete this post?');
      await expect(el).to.be.accessible();
      (articleFor(el, 'p1')!.querySelector('[data-action="confirm-delete"]') as HTMLButtonElement).click();
      await eventually(() => articleFor(el, 'p1')!.querySelector('.placeholder'), 'placeholder');
      expect(articleFor(el, 'p1')!.textContent).to.contain('removed by its author');
      expect(articleFor(el, 'r1')!.closest('article:not([data-post-id="r1"])')!.getAttribute('data-post-id')).to.equal('p1');
    });
  });

  describe('with mode="list"', () => {
    const hub = () => {
      const t1 = thread('t1', {key: null, title: 'Inhaler tips', authorName: 'Bob Jones', lastActivityAt: T0 + 1000, postCount: 3});
      const t2 = thread('t2', {key: null, title: 'Sleep and asthma', authorName: 'Cara', authorId: 'cara', lastActivityAt: T0 + 5000, postCount: 1});
      return seed(nextCommunityId(), [
        post('a1', bob, {threadId: 't1', body: 'Spacers help'}),
        post('a2', alice, {threadId: 't1', parentId: 'a1', createdAt: T0 + 500}),
        post('a3', cara, {threadId: 't1', createdAt: T0 + 1000}),
        post('b1', cara, {threadId: 't2', body: 'How do you sleep?', createdAt: T0 + 5000}),
      ], {threads: [t1, t2]});
    };

    it('lists threads by latest activity with author, reply count and time', async () => {
      const store = await openStore(hub(), 'alice');
      const el = await render(store, {mode: 'list'});
      await eventually(() => $$(el, '.thread').length === 2, 'threads');
      expect($$(el, '.thread-title').map((b) => b.textContent)).to.deep.equal(['Sleep and asthma', 'Inhaler tips']);
      const meta = $$(el, '.thread .meta')[1].textContent!;
      expect(meta).to.contain('Started by Bob Jones').and.contain('2 replies').and.contain('ago');
      expect($(el, '[part="heading"]')!.textContent).to.equal('Conversations');
      await expect(el).to.be.accessible();
    });

    it('opens a thread in place (kin-thread-open) with a way back', async () => {
      const store = await openStore(hub(), 'alice');
      const el = await render(store, {mode: 'list'});
      await eventually(() => $$(el, '.thread').length === 2, 'threads');
      const opened = once(el, 'kin-thread-open');
      ($(el, '[data-thread-id="t1"]') as HTMLButtonElement).click();
      expect((await opened).threadId).to.equal('t1');
      await eventually(() => articleFor(el, 'a1'), 'thread posts');
      expect($(el, '#thread-heading')!.textContent).to.equal('Inhaler tips');
      await eventually(() => el.shadowRoot!.activeElement?.id === 'thread-heading', 'focus on the thread heading');
      expect(articleFor(el, 'a1')!.querySelector('.replies [data-post-id="a2"]')).not.to.equal(null);
      await expect(el).to.be.accessible();
      const back = once(el, 'kin-thread-open');
      ($(el, 'button.back') as HTMLButtonElement).click();
      expect((await back).threadId).to.equal(null);
      await eventually(() => el.shadowRoot!.activeElement?.getAttribute('data-thread-id') === 't1', 'focus back on the thread');
    });

    it('deep-links to a thread with the thread attribute', async () => {
      const store = await openStore(hub(), 'alice');
      const el = await render(store, {mode: 'list', thread: 't2'});
      await eventually(() => articleFor(el, 'b1'), 'deep-linked thread');
      expect($(el, 'button.back')).not.to.equal(null);
    });

    it('starts a new thread and opens it', async () => {
      const store = await openStore(hub(), 'alice');
      const el = await render(store, {mode: 'list'});
      await eventually(() => $$(el, '.thread').length === 2, 'threads');
      ($(el, '[data-action="start-thread"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await aTimeout(0);
      const title = $(el, '#new-thread-title') as HTMLInputElement;
      expect(el.shadowRoot!.activeElement).to.equal(title);
      await expect(el).to.be.accessible();
      type(title, 'Peak flow diaries');
      type($(el, '#new-thread-body') as HTMLTextAreaElement, 'Does anyone keep one?');
      const created = once(el, 'kin-post-created');
      const opened = once(el, 'kin-thread-open');
      ($(el, '#new-thread-body')!.closest('form')!.querySelector('[part="submit"]') as HTMLButtonElement).click();
      const ev = await created;
      expect((await opened).threadId).to.equal(ev.threadId);
      await eventually(() => articleFor(el, ev.postId), 'first post of the new thread');
      expect((await store.getThread(ev.threadId))!.title).to.equal('Peak flow diaries');
    });
  });
});
