import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/notifications/kin-notifications.js';
import '../../src/components/community/kin-community.js';
import type {KinNotifications} from '../../src/components/notifications/notifications.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {TID, alice, disposeStores, member, nextCommunityId, openStore, post, seed} from './discussion-thread.fixture.js';
import {$, $$} from '../support/dom.js';

const dan = member('dan', 'Dan', {badges: ['admin']});

/** Alice's post p1 in the page thread; Bob moderates; Dan is an admin. */
function world(id = nextCommunityId()): SeedFixture {
  const base = seed(id, [post('p1', alice, {body: 'My peak flow dropped again today'})]);
  return {
    ...base,
    members: [...base.members!, dan],
    roles: [...base.roles!, {uid: 'dan', roles: ['admin'], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: 'seed', updatedAt: 0}],
  };
}

const extra: LocalStore[] = [];
async function storeWithout(fixture: SeedFixture, uid: string) {
  const s = await LocalStore.open({communityId: fixture.community.id, seed: fixture, persistence: 'memory', user: {uid, anonymous: false}, notifications: false});
  extra.push(s);
  return s;
}

async function render(store: CommunityStore | null, {lang = 'en', threadHref = '/talk?thread={thread}#post-{post}', queueHref = '/moderate'} = {}) {
  const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang=${lang}>
    <kin-notifications thread-href=${threadHref} queue-href=${queueHref}></kin-notifications></kin-community>`);
  const el = root.querySelector('kin-notifications') as KinNotifications;
  await el.updateComplete;
  return el;
}
const bell = (el: HTMLElement) => $(el, 'button[part="bell"]') as HTMLButtonElement;
async function openPanel(el: KinNotifications) {
  bell(el).click();
  await el.updateComplete;
  await waitUntil(() => !$(el, '[aria-busy="true"]'), 'panel loaded', {timeout: 5000});
}
const texts = (el: HTMLElement) => $$(el, 'li[part="item"] .text').map((t) => t.textContent!.trim());

describe('<kin-notifications>', () => {
  afterEach(async () => {
    await disposeStores();
    await Promise.all(extra.splice(0).map((s) => s.dispose()));
  });

  describe('when signed out', () => {
    it('shows a bell without a count and asks the visitor to sign in', async () => {
      const el = await render(await openStore(world(), null));
      expect(bell(el).getAttribute('aria-label')).to.equal('Notifications');
      expect($(el, '[part="count"]')).to.equal(null);
      await openPanel(el);
      expect($(el, '.notice')!.textContent).to.contain('Sign in and join');
      await expect(el).to.be.accessible();
    });
  });

  describe('when loading fails', () => {
    it('shows an error with a retry and fires kin-error', async () => {
      const store = await openStore(world(), 'alice');
      await store.dispose();
      const errored = new Promise<Event>((resolve) => document.addEventListener('kin-error', resolve, {once: true}));
      const el = await render(store);
      await openPanel(el).catch(() => undefined);
      await waitUntil(() => $(el, '[role="alert"]'), 'error state');
      expect(((await errored) as unknown as {code: string}).code).to.equal('unavailable');
      await expect(el).to.be.accessible();
    });
  });

  describe('when there is nothing yet', () => {
    it('says so (or shows the host’s empty slot)', async () => {
      const el = await render(await openStore(world(), 'alice'));
      await openPanel(el);
      expect($(el, '.empty')!.textContent).to.contain('No notifications yet');
      expect($(el, '.off')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when someone replies', () => {
    it('the bell counts 1 live; the panel says who was told what (no post text) and links to the reply', async () => {
      const w = world();
      const el = await render(await openStore(w, 'alice'));
      const b = await openStore(w, 'cara');
      await b.createPost({id: 'r1', threadId: TID, body: 'Try a spacer, it helped me', parentId: 'p1'});
      await waitUntil(() => $(el, '[part="count"]')?.textContent === '1', 'count 1', {timeout: 5000});
      expect(bell(el).getAttribute('aria-label')).to.equal('Notifications, 1 unread');
      await openPanel(el);
      expect(texts(el)).to.deep.equal(['Someone replied to your post']);
      expect(el.shadowRoot!.textContent).not.to.contain('spacer');
      const link = $(el, 'a.open') as HTMLAnchorElement;
      expect(link.href).to.equal(new URL(`/talk?thread=${TID}#post-r1`, location.href).href);
      await expect(el).to.be.accessible();
      // Opening: the event carries the ids; the host keeps the page (preventDefault); it is marked read.
      const opened = new Promise<Event>((r) => el.addEventListener('kin-notification-open', (e) => { e.preventDefault(); r(e); }, {once: true}));
      link.click();
      const e = (await opened) as unknown as {postId: string; threadId: string; href: string};
      expect([e.threadId, e.postId, e.href]).to.deep.equal([TID, 'r1', link.href]);
      await waitUntil(() => !$(el, '[part="count"]'), 'read', {timeout: 5000});
      expect(location.hash).not.to.equal('#post-r1');
    });

    it('reactions gather into one line; mark all read; Escape closes and returns focus to the bell', async () => {
      const w = world();
      const el = await render(await openStore(w, 'alice'));
      await (await openStore(w, 'cara')).setReaction(TID, 'p1', 'hug', true);
      await (await openStore(w, 'bob')).setReaction(TID, 'p1', 'hug', true);
      await (await openStore(w, 'bob')).createPost({id: 'r2', threadId: TID, body: 'Me too', parentId: 'p1'});
      await waitUntil(() => $(el, '[part="count"]')?.textContent === '2', 'two unread', {timeout: 5000});
      bell(el).focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      await waitUntil(() => texts(el).length === 2, 'two items', {timeout: 5000});
      expect(texts(el)).to.include('2 people sent a hug to your post');
      ($(el, '.mark-all') as HTMLButtonElement).click();
      await waitUntil(() => !$(el, '[part="count"]'), 'all read', {timeout: 5000});
      expect($(el, '[role="status"]')!.textContent).to.contain('All notifications marked as read');
      await sendKeys({press: 'Escape'});
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(bell(el));
    });

    it('a moderator’s items link to the queue; a hidden post tells its author the reason', async () => {
      const w = world();
      const modEl = await render(await openStore(w, 'bob'));
      const alicesStore = await openStore(w, 'alice');
      await alicesStore.report({target: {kind: 'post', threadId: TID, postId: 'p1'}, reason: 'spam'});
      await waitUntil(() => $(modEl, '[part="count"]'), 'moderator told', {timeout: 5000});
      await openPanel(modEl);
      expect(texts(modEl)).to.deep.equal(['New report to review']);
      expect(($(modEl, 'a.open') as HTMLAnchorElement).href).to.equal(new URL('/moderate', location.href).href);
      await (await openStore(w, 'bob')).moderate('hide', {kind: 'post', threadId: TID, postId: 'p1'}, 'Shares a phone number');
      const el = await render(alicesStore);
      await openPanel(el);
      await waitUntil(() => texts(el).includes('A moderator hid your post'), 'hidden told', {timeout: 5000});
      expect($(el, '.reason')!.textContent).to.equal('Reason: Shares a phone number');
      await expect(el).to.be.accessible();
    });
  });

  describe('when notifications are not switched on', () => {
    it('tells an admin, and only an admin; nothing else breaks', async () => {
      const w = world();
      const admin = await render(await storeWithout(w, 'dan'));
      await openPanel(admin);
      expect($(admin, '.off')!.textContent).to.contain('not switched on');
      await expect(admin).to.be.accessible();
      const memberEl = await render(await storeWithout(w, 'alice'));
      await openPanel(memberEl);
      expect($(memberEl, '.off')).to.equal(null);
      expect($(memberEl, '.empty')).to.not.equal(null);
    });
  });

  describe('in Welsh', () => {
    it('speaks Welsh on the bell and in the panel', async () => {
      const w = world();
      const el = await render(await openStore(w, 'alice'), {lang: 'cy'});
      await (await openStore(w, 'cara')).createPost({id: 'r1', threadId: TID, body: 'Helo', parentId: 'p1'});
      await waitUntil(() => $(el, '[part="count"]'), 'count', {timeout: 5000});
      expect(bell(el).getAttribute('aria-label')).to.equal('Hysbysiadau, 1 heb eu darllen');
      await openPanel(el);
      expect(texts(el)).to.deep.equal(['Mae rhywun wedi ateb eich neges']);
      await expect(el).to.be.accessible();
    });
  });

  it('never links anywhere but https or this site', async () => {
    const w = world();
    const el = await render(await openStore(w, 'alice'), {threadHref: 'javascript:alert(1)//{post}'});
    await (await openStore(w, 'cara')).createPost({id: 'r1', threadId: TID, body: 'Hi', parentId: 'p1'});
    await waitUntil(() => $(el, '[part="count"]'), 'count', {timeout: 5000});
    await openPanel(el);
    expect($(el, 'a.open')).to.equal(null);
    expect($(el, 'button.open')).to.not.equal(null);
  });
});
