// Issue 18: crisis wording reaches a person, and no one else. Starts where each user starts: a member
// types into the thread's composer; a moderator opens <kin-moderation-queue>. LocalStore, real elements.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import '../../src/components/community/kin-community.js';
import type {KinModerationQueue} from '../../src/components/moderation-queue/moderation-queue.js';
import type {CommunityStore} from '../../src/data/store.js';
import {
  $, TID, articleFor, bob, disposeStores, eventually, nextCommunityId, once, openStore, post, ready, render, seed, type,
} from './discussion-thread.fixture.js';
import {button} from '../support/dom.js';

const CRISIS = 'I’ve been stockpiling my tablets and I can’t see a way out';
const composer = (el: HTMLElement) => $(el, 'textarea#compose') as HTMLTextAreaElement;
const submitButton = (el: HTMLElement) => $(el, 'form.composer [part="submit"]') as HTMLButtonElement;
const q$ = (el: HTMLElement, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);

async function queue(store: CommunityStore, lang = 'en') {
  const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang=${lang}><kin-moderation-queue heading-level="2"></kin-moderation-queue></kin-community>`);
  const el = root.querySelector('kin-moderation-queue') as KinModerationQueue;
  await waitUntil(() => !q$(el, '[aria-busy="true"]'), 'queue loaded', {timeout: 5000});
  return el;
}

async function postFromComposer(store: CommunityStore, lang = 'en') {
  const el = await render(store, {lang});
  await ready(el);
  type(composer(el), CRISIS);
  const created = once(el, 'kin-post-created');
  submitButton(el).click();
  return {el, ev: await created};
}

describe('crisis wording (issue 18)', () => {
  afterEach(disposeStores);

  describe('when the community routes crisis wording to moderators first', () => {
    for (const [lang, kind, nobody] of [
      ['en', 'A person from our moderation team will read your post', 'You are not in trouble'],
      ['cy', 'Bydd person o’n tîm cymedroli yn darllen eich neges', 'Dydych chi ddim mewn trwbl'],
    ] as const) {
      it(`holds the post and tells its author kindly that a person will read it (${lang})`, async () => {
        const fx = seed(nextCommunityId(), [post('p1', bob)]);
        fx.community.settings.crisisReview = true;
        const store = await openStore(fx, 'alice');
        const {el, ev} = await postFromComposer(store, lang);
        expect(ev.status).to.equal('held');
        await el.updateComplete;
        const held = articleFor(el, ev.postId)!.querySelector('.held')!.textContent!;
        expect(held).to.contain(kind);
        expect(held).to.contain(nobody);
        await expect(el).to.be.accessible();
        // Another member does not see the post at all.
        const other = await render(await openStore(fx, 'cara'));
        await ready(other);
        expect(articleFor(other, ev.postId)).to.equal(null);
        expect(other.shadowRoot!.textContent).not.to.contain('stockpiling');
      });
    }

    it('shows the moderator the held post with the kinds of crisis wording, and approving publishes it', async () => {
      const fx = seed(nextCommunityId(), [post('p1', bob)]);
      fx.community.settings.crisisReview = true;
      const {ev} = await postFromComposer(await openStore(fx, 'alice'));
      const el = await queue(await openStore(fx, 'bob'));
      await waitUntil(() => q$(el, `li[data-item="held:${TID}/${ev.postId}"]`), 'held item');
      const item = q$(el, `li[data-item="held:${TID}/${ev.postId}"]`)!;
      expect(item.querySelector('[id^="h-"]')!.textContent).to.contain('Crisis wording: a person reads it first');
      expect(item.querySelector('[part="crisis"]')!.textContent).to.contain('a plan or means, hopelessness');
      await expect(el).to.be.accessible();
      button(item, 'Approve')!.click();
      await eventually(() => !q$(el, `li[data-item="held:${TID}/${ev.postId}"]`), 'item leaves the queue');
    });
  });

  describe('when posts are published at once', () => {
    it('publishes the post, flags it in the queue only, and the moderator marks it read (logged)', async () => {
      const fx = seed(nextCommunityId(), [post('p1', bob)]);
      const {ev} = await postFromComposer(await openStore(fx, 'alice'));
      expect(ev.status).to.equal('visible');
      // Another member sees the post, and nothing about crisis wording.
      const other = await render(await openStore(fx, 'cara'));
      await ready(other);
      await eventually(() => articleFor(other, ev.postId), 'the post for others');
      expect(other.shadowRoot!.textContent).not.to.match(/crisis wording|Crisis wording/);
      // The moderator's queue, in Welsh.
      const el = await queue(await openStore(fx, 'bob'), 'cy');
      const id = `crisis:${TID}/${ev.postId}`;
      await waitUntil(() => q$(el, `li[data-item="${id}"]`), 'crisis item');
      const item = q$(el, `li[data-item="${id}"]`)!;
      expect(item.querySelector('[id^="h-"]')!.textContent).to.contain('Geiriau argyfwng mewn neges gyhoeddedig');
      expect(item.querySelector('[part="crisis"]')!.textContent).to.contain('cynllun neu fodd');
      await expect(el).to.be.accessible();
      button(item, 'Marcio fel wedi’i darllen')!.click();
      await eventually(() => !q$(el, `li[data-item="${id}"]`), 'item leaves the queue');
      await eventually(() => el.shadowRoot!.querySelector('.log')!.textContent!.includes('Darllenodd faner argyfwng'), 'logged');
    });
  });
});
