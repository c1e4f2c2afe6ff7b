import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import {hasConsent, revokeConsent} from '../../src/consent.js';
import type {KinCommunity} from '../../src/components/community/community.js';
import {nextEvent} from '../support/events.js';
import {emulatorHost} from '../support/env.js';
import {requestedUrls, startCountingRequests, storageKeys, type EmbedProbe} from './probe.js';
import './probe.js';

const prompt = (el: KinCommunity) => el.shadowRoot!.querySelector<HTMLElement>('[part="consent"]');
const content = (el: KinCommunity) => el.shadowRoot!.querySelector<HTMLElement>('.content')!;

describe('<kin-community consent="required">', () => {
  let storageBefore: string[];
  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    storageBefore = await storageKeys();
  });
  afterEach(() => revokeConsent());

  describe('before the visitor agrees', () => {
    it('makes no network request and writes no storage, then loads once the prompt is used', async () => {
      startCountingRequests();
      const el = await fixture<KinCommunity>(html`
        <kin-community community="asthma-cymru" store="local" seed="/demo/seed.json" consent="required">
          <kin-embed-probe></kin-embed-probe>
          <kin-founder-story-banner></kin-founder-story-banner>
        </kin-community>`);
      const probe = el.querySelector('kin-embed-probe')!;
      await aTimeout(600);
      expect(requestedUrls(), 'requests before consent').to.deep.equal([]);
      expect(await storageKeys(), 'storage before consent').to.deep.equal(storageBefore);
      expect(probe.storeKind).to.equal('none');
      expect(prompt(el)).to.not.equal(null);
      expect(content(el).hidden, 'community hidden behind the prompt').to.equal(true);
      await expect(el).to.be.accessible();

      const agreed = nextEvent(el, 'kin-consent');
      prompt(el)!.querySelector('button')!.click();
      expect((await agreed).community).to.equal('asthma-cymru');
      await waitUntil(() => probe.storeKind === 'local', 'store loads after consent', {timeout: 5000});
      // The same counter sees the store code and the seed once allowed, so the zero above is real.
      await waitUntil(() => requestedUrls().some((u) => u.endsWith('/demo/seed.json')), 'seed fetched');
      expect(requestedUrls().some((u) => u.includes('/src/data/local/local-store'))).to.equal(true);
      expect(prompt(el)).to.equal(null);
      expect(content(el).hidden).to.equal(false);
      expect(hasConsent()).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('does not contact Firebase until the host calls kindred.grantConsent()', async () => {
      const {host, port} = emulatorHost();
      startCountingRequests();
      const el = await fixture<KinCommunity>(html`
        <kin-community community="consent-fb" project-id="demo-kindred-consent" emulator-host=${`${host}:${port}`} consent="required">
          <kin-embed-probe></kin-embed-probe>
          <kin-founder-story-banner></kin-founder-story-banner>
        </kin-community>`);
      const probe = el.querySelector('kin-embed-probe')!;
      await aTimeout(600);
      expect(requestedUrls()).to.deep.equal([]);
      expect(await storageKeys()).to.deep.equal(storageBefore);

      expect(window.kindred, 'the script-tag entry exposes window.kindred').to.have.property('grantConsent');
      window.kindred!.grantConsent();
      await waitUntil(() => probe.storeKind === 'firebase', 'firebase store after consent', {timeout: 10000});
      await waitUntil(() => requestedUrls().some((u) => u.includes(`${host}:${port}`)), 'emulator contacted', {timeout: 10000});
      expect(prompt(el)).to.equal(null);
    });
  });

  describe('the prompt and page-wide consent', () => {
    it('shows the prompt in Welsh under lang="cy"', async () => {
      const el = await fixture<KinCommunity>(html`<kin-community lang="cy" community="c-cy" store="local" consent="required"></kin-community>`);
      expect(prompt(el)!.textContent).to.contain('Llwytho’r gymuned');
      await expect(el).to.be.accessible();
    });

    it('one agreement loads every root on the page that waits for it', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <kin-community community="c-one" store="local" consent="required"><kin-embed-probe></kin-embed-probe></kin-community>
        <kin-community community="c-two" store="local" consent="required"><kin-embed-probe></kin-embed-probe></kin-community>
      </div>`);
      const [first, second] = [...wrapper.querySelectorAll('kin-community')];
      const probes = [...wrapper.querySelectorAll<EmbedProbe>('kin-embed-probe')];
      prompt(first)!.querySelector('button')!.click();
      await waitUntil(() => probes.every((p) => p.storeKind === 'local'), 'both roots load', {timeout: 5000});
      expect(prompt(second)).to.equal(null);
    });

    it('disconnects again and shows the prompt when consent is withdrawn', async () => {
      const el = await fixture<KinCommunity>(html`<kin-community community="c-revoke" store="local" consent="required"><kin-embed-probe></kin-embed-probe></kin-community>`);
      const probe = el.querySelector('kin-embed-probe')!;
      window.kindred!.grantConsent();
      await waitUntil(() => probe.storeKind === 'local', 'loaded', {timeout: 5000});
      window.kindred!.revokeConsent();
      await waitUntil(() => probe.storeKind === 'none', 'unloaded');
      await el.updateComplete;
      expect(prompt(el)).to.not.equal(null);
    });

    it('without consent="required" loads at once, as before', async () => {
      const el = await fixture<KinCommunity>(html`<kin-community community="c-free" store="local"><kin-embed-probe></kin-embed-probe></kin-community>`);
      await waitUntil(() => el.querySelector('kin-embed-probe')!.storeKind === 'local', 'loaded', {timeout: 5000});
      expect(prompt(el)).to.equal(null);
    });
  });
});
