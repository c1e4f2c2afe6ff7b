// End to end on the real Firestore emulator with the real firestore.rules: the element on FirebaseStore.
// Two members each have their own Firebase app (as two browsers would); a visitor has a third.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {KindredError} from '../../src/data/errors.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {$, KEY, TID, alice, articleFor, eventually, nextCommunityId, once, post, seed, type} from './discussion-thread.fixture.js';

const admin = new FirestoreAdmin('demo-kindred');
const stores: CommunityStore[] = [];

async function storeAs(communityId: string, uid: string | null) {
  const store = await createFirebaseStore({communityId, emulator: {...emulatorHost(), mockUser: uid ? {uid} : null}});
  stores.push(store);
  return store;
}

async function mount(store: CommunityStore) {
  const root = await fixture<HTMLElement>(html`<div><kin-community .store=${store}>
    <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
  </kin-community></div>`);
  return root.querySelector('kin-discussion-thread') as KinDiscussionThread;
}

/** Waits generously (the emulator on a busy CI machine). */
const slowly = (predicate: () => unknown, message: string) => waitUntil(predicate, message, {timeout: 30000, interval: 50});

async function rejection(p: Promise<unknown>): Promise<KindredError> {
  try {
    await p;
  } catch (e) {
    return e as KindredError;
  }
  throw new Error('expected the write to be refused');
}

describe('<kin-discussion-thread> on the Firestore emulator', function () {
  this.timeout(30000);
  let cid = '';
  beforeEach(async () => {
    sessionStorage.clear();
    cid = nextCommunityId();
    await admin.seed(seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]));
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose().catch(() => undefined)));
    await admin.removeCommunity(cid);
  });

  it('two members see each other’s posts and reactions live', async () => {
    const aliceEl = await mount(await storeAs(cid, 'alice'));
    const bobEl = await mount(await storeAs(cid, 'bob'));
    // Both listeners have the server's answer before anyone writes (see toolchain notes: emulator race).
    await slowly(() => articleFor(aliceEl, 'p1') && articleFor(bobEl, 'p1') && $(bobEl, 'textarea#compose'), 'both threads loaded');

    type($(bobEl, 'textarea#compose') as HTMLTextAreaElement, 'Hello back from Bob');
    const created = once(bobEl, 'kin-post-created');
    ($(bobEl, 'form.composer [part="submit"]') as HTMLButtonElement).click();
    const ev = await created;
    expect(articleFor(bobEl, ev.postId)).not.to.equal(null);

    await eventually(() => $(aliceEl, '[part="new-posts"]'), 'Alice is told of Bob’s post');
    ($(aliceEl, '[part="new-posts"]') as HTMLButtonElement).click();
    await eventually(() => articleFor(aliceEl, ev.postId)?.textContent?.includes('Hello back from Bob'), 'Bob’s post at Alice’s');

    const heart = () => articleFor(aliceEl, ev.postId)!.querySelector('[data-kind="heart"]') as HTMLButtonElement;
    await eventually(() => heart(), 'reaction buttons');
    heart().click();
    await eventually(() => heart().getAttribute('aria-pressed') === 'true', 'Alice’s heart pressed');
    await eventually(() => articleFor(bobEl, ev.postId)!.querySelector('[data-kind="heart"] .count')?.textContent === '1', 'Bob sees the heart live');
  });

  // Issue 17 (s5): where the reaction counting function keeps the counts (its marker on the community), a reaction
  // is its document alone and the post's count moves a second later, when the function recounts. The member's own
  // reaction still shows at once, pressed and counted, and the count then follows what the server stores.
  it('with counts kept by the server, a member\'s heart shows pressed and counted at once, then the stored count', async () => {
    const f = seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]);
    await admin.seed({...f, community: {...f.community, services: {reactionCounts: Date.now()}} as typeof f.community});
    const bobEl = await mount(await storeAs(cid, 'bob'));
    const heart = () => articleFor(bobEl, 'p1')?.querySelector('[data-kind="heart"]') as HTMLButtonElement | null;
    const count = () => heart()?.querySelector('.count')?.textContent;
    await slowly(() => heart() && count() === '0', 'the heart button, count 0');
    heart()!.click();
    await slowly(() => heart()!.getAttribute('aria-pressed') === 'true' && count() === '1', 'pressed and counted at once');
    // Saved: the reaction document alone; the post's stored count has not moved (no function runs in this test).
    const reaction = `communities/${cid}/threads/${TID}/reactions/p1_bob_heart`;
    await slowly(async () => (await admin.getRaw(reaction)) !== null, 'the reaction is stored');
    const stored = await admin.getRaw(`communities/${cid}/threads/${TID}/posts/p1`) as {reactions?: {mapValue: {fields: {heart: {integerValue: string}}}}};
    expect(stored.reactions!.mapValue.fields.heart.integerValue, 'the post was not written by the reaction').to.equal('0');
    expect(count(), 'still counted for Bob').to.equal('1');
    // The function's recount lands (written here as the function writes it, with the owner's rights): 2 hearts by then.
    await admin.writeDocs([[`communities/${cid}/threads/${TID}/posts/p1`, {...post('p1', alice, {body: 'Hello from Alice'}),
      id: undefined, threadId: undefined, warning: null, audience: 'everyone', reactions: {heart: 2, hug: 0, metoo: 0, thanks: 0}, reactionsCountedAt: Date.now()}]]);
    await slowly(() => count() === '2', 'the stored count once it moves');
    expect(heart()!.getAttribute('aria-pressed')).to.equal('true');
    await expect(bobEl).to.be.accessible();
  });

  it('a non-author cannot edit, and a visitor cannot post', async () => {
    const bobStore = await storeAs(cid, 'bob');
    const bobEl = await mount(bobStore);
    await eventually(() => articleFor(bobEl, 'p1'), 'thread loaded');
    expect(articleFor(bobEl, 'p1')!.querySelector('[data-action="edit"]')).to.equal(null);
    expect((await rejection(bobStore.editPost(TID, 'p1', 'Not yours'))).code).to.equal('permission-denied');

    const visitor = await storeAs(cid, null);
    const visitorEl = await mount(visitor);
    await eventually(() => articleFor(visitorEl, 'p1') && $(visitorEl, '[part="join"]'), 'visitor reads and is offered to join');
    expect($(visitorEl, 'textarea')).to.equal(null);
    const refused = await rejection(visitor.createPost({id: visitor.newId(), threadId: TID, body: 'Drive-by'}));
    expect(['permission-denied', 'unauthenticated']).to.include(refused.code);
    await expect(visitorEl).to.be.accessible();
  });
});
