// Issue 12: every misconfiguration a newcomer can make is named in place, says how to fix it, and
// fires kin-error; none ends in a generic "could not find that".
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {KinCommunity} from '../../src/components/community/community.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/founder-story-banner/kin-founder-story-banner.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {KinErrorEvent} from '../../src/events/kin-error.js';
import {emulatorHost} from '../support/env.js';

const errorText = (el: Element) => el.shadowRoot!.querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Mounts a root from markup and resolves with the first kin-error it fires. */
async function mount(markup: string): Promise<{el: KinCommunity; error: KinErrorEvent}> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const template = document.createElement('template');
  template.innerHTML = markup;
  const el = template.content.querySelector('kin-community') as KinCommunity;
  const event = oneEvent(el, 'kin-error');
  wrapper.append(template.content);
  const error = (await event) as unknown as KinErrorEvent;
  await el.updateComplete;
  return {el, error};
}

describe('<kin-community> set-up errors (issue 12)', function () {
  // One test talks to the Firestore emulator: generous on a loaded machine.
  this.timeout(90000);
  it('the README Firebase snippet pasted literally: names the placeholders and how to fix them, before any request', async () => {
    const before = performance.getEntriesByType('resource').length;
    const {el, error} = await mount(`<kin-community community="asthma-cymru" project-id="…" api-key="…" app-id="…" auth-domain="…">
      <kin-founder-story-banner></kin-founder-story-banner><kin-discussion-thread thread-key="walk-2026"></kin-discussion-thread></kin-community>`);
    expect(error.code).to.equal('misconfigured');
    expect(error.message).to.contain('Firebase configuration is incomplete');
    const shown = errorText(el);
    expect(shown).to.contain('Firebase configuration is incomplete');
    expect(shown).to.contain('api-key="…"');
    expect(shown).to.contain('Project settings');
    expect(shown).to.contain('store="local"');
    const thread = el.querySelector('kin-discussion-thread')!;
    await waitUntil(() => thread.shadowRoot?.querySelector('[part="error"]'), 'the thread shows the set-up error');
    expect(thread.shadowRoot!.textContent).not.to.contain('could not find');
    const contacted = performance.getEntriesByType('resource').slice(before).map((e) => e.name).filter((n) => /googleapis|firebase/.test(n));
    expect(contacted, 'no request to Google with placeholder values').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('names other placeholders ("YOUR_API_KEY", "...")', async () => {
    const {el} = await mount(`<kin-community community="c1" project-id="my-charity-prod" api-key="YOUR_API_KEY" app-id="..."></kin-community>`);
    expect(errorText(el)).to.contain('api-key="YOUR_API_KEY"');
    expect(errorText(el)).to.contain('app-id="..."');
  });

  it('calls malformed Firebase values invalid and says what each should look like', async () => {
    const {el, error} = await mount(`<kin-community community="c1" project-id="My Charity" api-key="abc123" app-id="1:2:web:3f" auth-domain="my-charity.firebaseapp.com"></kin-community>`);
    expect(error.code).to.equal('misconfigured');
    const shown = errorText(el);
    expect(shown).to.contain('Firebase configuration is invalid');
    expect(shown).to.contain('project-id="My Charity"');
    expect(shown).to.contain('starting "AIza"');
    expect(shown).not.to.contain('app-id="1:2:web:3f"');
  });

  it('refuses a seed made for another community instead of showing its founder', async () => {
    const {el, error} = await mount(`<kin-community community="my-charity" store="local" seed="/demo/seed.json">
      <kin-founder-story-banner></kin-founder-story-banner></kin-community>`);
    expect(error.code).to.equal('misconfigured');
    expect(errorText(el)).to.contain('The seed is for community "asthma-cymru", not "my-charity"');
    const banner = el.querySelector('kin-founder-story-banner')!;
    await banner.updateComplete;
    expect(banner.shadowRoot!.textContent).not.to.contain('Catrin');
  });

  it('LocalStore.open refuses a seed for another community', async () => {
    const seed = await (await fetch('/demo/seed.json')).json();
    let caught: unknown = null;
    try {
      await LocalStore.open({communityId: 'someone-else', seed, persistence: 'memory'});
    } catch (e) {
      caught = e;
    }
    expect((caught as {code?: string})?.code).to.equal('misconfigured');
    expect(String((caught as Error).message)).to.contain('"asthma-cymru", not "someone-else"');
  });

  it('names a community id that does not exist in the Firebase project', async () => {
    const {host, port} = emulatorHost();
    const {el, error} = await mount(`<kin-community community="no-such-community" project-id="demo-kindred-setup" emulator-host="${host}:${port}">
      <kin-discussion-thread thread-key="walk-2026"></kin-discussion-thread></kin-community>`);
    expect(error.code).to.equal('misconfigured');
    expect(errorText(el)).to.contain('Community "no-such-community" does not exist in this Firebase project');
    expect(errorText(el)).to.contain('Creating a community and its first admin');
    const thread = el.querySelector('kin-discussion-thread')!;
    await waitUntil(() => thread.shadowRoot?.querySelector('[part="error"]'), 'the thread names the problem too', {timeout: 10000});
    expect(thread.shadowRoot!.textContent).not.to.contain('could not find');
  });

  it('a preview takes its name from the name attribute, in Welsh too', async () => {
    const id = `named-${Date.now()}`;
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="cy"></div>`);
    wrapper.innerHTML = `<kin-community community="${id}" store="local" name="Grŵp Anadlu" lang="cy"><kin-founder-story-banner></kin-founder-story-banner></kin-community>`;
    const el = wrapper.querySelector('kin-community')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part="preview"]'), 'preview notice');
    expect(el.shadowRoot!.querySelector('[part="preview"]')!.textContent!.trim()).to.equal('Rhagolwg — wedi’i gadw yn y porwr hwn yn unig');
    const banner = el.querySelector('kin-founder-story-banner')!;
    await waitUntil(() => banner.shadowRoot?.textContent?.includes('Grŵp Anadlu'), 'banner names the preview');
    await expect(el).to.be.accessible();
    await LocalStore.reset({communityId: id, persistence: 'indexeddb'});
  });
});
