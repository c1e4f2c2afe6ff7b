import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/components/member-directory/kin-member-directory.js';
import type {KinMemberDirectory} from '../../src/components/member-directory/member-directory.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {KindredError} from '../../src/data/errors.js';
import type {CommunityStore} from '../../src/data/store.js';
import {nextEvent} from '../support/events.js';
import {DAY, T0, member, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {$, $$} from '../support/dom.js';

const people = Array.from({length: 25}, (_, i) => member(`u${String(i).padStart(2, '0')}`, {
  pseudonym: `Member ${String(i).padStart(2, '0')}`, listed: true, joinedAt: T0 - i * DAY,
  relationship: i % 2 ? 'carer' : 'patient', tags: i % 5 === 0 ? ['inhalers'] : [],
}));
const me = member('me', {pseudonym: 'Myself', listed: false});
const hostile = member('evil', {pseudonym: '<img src=x onerror=alert(1)>', listed: true, bio: '<script>alert(1)</script>', avatarUrl: 'javascript:alert(1)', joinedAt: T0 + DAY});
const nurse = member('nurse', {pseudonym: 'Nurse Nia', listed: true, badges: ['clinician'], clinicianScope: 'Specialist nurse', bio: 'Asthma nurse', joinedAt: T0 + 2 * DAY});

async function open(uid: string | null, extra: typeof people = []) {
  const id = uniqueCommunityId('dir');
  return LocalStore.open({communityId: id, persistence: 'memory', user: uid ? {uid, anonymous: true} : null,
    seed: sampleSeed(id, {members: [me, nurse, ...people, ...extra]})});
}

async function mount(store: CommunityStore, attrs = '') {
  const el = await fixture<KinMemberDirectory>(attrs === 'list'
    ? html`<kin-member-directory layout="list" page-size="10" .store=${store}></kin-member-directory>`
    : html`<kin-member-directory page-size="10" .store=${store}></kin-member-directory>`);
  return el;
}

const names = (el: KinMemberDirectory) => $$(el, '[part~="card"] .name').map((n) => n.textContent!.trim());
const ready = (el: KinMemberDirectory) => waitUntil(() => $$(el, '[part~="card"]').length > 0, 'cards rendered', {timeout: 5000});

describe('<kin-member-directory>', () => {
  const stores: CommunityStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
    await setViewport({width: 800, height: 600});
  });
  const store = async (uid: string | null, extra: typeof people = []) => {
    const s = await open(uid, extra);
    stores.push(s);
    return s;
  };

  describe('when signed out', () => {
    it('shows no member, a join prompt that fires kin-join-request, and is accessible', async () => {
      const el = await mount(await store(null));
      await waitUntil(() => $(el, 'button.primary'), 'join prompt');
      expect($$(el, '[part~="card"]')).to.have.length(0);
      const event = nextEvent(el, 'kin-join-request');
      $(el, 'button.primary')!.click();
      expect((await event).reason).to.equal('directory');
      await expect(el).to.be.accessible();
    });
  });

  describe('when loading', () => {
    it('says it is loading, accessibly', async () => {
      const s = await store('me');
      s.listMembers = () => new Promise(() => {});
      const el = await mount(s);
      await waitUntil(() => $(el, 'form[role="search"]'), 'form');
      expect($(el, '[aria-busy="true"]')!.textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
    });
  });

  describe('when a member opens it', () => {
    it('lists listed members newest first, a page at a time with "Show more", never the unlisted', async () => {
      const el = await mount(await store('me'));
      await ready(el);
      expect(names(el)).to.have.length(10);
      expect(names(el)[0]).to.equal('Nurse Nia');
      expect(names(el)).to.not.include('Myself');
      expect($(el, '[role="status"].muted')!.textContent).to.contain('Showing 10 members');
      $(el, '[part="more"]')!.click();
      await waitUntil(() => names(el).length === 20, 'second page');
      expect(el.shadowRoot!.activeElement, 'focus moves to the first new card').to.equal($$(el, '[part~="card"]')[10]);
      $(el, '[part="more"]')!.click();
      await waitUntil(() => names(el).length === 26, 'last page');
      expect($(el, '[part="more"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('searches by pseudonym prefix, filters by relationship, tag and role, and sorts by name', async () => {
      const el = await mount(await store('me'));
      await ready(el);
      const search = $<HTMLInputElement>(el, '#search')!;
      search.focus();
      await sendKeys({type: 'nurse'});
      await sendKeys({press: 'Enter'});
      await waitUntil(() => names(el).length === 1, 'search result');
      expect(names(el)).to.deep.equal(['Nurse Nia']);
      search.value = '';
      search.dispatchEvent(new Event('input'));
      const select = (id: string, value: string) => {
        const s = $<HTMLSelectElement>(el, id)!;
        s.value = value;
        s.dispatchEvent(new Event('change'));
      };
      select('#tag', 'inhalers');
      await waitUntil(() => names(el).length === 5, 'tag filter');
      select('#role', 'clinician');
      await waitUntil(() => names(el).length === 1, 'role filter');
      expect($(el, '[role="status"].muted')!.textContent, 'says the tag filter was cleared').to.contain('not both');
      select('#role', '');
      select('#relationship', 'carer');
      await waitUntil(() => names(el).length === 10 && names(el).every((n) => /Member (0[13579]|1[13579]|2[13])/.test(n)), 'carers');
      select('#relationship', '');
      select('#sort', 'name');
      await waitUntil(() => names(el)[0] === 'Member 00', 'by name');
      select('#relationship', 'professional');
      await waitUntil(() => $(el, 'p.muted:not([role])')?.textContent?.includes('No listed members match'), 'empty state');
      await expect(el).to.be.accessible();
    });

    it('opens a profile in place with only shared fields, says hello, and reports a profile', async () => {
      const s = await store('me');
      const el = await mount(s);
      await ready(el);
      const card = $$(el, '[part~="card"]')[0];
      const view = card.querySelector<HTMLButtonElement>('.actions button')!;
      expect(view.getAttribute('aria-expanded')).to.equal('false');
      view.click();
      await el.updateComplete;
      expect(view.getAttribute('aria-expanded')).to.equal('true');
      expect(card.querySelector('.details')!.textContent).to.contain('Specialist nurse').and.to.contain('Asthma nurse');
      const hello = nextEvent(el, 'kin-connect-request');
      [...card.querySelectorAll('button')].find((b) => b.textContent!.includes('Say hello'))!.click();
      // No peer-match card on this page: the directory asks for an optional hello, then sends it (issue 12).
      await waitUntil(() => card.querySelector('form.hello'), 'the hello form opens');
      (card.querySelector('form.hello button[type="submit"]') as HTMLButtonElement).click();
      expect((await hello).uid).to.equal('nurse');
      [...card.querySelectorAll('button')].find((b) => b.textContent!.includes('Report'))!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement!.id).to.equal('report-reason');
      await expect(el).to.be.accessible();
      card.querySelector<HTMLButtonElement>('form.report button[type="submit"]')!.click();
      await waitUntil(() => card.querySelector('.sent'), 'report confirmed');
      await expect(el).to.be.accessible();
    });

    it('shows hostile profile text inertly and never loads a non-https avatar', async () => {
      const el = await mount(await store('me', [hostile]));
      await ready(el);
      expect(names(el)).to.include('<img src=x onerror=alert(1)>');
      expect(el.shadowRoot!.querySelector('script, img[src^="javascript"], img[onerror]')).to.equal(null);
      expect($$(el, 'img')).to.have.length(0);
    });

    it('lays out as a list and reflows at 320 px', async () => {
      await setViewport({width: 320, height: 640});
      const el = await mount(await store('me'), 'list');
      await ready(el);
      expect(el.getAttribute('layout')).to.equal('list');
      expect($(el, 'ul.members.list')).to.not.equal(null);
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });

  describe('when loading fails', () => {
    it('shows the error with a retry that recovers, and fires kin-error', async () => {
      const s = await store('me');
      let fail = true;
      const real = s.listMembers.bind(s);
      s.listMembers = (q) => (fail ? Promise.reject(new KindredError('unavailable', 'offline for a moment')) : real(q));
      const error = nextEvent(document.body, 'kin-error');
      const el = await mount(s);
      expect((await error).code).to.equal('unavailable');
      await waitUntil(() => $(el, '[role="alert"]'), 'error shown');
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '[role="alert"] button')!.click();
      await ready(el);
    });
  });

  describe('when offline', () => {
    it('says so and keeps the loaded members', async () => {
      const el = await mount(await store('me'));
      await ready(el);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('You are offline');
      expect(names(el)).to.have.length(10);
      await expect(el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
    });
  });

  it('renders in Welsh', async () => {
    const s = await store('me');
    const el = await fixture<KinMemberDirectory>(html`<div lang="cy"><kin-member-directory .store=${s}></kin-member-directory></div>`).then((d) => d.querySelector('kin-member-directory')!);
    await ready(el);
    expect($(el, '[part="heading"]')!.textContent).to.equal('Aelodau');
  });
});
