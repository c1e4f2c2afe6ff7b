// <kin-discussion-thread>: an edit that adds contact details to a visible post holds it again (issue 7);
// the author is told, kindly and in their language, that it awaits review and why.
import {expect} from '@open-wc/testing';
import {$, alice, articleFor, disposeStores, eventually, nextCommunityId, openStore, post, ready, render, seed, type} from './discussion-thread.fixture.js';

async function editTo(el: HTMLElement & {updateComplete: Promise<boolean>}, id: string, body: string) {
  (articleFor(el, id)!.querySelector('[data-action="edit"]') as HTMLButtonElement).click();
  await el.updateComplete;
  const field = $(el, `textarea#edit-${id}`) as HTMLTextAreaElement;
  type(field, body);
  (field.closest('form')!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
}

describe('<kin-discussion-thread> when an edit holds a post again', () => {
  afterEach(disposeStores);
  beforeEach(() => sessionStorage.clear());

  it('shows the author "awaiting review" with the reason, announces it, and readers no longer see the post', async () => {
    const fx = seed(nextCommunityId(), [post('p1', alice, {body: 'Happy to chat'})]);
    const el = await render(await openStore(fx, 'alice'));
    await ready(el);
    expect(articleFor(el, 'p1')!.querySelector('[part="held"]')).to.equal(null);
    await editTo(el, 'p1', 'Happy to chat: alice.h@example.org');
    await eventually(() => articleFor(el, 'p1')?.querySelector('[part="held"]'), 'held notice');
    const held = articleFor(el, 'p1')!.querySelector('[part="held"]')!;
    expect(held.textContent).to.contain('Awaiting review');
    expect(held.textContent).to.match(/email|phone|contact/i);
    expect(articleFor(el, 'p1')!.querySelector('[part="post-body"]')!.textContent!.trim()).to.equal('Happy to chat: alice.h@example.org');
    await eventually(() => $(el, '[role="status"][aria-live="polite"]')!.textContent!.includes('awaits review by a moderator'), 'announcement');
    await expect(el).to.be.accessible();
    const reader = await render(await openStore(fx, 'bob'));
    await ready(reader);
    expect(articleFor(reader, 'p1')).to.equal(null);
  });

  it('a harmless edit stays visible with no notice', async () => {
    const el = await render(await openStore(seed(nextCommunityId(), [post('p1', alice, {body: 'Typo hre'})]), 'alice'));
    await ready(el);
    await editTo(el, 'p1', 'Typo here');
    await eventually(() => articleFor(el, 'p1')!.querySelector('.edited time'), 'edited mark');
    expect(articleFor(el, 'p1')!.querySelector('[part="held"]')).to.equal(null);
  });
});
