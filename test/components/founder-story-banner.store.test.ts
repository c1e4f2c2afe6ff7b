// <kin-founder-story-banner> with the story from a store (a seeded in-memory LocalStore), alone and
// mixed with page content, and editing it in place.
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/components/founder-story-banner/kin-founder-story-banner.js';
import '../../src/components/community/kin-community.js';
import type {KinFounderStoryBanner} from '../../src/components/founder-story-banner/founder-story-banner.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {KindredError} from '../../src/data/errors.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {FounderStory} from '../../src/data/types.js';
import {member, privateRecord, roles, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import type {KinErrorEvent} from '../../src/events/kin-error.js';
import type {KinStorySavedEvent} from '../../src/events/story-saved.js';
import {$, text} from '../support/dom.js';

const visible = (node: Element | null) => !!node && node.getClientRects().length > 0;

const STORY: FounderStory = {
  name: 'Sarah Jones',
  role: {en: 'Founder, mum of Cai', cy: 'Sylfaenydd, mam Cai'},
  quote: {en: 'Nobody should feel alone at 3am.', cy: 'Ni ddylai neb deimlo’n unig am 3 y bore.'},
  story: {en: 'When Cai was diagnosed, I searched for other parents.\n\nSo I started this group.'},
  imageUrl: 'https://images.example.org/sarah.jpg',
  imageAlt: {en: 'Sarah smiling on a beach with her son', cy: 'Sarah yn gwenu ar draeth gyda’i mab'},
  cta: {label: {en: 'Join the community', cy: 'Ymunwch â’r gymuned'}, url: 'https://asthma.example.org/join'},
  toldAt: Date.UTC(2023, 4, 14, 12),
  memorial: false,
  approvedBy: 'u-founder',
  approvedAt: Date.UTC(2023, 4, 14, 12),
};

const UIDS = ['u-founder', 'u-admin', 'u-mod', 'u-member'];
function seed(story: FounderStory | null = STORY): SeedFixture {
  const fixtureData = sampleSeed(uniqueCommunityId('story'), {
    members: UIDS.map((uid) => member(uid)),
    roles: [roles('u-founder', ['founder']), roles('u-admin', ['admin']), roles('u-mod', ['moderator'])],
  }, {founderStory: story});
  fixtureData.privates = UIDS.map((uid) => privateRecord(uid, fixtureData.community));
  return fixtureData;
}

const stores: CommunityStore[] = [];
async function open(story: FounderStory | null = STORY, uid: string | null = null): Promise<CommunityStore> {
  const fixtureData = seed(story);
  const store = await LocalStore.open({
    communityId: fixtureData.community.id, seed: fixtureData, persistence: 'memory',
    user: uid ? {uid, anonymous: false} : null,
  });
  stores.push(store);
  return store;
}

async function storedStory(store: CommunityStore): Promise<FounderStory | null> {
  return new Promise((resolve, reject) => {
    const unsub = store.watchCommunity((c) => {
      queueMicrotask(() => unsub());
      resolve(c?.founderStory ?? null);
    }, reject);
  });
}

/** The same store with some methods replaced (what a slow or failing network looks like to the element). */
function withOverrides(store: CommunityStore, overrides: Partial<CommunityStore>): CommunityStore {
  return new Proxy(store, {
    get(target, prop) {
      if (prop in overrides) return overrides[prop as keyof CommunityStore];
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function ready(el: KinFounderStoryBanner) {
  await waitUntil(() => !$(el, '.skeleton') && !!$(el, '[part="name"]'), 'story did not load');
  await el.updateComplete;
}

describe('<kin-founder-story-banner> with a store', () => {
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
  });

  describe('when the story comes from the data only', () => {
    it('shows every stored field, the photo with its alt text and an excerpt', async () => {
      const store = await open();
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store}></kin-founder-story-banner>`);
      await ready(el);
      expect(text($(el, '[part="name"]'))).to.equal('Sarah Jones');
      expect(text($(el, '[part="role"]'))).to.equal('Founder, mum of Cai');
      expect(text($(el, '[part="quote"]'))).to.equal('Nobody should feel alone at 3am.');
      expect($<HTMLImageElement>(el, '[part="image"] img')!.alt).to.equal('Sarah smiling on a beach with her son');
      expect($<HTMLAnchorElement>(el, 'a[part="cta"]')!.href).to.equal('https://asthma.example.org/join');
      expect($(el, 'time')!.getAttribute('datetime')).to.equal('2023-05-14');
      const paragraphs = [...el.shadowRoot!.querySelectorAll('[part="story"] p')];
      expect(paragraphs.map(text)).to.deep.equal(['When Cai was diagnosed, I searched for other parents.']);
      $<HTMLButtonElement>(el, 'button.more')!.click();
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll('[part="story"] p')].map(text)).to.deep.equal([
        'When Cai was diagnosed, I searched for other parents.', 'So I started this group.']);
      await expect(el).to.be.accessible();
    });

    it('follows live changes and ends its subscription when removed', async () => {
      const store = await open(STORY, 'u-founder');
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store}></kin-founder-story-banner>`);
      await ready(el);
      const {approvedBy: _a, approvedAt: _b, ...input} = STORY;
      await store.updateFounderStory({...input, quote: {en: 'Changed quote.'}});
      await waitUntil(() => text($(el, '[part="quote"]')) === 'Changed quote.', 'live update not shown');
      expect(el.subscribed).to.equal(true);
      el.remove();
      expect(el.subscribed).to.equal(false);
    });
  });

  describe('when page and data are mixed', () => {
    it('lets page content win field by field', async () => {
      const store = await open();
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store} name="Sarah J."
          cta-label="Read Sarah’s story">
          <p slot="story">The page’s own paragraph.</p>
        </kin-founder-story-banner>`);
      await ready(el);
      expect(text($(el, '[part="name"]'))).to.equal('Sarah J.');
      expect(text($(el, '[part="quote"]'))).to.equal('Nobody should feel alone at 3am.');
      expect(text($(el, '[part="role"]'))).to.equal('Founder, mum of Cai');
      const slot = $<HTMLSlotElement>(el, 'slot[name="story"]')!;
      expect(slot.assignedElements().map(text)).to.deep.equal(['The page’s own paragraph.']);
      expect(visible(el.querySelector('[slot="story"]'))).to.equal(true);
      const a = $<HTMLAnchorElement>(el, 'a[part="cta"]')!;
      expect([text(a), a.href]).to.deep.equal(['Read Sarah’s story', 'https://asthma.example.org/join']);
      await expect(el).to.be.accessible();
    });

    it('takes the page link and label over the stored call to action', async () => {
      const store = await open();
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store}
          cta-label="Donate" cta-href="https://asthma.example.org/give"></kin-founder-story-banner>`);
      await ready(el);
      const a = $<HTMLAnchorElement>(el, 'a[part="cta"]')!;
      expect([text(a), a.href]).to.deep.equal(['Donate', 'https://asthma.example.org/give']);
    });
  });

  describe('memorial mode from the data', () => {
    it('keeps a call to action set in a memorial story, and hides a stored one when the page turns memorial on', async () => {
      const store = await open({...STORY, memorial: true});
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <kin-founder-story-banner .store=${store}></kin-founder-story-banner></div>`);
      const el = wrapper.querySelector('kin-founder-story-banner')!;
      await ready(el);
      expect(text($(el, '[part="name"]'))).to.equal('In memory of Sarah Jones');
      expect(text($(el, 'a[part="cta"]'))).to.equal('Join the community');
      await expect(el).to.be.accessible();

      const living = await open();
      const el2 = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner memorial .store=${living}></kin-founder-story-banner>`);
      await ready(el2);
      expect(text($(el2, '[part="name"]'))).to.equal('In memory of Sarah Jones');
      expect($(el2, 'a')).to.equal(null);
    });
  });

  describe('language', () => {
    it('shows Welsh where it exists and falls back to English, marked and announced, where not', async () => {
      const store = await open();
      const root = await fixture(html`<kin-community lang="cy" .store=${store}>
          <kin-founder-story-banner></kin-founder-story-banner></kin-community>`);
      const el = root.querySelector('kin-founder-story-banner')!;
      await ready(el);
      expect(text($(el, '[part="quote"]'))).to.equal('Ni ddylai neb deimlo’n unig am 3 y bore.');
      expect($(el, '[part="quote"] [lang]')).to.equal(null);
      const para = $(el, '[part="story"] p')!;
      expect(para.getAttribute('lang')).to.equal('en');
      const note = $(el, '.fallback')!;
      expect(visible(note)).to.equal(true);
      expect(text(note)).to.equal('Nid yw’r stori hon ar gael yn Gymraeg eto.');
      expect($<HTMLImageElement>(el, 'img')!.alt).to.equal('Sarah yn gwenu ar draeth gyda’i mab');
      await expect(el).to.be.accessible();
    });

    it('shows no fallback note in English', async () => {
      const store = await open();
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store}></kin-founder-story-banner>`);
      await ready(el);
      expect($(el, '.fallback')).to.equal(null);
      expect($(el, '[part="story"] p')!.hasAttribute('lang')).to.equal(false);
    });
  });

  describe('states', () => {
    it('shows a skeleton with reserved space while loading, then the story', async () => {
      const real = await open();
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = withOverrides(real, {
        watchCommunity: (next, error) => {
          let unsub: (() => void) | null = null;
          let stopped = false;
          void gate.then(() => {
            if (!stopped) unsub = real.watchCommunity(next, error);
          });
          return () => {
            stopped = true;
            unsub?.();
          };
        },
      });
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${slow}></kin-founder-story-banner>`);
      const skeleton = $(el, '.skeleton')!;
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
      release();
      await ready(el);
      expect(text($(el, '[part="name"]'))).to.equal('Sarah Jones');
    });

    it('shows a load error with a retry that works', async () => {
      const real = await open();
      let failures = 1;
      const flaky = withOverrides(real, {
        watchCommunity: (next, error) => {
          if (failures-- > 0) {
            queueMicrotask(() => error(new KindredError('unavailable', 'The network is down.')));
            return () => {};
          }
          return real.watchCommunity(next, error);
        },
      });
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${flaky}></kin-founder-story-banner>`);
      await waitUntil(() => $(el, '.error'), 'no error state');
      expect($(el, '.error')!.getAttribute('role')).to.equal('alert');
      expect(text($(el, '.error'))).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'button.retry')!.click();
      await ready(el);
      expect($(el, '.error')).to.equal(null);
    });

    it('keeps showing the last story when offline, and says so', async () => {
      const store = await open();
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store}></kin-founder-story-banner>`);
      await ready(el);
      window.dispatchEvent(new Event('offline'));
      await el.updateComplete;
      expect(text($(el, '.offline'))).to.contain('You are offline');
      expect(text($(el, '[part="quote"]'))).to.equal('Nobody should feel alone at 3am.');
      await expect(el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect($(el, '.offline')).to.equal(null);
    });

    it('renders nothing visible when neither page nor data has a story', async () => {
      const store = await open(null);
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store}></kin-founder-story-banner>`);
      await waitUntil(() => !$(el, '.skeleton'), 'still loading');
      expect(el.getBoundingClientRect().height).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('editing', () => {
    for (const uid of ['u-founder', 'u-admin']) {
      it(`offers "Edit story" to ${uid.slice(2)}`, async () => {
        const store = await open(STORY, uid);
        const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner editable .store=${store}></kin-founder-story-banner>`);
        await ready(el);
        await waitUntil(() => $(el, 'button.edit'), 'no edit button');
        await expect(el).to.be.accessible();
      });
    }

    for (const uid of ['u-member', 'u-mod', null]) {
      it(`is read-only for ${uid ? uid.slice(2) : 'a signed-out visitor'}`, async () => {
        const store = await open(STORY, uid);
        const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner editable .store=${store}></kin-founder-story-banner>`);
        await ready(el);
        await new Promise((r) => setTimeout(r, 50));
        await el.updateComplete;
        expect($(el, 'button.edit')).to.equal(null);
      });
    }

    it('is read-only for a founder when the element is not editable', async () => {
      const store = await open(STORY, 'u-founder');
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner .store=${store}></kin-founder-story-banner>`);
      await ready(el);
      await new Promise((r) => setTimeout(r, 50));
      expect($(el, 'button.edit')).to.equal(null);
    });

    async function openEditor(uid = 'u-founder') {
      const store = await open(STORY, uid);
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner editable .store=${store}></kin-founder-story-banner>`);
      await ready(el);
      await waitUntil(() => $(el, 'button.edit'), 'no edit button');
      $<HTMLButtonElement>(el, 'button.edit')!.click();
      await waitUntil(() => $(el, 'form'), 'no form');
      await el.updateComplete;
      return {store, el};
    }
    const type = (el: KinFounderStoryBanner, id: string, value: string) => {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', {bubbles: true}));
    };

    it('saves through the store after a kin-story-save request, then fires kin-story-saved', async () => {
      const {store, el} = await openEditor();
      expect(el.shadowRoot!.activeElement?.id).to.equal('f-name');
      expect($<HTMLInputElement>(el, '#f-quote')!.value).to.equal('Nobody should feel alone at 3am.');
      await expect(el).to.be.accessible();
      type(el, 'f-quote', 'We are stronger together.');
      type(el, 'f-story-cy', 'Pan gafodd Cai ddiagnosis…');
      const request = oneEvent(el, 'kin-story-save');
      const saved = oneEvent(el, 'kin-story-saved');
      $<HTMLButtonElement>(el, 'button.save')!.click();
      const req = await request;
      expect(req.cancelable).to.equal(true);
      expect(((await saved) as unknown as KinStorySavedEvent).communityId).to.equal(store.communityId);
      const after = (await storedStory(store))!;
      expect(after.quote).to.deep.equal({en: 'We are stronger together.', cy: STORY.quote.cy});
      expect(after.story.cy).to.equal('Pan gafodd Cai ddiagnosis…');
      expect(after.approvedBy).to.equal('u-founder');
      await waitUntil(() => text($(el, '[part="quote"]')) === 'We are stronger together.', 'new quote not shown');
      expect($(el, 'form')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'button.edit'));
    });

    it('writes nothing when kin-story-save is cancelled, and keeps what was typed', async () => {
      const {store, el} = await openEditor('u-admin');
      type(el, 'f-quote', 'Not yet.');
      el.addEventListener('kin-story-save', (e) => e.preventDefault(), {once: true});
      const request = oneEvent(el, 'kin-story-save');
      $<HTMLButtonElement>(el, 'button.save')!.click();
      await request;
      await new Promise((r) => setTimeout(r, 50));
      expect((await storedStory(store))!.quote.en).to.equal(STORY.quote.en);
      expect($<HTMLInputElement>(el, '#f-quote')!.value).to.equal('Not yet.');
    });

    it('shows a validation error on the field, keeps the input, and writes nothing', async () => {
      const {store, el} = await openEditor();
      type(el, 'f-image-url', 'https://images.example.org/new.jpg');
      type(el, 'f-image-alt', '');
      let requested = false;
      el.addEventListener('kin-story-save', () => (requested = true));
      $<HTMLButtonElement>(el, 'button.save')!.click();
      await waitUntil(() => text($(el, '.form-error')), 'no error shown');
      expect(text($(el, '.form-error'))).to.contain('Check “Photo description');
      const alt = $<HTMLInputElement>(el, '#f-image-alt')!;
      expect(alt.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(alt);
      expect($<HTMLInputElement>(el, '#f-image-url')!.value).to.equal('https://images.example.org/new.jpg');
      expect(requested).to.equal(false);
      expect((await storedStory(store))!.imageUrl).to.equal(STORY.imageUrl);
      await expect(el).to.be.accessible();
    });

    it('shows the store’s refusal, fires kin-error and keeps the input', async () => {
      const {store, el} = await openEditor();
      // The founder's role is revoked while the form is open: the store refuses the write.
      const refusing = withOverrides(store, {
        updateFounderStory: () => Promise.reject(new KindredError('permission-denied', 'Only a founder or admin can change the story.')),
      });
      el.store = refusing;
      await el.updateComplete;
      await waitUntil(() => $(el, 'form'), 'form closed');
      type(el, 'f-quote', 'Kept.');
      const error = oneEvent(el, 'kin-error');
      $<HTMLButtonElement>(el, 'button.save')!.click();
      expect(((await error) as unknown as KinErrorEvent).code).to.equal('permission-denied');
      await el.updateComplete;
      expect(text($(el, '.form-error'))).to.contain('You do not have permission');
      expect($<HTMLInputElement>(el, '#f-quote')!.value).to.equal('Kept.');
    });
  });
});
