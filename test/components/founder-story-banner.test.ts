// <kin-founder-story-banner> with content from the page only (no store, no <kin-community>).
import {aTimeout, expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/components/founder-story-banner/kin-founder-story-banner.js';
import type {KinFounderStoryBanner} from '../../src/components/founder-story-banner/founder-story-banner.js';
import type {KinErrorEvent} from '../../src/events/kin-error.js';
import {$, text} from '../support/dom.js';

const visible = (node: Element | null) => !!node && node.getClientRects().length > 0;

describe('<kin-founder-story-banner>', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await setViewport({width: 800, height: 600});
  });

  describe('when the content comes from the page only', () => {
    it('shows name, role, quote, story, a localised date and the call to action', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones"
          founder-role="Founder, mum of Cai" quote="Nobody should feel alone at 3am." told="2023-05-14"
          cta-label="Join us" cta-href="https://asthma.example.org/join">
          <p slot="story">When Cai was diagnosed, I searched for other parents.</p>
        </kin-founder-story-banner>`);
      const heading = $(el, '[part="name"]')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('2');
      expect(text(heading)).to.equal('Sarah Jones');
      expect(text($(el, '[part="role"]'))).to.equal('Founder, mum of Cai');
      expect(text($(el, '[part="quote"]'))).to.equal('Nobody should feel alone at 3am.');
      const slot = $<HTMLSlotElement>(el, 'slot[name="story"]')!;
      expect(text(slot.assignedElements()[0])).to.contain('When Cai was diagnosed');
      const time = $(el, 'time')!;
      expect(time.getAttribute('datetime')).to.equal('2023-05-14');
      expect(text(time)).to.equal('14 May 2023');
      const cta = $<HTMLAnchorElement>(el, 'a[part="cta"]')!;
      expect(cta.href).to.equal('https://asthma.example.org/join');
      expect(text(cta)).to.equal('Join us');
      await expect(el).to.be.accessible();
    });

    it('uses heading-level for the page outline', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones" heading-level="3">
        </kin-founder-story-banner>`);
      expect($(el, '[part="name"]')!.getAttribute('aria-level')).to.equal('3');
    });

    it('shows initials, in space reserved for the photo, when there is no photo', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="sarah ann jones" quote="Hi">
        </kin-founder-story-banner>`);
      expect($(el, 'img')).to.equal(null);
      const initials = $(el, '.initials')!;
      expect(text(initials)).to.equal('SJ');
      expect(initials.getAttribute('aria-hidden')).to.equal('true');
      const media = $(el, '[part="image"]')!;
      expect(getComputedStyle(media).aspectRatio).to.not.equal('auto');
      expect(media.getBoundingClientRect().height).to.be.greaterThan(50);
      await expect(el).to.be.accessible();
    });

    it('shows a photo with its alt text, with its box sized before the file arrives', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones"
          image="/no-such-founder-photo.jpg" image-alt="Sarah smiling on a beach with her son">
        </kin-founder-story-banner>`);
      const img = $<HTMLImageElement>(el, '[part="image"] img')!;
      expect(img.alt).to.equal('Sarah smiling on a beach with her son');
      expect(new URL(img.src).pathname).to.equal('/no-such-founder-photo.jpg');
      expect($(el, '[part="image"]')!.getBoundingClientRect().height).to.be.greaterThan(50);
      expect($(el, '.initials')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the photo has no alt text', () => {
    it('shows initials instead, fires kin-error and logs nothing; no warning without dev-warnings', async () => {
      const logged: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = document.createElement('kin-founder-story-banner');
        el.setAttribute('name', 'Sarah Jones');
        el.setAttribute('image', 'https://images.example.org/sarah.jpg');
        const event = oneEvent(el, 'kin-error');
        wrapper.append(el);
        const e = (await event) as unknown as KinErrorEvent;
        expect(e.code).to.equal('invalid-argument');
        expect(e.message).to.contain('alt text');
        await el.updateComplete;
        expect($(el, 'img')).to.equal(null);
        expect(text($(el, '.initials'))).to.equal('SJ');
        expect($(el, '.warnings')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(logged).to.deep.equal([]);
    });

    it('shows a visible authoring warning with dev-warnings', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner dev-warnings name="Sarah Jones"
          image="https://images.example.org/sarah.jpg"></kin-founder-story-banner>`);
      expect(visible($(el, '.warnings'))).to.equal(true);
      expect(text($(el, '.warnings'))).to.contain('no alt text');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the call to action is not https:', () => {
    for (const href of ['javascript:alert(1)', 'http://asthma.example.org/join', 'data:text/html,hi']) {
      it(`does not render ${href.split(':')[0]}: and fires kin-error`, async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = document.createElement('kin-founder-story-banner');
        el.setAttribute('name', 'Sarah Jones');
        el.setAttribute('cta-label', 'Join');
        el.setAttribute('cta-href', href);
        const event = oneEvent(el, 'kin-error');
        wrapper.append(el);
        expect(((await event) as unknown as KinErrorEvent).code).to.equal('invalid-argument');
        await el.updateComplete;
        expect($(el, 'a')).to.equal(null);
      });
    }
  });

  describe('when in memorial mode', () => {
    it('says "In memory of", uses the calmer palette and keeps a call to action only when set', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <kin-founder-story-banner name="Sarah Jones" quote="Q" cta-label="Join" cta-href="https://a.example.org/"></kin-founder-story-banner>
        <kin-founder-story-banner memorial name="Sarah Jones" quote="Q"></kin-founder-story-banner>
        <kin-founder-story-banner memorial name="Sarah Jones" quote="Q" cta-label="Donate in her memory" cta-href="https://a.example.org/give">
        </kin-founder-story-banner>
      </div>`);
      const [normal, memorial, memorialCta] = [...wrapper.querySelectorAll('kin-founder-story-banner')];
      await Promise.all([normal, memorial, memorialCta].map((e) => e.updateComplete));
      expect(text($(memorial, '[part="name"]'))).to.equal('In memory of Sarah Jones');
      const bg = (e: Element) => getComputedStyle($(e, '[part="base"]')!).backgroundColor;
      const accent = (e: Element) => getComputedStyle($(e, '[part="base"]')!).borderTopColor;
      expect(bg(memorial)).to.not.equal(bg(normal));
      expect(accent(memorial)).to.not.equal(accent(normal));
      expect(parseFloat(getComputedStyle($(memorial, '[part="base"]')!).borderTopWidth)).to.be.lessThan(
        parseFloat(getComputedStyle($(normal, '[part="base"]')!).borderTopWidth));
      expect($(memorial, 'a')).to.equal(null);
      expect(text($(memorialCta, 'a[part="cta"]'))).to.equal('Donate in her memory');
      for (const e of [memorial, memorialCta]) await expect(e).to.be.accessible();
    });
  });

  describe('when the story is long', () => {
    it('collapses to an excerpt with a keyboard-operable "Read more" disclosure', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones">
          <p slot="quote">A pull quote.</p>
          <p slot="story">First paragraph.</p>
          <p slot="story">Second paragraph.</p>
          <p slot="story">Third paragraph.</p>
        </kin-founder-story-banner>`);
      const [first, second, third] = [...el.querySelectorAll('[slot="story"]')];
      const button = $<HTMLButtonElement>(el, 'button.more')!;
      expect(text(button)).to.equal('Read more');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const controlled = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
      expect(controlled.getAttribute('part')).to.equal('story');
      expect(visible(first)).to.equal(true);
      expect(visible(second)).to.equal(false);
      expect(visible(third)).to.equal(false);
      await expect(el).to.be.accessible();

      button.focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(text(button)).to.equal('Show less');
      expect(visible(second) && visible(third)).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await expect(el).to.be.accessible();

      await sendKeys({press: 'Space'});
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(visible(second)).to.equal(false);
    });

    it('has no disclosure when the story is one short paragraph', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones">
          <p slot="story">Only paragraph.</p></kin-founder-story-banner>`);
      expect($(el, 'button.more')).to.equal(null);
    });
  });

  describe('variants', () => {
    const story = html`<p slot="story">One.</p><p slot="story">Two.</p>`;

    it('banner (the default, reflected) puts the photo beside the text when wide', async () => {
      await setViewport({width: 1000, height: 800});
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones" quote="Q">${story}
        </kin-founder-story-banner>`);
      expect(el.getAttribute('variant')).to.equal('banner');
      const media = $(el, '.media')!.getBoundingClientRect();
      const textBox = $(el, '.text')!.getBoundingClientRect();
      expect(textBox.left).to.be.greaterThanOrEqual(media.right);
      await expect(el).to.be.accessible();
    });

    it('card stacks the photo above the text', async () => {
      await setViewport({width: 1000, height: 800});
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner variant="card" name="Sarah Jones" quote="Q">${story}
        </kin-founder-story-banner>`);
      expect(el.getAttribute('variant')).to.equal('card');
      expect($(el, '.text')!.getBoundingClientRect().top).to.be.greaterThanOrEqual($(el, '.media')!.getBoundingClientRect().bottom);
      await expect(el).to.be.accessible();
    });

    it('compact is one line and a link; the story opens on demand', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones" quote="Q"
          cta-label="Join" cta-href="https://a.example.org/">${story}</kin-founder-story-banner>`);
      el.variant = 'compact';
      await el.updateComplete;
      expect(el.getAttribute('variant')).to.equal('compact');
      expect(visible($(el, '[part="quote"]'))).to.equal(false);
      expect(visible(el.querySelector('[slot="story"]'))).to.equal(false);
      const name = $(el, '[part="name"]')!.getBoundingClientRect();
      const link = $(el, 'a[part="cta"]')!.getBoundingClientRect();
      expect(Math.abs(name.top + name.height / 2 - (link.top + link.height / 2))).to.be.lessThan(12);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'button.more')!.click();
      await el.updateComplete;
      expect(visible(el.querySelector('[slot="story"]'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('reflows to 320 px without horizontal scrolling', async () => {
      await setViewport({width: 320, height: 640});
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones" quote="A long quote that has to wrap on a small screen"
          founder-role="Founder, mum of Cai" cta-label="Join the community today" cta-href="https://a.example.org/">${story}
        </kin-founder-story-banner>`);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect($(el, '[part="base"]')!.scrollWidth).to.be.at.most(Math.ceil($(el, '[part="base"]')!.clientWidth));
      await expect(el).to.be.accessible();
    });
  });

  describe('when there is no story anywhere', () => {
    it('renders nothing visible but keeps the empty slot', async () => {
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner></kin-founder-story-banner>`);
      expect(el.getBoundingClientRect().height).to.equal(0);
      const withEmpty = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner>
          <p slot="empty">Our founder’s story is coming soon.</p></kin-founder-story-banner>`);
      expect(visible(withEmpty.querySelector('[slot="empty"]'))).to.equal(true);
      await expect(el).to.be.accessible();
      await expect(withEmpty).to.be.accessible();
    });
  });

  describe('language', () => {
    it('speaks the page language (Welsh) in its own strings', async () => {
      document.documentElement.lang = 'cy';
      const el = await fixture<KinFounderStoryBanner>(html`<kin-founder-story-banner name="Sarah Jones" memorial told="2023-05-14">
          <p slot="story">Un.</p><p slot="story">Dau.</p></kin-founder-story-banner>`);
      expect(text($(el, 'button.more'))).to.equal('Darllen mwy');
      expect(text($(el, '[part="name"]'))).to.equal('Er cof am Sarah Jones');
      expect(text($(el, '.told'))).to.contain('Adroddwyd y stori ar');
      // Chromium has no Welsh date data; the kit formats Welsh dates itself.
      expect(text($(el, '.told time'))).to.equal('14 Mai 2023');
      await aTimeout(0);
      await expect(el).to.be.accessible();
    });
  });
});
