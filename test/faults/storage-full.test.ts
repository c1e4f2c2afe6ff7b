// Issue 17: storage full. The browser's real sessionStorage quota is filled; the thread keeps the
// draft in memory, says so plainly, and still posts it.
import {expect} from '@open-wc/testing';
import {$, alice, articleFor, nextCommunityId, once, openStore, post, ready, render, seed, type, disposeStores} from '../components/discussion-thread.fixture.js';

/** Fills sessionStorage to its real quota (down to the last few bytes); returns how many items it took. */
function fillSessionStorage(): number {
  let i = 0;
  for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 4)) {
    const chunk = 'x'.repeat(size);
    try {
      for (;;) sessionStorage.setItem(`kin-test-fill:${i++}`, chunk);
    } catch {
      // QuotaExceededError at this size: try smaller pieces.
    }
  }
  return i;
}

describe('faults: storage full', () => {
  afterEach(async () => {
    sessionStorage.clear();
    await disposeStores();
  });

  it('keeps the draft in memory with a clear notice, and the post still goes out', async () => {
    const store = await openStore(seed(nextCommunityId(), [post('p1', alice)]), 'alice');
    const el = await render(store);
    await ready(el);
    expect(fillSessionStorage()).to.be.above(0);
    const field = $(el, 'textarea#compose') as HTMLTextAreaElement;
    type(field, 'Kept even with a full disk');
    await el.updateComplete;
    expect($(el, '#compose-hint')!.textContent).to.include('kept only while this page stays open');
    await expect(el).to.be.accessible();
    const created = once(el, 'kin-post-created');
    ($(el, 'form.composer [part="submit"]') as HTMLButtonElement).click();
    const ev = await created;
    await el.updateComplete;
    expect(articleFor(el, ev.postId)!.textContent).to.include('Kept even with a full disk');
  });
});
