import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/profile/kin-profile.js';
import type {KinProfile} from '../../src/components/profile/profile.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {nextEvent} from '../support/events.js';
import {T0, member, privateRecord, sampleCommunity, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {$} from '../support/dom.js';

const me = member('me', {pseudonym: 'Wren', bio: 'Carer for my dad', tags: ['inhalers']});
const other = member('other', {pseudonym: 'Otter'});

async function open(uid: string | null) {
  const id = uniqueCommunityId('prof');
  const community = sampleCommunity(id);
  return LocalStore.open({communityId: id, persistence: 'memory', user: uid ? {uid, anonymous: true} : null,
    seed: sampleSeed(id, {members: [me, other], privates: [privateRecord('me', community, {healthConsent: {version: 'c-2026-01', at: T0}}), privateRecord('other', community)]})});
}

const ready = (el: KinProfile) => waitUntil(() => $(el, 'form[part="form"]'), 'form rendered', {timeout: 5000});
const type = (el: KinProfile, sel: string, value: string) => {
  const input = $<HTMLInputElement>(el, sel)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('<kin-profile>', () => {
  const stores: CommunityStore[] = [];
  afterEach(() => Promise.all(stores.splice(0).map((s) => s.dispose())));
  const mount = async (uid: string | null) => {
    const store = await open(uid);
    stores.push(store);
    const el = await fixture<KinProfile>(html`<kin-profile .store=${store}></kin-profile>`);
    return {el, store};
  };

  describe('when signed out', () => {
    it('asks the visitor to join, accessibly', async () => {
      const {el} = await mount(null);
      await waitUntil(() => $(el, 'button.primary'), 'join prompt');
      const event = nextEvent(el, 'kin-join-request');
      $(el, 'button.primary')!.click();
      expect((await event).reason).to.equal('profile');
      await expect(el).to.be.accessible();
    });
  });

  describe('when loading', () => {
    it('says it is loading, accessibly', async () => {
      const store = await open('me');
      stores.push(store);
      store.getPrivateRecord = () => new Promise(() => {});
      const el = await fixture<KinProfile>(html`<kin-profile .store=${store}></kin-profile>`);
      await waitUntil(() => $(el, '[aria-busy="true"]'), 'loading');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the member edits', () => {
    it('saves pseudonym, relationship, bio, tags, listing and keeps the bio to themself', async () => {
      const {el, store} = await mount('me');
      await ready(el);
      await expect(el).to.be.accessible();
      expect($<HTMLInputElement>(el, '#listed')!.checked, 'listing is off by default').to.equal(false);
      type(el, '#pseudonym', 'Wren Two');
      type(el, '#bio', 'Now a longer story');
      type(el, '#otherTags', 'night-time, school');
      $<HTMLInputElement>(el, '#listed')!.click();
      const vis = $<HTMLSelectElement>(el, '#bio-visibility')!;
      vis.value = 'only-me';
      vis.dispatchEvent(new Event('change'));
      const saved = nextEvent(el, 'kin-profile-saved');
      $(el, '[part="save"]')!.click();
      await saved;
      const other = await LocalStore.open({communityId: store.communityId, persistence: 'memory', user: {uid: 'other', anonymous: true}});
      stores.push(other);
      const seen = await other.getMember('me');
      expect(seen!.pseudonym).to.equal('Wren Two');
      expect(seen!.listed).to.equal(true);
      expect(seen!.bio, 'kept to the member alone').to.equal('');
      expect(seen!.tags).to.deep.equal(['inhalers', 'night-time', 'school']);
      expect((await store.getPrivateRecord())!.kept!.bio).to.equal('Now a longer story');
      expect($(el, '[part="form"] [role="status"]')!.textContent).to.contain('saved');
      await expect(el).to.be.accessible();
    });

    it('refuses hostile input in every field with a clear message and keeps what was typed', async () => {
      const {el, store} = await mount('me');
      await ready(el);
      const cases: [string, string, RegExp][] = [
        ['#pseudonym', 'me@example.org', /email address or a link/],
        ['#pseudonym', 'x', /at least 2/],
        ['#avatarUrl', 'javascript:alert(1)', /https/],
        ['#avatarUrl', 'http://example.org/a.png', /https/],
        ['#bio', 'x'.repeat(501), /limit is 500/],
        ['#bio', 'bell\u0007', /control characters/],
        ['#otherTags', 'y'.repeat(41), /limit is 40/],
      ];
      for (const [sel, value, message] of cases) {
        type(el, sel, value);
        $(el, '[part="save"]')!.click();
        await el.updateComplete;
        const error = el.shadowRoot!.querySelector('.error');
        expect(error?.textContent, `${sel} = ${value.slice(0, 20)}`).to.match(message);
        expect($<HTMLInputElement>(el, sel)!.value, 'what was typed is kept').to.equal(value);
        expect(el.shadowRoot!.activeElement!.id).to.equal(sel.slice(1));
        await expect(el).to.be.accessible();
        type(el, sel, sel === '#pseudonym' ? 'Wren' : '');
      }
      expect((await store.getMember('me'))!.pseudonym, 'nothing was written').to.equal('Wren');
      // Markup is stored as text and shown inert.
      type(el, '#bio', '<img src=x onerror=alert(1)>');
      const saved = nextEvent(el, 'kin-profile-saved');
      $(el, '[part="save"]')!.click();
      await saved;
      expect((await store.getMember('me'))!.bio).to.equal('<img src=x onerror=alert(1)>');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('writes nothing when kin-profile-save is cancelled', async () => {
      const {el, store} = await mount('me');
      await ready(el);
      type(el, '#pseudonym', 'Someone Else');
      el.addEventListener('kin-profile-save', (e) => e.preventDefault(), {once: true});
      $(el, '[part="save"]')!.click();
      await el.updateComplete;
      expect((await store.getMember('me'))!.pseudonym).to.equal('Wren');
    });
  });

  describe('consent', () => {
    it('shows the consent, says what withdrawal does, and records a withdrawal', async () => {
      const {el, store} = await mount('me');
      await ready(el);
      const section = $(el, '[part="consent"]')!;
      expect(section.textContent).to.contain('c-2026-01').and.to.contain('matching profile is deleted');
      section.querySelector<HTMLButtonElement>('button.danger')!.click();
      await waitUntil(() => section.textContent!.includes('Consent withdrawn'), 'withdrawn');
      expect((await store.getPrivateRecord())!.healthConsent).to.equal(null);
      expect(section.textContent).to.contain('You withdrew consent on');
      await expect(el).to.be.accessible();
    });
  });

  describe('my data', () => {
    it('prepares a JSON download of everything about the member', async () => {
      const {el} = await mount('me');
      await ready(el);
      $(el, '#export')!.click();
      await waitUntil(() => $(el, '#download'), 'download link');
      const link = $<HTMLAnchorElement>(el, '#download')!;
      expect(link.getAttribute('download')).to.equal('kindred-my-data.json');
      expect(el.shadowRoot!.activeElement).to.equal(link);
      const data = await (await fetch(link.href)).json();
      expect(data.uid).to.equal('me');
      expect(data.profile.pseudonym).to.equal('Wren');
      await expect(el).to.be.accessible();
    });

    it('erases only after confirmation in a dialog, with keyboard, then shows the erased state', async () => {
      const {el, store} = await mount('me');
      await ready(el);
      $(el, '#erase')!.click();
      const dialog = $<HTMLDialogElement>(el, '#erase-dialog')!;
      expect(dialog.open).to.equal(true);
      expect(el.shadowRoot!.activeElement!.id, 'the safe choice has focus').to.equal('erase-cancel');
      await sendKeys({press: 'Escape'});
      expect(dialog.open).to.equal(false);
      expect(await store.getMember('me')).to.not.equal(null);
      $(el, '#erase')!.click();
      const erased = nextEvent(el, 'kin-erased');
      $(el, '#erase-confirm')!.click();
      await erased;
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Your data was erased');
      expect(store.session.user).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('account', () => {
    it('explains kindly that email links are not available in the local preview store', async () => {
      const {el} = await mount('me');
      await ready(el);
      type(el, '#email', 'not-an-email');
      $(el, '[part="account"] form button')!.click();
      await el.updateComplete;
      expect($(el, '[part="account"] .error')!.textContent).to.contain('email address such as');
      type(el, '#email', 'wren@example.org');
      $(el, '[part="account"] form button')!.click();
      await waitUntil(() => $(el, '[part="account"] .error')?.textContent?.includes('this browser only'), 'kind message');
      await expect(el).to.be.accessible();
    });

    it('signs out', async () => {
      const {el, store} = await mount('me');
      await ready(el);
      $(el, '#sign-out')!.click();
      await waitUntil(() => store.session.user === null, 'signed out');
      await waitUntil(() => $(el, 'button.primary')?.textContent?.includes('Join'), 'join prompt');
    });
  });

  describe('when offline', () => {
    it('says changes wait for the connection', async () => {
      const {el} = await mount('me');
      await ready(el);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('You are offline');
      await expect(el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
    });
  });

  it('renders in Welsh', async () => {
    const store = await open('me');
    stores.push(store);
    const wrap = await fixture(html`<div lang="cy"><kin-profile .store=${store}></kin-profile></div>`);
    const el = wrap.querySelector('kin-profile')!;
    await ready(el);
    expect($(el, '[part="heading"]')!.textContent).to.equal('Eich proffil');
  });
});
