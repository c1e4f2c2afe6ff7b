// The one avatar/time/body module every element draws people and their words with (issue 13).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {render as litRender} from 'lit';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import '../../src/components/community/kin-community.js';
import {avatar, body, time} from '../../src/components/shared/parts.js';
import {exactTime} from '../../src/i18n/messages.js';
import {T0, alice, bob, disposeStores, nextCommunityId, openStore, post, seed} from './discussion-thread.fixture.js';

function draw(template: unknown): HTMLElement {
  const host = document.createElement('div');
  litRender(template, host);
  return host;
}

describe('shared parts', () => {
  afterEach(disposeStores);

  it('avatar: an https picture, otherwise initials in the member’s hue (never an http picture)', () => {
    const img = draw(avatar({name: 'Cara', url: 'https://example.org/cara.png', hue: 10})).querySelector('img')!;
    expect(img.getAttribute('src')).to.equal('https://example.org/cara.png');
    expect(img.getAttribute('alt')).to.equal('');
    const span = draw(avatar({name: 'Alice Hughes', url: 'http://example.org/a.png', hue: 400})).querySelector('span')!;
    expect(span.textContent).to.equal('AH');
    expect(span.getAttribute('part')).to.equal('avatar');
    expect(span.style.getPropertyValue('--_hue').trim()).to.equal('40');
    expect(draw(avatar({name: 'Alice Hughes', url: 'http://example.org/a.png', hue: 400})).querySelector('img')).to.equal(null);
  });

  it('time: relative text, with the exact time in datetime and title (English and Welsh)', () => {
    const ms = Date.now() - 3 * 60_000;
    const en = draw(time(ms, 'en')).querySelector('time')!;
    expect(en.getAttribute('datetime')).to.equal(new Date(ms).toISOString());
    expect(en.title).to.equal(exactTime(ms, 'en'));
    expect(en.textContent).to.equal('3 minutes ago');
    const cy = draw(time(ms, 'cy')).querySelector('time')!;
    expect(cy.title).to.equal(exactTime(ms, 'cy'));
  });

  it('body: paragraphs, line breaks and https links only', () => {
    const el = draw(body('One\ntwo https://example.org/help\n\nthree http://example.org/x <b>bold</b>'));
    expect(el.querySelectorAll('p')).to.have.length(2);
    expect(el.querySelectorAll('br')).to.have.length(1);
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/help']);
    expect(links[0].rel).to.contain('ugc');
    expect(el.querySelector('b')).to.equal(null);
    expect(el.textContent).to.contain('http://example.org/x <b>bold</b>');
  });

  it('the moderation queue shows a held post as its readers would: line breaks and https links kept', async () => {
    const fixtureData = seed(nextCommunityId(), [
      post('p1', alice, {body: 'Try this\nhttps://example.org/help', status: 'held', statusReason: 'links', createdAt: T0}),
    ]);
    const store = await openStore(fixtureData, bob.uid);
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store}><kin-moderation-queue></kin-moderation-queue></kin-community>`);
    const el = root.querySelector('kin-moderation-queue')!;
    await waitUntil(() => el.shadowRoot!.querySelector('.body a'), 'the held post with its link', {timeout: 5000});
    const text = el.shadowRoot!.querySelector('.body')!;
    expect(text.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/help');
    expect(text.querySelector('br')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.meta time')!.getAttribute('datetime')).to.equal(new Date(T0).toISOString());
    await expect(el).to.be.accessible();
  });
});
