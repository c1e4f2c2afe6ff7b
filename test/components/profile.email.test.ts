// <kin-profile>'s email notifications section (issue 15): off / immediate / daily digest, an optional
// address and the emails' language, saved in the member's private record; a bad address is refused with
// the reason beside the field and what the member typed stays.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/profile/kin-profile.js';
import type {KinProfile} from '../../src/components/profile/profile.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {member, privateRecord, sampleCommunity, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {$} from '../support/dom.js';


describe('<kin-profile> email notifications', () => {
  const stores: CommunityStore[] = [];
  afterEach(() => Promise.all(stores.splice(0).map((s) => s.dispose())));

  async function mount(lang = 'en') {
    const id = uniqueCommunityId('profmail');
    const community = sampleCommunity(id);
    const store = await LocalStore.open({communityId: id, persistence: 'memory', user: {uid: 'me', anonymous: false},
      seed: sampleSeed(id, {members: [member('me', {pseudonym: 'Wren'})], privates: [privateRecord('me', community)]})});
    stores.push(store);
    const el = await fixture<KinProfile>(html`<div lang=${lang}><kin-profile .store=${store}></kin-profile></div>`).then((d) => d.querySelector('kin-profile')!);
    await waitUntil(() => $(el, '[part="email-notifications"]'), 'email section', {timeout: 5000});
    return {el, store};
  }

  it('starts off; choosing a daily digest with an address and Welsh saves it in the private record', async () => {
    const {el, store} = await mount();
    const section = $(el, '[part="email-notifications"]')!;
    expect(section.querySelector<HTMLInputElement>('input[value="off"]')!.checked).to.equal(true);
    expect(section.querySelector('#notify-address')).to.equal(null);
    await expect(el).to.be.accessible();
    section.querySelector<HTMLInputElement>('input[value="daily"]')!.click();
    await el.updateComplete;
    const address = $<HTMLInputElement>(el, '#notify-address')!;
    address.value = 'wren@example.org';
    address.dispatchEvent(new Event('input'));
    const language = $<HTMLSelectElement>(el, '#notify-language')!;
    language.value = 'cy';
    language.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    (section.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => section.querySelector('[role="status"]')?.textContent?.includes('saved'), 'saved', {timeout: 5000});
    expect((await store.getPrivateRecord())!.notify).to.deep.equal({email: 'daily', address: 'wren@example.org', language: 'cy'});
  });

  it('refuses a bad address beside the field and keeps what was typed', async () => {
    const {el, store} = await mount();
    $(el, '[part="email-notifications"] input[value="immediate"]')!.click();
    await el.updateComplete;
    const address = $<HTMLInputElement>(el, '#notify-address')!;
    address.value = 'wren at example';
    address.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="email-notifications"] button[type="submit"]')!.click();
    await waitUntil(() => $(el, '#notify-address-error'), 'field error', {timeout: 5000});
    expect($(el, '#notify-address-error')!.textContent).to.contain('does not look like an email address');
    expect($<HTMLInputElement>(el, '#notify-address')!.value).to.equal('wren at example');
    expect($<HTMLInputElement>(el, '#notify-address')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await store.getPrivateRecord())!.notify).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('speaks Welsh', async () => {
    const {el} = await mount('cy');
    expect($(el, '#email-notifications-heading')!.textContent).to.equal('Hysbysiadau e-bost');
  });
});
