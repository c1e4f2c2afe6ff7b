// Issue 18 in <kin-discussion-thread>: content warnings and per-post audience, where each user starts.
// A visitor reads a public thread (warned posts folded, members-only posts absent but counted); a member
// chooses a warning and "members only" in the real composer; a member's choices per topic fold, hide or
// open warned posts; a moderator adds a warning (logged). LocalStore, real elements, en and cy, axe.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CommunityStore} from '../../src/data/store.js';
import type {ModLogEntry} from '../../src/data/types.js';
import {
  $, $$, TID, alice, articleFor, bob, cara, disposeStores, eventually, nextCommunityId, once, openStore, post, ready, render, seed, type,
} from './discussion-thread.fixture.js';
import {button, text} from '../support/dom.js';


function world() {
  const fx = seed(nextCommunityId(), [
    post('p1', alice, {body: 'A walk by the sea helped today', createdAt: Date.now() - 50 * 60000}),
    post('p2', cara, {body: 'Members-only thoughts on the clinic', audience: 'members', createdAt: Date.now() - 40 * 60000}),
    post('p3', alice, {body: 'The anniversary of losing my dad', warning: {topic: 'bereavement', label: null}, createdAt: Date.now() - 30 * 60000}),
  ]);
  fx.privates = [alice, bob, cara].map((m) => ({uid: m.uid, guidelines: {version: 'g1', at: 0}, healthConsent: null, fieldVisibility: {}}));
  return fx;
}

describe('<kin-discussion-thread> content warnings and audience (issue 18)', () => {
  afterEach(disposeStores);

  describe('when a visitor reads', () => {
    for (const [lang, notice, warning, show, hide] of [
      ['en', '1 post is shared with members only. Join to read it.', 'Content warning: Bereavement', 'Show post', 'Hide post again'],
      ['cy', 'Mae 1 neges wedi’i rhannu ag aelodau yn unig. Ymunwch i’w darllen.', 'Rhybudd cynnwys: Profedigaeth', 'Dangos y neges', 'Cuddio’r neges eto'],
    ] as const) {
      it(`folds warned posts, never shows members-only ones, and says how many there are (${lang})`, async () => {
        const el = await render(await openStore(world(), null), {lang});
        await ready(el);
        await eventually(() => $(el, '[part="members-only-notice"]'), 'the members-only notice');
        expect(text($(el, '[part="members-only-notice"] p'))).to.equal(notice);
        expect(articleFor(el, 'p2'), 'the members-only post').to.equal(null);
        expect(el.shadowRoot!.textContent).not.to.contain('Members-only thoughts');
        expect(el.shadowRoot!.textContent).not.to.contain('Cara');
        const p3 = articleFor(el, 'p3')!;
        expect(text(p3.querySelector('.warning-label'))).to.equal(warning);
        expect(p3.querySelector('[part="post-body"]'), 'folded').to.equal(null);
        await expect(el).to.be.accessible();
        // Keyboard: the fold opens with Enter and reads as expanded.
        const toggle = button(p3, show)!;
        toggle.focus();
        await sendKeys({press: 'Enter'});
        await el.updateComplete;
        expect(text(articleFor(el, 'p3')!.querySelector('[part="post-body"]'))).to.contain('losing my dad');
        expect(button(articleFor(el, 'p3')!, hide)!.getAttribute('aria-expanded')).to.equal('true');
        await expect(el).to.be.accessible();
        // The join button asks the host to join.
        const join = once(el, 'kin-join-request');
        button($(el, '[part="members-only-notice"]')!, lang === 'en' ? 'Join' : 'Ymuno')!.click();
        expect((await join).reason).to.equal('read');
      });
    }
  });

  describe('when a member writes', () => {
    it('chooses a custom warning and "members only" in the composer; visitors are told, members see it', async () => {
      const fx = world();
      const store = await openStore(fx, 'alice');
      const el = await render(store);
      await ready(el);
      type($(el, 'textarea#compose') as HTMLTextAreaElement, 'My injections this week');
      const select = $(el, 'select#compose-warning') as HTMLSelectElement;
      select.value = 'custom';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      // An empty custom warning is refused with a clear message; nothing is written.
      ($(el, 'form.composer [part="submit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(text($(el, '#compose-warning-hint'))).to.contain('Write the warning in a few words');
      expect($(el, '#compose-warning-label')!.getAttribute('aria-invalid')).to.equal('true');
      type($(el, '#compose-warning-label') as HTMLInputElement, 'Needles');
      const members = $$(el, 'input[name="compose-audience"]').find((r) => (r as HTMLInputElement).value === 'members') as HTMLInputElement;
      members.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const created = once(el, 'kin-post-created');
      ($(el, 'form.composer [part="submit"]') as HTMLButtonElement).click();
      const {postId} = await created;
      await eventually(() => articleFor(el, postId), 'the new post');
      const mine = articleFor(el, postId)!;
      expect(text(mine.querySelector('.warning-label'))).to.equal('Content warning: Needles');
      expect(text(mine.querySelector('.badge.audience'))).to.equal('Members only');
      expect(text(mine.querySelector('[part="post-body"]')), 'the author sees their own post open').to.contain('injections');
      // A visitor of the same community is now told of two members-only posts, and never reads this one.
      const visitor: CommunityStore = await openStore(fx, null);
      const count = await new Promise<number>((resolve, reject) => {
        const stop = visitor.watchMembersOnlyCount(TID, (n) => n === 2 && (stop(), resolve(n)), reject);
      });
      expect(count).to.equal(2);
      const theirs = await new Promise<string[]>((resolve, reject) => visitor.watchPosts(TID, {limit: 20}, (p) => resolve(p.map((x) => x.id)), reject));
      expect(theirs).not.to.include(postId);
    });
  });

  describe('when a member has chosen per topic', () => {
    for (const [choice, expectation] of [['hide', 'not shown at all'], ['show', 'shown open']] as const) {
      it(`a bereavement warning is ${expectation} for a member who chose "${choice}"`, async () => {
        const fx = world();
        fx.privates = fx.privates!.map((p) => (p.uid === 'cara' ? {...p, warnings: {bereavement: choice}} : p));
        const el = await render(await openStore(fx, 'cara'));
        await ready(el);
        await eventually(() => articleFor(el, 'p1'), 'the thread');
        await el.updateComplete;
        if (choice === 'hide') {
          await eventually(() => !articleFor(el, 'p3'), 'the warned post hidden');
        } else {
          await eventually(() => articleFor(el, 'p3')?.querySelector('[part="post-body"]'), 'the warned post open');
          expect(button(articleFor(el, 'p3')!, 'Hide post again')).not.to.equal(null);
        }
        // A member sees the members-only post, and no visitors' notice.
        expect(articleFor(el, 'p2')).not.to.equal(null);
        expect($(el, '[part="members-only-notice"]')).to.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('when a moderator reads', () => {
    it('adds a content warning to a member’s post, and it is logged', async () => {
      const fx = world();
      const store = await openStore(fx, 'bob');
      const el = await render(store);
      await ready(el);
      await eventually(() => articleFor(el, 'p1'), 'the thread');
      button(articleFor(el, 'p1')!, 'Content warning')!.click();
      await el.updateComplete;
      const select = articleFor(el, 'p1')!.querySelector('select') as HTMLSelectElement;
      select.value = 'graphic-medical';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await expect(el).to.be.accessible();
      button(articleFor(el, 'p1')!, 'Save warning')!.click();
      await eventually(() => text(articleFor(el, 'p1')?.querySelector('.warning-label') ?? null) === 'Content warning: Graphic medical detail', 'the warning shown');
      const log = await new Promise<ModLogEntry[]>((resolve, reject) => store.watchModLog({limit: 5}, resolve, reject));
      expect(log[0]).to.include({action: 'set-warning', targetPath: `threads/${TID}/posts/p1`, reason: 'graphic-medical'});
    });
  });
});
