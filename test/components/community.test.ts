import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {LitElement, html as litHtml} from 'lit';
import {KinCommunity} from '../../src/components/community/community.js';
import '../../src/components/community/kin-community.js';
import {CommunityConsumer} from '../../src/controllers/community-consumer.js';
import {KinErrorEvent} from '../../src/events/kin-error.js';

// A tiny consumer that prints what the root provides, as any kin-* element would see it.
class ProbeElement extends LitElement {
  community = new CommunityConsumer(this);
  override render() {
    const v = this.community.value;
    return litHtml`<span id="locale">${this.community.locale}</span><span id="store">${v?.store?.kind ?? 'none'}</span>`;
  }
}
customElements.define('kin-test-probe', ProbeElement);

const errorText = (el: KinCommunity) => el.shadowRoot!.querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<kin-community>', () => {
  describe('when misconfigured', () => {
    it('shows a visible message and fires kin-error when the community id is missing', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('kin-community');
      el.setAttribute('store', 'local');
      const event = oneEvent(el, 'kin-error');
      wrapper.append(el);
      const e = (await event) as unknown as KinErrorEvent;
      expect(e.code).to.equal('misconfigured');
      await el.updateComplete;
      expect(errorText(el)).to.contain('community="…"');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('names the missing Firebase attributes', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('kin-community');
      el.setAttribute('community', 'asthma-cymru');
      el.setAttribute('project-id', 'asthma-cymru-prod');
      const event = oneEvent(el, 'kin-error');
      wrapper.append(el);
      await event;
      await el.updateComplete;
      expect(errorText(el)).to.contain('api-key="…"');
      expect(errorText(el)).to.contain('app-id="…"');
      expect(errorText(el)).not.to.contain('project-id="…"');
    });

    it('explains that no store is configured at all', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('kin-community');
      el.setAttribute('community', 'asthma-cymru');
      const event = oneEvent(el, 'kin-error');
      wrapper.append(el);
      await event;
      await el.updateComplete;
      expect(errorText(el)).to.contain('store="local"');
    });

    it('refuses an invalid community id', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('kin-community');
      el.setAttribute('community', '../other');
      el.setAttribute('store', 'local');
      const event = oneEvent(el, 'kin-error');
      wrapper.append(el);
      await event;
      await el.updateComplete;
      expect(errorText(el)).to.contain('not a valid community id');
    });

    it('shows the heading of the message in Welsh when lang="cy"', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('kin-community');
      el.setAttribute('lang', 'cy');
      el.setAttribute('store', 'local');
      const event = oneEvent(el, 'kin-error');
      wrapper.append(el);
      await event;
      await el.updateComplete;
      expect(errorText(el)).to.contain('Nid oedd modd llwytho’r gymuned hon');
    });
  });

  describe('when configured with store="local"', () => {
    it('provides a local store and the locale to elements inside it', async () => {
      const el = await fixture<KinCommunity>(html`<kin-community community="c-ctx" store="local" lang="cy"><kin-test-probe></kin-test-probe></kin-community>`);
      const probe = el.querySelector('kin-test-probe') as ProbeElement;
      await waitUntil(() => probe.shadowRoot!.querySelector('#store')!.textContent === 'local', 'store provided', {timeout: 5000});
      expect(probe.shadowRoot!.querySelector('#locale')!.textContent).to.equal('cy');
      expect(errorText(el)).to.equal('');
    });

    it('follows the page language when it has no lang of its own, and switches at run time', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><kin-community community="c-lang" store="local"><kin-test-probe></kin-test-probe></kin-community></div>`);
      const probe = wrapper.querySelector('kin-test-probe') as ProbeElement;
      await waitUntil(() => probe.shadowRoot!.querySelector('#locale')!.textContent === 'en', 'english first');
      const el = wrapper.querySelector('kin-community') as KinCommunity;
      el.lang = 'cy';
      await waitUntil(() => probe.shadowRoot!.querySelector('#locale')!.textContent === 'cy', 'welsh after switching');
    });
  });
});

describe('KinElement.define', () => {
  it('tolerates a second copy of the kit registering the same tag', () => {
    class SecondCopy extends KinCommunity {}
    const registered = SecondCopy.define('kin-community');
    expect(registered).to.equal(customElements.get('kin-community'));
    expect(registered).to.equal(KinCommunity);
  });
});

describe('when elements in the page upgrade before their root is defined', () => {
  it('still receive the community context once the root is defined', async () => {
    // As on a webmaster's page: the markup exists first, and define files run in import order.
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.innerHTML = '<kin-test-late-root community="c-late" store="local"><kin-test-late-probe></kin-test-late-probe></kin-test-late-root>';
    class LateProbe extends ProbeElement {}
    KinCommunity.define.call(LateProbe, 'kin-test-late-probe', LateProbe);
    class LateRoot extends KinCommunity {}
    LateRoot.define('kin-test-late-root');
    const probe = wrapper.querySelector('kin-test-late-probe') as ProbeElement;
    await waitUntil(() => probe.shadowRoot?.querySelector('#store')?.textContent === 'local', 'late root provided its store', {timeout: 5000});
  });
});
