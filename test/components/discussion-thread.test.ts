import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import type {KinErrorEvent} from '../../src/events/kin-error.js';
import {
  $, $$, T0, alice, articleFor, once, bob, cara, crisisHelp, crisisLinks, disposeStores, nextCommunityId, openStore, post, ready, render, seed,
  eventually,
} from './discussion-thread.fixture.js';

const conversation = () => [
  post('p1', bob, {body: 'Welcome everyone.\nSecond line.\n\nA new paragraph with https://nhs.uk/conditions/asthma/ link.', createdAt: T0, reactions: {heart: 2, hug: 0, metoo: 1, thanks: 0}}),
  post('p2', alice, {body: 'Thanks Bob', parentId: 'p1', createdAt: T0 + 60000}),
  post('p3', cara, {body: 'Hello from the clinic', createdAt: T0 + 120000, editedAt: T0 + 180000}),
  post('p4', bob, {body: '', status: 'hidden', createdAt: T0 + 240000}),
  post('p5', alice, {body: '', status: 'deleted', createdAt: T0 + 300000}),
  post('p6', alice, {body: 'Waiting for a moderator', status: 'held', createdAt: T0 + 360000}),
];

describe('<kin-discussion-thread>', () => {
  afterEach(disposeStores);
  beforeEach(() => sessionStorage.clear());

  describe('when no store is available yet', () => {
    it('shows a busy feed while loading, accessibly', async () => {
      const el = await fixture<KinDiscussionThread>(html`<kin-discussion-thread thread-key="x"></kin-discussion-thread>`);
      const feed = $(el, '[role="feed"]')!;
      expect(feed.getAttribute('aria-busy')).to.equal('true');
      expect(feed.textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the thread has posts', () => {
    it('renders a feed of articles with replies one level under their parent', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'alice');
      const el = await render(store);
      await ready(el);
      const feed = $(el, '[role="feed"]')!;
      expect(feed.getAttribute('aria-busy')).to.equal('false');
      const top = [...feed.children].filter((c) => c.tagName === 'ARTICLE');
      expect(top.map((a) => a.getAttribute('data-post-id'))).to.deep.equal(['p1', 'p3', 'p4', 'p5', 'p6']);
      expect(top.map((a) => a.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5']);
      expect(top.every((a) => a.getAttribute('aria-setsize') === '5')).to.equal(true);
      const reply = articleFor(el, 'p1')!.querySelector('.replies article')!;
      expect(reply.getAttribute('data-post-id')).to.equal('p2');
      expect(reply.getAttribute('part')).to.equal('post reply');
      await expect(el).to.be.accessible();
    });

    it('shows author, badges, avatar, relative and exact time, edited mark', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'alice');
      const el = await render(store);
      await ready(el);
      const p1 = articleFor(el, 'p1')!;
      expect(p1.querySelector('[part="post-author"]')!.textContent).to.equal('Bob Jones');
      const badges = [...p1.querySelectorAll(':scope > header [part="badge"]')].map((b) => b.textContent);
      expect(badges).to.deep.equal(['Patient', 'Moderator']);
      expect(p1.querySelector('.initials')!.textContent).to.equal('BJ');
      const t = p1.querySelector('time')!;
      expect(t.getAttribute('datetime')).to.equal(new Date(T0).toISOString());
      expect(t.textContent).to.match(/ago/);
      expect(t.getAttribute('title')).to.contain(String(new Date(T0).getFullYear()));
      const p3 = articleFor(el, 'p3')!;
      expect(p3.querySelector('img.avatar')!.getAttribute('src')).to.equal('https://example.org/cara.png');
      expect(p3.querySelector('.edited')!.textContent).to.contain('Edited');
      expect(p3.querySelector('.edited time')!.getAttribute('datetime')).to.equal(new Date(T0 + 180000).toISOString());
      expect([...p3.querySelectorAll('[part="badge"]')].map((b) => b.textContent)).to.deep.equal(['Professional', 'Verified clinician']);
    });

    it('renders paragraphs, line breaks and https links', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'alice');
      const el = await render(store);
      await ready(el);
      const bodyEl = articleFor(el, 'p1')!.querySelector('[part="post-body"]')!;
      expect(bodyEl.querySelectorAll('p')).to.have.length(2);
      expect(bodyEl.querySelectorAll('br')).to.have.length(1);
      const a = bodyEl.querySelector('a')!;
      expect(a.getAttribute('href')).to.equal('https://nhs.uk/conditions/asthma/');
      expect(a.getAttribute('rel')).to.contain('noopener');
    });

    it('shows hidden and deleted placeholders, and "awaiting review" to the author of a held post', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'alice');
      const el = await render(store);
      await ready(el);
      expect(articleFor(el, 'p4')!.textContent).to.contain('hidden by a moderator');
      expect(articleFor(el, 'p5')!.textContent).to.contain('removed by its author');
      expect(articleFor(el, 'p4')!.querySelector('[part="post-body"]')).to.equal(null);
      const held = articleFor(el, 'p6')!;
      expect(held.querySelector('.held')!.textContent).to.contain('Awaiting review');
      expect(held.querySelector('[part="post-body"]')!.textContent).to.contain('Waiting for a moderator');
      await expect(el).to.be.accessible();
    });

    it('does not show another member’s held post', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'cara');
      const el = await render(store);
      await ready(el);
      expect(articleFor(el, 'p6')).to.equal(null);
    });

    it('renders hostile text inert and verbatim', async () => {
      const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=1"> javascript:alert(1) \u202Ertl\u202C zero\u200Bwidth 👩🏽‍⚕️ ' + 'x'.repeat(400);
      const store = await openStore(seed(nextCommunityId(), [post('h1', bob, {body: hostile})]), 'alice');
      const el = await render(store);
      await ready(el);
      const b = articleFor(el, 'h1')!.querySelector('[part="post-body"]')!;
      expect(b.querySelector('script, img, a')).to.equal(null);
      expect(b.textContent!.trim()).to.equal(hostile);
      expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
    });

    it('reflows at 320px without horizontal scrolling', async () => {
      await setViewport({width: 320, height: 640});
      try {
        const store = await openStore(seed(nextCommunityId(), [post('w1', bob, {body: 'w'.repeat(500)})]), 'alice');
        const el = await render(store);
        await ready(el);
        expect(el.scrollWidth).to.be.at.most(320);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
      } finally {
        await setViewport({width: 800, height: 600});
      }
    });

    it('speaks Welsh with lang="cy"', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'alice');
      const el = await render(store, {lang: 'cy'});
      await ready(el);
      // The page's thread is headed by its own title (issue 12), in whatever language it was written.
      expect($(el, '[part="heading"]')!.textContent).to.equal('Walk 2026');
      expect($(el, 'label[for="compose"]')!.textContent).to.equal('Ysgrifennwch neges');
      expect(articleFor(el, 'p5')!.textContent).to.contain('Cafodd y neges hon ei dileu');
      const help = crisisHelp(el)!;
      await help.updateComplete;
      expect(help.shadowRoot!.querySelector('[part="toggle"]')!.textContent!.trim()).to.equal('Angen help nawr?');
      const t = articleFor(el, 'p1')!.querySelector('time')!;
      expect(t.textContent).to.contain('yn ôl');
      expect(t.getAttribute('title')).to.contain(' am ');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the thread is empty', () => {
    it('shows the empty slot and a composer', async () => {
      const store = await openStore(seed(nextCommunityId()), 'alice');
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store}>
        <kin-discussion-thread thread-key="empty-page"><p slot="empty">Say hello!</p></kin-discussion-thread>
      </kin-community>`);
      const el = root.querySelector('kin-discussion-thread')!;
      await ready(el);
      expect($(el, '.empty')!.hidden).to.equal(false);
      expect($(el, '[role="feed"]')).to.equal(null);
      const slot = $(el, 'slot[name="empty"]') as HTMLSlotElement;
      expect(slot.assignedElements()[0].textContent).to.equal('Say hello!');
      expect($(el, 'textarea#compose')).not.to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when signed out', () => {
    it('reads a public community and offers to join', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), null);
      const el = await render(store);
      await ready(el);
      expect($$(el, 'article').length).to.be.greaterThan(0);
      expect($(el, 'textarea')).to.equal(null);
      expect($(el, 'button.reaction')).to.equal(null);
      expect(articleFor(el, 'p1')!.querySelector('.reaction.static')!.textContent).to.contain('2');
      const join = $(el, '[part="join"] button')!;
      setTimeout(() => join.click());
      const ev = await once(el, 'kin-join-request');
      expect(ev.reason).to.equal('post');
      await expect(el).to.be.accessible();
    });

    it('shows nothing of a members-only community before joining', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation(), {visibility: 'members'}), null);
      const el = await render(store);
      await eventually(() => $(el, '.members-only'), 'members-only notice');
      expect($(el, 'article')).to.equal(null);
      expect($(el, '.members-only')!.textContent).to.contain('members only');
      await expect(el).to.be.accessible();
    });
  });

  describe('when a member reads a members-only community', () => {
    it('shows the posts and the composer', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation(), {visibility: 'members'}), 'alice');
      const el = await render(store);
      await ready(el);
      await eventually(() => articleFor(el, 'p1'), 'posts');
      expect($(el, 'textarea#compose')).not.to.equal(null);
      expect($(el, '.members-only')).to.equal(null);
    });
  });

  describe('when signed in but not a member', () => {
    it('reads a public community and offers to join instead of a composer', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'stranger');
      const el = await render(store);
      await ready(el);
      await eventually(() => $(el, '[part="join"]'), 'join prompt');
      expect($(el, 'textarea')).to.equal(null);
    });
  });

  describe('when offline', () => {
    it('says so and still offers the composer', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'alice');
      const el = await render(store);
      await ready(el);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect($(el, '.offline')!.textContent).to.contain('offline');
      expect($(el, 'textarea#compose')).not.to.equal(null);
      await expect(el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect($(el, '.offline')).to.equal(null);
    });
  });

  describe('when loading fails', () => {
    it('shows the error with a retry and fires kin-error', async () => {
      // A private peer thread: readable only by its two participants, so reading it is refused.
      const fx = seed(nextCommunityId(), [post('q1', bob, {threadId: 'peer1'})], {threads: [
        {id: 'peer1', key: null, title: 'Private', authorId: 'bob', authorName: 'Bob Jones', createdAt: T0, lastActivityAt: T0, postCount: 1, status: 'visible', participants: ['bob', 'cara']},
      ]});
      const store = await openStore(fx, 'alice');
      const errors: string[] = [];
      const listener = (e: Event) => errors.push((e as KinErrorEvent).operation);
      document.addEventListener('kin-error', listener);
      const el = await render(store, {mode: 'list', thread: 'peer1'}).finally(() => undefined);
      const alert = await eventually(() => $(el, '[part="error"][role="alert"]'), 'error state').then(() => $(el, '[part="error"]')!);
      expect(alert.textContent).to.contain('could not be loaded');
      expect(alert.querySelector('button')!.textContent).to.contain('Try again');
      document.removeEventListener('kin-error', listener);
      expect(errors).to.include('load');
      await expect(el).to.be.accessible();
    });
  });

  describe('crisis help', () => {
    it('is one interaction away, with the Welsh contacts for a community in Wales', async () => {
      const store = await openStore(seed(nextCommunityId()), null);
      const el = await render(store);
      await ready(el);
      // One <kin-crisis-help> renders the contacts for every element: the thread reuses it.
      const help = crisisHelp(el)!;
      await help.updateComplete;
      const toggle = help.shadowRoot!.querySelector<HTMLButtonElement>('button[part="toggle"]')!;
      expect(toggle.textContent!.trim()).to.equal('Need help now?');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const panel = help.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!;
      expect(getComputedStyle(panel).display, 'collapsed: the contacts are not on screen').to.equal('none');
      await expect(el).to.be.accessible();
      toggle.click();
      await help.updateComplete;
      expect(panel.hidden).to.equal(false);
      expect(getComputedStyle(panel).display).not.to.equal('none');
      expect(help.shadowRoot!.activeElement, 'focus moves to the contacts').to.equal(panel);
      expect(help.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level'), 'one below the thread heading').to.equal('3');
      await eventually(() => crisisLinks(help).includes('tel:0800132737'), 'the Welsh helplines (C.A.L.L.) of a community in Wales');
      expect(crisisLinks(help)).to.include.members(['tel:999', 'tel:111', 'tel:116123', 'tel:08081640123', 'sms:85258', 'tel:0800132737']);
      await expect(el).to.be.accessible();
    });
  });

  describe('lifecycle', () => {
    it('ends its subscriptions when removed', async () => {
      const store = await openStore(seed(nextCommunityId(), conversation()), 'alice');
      let open = 0;
      const counting = new Proxy(store, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof prop === 'string' && prop.startsWith('watch') && typeof value === 'function') {
            return (...args: unknown[]) => {
              const unsub = (value as (...a: unknown[]) => () => void).apply(target, args);
              open++;
              return () => {
                open--;
                unsub();
              };
            };
          }
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const el = await fixture<KinDiscussionThread>(html`<kin-discussion-thread thread-key="walk-2026" .store=${counting}></kin-discussion-thread>`);
      await ready(el);
      expect(open).to.be.greaterThan(1);
      el.remove();
      expect(open).to.equal(0);
    });
  });
});
