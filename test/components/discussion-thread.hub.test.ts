// <kin-discussion-thread> showing one conversation by id (thread-id) and the hub (mode="list") paged by
// cursor: a live first page, then "show more" pages from listThreads.
import {expect} from '@open-wc/testing';
import type {CommunityStore, PageOptions} from '../../src/data/store.js';
import {KindredError} from '../../src/data/errors.js';
import type {Thread} from '../../src/data/types.js';
import type {KinErrorEvent} from '../../src/events/kin-error.js';
import {
  $, $$, T0, TID, alice, articleFor, bob, disposeStores, eventually, nextCommunityId, once, openStore, post, ready, render, seed, thread, type,
} from './discussion-thread.fixture.js';

/** `n` hub threads, t00 the most recently active. */
const hubThreads = (n: number): Thread[] => Array.from({length: n}, (_, i) => {
  const id = `t${String(i).padStart(2, '0')}`;
  return thread(id, {key: null, title: `Conversation ${i}`, lastActivityAt: T0 - i * 60000, postCount: 1});
});
const listed = (el: HTMLElement) => $$(el, '.thread-title').map((b) => b.getAttribute('data-thread-id'));
const showMore = (el: HTMLElement) => $(el, '[part="show-more"]') as HTMLButtonElement | null;

/** The real store, recording the options of each listThreads call (and failing the first `failures`). */
function recording(store: CommunityStore, failures = 0): {store: CommunityStore; calls: PageOptions[]} {
  const calls: PageOptions[] = [];
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listThreads') {
        return async (options: PageOptions = {}) => {
          calls.push(options);
          if (failures-- > 0) throw new KindredError('unavailable', 'The test network is down.');
          return target.listThreads(options);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {store: wrapped, calls};
}

describe('<kin-discussion-thread> by id and hub paging', () => {
  afterEach(disposeStores);
  beforeEach(() => sessionStorage.clear());

  describe('with thread-id', () => {
    // A private thread takes posts only while its connection is accepted (issue 11), so the seed has one.
    const fx = () => ({...seedThread(), connections: [{id: 'alice_bob', members: ['alice', 'bob'] as [string, string], requestedBy: 'bob', message: '',
      status: 'accepted' as const, createdAt: T0, updatedAt: T0, threadId: 'peer1'}]});
    const seedThread = () => seed(nextCommunityId(), [
      post('q1', bob, {threadId: 'peer1', body: 'Hi Alice, nice to meet you'}),
      post('q2', alice, {threadId: 'peer1', body: 'Hello Bob!', createdAt: T0 + 1000}),
    ], {threads: [
      thread('peer1', {key: null, title: 'Bob Jones · Alice Hughes', postCount: 2, participants: ['alice', 'bob']}),
      thread('t1', {key: null, title: 'Inhaler tips'}),
    ]});

    it('shows that one conversation with its title, and no list or way back', async () => {
      const store = await openStore(fx(), 'alice');
      const el = await render(store, {threadId: 'peer1'});
      await ready(el);
      await eventually(() => articleFor(el, 'q2'), 'the conversation’s posts');
      expect(el.mode).to.equal('thread');
      await eventually(() => $(el, '#thread-heading')!.textContent === 'Bob Jones · Alice Hughes', 'the conversation’s title');
      expect($(el, 'button.back')).to.equal(null);
      expect($(el, '[part="thread-list"]')).to.equal(null);
      expect($(el, '[data-action="start-thread"]')).to.equal(null);
      expect($(el, 'textarea#compose')).not.to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('posts into that conversation without creating a page thread', async () => {
      const store = await openStore(fx(), 'alice');
      const el = await render(store, {threadId: 'peer1'});
      await ready(el);
      await eventually(() => $(el, 'textarea#compose'), 'composer');
      type($(el, 'textarea#compose') as HTMLTextAreaElement, 'Shall we talk on Friday?');
      const created = once(el, 'kin-post-created');
      ($(el, 'form.composer [part="submit"]') as HTMLButtonElement).click();
      const ev = await created;
      expect(ev.threadId).to.equal('peer1');
      await eventually(() => articleFor(el, ev.postId), 'the new post');
      const stored = await store.listOlderPosts('peer1', {cursor: `${Date.now() + 60000}_zzzz`});
      expect(stored.items.map((p) => p.id)).to.include(ev.postId);
      expect(await store.getThread(TID), 'no page-keyed thread').to.equal(null);
    });

    it('is refused to a member outside the pair, with an error and no composer', async () => {
      const store = await openStore(fx(), 'cara');
      const errors: string[] = [];
      const listener = (e: Event) => errors.push((e as KinErrorEvent).code);
      document.addEventListener('kin-error', listener);
      try {
        const el = await render(store, {threadId: 'peer1'});
        await eventually(() => $(el, '[part="error"][role="alert"]'), 'the error');
        expect(articleFor(el, 'q1')).to.equal(null);
        expect($(el, 'textarea')).to.equal(null);
        expect(errors).to.include('permission-denied');
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('kin-error', listener);
      }
    });

    it('says when the conversation does not exist', async () => {
      const store = await openStore(fx(), 'alice');
      const el = await render(store, {threadId: 'gone1'});
      await eventually(() => $(el, '[part="error"]')?.textContent?.includes('could not be found'), 'not found');
      expect($(el, 'textarea')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('wins over thread-key and follows a change of id', async () => {
      const store = await openStore(fx(), 'alice');
      const el = await render(store, {threadId: 'peer1'});
      await eventually(() => articleFor(el, 'q1'), 'peer1');
      el.threadId = 't1';
      await eventually(() => $(el, '#thread-heading')!.textContent === 'Inhaler tips' && !articleFor(el, 'q1'), 't1 instead');
    });
  });

  describe('with mode="list" and more threads than a page', () => {
    it('shows a live first page, then pages by cursor until none are left', async () => {
      const {store, calls} = recording(await openStore(seed(nextCommunityId(), [], {threads: hubThreads(45)}), 'alice'));
      const el = await render(store, {mode: 'list'});
      await eventually(() => listed(el).length === 20, 'the first page');
      expect(listed(el)[0]).to.equal('t00');
      expect(calls, 'the first page is the live one').to.deep.equal([]);
      expect(showMore(el)!.textContent!.trim()).to.equal('Show more conversations');
      await expect(el).to.be.accessible();

      showMore(el)!.click();
      await eventually(() => listed(el).length === 40, 'the second page');
      expect(calls).to.have.length(1);
      expect(calls[0].cursor, 'after the last thread shown, by cursor').to.be.a('string').and.contain('t19');
      expect(calls[0]).not.to.have.any.keys('offset', 'skip', 'start');
      expect(listed(el)).to.deep.equal(hubThreads(40).map((t) => t.id));
      await eventually(() => el.shadowRoot!.activeElement?.getAttribute('data-thread-id') === 't20', 'focus on the first new conversation');
      await expect(el).to.be.accessible();

      showMore(el)!.click();
      await eventually(() => listed(el).length === 45, 'the last page');
      expect(calls[1].cursor).to.contain('t39');
      expect(showMore(el), 'nothing more to show').to.equal(null);
      expect(new Set(listed(el)).size).to.equal(45);
    });

    it('keeps every thread, once each, when new activity pushes one off the live page', async () => {
      const fx = seed(nextCommunityId(), [], {threads: hubThreads(30)});
      const store = await openStore(fx, 'alice');
      const other = await openStore(fx, 'bob');
      const el = await render(store, {mode: 'list'});
      await eventually(() => listed(el).length === 20, 'the first page');
      showMore(el)!.click();
      await eventually(() => listed(el).length === 30, 'all of them');
      const id = other.newId();
      await other.createPost({id, threadId: `t_${id}`, body: 'New here', createThread: {key: null, title: 'Hello all'}});
      await eventually(() => listed(el)[0] === `t_${id}`, 'the new thread on top, live');
      const shown = listed(el);
      expect(shown).to.have.length(31);
      expect(new Set(shown).size, 'no thread twice').to.equal(31);
      expect(shown, 't19 left the live page but not the list').to.include('t19');
      expect(shown.slice(1)).to.deep.equal(hubThreads(30).map((t) => t.id));
    });

    it('shows a failed page as an error with the button to try again', async () => {
      const {store, calls} = recording(await openStore(seed(nextCommunityId(), [], {threads: hubThreads(25)}), 'alice'), 1);
      const el = await render(store, {mode: 'list', lang: 'cy'});
      await eventually(() => listed(el).length === 20, 'the first page');
      const failed = once(el, 'kin-error');
      showMore(el)!.click();
      expect((await failed).operation).to.equal('load-more');
      await eventually(() => $(el, '.threads ~ [part="error"]'), 'the error');
      expect($(el, '.threads ~ [part="error"]')!.textContent).to.contain('Nid oedd modd llwytho rhagor o sgyrsiau');
      expect(listed(el)).to.have.length(20);
      expect(showMore(el)!.textContent!.trim()).to.equal('Dangos rhagor o sgyrsiau');
      await expect(el).to.be.accessible();
      showMore(el)!.click();
      await eventually(() => listed(el).length === 25, 'the retried page');
      expect(calls).to.have.length(2);
      expect($(el, '.threads ~ [part="error"]')).to.equal(null);
      expect(showMore(el)).to.equal(null);
    });

    it('shows no "show more" when the first page holds every thread', async () => {
      const store = await openStore(seed(nextCommunityId(), [], {threads: hubThreads(20).slice(0, 19)}), 'alice');
      const el = await render(store, {mode: 'list'});
      await eventually(() => listed(el).length === 19, 'the threads');
      expect(showMore(el)).to.equal(null);
    });
  });
});
