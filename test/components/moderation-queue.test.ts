import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import '../../src/components/community/kin-community.js';
import type {KinModerationQueue} from '../../src/components/moderation-queue/moderation-queue.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {Post, Report} from '../../src/data/types.js';
import {nextEvent} from '../support/events.js';
import {Live} from '../data/store.contract.js';
import {T0, TID, alice, bob, cara, disposeStores, nextCommunityId, openStore, post, seed, type} from './discussion-thread.fixture.js';
import {$, $$, button} from '../support/dom.js';

const items = (el: HTMLElement) => $$(el, 'li[part="item"]').map((li) => li.dataset.item);

/** Alice's reported reply to Cara, and Alice's held post. */
function world(id = nextCommunityId()): SeedFixture {
  const report: Report = {id: 'r1', target: {kind: 'post', threadId: TID, postId: 'p2'}, reason: 'abuse', details: 'Unkind to a new member', reporterId: 'cara', createdAt: T0 + 60_000, status: 'open'};
  return {
    ...seed(id, [
      post('p1', cara, {body: 'First time here. Any tips?', createdAt: T0}),
      post('p2', alice, {body: 'Stop whining', parentId: 'p1', createdAt: T0 + 1000}),
      post('p3', alice, {body: 'Held for review', status: 'held', statusReason: 'contact-details', createdAt: T0 + 120_000}),
    ]),
    reports: [report],
  };
}

async function render(store: CommunityStore | null, lang = 'en', attrs = '') {
  const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang=${lang}><kin-moderation-queue heading-level="2" data-attrs=${attrs}></kin-moderation-queue></kin-community>`);
  const el = root.querySelector('kin-moderation-queue') as KinModerationQueue;
  await el.updateComplete;
  return el;
}
const loaded = (el: KinModerationQueue) => waitUntil(() => !$(el, '[aria-busy="true"]'), 'queue loaded', {timeout: 5000});

describe('<kin-moderation-queue>', () => {
  afterEach(disposeStores);

  describe('when signed out', () => {
    it('asks a moderator to sign in, and reads nothing', async () => {
      const el = await render(await openStore(world(), null));
      expect($(el, '.notice')!.textContent).to.contain('Sign in as a moderator');
      expect(el.count).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the user is not a moderator', () => {
    it('says the queue is for moderators, showing nothing of the reports', async () => {
      const el = await render(await openStore(world(), 'alice'));
      await waitUntil(() => $(el, '.notice')?.textContent?.includes('Only moderators'), 'not-moderator notice');
      expect(el.shadowRoot!.textContent).to.not.contain('Stop whining');
      await expect(el).to.be.accessible();
    });
  });

  describe('when loading fails', () => {
    it('shows an error with a retry and fires kin-error', async () => {
      const store = await openStore(world(), 'bob');
      await store.dispose();
      const errored = new Promise<Event>((resolve) => document.addEventListener('kin-error', resolve, {once: true}));
      const el = await render(store);
      await waitUntil(() => $(el, '[role="alert"]'), 'error state');
      expect(((await errored) as unknown as {code: string}).code).to.equal('unavailable');
      expect(button(el.shadowRoot!, 'Try again')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when there is nothing to review', () => {
    it('says so, with an empty log', async () => {
      const el = await render(await openStore(seed(nextCommunityId(), [post('p1', cara)]), 'bob'));
      await loaded(el);
      expect($(el, '.count')!.textContent).to.equal('0 items to review');
      expect(el.shadowRoot!.textContent).to.contain('Nothing to review');
      expect(el.shadowRoot!.textContent).to.contain('No actions yet.');
      await expect(el).to.be.accessible();
    });
  });

  describe('when ready', () => {
    it('lists reports and held posts with the content in context, newest first, and the moderator can reorder', async () => {
      const el = await render(await openStore(world(), 'bob'));
      await loaded(el);
      expect($(el, '[part="count"]')!.textContent).to.equal('2 items to review');
      expect(items(el)).to.deep.equal([`held:${TID}/p3`, 'report:r1']);
      const report = $(el, '[data-item="report:r1"]')!;
      expect(report.querySelector('[role="heading"]')!.textContent).to.equal('Report: Abusive or unkind');
      expect(report.textContent).to.contain('Unkind to a new member');
      expect(report.querySelector('.context')!.textContent).to.contain('First time here. Any tips?');
      expect(report.querySelector('[part="post"]')!.textContent).to.contain('Stop whining');
      expect(report.querySelector('[part="post"]')!.textContent).to.contain('By Alice Hughes');
      expect($(el, `[data-item="held:${TID}/p3"] [role="heading"]`)!.textContent).to.equal('Held post: Contains an email address or phone number');
      await expect(el).to.be.accessible();
      const select = $(el, 'select') as HTMLSelectElement;
      select.value = 'oldest';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => items(el)[0] === 'report:r1', 'oldest first');
      expect(el.order).to.equal('oldest');
    });

    it('shows a page at a time (page-size), and "Show more" adds a page and moves focus to the first new item (issue 17)', async () => {
      const root = await fixture<HTMLElement>(html`<kin-community .store=${await openStore(world(), 'bob')} lang="en">
        <kin-moderation-queue page-size="1"></kin-moderation-queue></kin-community>`);
      const el = root.querySelector('kin-moderation-queue') as KinModerationQueue;
      await loaded(el);
      expect(items(el)).to.deep.equal([`held:${TID}/p3`]);
      expect($(el, '[part="count"]')!.textContent).to.equal('1 item shown; there may be more');
      await expect(el).to.be.accessible();
      $(el, '[part="more"]')!.click();
      await waitUntil(() => items(el).length === 2, 'the second page', {timeout: 10000});
      expect(items(el)).to.deep.equal([`held:${TID}/p3`, 'report:r1']);
      await waitUntil(() => el.shadowRoot!.activeElement?.closest('[data-item]')?.getAttribute('data-item') === 'report:r1', 'focus on the first new item');
      // A full page may have more after it: the button stays until a page comes back short.
      $(el, '[part="more"]')!.click();
      await waitUntil(() => !$(el, '[part="more"]'), 'no more pages', {timeout: 10000});
      expect(items(el)).to.have.length(2);
      expect($(el, '[part="count"]')!.textContent).to.equal('2 items to review');
      expect($(el, 'p.visually-hidden[role="status"]')!.textContent).to.contain('No more items to review.');
      await expect(el).to.be.accessible();
    });

    it('hides a post with a reason, from the keyboard: the reason is required, members see the placeholder, the log records it', async () => {
      const fixtureSeed = world();
      const moderator = await openStore(fixtureSeed, 'bob');
      const member = await openStore(fixtureSeed, 'cara');
      const el = await render(moderator);
      await loaded(el);
      const item = $(el, '[data-item="report:r1"]')!;
      button(item, 'Hide…')!.focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'TEXTAREA', 'focus moves to the reason');
      await sendKeys({press: 'Tab'});
      await sendKeys({press: 'Enter'});
      await waitUntil(() => item.querySelector('.error'), 'reason required');
      expect(item.querySelector('.error')!.textContent).to.contain('Give a reason');
      await expect(el).to.be.accessible();
      type(item.querySelector('textarea')!, 'Please be kind to newcomers');
      const done = nextEvent(el, 'kin-moderated');
      button(item, 'Hide post')!.click();
      const event = await done;
      expect(event.action).to.equal('hide');
      expect(event.targetPath).to.equal(`threads/${TID}/posts/p2`);
      await waitUntil(() => items(el).length === 1, 'the report leaves the queue');
      expect($(el, '[part="count"]')!.textContent).to.equal('1 item to review');
      await waitUntil(() => $(el, '[part="log"] li')?.textContent?.includes('Please be kind to newcomers'), 'logged');
      const posts = new Live<Post[]>((next, error) => member.watchPosts(TID, {limit: 10}, next, error));
      const seen = await posts.until((l) => l.some((p) => p.id === 'p2'), 'posts');
      posts.stop();
      expect(seen.find((p) => p.id === 'p2')).to.include({status: 'hidden', body: '', statusReason: 'Please be kind to newcomers'});
      await expect(el).to.be.accessible();
    });

    it('writes nothing when kin-moderate is cancelled', async () => {
      const fixtureSeed = world();
      const moderator = await openStore(fixtureSeed, 'bob');
      const el = await render(moderator);
      await loaded(el);
      el.addEventListener('kin-moderate', (e) => e.preventDefault(), {once: true});
      const asked = nextEvent(el, 'kin-moderate');
      button($(el, `[data-item="held:${TID}/p3"]`)!, 'Approve')!.click();
      expect((await asked).action).to.equal('approve');
      await el.updateComplete;
      expect(items(el)).to.have.length(2);
      const thread = await moderator.getThread(TID);
      expect(thread?.postCount, 'nothing approved').to.equal(2);
    });

    it('approves a held post, then dismisses the report; the log can lift a suspension', async () => {
      const fixtureSeed = world();
      const moderator = await openStore(fixtureSeed, 'bob');
      const el = await render(moderator);
      await loaded(el);
      button($(el, `[data-item="held:${TID}/p3"]`)!, 'Approve')!.click();
      await waitUntil(() => items(el).join() === 'report:r1', 'approved');
      const report = $(el, '[data-item="report:r1"]')!;
      button(report, 'Suspend author…')!.click();
      await el.updateComplete;
      const days = report.querySelector('select') as HTMLSelectElement;
      expect(el.shadowRoot!.activeElement).to.equal(days);
      days.value = '1';
      days.dispatchEvent(new Event('change'));
      type(report.querySelector('textarea')!, 'Repeated unkindness');
      await el.updateComplete;
      button(report, 'Suspend')!.click();
      await waitUntil(() => items(el).length === 0, 'the report was actioned with the suspension');
      const roles = await moderator.getRoles('alice');
      expect(roles!.suspendedUntil! - Date.now()).to.be.within(23 * 3600_000, 25 * 3600_000);
      await waitUntil(() => button($(el, '[part="log"]')!, 'Lift suspension'), 'log entry with lift');
      button($(el, '[part="log"]')!, 'Lift suspension')!.click();
      await waitUntil(async () => (await moderator.getRoles('alice'))?.suspendedUntil === null, 'lifted');
      await waitUntil(() => $$(el, '[part="log"] li').length === 3, 'approve, suspend and lift logged');
    });

    it('speaks Welsh', async () => {
      const el = await render(await openStore(world(), 'bob'), 'cy');
      await loaded(el);
      expect($(el, '[part="heading"]')!.textContent).to.equal('Ciw cymedroli');
      expect($(el, '[part="count"]')!.textContent).to.equal('2 eitem i’w hadolygu');
      expect(button(el.shadowRoot!, 'Cymeradwyo')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when offline', () => {
    it('keeps the queue readable but disables actions until the connection returns', async () => {
      const el = await render(await openStore(world(), 'bob'));
      await loaded(el);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('You are offline');
      expect($$(el, '[part="actions"] button').every((b) => (b as HTMLButtonElement).disabled)).to.equal(true);
      await expect(el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect($$(el, '[part="actions"] button').some((b) => (b as HTMLButtonElement).disabled)).to.equal(false);
    });
  });

  describe('lifecycle', () => {
    it('stops listening when removed', async () => {
      const fixtureSeed = world();
      const moderator = await openStore(fixtureSeed, 'bob');
      const el = await render(moderator);
      await loaded(el);
      el.remove();
      await moderator.moderate('dismiss-report', {kind: 'report', reportId: 'r1'}, '');
      await new Promise((r) => setTimeout(r, 50));
      expect(items(el), 'no update after removal').to.have.length(2);
      void alice;
      void bob;
    });
  });
});
