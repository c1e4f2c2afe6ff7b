// Issue 12 (finding 10): inside a community, the banner's "Join the community" opens the join dialog
// in place instead of sending the visitor to an off-site address; a page's own cta-href stays a link,
// and a member is not asked to join again.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/founder-story-banner/kin-founder-story-banner.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {member, privateRecord, sampleSeed, uniqueCommunityId} from '../support/builders.js';

function seed(id: string): SeedFixture {
  const s = sampleSeed(id, {members: [member('ari', {pseudonym: 'Ari'})]});
  s.privates = [privateRecord('ari', s.community)];
  s.community.founderStory = {
    name: 'Catrin Hughes', role: {en: 'Founder'}, quote: {en: 'You are not on your own.'}, story: {en: 'Our story.'},
    imageUrl: null, imageAlt: null, cta: {label: {en: 'Join the community'}, url: 'https://elsewhere.example/join'},
    toldAt: null, memorial: false, approvedBy: null, approvedAt: null,
  };
  return s;
}

describe('<kin-founder-story-banner> call to join (issue 12)', () => {
  it('opens the join dialog for a visitor, with no link off-site', async () => {
    const id = uniqueCommunityId('bj');
    const store = await LocalStore.open({communityId: id, seed: seed(id), persistence: 'memory', user: null});
    const root = await fixture<HTMLElement>(html`<kin-community lang="en" .store=${store}><kin-founder-story-banner></kin-founder-story-banner></kin-community>`);
    const banner = root.querySelector('kin-founder-story-banner')!;
    await waitUntil(() => banner.shadowRoot!.querySelector('[part="cta"]'), 'the call to join');
    const cta = banner.shadowRoot!.querySelector('[part="cta"]')!;
    expect(cta.tagName).to.equal('BUTTON');
    expect(cta.textContent!.trim()).to.equal('Join the community');
    expect(banner.shadowRoot!.querySelector('a[href*="elsewhere.example"]')).to.equal(null);
    await expect(banner).to.be.accessible();
    (cta as HTMLButtonElement).click();
    await waitUntil(() => root.shadowRoot!.querySelector('dialog[open] kin-join'), 'the join dialog opens');
    await store.dispose();
  });

  it('asks no member to join again', async () => {
    const id = uniqueCommunityId('bj');
    const store = await LocalStore.open({communityId: id, seed: seed(id), persistence: 'memory', user: {uid: 'ari', anonymous: true}});
    const root = await fixture<HTMLElement>(html`<kin-community lang="en" .store=${store}><kin-founder-story-banner></kin-founder-story-banner></kin-community>`);
    const banner = root.querySelector('kin-founder-story-banner')!;
    await waitUntil(() => banner.shadowRoot!.textContent!.includes('You are not on your own.'), 'the story');
    await new Promise((r) => setTimeout(r, 100));
    expect(banner.shadowRoot!.querySelector('[part="cta"]')).to.equal(null);
    await store.dispose();
  });

  it('keeps a link the page set itself', async () => {
    const id = uniqueCommunityId('bj');
    const store = await LocalStore.open({communityId: id, seed: seed(id), persistence: 'memory', user: null});
    const root = await fixture<HTMLElement>(html`<kin-community lang="en" .store=${store}>
      <kin-founder-story-banner cta-label="Donate" cta-href="https://charity.example/donate"></kin-founder-story-banner></kin-community>`);
    const banner = root.querySelector('kin-founder-story-banner')!;
    await waitUntil(() => banner.shadowRoot!.querySelector('a[part="cta"]'), 'the page link');
    expect(banner.shadowRoot!.querySelector('a[part="cta"]')!.getAttribute('href')).to.equal('https://charity.example/donate');
    await store.dispose();
  });
});
