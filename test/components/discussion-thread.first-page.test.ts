// Issue 16: a new feed's first page renders in two tasks: the posts that fill the viewport first, the rest in
// the next task, so the first posts do not wait for Lit to build all 20 templates in one long task. Until the
// rest are there the feed says it is busy, keeps the loading reserve and shows no footer (nothing below it
// is pushed down twice); then every post is there, in order, with the footer.
import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {$, $$, KEY, T0, alice, bob, disposeStores, eventually, nextCommunityId, openStore, post, seed} from './discussion-thread.fixture.js';

describe('<kin-discussion-thread> first page in two tasks (issue 16)', () => {
  afterEach(disposeStores);
  afterEach(() => setViewport({width: 800, height: 600}));

  it('shows the first posts at once, then the rest in order, with the reserve kept and the footer after', async () => {
    await setViewport({width: 412, height: 823});
    const posts = Array.from({length: 20}, (_, i) => post(`p${String(i).padStart(2, '0')}`, i % 2 ? alice : bob, {createdAt: T0 + i * 60000}));
    const store = await openStore(seed(nextCommunityId(), posts), null);
    // What the first update that shows posts put on screen (a MutationObserver runs before the next task).
    const seen: {ids: string[]; busy: string | null; partial: boolean; footer: boolean; height: number}[] = [];
    let observer: MutationObserver | null = null;
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"></kin-community>`);
    const el = document.createElement('kin-discussion-thread') as KinDiscussionThread;
    el.setAttribute('thread-key', KEY);
    root.append(el);
    await el.updateComplete;
    observer = new MutationObserver(() => {
      const ids = $$(el, 'article').map((a) => a.dataset.postId!);
      if (!ids.length || seen.length) return;
      const feed = $(el, '[part="feed"]') as HTMLElement;
      seen.push({ids, busy: feed.getAttribute('aria-busy'), partial: feed.classList.contains('partial'), footer: !!$(el, '[part="join"]'), height: feed.getBoundingClientRect().height});
    });
    observer.observe(el.shadowRoot!, {childList: true, subtree: true});
    await eventually(() => $$(el, 'article').length === 20 && $(el, '[part="join"]'), 'all 20 posts and the footer');
    observer.disconnect();

    expect(seen, 'posts were seen arriving').to.have.length(1);
    const first = seen[0];
    expect(first.ids.length, 'the first task renders only the first posts').to.be.within(3, 19);
    expect(first.ids, 'oldest first, in order').to.deep.equal(posts.slice(0, first.ids.length).map((p) => p.id));
    expect(first.busy, 'the feed is busy until the rest arrive').to.equal('true');
    expect(first.partial && first.height, 'the loading reserve is kept (40rem)').to.be.at.least(640);
    expect(first.footer, 'no footer yet').to.equal(false);

    expect($$(el, 'article').map((a) => a.dataset.postId), 'then every post, in order').to.deep.equal(posts.map((p) => p.id));
    expect($(el, '[part="feed"]')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('a link to one post renders the whole first page in one go (the post is scrolled to at once)', async () => {
    const posts = Array.from({length: 20}, (_, i) => post(`q${String(i).padStart(2, '0')}`, alice, {createdAt: T0 + i * 60000}));
    const store = await openStore(seed(nextCommunityId(), posts), null);
    history.replaceState(null, '', '#post-q18');
    try {
      const seen: number[] = [];
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"></kin-community>`);
      const el = document.createElement('kin-discussion-thread') as KinDiscussionThread;
      el.setAttribute('thread-key', KEY);
      root.append(el);
      await el.updateComplete;
      const observer = new MutationObserver(() => {
        const n = $$(el, 'article').length;
        if (n && !seen.length) seen.push(n);
      });
      observer.observe(el.shadowRoot!, {childList: true, subtree: true});
      await eventually(() => el.shadowRoot!.activeElement?.getAttribute('data-post-id') === 'q18', 'the linked post focused');
      observer.disconnect();
      expect(seen[0], 'all 20 posts in the first update').to.equal(20);
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });
});
