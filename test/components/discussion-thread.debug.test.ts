import {aTimeout} from '@open-wc/testing';
import {$, $$, disposeStores, nextCommunityId, openStore, seed, alice, post, TID, render, ready} from './discussion-thread.fixture.js';

describe('debug', () => {
  afterEach(disposeStores);
  it('logs', async () => {
    const fx = seed(nextCommunityId(), [post('p1', alice)]);
    const store = await openStore(fx, 'alice');
    const other = await openStore(fx, 'bob');
    const el = await render(store);
    await ready(el);
    store.watchPosts(TID, {limit: 20}, (p) => console.log('posts', p.length), (e) => console.log('perr', e.message));
    await other.createPost({id: other.newId(), threadId: TID, body: 'from bob'});
    await aTimeout(300);
    console.log($$(el, 'article').map((a) => a.dataset.postId).join(','), $(el, '[part="new-posts"]')?.textContent, $(el, '[role="status"]')?.textContent);
    const b = $(el, '[data-kind="heart"]') as HTMLButtonElement;
    b.click(); await aTimeout(200);
    console.log(b.outerHTML.replace(/<!--[^>]*-->/g, ''));
    b.click(); await aTimeout(200);
    console.log(b.outerHTML.replace(/<!--[^>]*-->/g, ''));
  });
});
