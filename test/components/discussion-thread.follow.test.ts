// Issue 15: following a conversation from the thread, and links to one post (#post-<id>) from a notification
// or an email. Issue 14: after an admin bumps the guidelines version, a member agrees again before posting,
// reading the new guidelines under the composer, and nothing they typed is lost. LocalStore, real policy.
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {SeedFixture} from '../../src/data/seed.js';
import {$, $$, T0, TID, bob, disposeStores, nextCommunityId, openStore, post, ready, render, seed, type} from './discussion-thread.fixture.js';
import {shadowText} from '../support/dom.js';


function world(posts = [post('p1', bob), post('p2', bob, {createdAt: T0 + 1000})]): SeedFixture {
  const s = seed(nextCommunityId(), posts);
  return {...s, privates: [{uid: 'alice', guidelines: {version: 'g1', at: T0}, healthConsent: null, fieldVisibility: {}}]};
}

describe('<kin-discussion-thread> follow, links to a post, guidelines (issues 14, 15)', () => {
  afterEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    await disposeStores();
  });

  it('a member follows and unfollows the conversation with the keyboard; it is announced; a visitor sees no toggle', async () => {
    const w = world();
    const store = await openStore(w, 'alice');
    const el = await render(store);
    await ready(el);
    await waitUntil(() => $(el, '.follow-toggle'), 'follow toggle');
    const toggle = $(el, '.follow-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.textContent).to.contain('Follow this conversation');
    await expect(el).to.be.accessible();
    toggle.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => toggle.getAttribute('aria-pressed') === 'true', 'following');
    await waitUntil(() => shadowText(el).includes('You are following this conversation.'), 'announced');
    const following = await new Promise<boolean | null>((resolve, reject) => {
      const stop = store.watchFollowing(TID, (f) => { if (f !== null) { queueMicrotask(stop); resolve(f); } }, reject);
    });
    expect(following).to.equal(true);
    await sendKeys({press: 'Space'});
    await waitUntil(() => toggle.getAttribute('aria-pressed') === 'false', 'unfollowed');
    await expect(el).to.be.accessible();
    const visitor = await render(await openStore(w, null));
    await ready(visitor);
    expect($(visitor, '.follow-toggle')).to.equal(null);
  });

  it('a link to a post (#post-<id>) scrolls to it and focuses it, loading older posts when it is not among the newest', async () => {
    const posts = Array.from({length: 30}, (_x, i) => post(`q${String(i).padStart(2, '0')}`, bob, {createdAt: T0 + i * 1000}));
    history.replaceState(null, '', `${location.pathname}#post-q02`);
    const el = await render(await openStore(world(posts), 'alice'));
    await ready(el);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-post-id') === 'q02', 'linked post focused', {timeout: 8000});
    // A later link (the bell opening another notification) does the same.
    location.hash = '#post-q29';
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-post-id') === 'q29', 'second link focused');
    await expect(el).to.be.accessible();
  });

  it('after a guidelines bump the member reads them under the composer, agrees, and the same post is sent (en, cy)', async () => {
    const w = world();
    const admin = await openStore({...w, roles: [...w.roles!, {uid: 'bob', roles: ['moderator', 'admin'], clinicianScope: null, verifiedBy: null,
      verifiedAt: null, suspendedUntil: null, grantedBy: 'seed', updatedAt: T0}]}, 'bob');
    const c = await new Promise<import('../../src/data/types.js').Community>((resolve, reject) => {
      const stop = admin.watchCommunity((x) => { if (x) { queueMicrotask(stop); resolve(x); } }, reject);
    });
    await admin.updateCommunity({settings: {...c.settings, guidelinesVersion: 'g2',
      guidelines: {en: 'Be kind.\n\nNo medical advice: share what helped you.', cy: 'Byddwch yn garedig.'}}});
    const store = await openStore(w, 'alice');
    const el = await render(store);
    await ready(el);
    type($(el, '#compose') as HTMLTextAreaElement, 'My first post after the change');
    ($(el, 'button[part="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part="guidelines"]'), 'guidelines prompt');
    expect(shadowText(el)).to.contain('The community guidelines have changed');
    expect(shadowText(el)).to.contain('No medical advice: share what helped you.');
    expect(($(el, '#compose') as HTMLTextAreaElement).value).to.equal('My first post after the change');
    await expect(el).to.be.accessible();
    ($(el, '[data-action="agree"]') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, 'article').some((a) => a.textContent!.includes('My first post after the change')), 'post sent');
    expect((await store.getPrivateRecord())!.guidelines.version).to.equal('g2');
    expect($(el, '[part="guidelines"]')).to.equal(null);
    // Welsh: the prompt in Welsh, with the Welsh text.
    const w2 = world();
    const admin2 = await openStore({...w2, roles: [...w2.roles!, {uid: 'bob', roles: ['admin'], clinicianScope: null, verifiedBy: null,
      verifiedAt: null, suspendedUntil: null, grantedBy: 'seed', updatedAt: T0}]}, 'bob');
    await admin2.updateCommunity({settings: {...c.settings, guidelinesVersion: 'g2', guidelines: {en: 'Be kind.', cy: 'Byddwch yn garedig.'}}});
    const cy = await render(await openStore(w2, 'alice'), {lang: 'cy'});
    await ready(cy);
    type($(cy, '#compose') as HTMLTextAreaElement, 'Neges');
    ($(cy, 'button[part="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => $(cy, '[part="guidelines"]'), 'Welsh prompt');
    expect(shadowText(cy)).to.contain('Mae canllawiau’r gymuned wedi newid');
    expect(shadowText(cy)).to.contain('Byddwch yn garedig.');
    await expect(cy).to.be.accessible();
  });
});

