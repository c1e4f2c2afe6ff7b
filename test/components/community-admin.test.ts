import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/community-admin/kin-community-admin.js';
import '../../src/components/community/kin-community.js';
import type {KinCommunityAdmin} from '../../src/components/community-admin/community-admin.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {Community} from '../../src/data/types.js';
import {T0, disposeStores, member, nextCommunityId, openStore, seed} from './discussion-thread.fixture.js';
import {$, $$, button, shadowText as text} from '../support/dom.js';

const ada = member('ada', 'Ada Admin', {badges: ['admin']});
const input = (el: HTMLElement, id: string) => $(el, `#${id}`) as HTMLInputElement;

function world(id = nextCommunityId()): SeedFixture {
  const s = seed(id);
  return {
    ...s,
    members: [...s.members!, ada],
    roles: [...s.roles!, {uid: 'ada', roles: ['admin'], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: 'seed', updatedAt: T0}],
  };
}

async function render(store: CommunityStore | null, {lang = 'en', invite = ''} = {}) {
  const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang=${lang}><kin-community-admin heading-level="2" .invite=${invite || null}
    invite-url="https://charity.example/admin"></kin-community-admin></kin-community>`);
  const el = root.querySelector('kin-community-admin') as KinCommunityAdmin;
  await el.updateComplete;
  return el;
}
const ready = (el: HTMLElement) => waitUntil(() => !$(el, '[aria-busy="true"]') && text(el).length > 30, 'loaded', {timeout: 5000});
function type(el: HTMLElement, id: string, value: string) {
  const field = $(el, `#${id}`) as HTMLInputElement | HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
}
function community(store: CommunityStore): Promise<Community> {
  return new Promise((resolve, reject) => { const stop = store.watchCommunity((c) => { if (c) { queueMicrotask(stop); resolve(c); } }, reject); });
}

describe('<kin-community-admin>', () => {
  afterEach(disposeStores);

  describe('when signed out', () => {
    it('asks an admin to sign in', async () => {
      const el = await render(await openStore(world(), null));
      expect(text(el)).to.contain('Sign in as an admin to manage the community.');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the user is not an admin', () => {
    it('refuses clearly, in English and in Welsh, showing no settings', async () => {
      const w = world();
      const el = await render(await openStore(w, 'bob'));
      await waitUntil(() => text(el).includes('Only admins can manage the community'), 'refusal');
      expect($(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
      const cy = await render(await openStore(w, 'alice'), {lang: 'cy'});
      await waitUntil(() => text(cy).includes('Dim ond gweinyddwyr sy’n gallu rheoli’r gymuned'), 'Welsh refusal');
      await expect(cy).to.be.accessible();
    });
  });

  describe('when loading fails', () => {
    it('shows an error with a retry', async () => {
      const store = await openStore(world(), 'ada');
      await store.dispose();
      const el = await render(store);
      await waitUntil(() => $(el, '[role="alert"]'), 'error');
      expect(button(el, 'Try again')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('settings', () => {
    it('an admin changes moderation, banned words and tags; a bad number is refused by the field, nothing typed lost', async () => {
      const store = await openStore(world(), 'ada');
      const el = await render(store);
      await ready(el);
      await expect(el).to.be.accessible();
      (input(el, 'moderation') as unknown as HTMLSelectElement).value = 'first-posts';
      input(el, 'moderation').dispatchEvent(new Event('change'));
      type(el, 'holdFirstPosts', '500');
      type(el, 'bannedWords', 'scam\n  miracle   cure \n\nScam');
      type(el, 'tags', 'spacers\ninhalers');
      await el.updateComplete;
      button(el, 'Save settings')!.click();
      await waitUntil(() => $(el, '#holdFirstPosts-error'), 'field error');
      expect($(el, '#holdFirstPosts-error')!.textContent).to.equal('Posts held for a new member must be a whole number from 0 to 100.');
      expect(input(el, 'holdFirstPosts').getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement?.id).to.equal('holdFirstPosts');
      expect((input(el, 'bannedWords') as unknown as HTMLTextAreaElement).value).to.contain('miracle   cure');
      await expect(el).to.be.accessible();
      type(el, 'holdFirstPosts', '2');
      await el.updateComplete;
      button(el, 'Save settings')!.click();
      await waitUntil(() => text(el).includes('Settings saved.'), 'saved');
      const c = await community(store);
      expect(c.settings).to.include({moderation: 'first-posts', holdFirstPosts: 2});
      expect(c.settings.bannedWords).to.deep.equal(['scam', 'miracle cure']);
      expect(c.settings.tags).to.deep.equal(['spacers', 'inhalers']);
    });

    it('the guidelines bump asks members to agree again (a new version); a cancelled change writes nothing', async () => {
      const store = await openStore(world(), 'ada');
      const el = await render(store);
      await ready(el);
      expect(text(el)).to.contain('guidelines version g1');
      const box = $(el, 'input[name="bump"]') as HTMLInputElement;
      expect(box.parentElement!.textContent).to.contain('(version g2)');
      el.addEventListener('kin-admin-change', (e) => e.preventDefault(), {once: true});
      box.click();
      await el.updateComplete;
      button(el, 'Save settings')!.click();
      await el.updateComplete;
      expect((await community(store)).settings.guidelinesVersion).to.equal('g1');
      button(el, 'Save settings')!.click();
      await waitUntil(() => text(el).includes('Settings saved.'), 'saved');
      expect((await community(store)).settings.guidelinesVersion).to.equal('g2');
      await waitUntil(() => text(el).includes('guidelines version g2'), 'shown');
    });
  });

  describe('team and invites', () => {
    it('keyboard moves between sections; an admin invites a clinician, copies the link and can withdraw it', async () => {
      const store = await openStore(world(), 'ada');
      const el = await render(store);
      await ready(el);
      ($(el, '#tab-settings') as HTMLButtonElement).focus();
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect($(el, '#tab-team')!.getAttribute('aria-selected')).to.equal('true');
      expect(el.shadowRoot!.activeElement?.id).to.equal('tab-team');
      await waitUntil(() => $(el, 'table.team'), 'team');
      expect($(el, 'tr[data-uid="bob"]')!.textContent).to.contain('moderator');
      await expect(el).to.be.accessible();

      type(el, 'email', 'not an address');
      await el.updateComplete;
      button(el, 'Create the invite')!.click();
      await waitUntil(() => $(el, '#email-error'), 'email error');
      expect($(el, '#email-error')!.textContent).to.contain('is not an email address');
      type(el, 'email', 'rhian@example.org');
      (input(el, 'role') as unknown as HTMLSelectElement).value = 'clinician';
      input(el, 'role').dispatchEvent(new Event('change'));
      await el.updateComplete;
      type(el, 'clinicianScope', 'Asthma nurse');
      await el.updateComplete;
      button(el, 'Create the invite')!.click();
      await waitUntil(() => $(el, '#invite-link'), 'link');
      const link = (input(el, 'invite-link')).value;
      expect(link).to.match(/^https:\/\/charity\.example\/admin\?kin-invite=[A-Za-z0-9_-]{24}$/);
      await waitUntil(() => $(el, 'li[data-invite]')?.textContent?.includes('Waiting'), 'listed');
      await expect(el).to.be.accessible();
      button(el, 'Withdraw the invite for rhian@example.org')!.click();
      await waitUntil(() => $(el, 'li[data-invite]')?.textContent?.includes('Withdrawn'), 'withdrawn');
    });

    it('an invited member accepts from the link and gets the badge; the admin sees the change', async () => {
      const w = world();
      const adminStore = await openStore(w, 'ada');
      const invite = await adminStore.createInvite({email: 'alice@example.org', role: 'clinician', clinicianScope: 'Asthma nurse'});
      const el = await render(await openStore(w, 'alice'), {invite: invite.id});
      await waitUntil(() => text(el).includes('You have been invited to be verified clinician (Asthma nurse)'), 'invitation');
      await expect(el).to.be.accessible();
      button(el, 'Accept the invitation')!.click();
      await waitUntil(() => text(el).includes('Done: you are now verified clinician.'), 'accepted');
      expect((await adminStore.getMember('alice'))!.badges).to.deep.equal(['clinician']);
      const admin = await render(adminStore);
      await ready(admin);
      ($(admin, '#tab-team') as HTMLButtonElement).click();
      await waitUntil(() => text(admin).includes('alice@example.org accepted verified clinician'), 'role change listed');
      expect($(admin, 'tr[data-uid="alice"]')!.textContent).to.contain('Accepted an invite');
    });

    it('a used invite says so', async () => {
      const w = world();
      const invite = await (await openStore(w, 'ada')).createInvite({email: 'cara@example.org', role: 'moderator'});
      await (await openStore(w, 'cara')).claimInvite(invite.id);
      const el = await render(await openStore(w, 'alice'), {invite: invite.id});
      await waitUntil(() => text(el).includes('This invite has already been used.'), 'used');
      await expect(el).to.be.accessible();
    });
  });

  describe('community health', () => {
    it('shows the figures with small counts suppressed, and a CSV to download', async () => {
      const el = await render(await openStore(world(), 'ada'));
      await ready(el);
      ($(el, '#tab-health') as HTMLButtonElement).click();
      await waitUntil(() => $(el, 'table.health'), 'figures');
      expect($(el, 'tr[data-figure="members"] td')!.textContent).to.equal('fewer than 5');
      expect($(el, 'tr[data-figure="openReports"] td')!.textContent).to.equal('0');
      const a = $$(el, 'a').find((x) => x.textContent === 'Download as CSV') as HTMLAnchorElement;
      const csv = decodeURIComponent(a.href.split(',').slice(1).join(','));
      expect(csv).to.contain('Members,<5,count,0,');
      expect(a.download).to.match(/^community-health-\d{4}-\d\d-\d\d\.csv$/);
      await expect(el).to.be.accessible();
    });
  });

  it('Welsh: the console speaks Welsh throughout', async () => {
    const el = await render(await openStore(world(), 'ada'), {lang: 'cy'});
    await ready(el);
    expect(text(el)).to.contain('Rhedeg eich cymuned');
    expect(button(el, 'Cadw’r gosodiadau')).to.exist;
    await expect(el).to.be.accessible();
  });
});
