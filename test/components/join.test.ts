import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/community/kin-community.js';
import '../../src/components/join/kin-join.js';
import type {KinCommunity} from '../../src/components/community/community.js';
import type {KinJoin} from '../../src/components/join/join.js';
import {nextEvent} from '../support/events.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore} from '../../src/data/store.js';

function seed(id: string): SeedFixture {
  return {
    community: {
      id,
      name: {en: 'Asthma Cymru', cy: 'Asthma Cymru'},
      tagline: {en: 'Breathe easier together'},
      languages: ['en', 'cy'],
      createdAt: Date.UTC(2026, 0, 1),
      founderStory: null,
      settings: {
        visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales',
        tags: ['inhalers'], guidelinesVersion: 'g-2026-01', consentVersion: 'c-2026-01',
      },
    },
  };
}

const rand = () => Math.random().toString(36).slice(2, 8);

async function openStore() {
  const id = `c-${rand()}`;
  return LocalStore.open({communityId: id, seed: seed(id), persistence: 'memory', user: null});
}

async function mount(store: CommunityStore, lang = 'en') {
  const root = await fixture<KinCommunity>(html`<kin-community lang=${lang} .store=${store}><kin-join></kin-join></kin-community>`);
  const join = root.querySelector('kin-join') as KinJoin;
  await waitUntil(() => join.shadowRoot!.querySelector('form'), 'form rendered', {timeout: 5000});
  return {root, join, $: <E extends Element>(sel: string) => join.shadowRoot!.querySelector<E>(sel)!};
}

describe('<kin-join>', () => {
  let store: LocalStore;
  afterEach(async () => store?.dispose());

  describe('when a visitor opens it', () => {
    it('offers generated pseudonyms, relationships and two separate consents, and is accessible', async () => {
      store = await openStore();
      const {join, $} = await mount(store);
      expect($('[role="heading"]').textContent).to.contain('Join Asthma Cymru');
      expect(join.shadowRoot!.querySelectorAll('.suggestions button').length).to.equal(3);
      expect(join.shadowRoot!.querySelectorAll('input[name="relationship"]').length).to.equal(4);
      expect($<HTMLInputElement>('input[name="guidelines"]').checked).to.equal(false);
      expect($<HTMLInputElement>('input[name="health"]').checked).to.equal(false);
      await expect(join).to.be.accessible();
    });

    it('speaks Welsh inside a Welsh community root', async () => {
      store = await openStore();
      const {$} = await mount(store, 'cy');
      expect($('[role="heading"]').textContent).to.contain('Ymuno â Asthma Cymru');
      expect($('button[type="submit"]').textContent).to.contain('Ymuno â’r gymuned');
    });
  });

  describe('when the visitor submits', () => {
    it('refuses an email address as a pseudonym with a visible message tied to the field, writing nothing', async () => {
      store = await openStore();
      const {$} = await mount(store);
      const input = $<HTMLInputElement>('#pseudonym');
      input.focus();
      await sendKeys({type: 'me@example.org'});
      $<HTMLInputElement>('input[name="guidelines"]').click();
      $<HTMLButtonElement>('button[type="submit"]').click();
      await waitUntil(() => $('#pseudonym-error'), 'error shown');
      expect($('#pseudonym-error').textContent).to.contain('email');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('pseudonym-error');
      expect(store.session.user).to.equal(null);
    });

    it('requires the guidelines and keeps what was typed', async () => {
      store = await openStore();
      const {$} = await mount(store);
      $<HTMLInputElement>('#pseudonym').focus();
      await sendKeys({type: 'Quiet Heron 42'});
      $<HTMLButtonElement>('button[type="submit"]').click();
      await waitUntil(() => $('#guidelines-error'), 'guidelines error shown');
      expect($<HTMLInputElement>('#pseudonym').value).to.equal('Quiet Heron 42');
      expect(store.session.user).to.equal(null);
    });

    it('signs in, joins with the chosen name and consent versions, and fires kin-joined', async () => {
      store = await openStore();
      const {join, $} = await mount(store);
      const suggestion = join.shadowRoot!.querySelector<HTMLButtonElement>('.suggestions button')!;
      const name = suggestion.textContent!.trim();
      suggestion.click();
      join.shadowRoot!.querySelector<HTMLInputElement>('input[value="carer"]')!.click();
      $<HTMLInputElement>('input[name="guidelines"]').click();
      $<HTMLInputElement>('input[name="health"]').click();
      const joined = nextEvent(join, 'kin-joined');
      $<HTMLButtonElement>('button[type="submit"]').click();
      const event = await joined;
      expect(event.uid).to.equal(store.session.user!.uid);
      const profile = await store.getMember(event.uid);
      expect(profile!.pseudonym).to.equal(name);
      expect(profile!.relationship).to.equal('carer');
      expect(profile!.listed).to.equal(false);
      const record = await store.getPrivateRecord();
      expect(record!.guidelines.version).to.equal('g-2026-01');
      expect(record!.healthConsent!.version).to.equal('c-2026-01');
      await waitUntil(() => join.shadowRoot!.querySelector('.joined'), 'member state shown');
      expect(join.shadowRoot!.querySelector('.joined')!.textContent).to.contain(name);
    });

    it('writes nothing when kin-join-submit is cancelled', async () => {
      store = await openStore();
      const {join, $} = await mount(store);
      join.addEventListener('kin-join-submit', (e) => e.preventDefault());
      $<HTMLInputElement>('#pseudonym').focus();
      await sendKeys({type: 'Brave Otter 12'});
      $<HTMLInputElement>('input[name="guidelines"]').click();
      const submitted = oneEvent(join, 'kin-join-submit');
      $<HTMLButtonElement>('button[type="submit"]').click();
      await submitted;
      await join.updateComplete;
      expect(store.session.user).to.equal(null);
    });
  });

  describe('when a signed-out visitor acts inside <kin-community>', () => {
    it('opens the join form in a modal dialog and closes it on "Not now"', async () => {
      store = await openStore();
      const root = await fixture<KinCommunity>(html`<kin-community .store=${store}><button id="act">Post</button></kin-community>`);
      const button = root.querySelector('#act') as HTMLButtonElement;
      button.focus();
      button.dispatchEvent(new Event('kin-join-request', {bubbles: true, composed: true}));
      await waitUntil(() => root.shadowRoot!.querySelector('dialog[open] kin-join'), 'dialog open');
      const join = root.shadowRoot!.querySelector('kin-join')!;
      await waitUntil(() => join.shadowRoot!.querySelector('form'), 'form inside dialog');
      const cancel = [...join.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Not now'))!;
      cancel.click();
      await waitUntil(() => !root.shadowRoot!.querySelector('dialog'), 'dialog closed');
      await waitUntil(() => document.activeElement === button, 'focus returned to what the visitor pressed');
    });
  });
});
