// End to end on the Firestore emulator with the real firestore.rules (issue 7): a member reports a post,
// a moderator sees it in <kin-moderation-queue> and hides it with a reason, the author sees the
// placeholder in <kin-discussion-thread>, and the moderation log holds the action. Three FirebaseStores
// act as three uids, each on its own `<uid>.localhost` host (Chrome allows 6 connections per host).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import type {KinModerationQueue} from '../../src/components/moderation-queue/moderation-queue.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {ModLogEntry} from '../../src/data/types.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {member, post, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {Live} from '../data/store.contract.js';
import {$, button} from '../support/dom.js';
import {layout} from '../../src/data/domain/layout.js';

const PROJECT = 'demo-kindred-e2e-moderation';

describe('moderation end to end (Firestore emulator)', function () {
  this.timeout(60000);
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  const as = async (cid: string, uid: string) => {
    const store = await createFirebaseStore({
      communityId: cid, config: {projectId: PROJECT}, emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid}},
    });
    stores.push(store);
    return store;
  };
  after(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
    await admin.clear();
  });

  it('a member reports, a moderator hides, the author sees the placeholder, the log holds the action', async () => {
    const cid = uniqueCommunityId('e2e-mod');
    const alice = member('alice', {pseudonym: 'Alice'});
    const bea = member('bea', {pseudonym: 'Bea'});
    const mo = member('mo', {pseudonym: 'Mo', badges: ['moderator']});
    await admin.seed(sampleSeed(cid, {
      members: [alice, bea, mo],
      roles: [roles('mo', ['moderator'])],
      threads: [thread('t1', {postCount: 2, title: 'Night-time coughing'})],
      posts: [
        post('t1', 'p1', bea, {body: 'My son coughs every night. Ideas?', createdAt: Date.now() - 60_000}),
        post('t1', 'p2', alice, {body: 'Buy my miracle cure at a discount', parentId: 'p1', createdAt: Date.now() - 30_000}),
      ],
    }));
    const [authorStore, reporterStore, moderatorStore] = await Promise.all([as(cid, 'alice'), as(cid, 'bea'), as(cid, 'mo')]);

    // The moderator's queue is open and live before anything is reported.
    const queueRoot = await fixture<HTMLElement>(html`<kin-community .store=${moderatorStore} lang="en"><kin-moderation-queue></kin-moderation-queue></kin-community>`);
    const queue = queueRoot.querySelector('kin-moderation-queue') as KinModerationQueue;
    await waitUntil(() => $(queue, '[part="count"]')?.textContent === '0 items to review', 'empty queue', {timeout: 15000});

    // 1. A member reports Alice's reply.
    const report = await reporterStore.report({target: {kind: 'post', threadId: 't1', postId: 'p2'}, reason: 'spam', details: 'Selling a cure'});

    // 2. The moderator sees it live, with the content in context, and hides it with a reason.
    await waitUntil(() => $(queue, `[data-item="report:${report.id}"]`), 'the report reaches the queue', {timeout: 15000});
    const item = $(queue, `[data-item="report:${report.id}"]`)!;
    expect($(queue, '[part="count"]')!.textContent).to.equal('1 item to review');
    expect(item.querySelector('[part="post"]')!.textContent).to.contain('Buy my miracle cure');
    expect(item.querySelector('.context')!.textContent).to.contain('My son coughs every night');
    button(item, 'Hide…')!.click();
    await queue.updateComplete;
    const reason = item.querySelector('textarea')!;
    reason.value = 'Advertising is not allowed here';
    reason.dispatchEvent(new InputEvent('input'));
    await queue.updateComplete;
    button(item, 'Hide post')!.click();
    await waitUntil(() => $(queue, '[part="count"]')?.textContent === '0 items to review', 'the report leaves the queue', {timeout: 15000});

    // 3. The author sees the placeholder with the reason, and the text is gone from what members can read.
    const threadRoot = await fixture<HTMLElement>(html`<kin-community .store=${authorStore} lang="en"><kin-discussion-thread mode="list" thread="t1"></kin-discussion-thread></kin-community>`);
    const threadEl = threadRoot.querySelector('kin-discussion-thread')!;
    await waitUntil(() => $(threadEl, '[data-post-id="p2"] .placeholder'), 'placeholder shown to the author', {timeout: 15000});
    const placeholder = $(threadEl, '[data-post-id="p2"] .placeholder')!.textContent!;
    expect(placeholder).to.contain('This post was hidden by a moderator.');
    expect(placeholder).to.contain('Advertising is not allowed here');
    expect(threadEl.shadowRoot!.textContent).to.not.contain('Buy my miracle cure');
    const raw = await admin.getRaw(pathIn(cid, layout.post('t1', 'p2')));
    expect(raw?.body, 'the stored post keeps no body').to.deep.equal({stringValue: ''});

    // 4. The log holds the action; the reporter (a member) cannot read it or the kept text.
    const log = new Live<ModLogEntry[]>((next, error) => moderatorStore.watchModLog({limit: 10}, next, error));
    const entries = await log.until((l) => l.length === 1, 'one log entry', 15000);
    log.stop();
    expect(entries[0]).to.include({action: 'hide', actorId: 'mo', targetPath: 'threads/t1/posts/p2', reason: 'Advertising is not allowed here'});
    const denied = new Live<ModLogEntry[]>((next, error) => reporterStore.watchModLog({limit: 10}, next, error));
    expect((await denied.failure(15000)).code).to.equal('permission-denied');
    denied.stop();
    await expect(queue).to.be.accessible();
  });
});
