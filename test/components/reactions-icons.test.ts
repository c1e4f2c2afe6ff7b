// Issue 18: reactions do not depend on an emoji font. The reaction controls show the kit's own inline
// SVG icons beside text labels (en and cy), and contain no emoji code points at all, for members
// (buttons) and visitors (static counts).
import {expect} from '@open-wc/testing';
import {$$, bob, disposeStores, nextCommunityId, openStore, post, ready, render, seed} from './discussion-thread.fixture.js';

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}]/u;

describe('<kin-discussion-thread> reactions without an emoji font', () => {
  afterEach(disposeStores);

  for (const [uid, lang, labels] of [
    ['alice', 'en', ['Heart', 'Hug', 'Me too', 'Thanks']],
    [null, 'en', ['Heart', 'Hug', 'Me too', 'Thanks']],
    ['alice', 'cy', ['Calon', 'Cwtsh', 'Fi hefyd', 'Diolch']],
  ] as const) {
    it(`shows SVG icons and text labels, and no emoji (${uid ? 'member' : 'visitor'}, ${lang})`, async () => {
      const store = await openStore(seed(nextCommunityId(), [post('p1', bob, {reactions: {heart: 2, hug: 1, metoo: 4, thanks: 3}})]), uid);
      const el = await render(store, {lang});
      await ready(el);
      const controls = $$(el, '.reaction');
      expect(controls.length).to.equal(4);
      expect(controls.map((c) => c.textContent!.replace(/\s+/g, ' ').trim().replace(/ \d+$/, ''))).to.deep.equal([...labels]);
      for (const c of controls) {
        expect(EMOJI.test(c.textContent!), `emoji in "${c.textContent}"`).to.equal(false);
        const svg = c.querySelector('svg')!;
        expect(svg, 'an inline SVG icon').to.not.equal(null);
        expect(svg.getAttribute('aria-hidden')).to.equal('true');
        expect(svg.getBoundingClientRect().width, 'the icon is drawn').to.be.greaterThan(8);
      }
      if (uid) expect(controls.every((c) => c.tagName === 'BUTTON' && c.getAttribute('aria-pressed') === 'false')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});
