import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/crisis-help/kin-crisis-help.js';
import '../../src/components/community/kin-community.js';
import type {KinCrisisHelp} from '../../src/components/crisis-help/crisis-help.js';
import {nextEvent} from '../support/events.js';
import {community, disposeStores, nextCommunityId, openStore} from './discussion-thread.fixture.js';
import {$, $$} from '../support/dom.js';

const links = (el: KinCrisisHelp) => $$(el, 'a[part="contact"]').map((a) => ({href: a.getAttribute('href'), text: a.textContent!.replace(/\s+/g, ' ').trim()}));

describe('<kin-crisis-help>', () => {
  afterEach(disposeStores);

  describe('when collapsed', () => {
    it('is one "Need help now?" button, and the contacts are not shown', async () => {
      const el = await fixture<KinCrisisHelp>(html`<kin-crisis-help></kin-crisis-help>`);
      const toggle = $(el, 'button[part="toggle"]')!;
      expect(toggle.textContent!.trim()).to.equal('Need help now?');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '[part="panel"]')!.hidden).to.equal(true);
      // Really off screen: the panel's own display rule must not override [hidden].
      expect(getComputedStyle($(el, '[part="panel"]')!).display).to.equal('none');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the member opens it', () => {
    it('shows 999 first and tel:/sms: links in one interaction, moves focus to the panel and says so', async () => {
      const el = await fixture<KinCrisisHelp>(html`<kin-crisis-help></kin-crisis-help>`);
      const toggled = nextEvent(el, 'kin-crisis-help-toggle');
      $(el, 'button[part="toggle"]')!.click();
      expect((await toggled).open).to.equal(true);
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect($(el, 'button[part="toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="panel"]'));
      const shown = links(el);
      expect(shown[0]).to.deep.equal({href: 'tel:999', text: 'Emergency services: Call 999'});
      for (const l of shown) expect(l.href).to.match(/^(tel|sms):\d+$/);
      expect(shown.map((l) => l.href)).to.include.members(['tel:111', 'tel:116123', 'sms:85258', 'tel:08001111']);
      await expect(el).to.be.accessible();
    });

    it('opens and closes from the keyboard, returning focus to the button', async () => {
      const el = await fixture<KinCrisisHelp>(html`<kin-crisis-help></kin-crisis-help>`);
      $(el, 'button[part="toggle"]')!.focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(el.open).to.equal(true);
      $(el, 'button[part="toggle"]')!.focus();
      await sendKeys({press: 'Space'});
      await waitUntil(() => !el.open && el.shadowRoot!.activeElement === $(el, 'button[part="toggle"]'), 'closed with focus on the toggle');
    });
  });

  describe('inside a community', () => {
    it('shows the helplines of the community’s nation (Wales: NHS 111 Wales, C.A.L.L.)', async () => {
      const fixtureSeed = {community: community(nextCommunityId())};
      const store = await openStore(fixtureSeed, null);
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"><kin-crisis-help open></kin-crisis-help></kin-community>`);
      const el = root.querySelector('kin-crisis-help') as KinCrisisHelp;
      await waitUntil(() => links(el).some((l) => l.href === 'tel:0800132737'), 'C.A.L.L. appears once the community (Wales) loads');
      const names = links(el).map((l) => l.text);
      expect(names.some((t) => t.startsWith('NHS 111 Wales'))).to.equal(true);
      expect(names.some((t) => t.startsWith('NHS 111 –')), 'not England’s NHS 111 entry').to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('speaks Welsh with the Welsh-language Samaritans line straight after 999', async () => {
      const store = await openStore({community: community(nextCommunityId())}, null);
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="cy"><kin-crisis-help></kin-crisis-help></kin-community>`);
      const el = root.querySelector('kin-crisis-help') as KinCrisisHelp;
      await el.updateComplete;
      expect($(el, 'button[part="toggle"]')!.textContent!.trim()).to.equal('Angen help nawr?');
      el.show();
      await el.updateComplete;
      const shown = links(el);
      expect(shown[0].text).to.equal('Gwasanaethau brys: Ffoniwch 999');
      expect(shown[1].href).to.equal('tel:08081640123');
      expect($(el, '[role="heading"]')!.textContent).to.contain('Does dim rhaid');
      await expect(el).to.be.accessible();
    });
  });

  describe('configured', () => {
    it('uses the nation attribute (Scotland: Breathing Space, NHS 24)', async () => {
      const el = await fixture<KinCrisisHelp>(html`<kin-crisis-help nation="scotland" always-open></kin-crisis-help>`);
      expect($(el, 'button[part="toggle"]'), 'always-open has no toggle').to.equal(null);
      expect(links(el).map((l) => l.href)).to.include('tel:0800838587');
      expect(links(el).some((l) => l.text.startsWith('NHS 24'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('adds a community’s own helpline, drops a non-phone link, and never hides 999 or Samaritans', async () => {
      const el = await fixture<KinCrisisHelp>(html`<kin-crisis-help always-open .config=${{
        hide: ['samaritans', 'emergency', 'shout'],
        extra: [
          {id: 'charity', name: {en: 'Asthma + Lung UK helpline'}, detail: {en: 'Weekdays 9 to 5.'}, number: '0300 222 5800', href: 'tel:03002225800', sms: false, nations: null},
          {id: 'evil', name: {en: 'Click me'}, detail: {en: ''}, number: 'x', href: 'javascript:alert(1)', sms: false, nations: null},
        ],
      }}></kin-crisis-help>`);
      const hrefs = links(el).map((l) => l.href);
      expect(hrefs[0]).to.equal('tel:999');
      expect(hrefs[1]).to.equal('tel:03002225800');
      expect(hrefs).to.include('tel:116123');
      expect(hrefs).to.not.include('sms:85258');
      expect(hrefs.some((h) => h!.startsWith('javascript'))).to.equal(false);
    });
  });

  describe('when offline', () => {
    it('says the phone numbers still work', async () => {
      const el = await fixture<KinCrisisHelp>(html`<kin-crisis-help open></kin-crisis-help>`);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect($(el, '.offline')!.textContent).to.contain('phone numbers still work');
      await expect(el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      await aTimeout(0);
      expect($(el, '.offline')).to.equal(null);
    });
  });
});
