// The script-tag entry (src/cdn.ts) on its own: the less common elements load on first use.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/cdn.js';
import {LAZY_ELEMENTS} from '../../src/autoloader.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {sampleSeed, uniqueCommunityId} from '../support/builders.js';

describe('script-tag entry (cdn.ts) and its autoloader', () => {
  it('defines the root and crisis help at once', () => {
    for (const tag of ['kin-community', 'kin-crisis-help']) {
      expect(customElements.get(tag), tag).to.exist;
    }
  });

  it('registers every other element for loading on first use, and loads nothing before then', () => {
    expect(Object.keys(LAZY_ELEMENTS).sort()).to.deep.equal(
      ['kin-community-admin', 'kin-discussion-thread', 'kin-founder-story-banner', 'kin-join', 'kin-member-directory', 'kin-moderation-queue', 'kin-notifications', 'kin-peer-match-card', 'kin-profile']);
    expect(customElements.get('kin-moderation-queue')).to.equal(undefined);
    // Issue 16: the founder story banner left the entry; with none on this page its code never loads.
    expect(customElements.get('kin-founder-story-banner')).to.equal(undefined);
    const loaded = performance.getEntriesByType('resource').map((r) => r.name);
    expect(loaded.some((n) => n.includes('moderation-queue/moderation-queue'))).to.equal(false);
  });

  it('loads an element added to the page later and keeps a property set before its code arrived', async () => {
    const id = uniqueCommunityId('auto');
    const store = await LocalStore.open({communityId: id, seed: sampleSeed(id), persistence: 'memory', user: null});
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('kin-discussion-thread') as HTMLElement & {store?: unknown};
      el.setAttribute('thread-key', 'walk-2026');
      // A framework sets the property before the element is defined.
      el.store = store;
      wrapper.append(el);
      await waitUntil(() => customElements.get('kin-discussion-thread'), 'thread defined on first use', {timeout: 10000});
      await waitUntil(() => el.shadowRoot?.querySelector('[role="feed"], [part="empty"], .empty'), 'thread rendered with its store', {timeout: 10000});
      expect((el as unknown as {store: unknown}).store).to.equal(store);
    } finally {
      await store.dispose();
    }
  });
});
