// End to end on the Firestore emulator with the real rules and the functions' real triggers (issue 15):
// scripts/test.mjs runs test/functions/runner.ts for FUNCTIONS_RUNNER_PROJECT, which runs the Cloud
// Functions' Firestore triggers on every change, as Cloud Functions would. Member B replies to member A's
// post; A's bell shows 1 and its link opens the reply in its thread; a mail document exists only for a
// member who opted in, and holds no post text. Then the trigger-to-bell latency over 10 replies.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/notifications/kin-notifications.js';
import type {KinNotifications} from '../../src/components/notifications/notifications.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {member, post, privateRecord, sampleCommunity, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {$} from '../support/dom.js';

/** The project scripts/functions-runner.mjs serves. */
const FUNCTIONS_RUNNER_PROJECT = 'demo-kindred-e2e-notify';
const REPLY = 'Try a spacer with the inhaler, it changed things for my son';

describe('notifications end to end (Firestore emulator + the functions’ triggers)', function () {
  this.timeout(180000);
  const admin = new FirestoreAdmin(FUNCTIONS_RUNNER_PROJECT);
  const stores: CommunityStore[] = [];
  const as = async (cid: string, uid: string) => {
    const store = await createFirebaseStore({
      communityId: cid, config: {projectId: FUNCTIONS_RUNNER_PROJECT}, emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid}},
    });
    stores.push(store);
    return store;
  };
  after(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
  });

  it('B replies to A: A’s bell shows 1, the link opens the reply; mail only for those who opted in, without post text', async () => {
    const cid = uniqueCommunityId('e2e-notify');
    const community = sampleCommunity(cid, {name: {en: 'Asthma Cymru', cy: 'Asthma Cymru'}});
    const ann = member('ann', {pseudonym: 'Ann'});
    const bob = member('bob', {pseudonym: 'Bob'});
    const cat = member('cat', {pseudonym: 'Cat'});
    const now = Date.now();
    await admin.seed(sampleSeed(cid, {
      members: [ann, bob, cat],
      privates: [
        {...privateRecord('ann', community), notify: {email: 'immediate', address: 'ann@example.org', language: 'en'}},
        privateRecord('bob', community), privateRecord('cat', community),
      ],
      threads: [
        thread('t1', {title: 'Night-time coughing', postCount: 1, authorId: 'ann', authorName: 'Ann', createdAt: now - 120_000, lastActivityAt: now - 120_000}),
        thread('t2', {title: 'School trips', postCount: 1, authorId: 'cat', authorName: 'Cat', createdAt: now - 60_000, lastActivityAt: now - 60_000}),
      ],
      posts: [
        post('t1', 'p1', ann, {body: 'My son coughs every night. Ideas?', createdAt: now - 120_000}),
        post('t2', 'p2', cat, {body: 'Inhalers on a school trip?', createdAt: now - 60_000}),
      ],
    }, {name: community.name}));
    const [annStore, bobStore] = await Promise.all([as(cid, 'ann'), as(cid, 'bob')]);

    const root = await fixture<HTMLElement>(html`<kin-community .store=${annStore} lang="en">
      <kin-notifications thread-href="/thread.html?thread={thread}#post-{post}"></kin-notifications></kin-community>`);
    const bell = root.querySelector('kin-notifications') as KinNotifications;
    // Loaded, with nothing yet (and the functions not yet seen in this community).
    bell.shadowRoot!.querySelector<HTMLButtonElement>('button[part="bell"]')!.click();
    await waitUntil(() => $(bell, '.empty'), 'A’s empty panel', {timeout: 20000});

    await bobStore.createPost({id: 'r1', threadId: 't1', body: REPLY, parentId: 'p1'});
    await bobStore.createPost({id: 'r2', threadId: 't2', body: REPLY, parentId: 'p2'});
    await waitUntil(() => $(bell, '[part="count"]')?.textContent === '1', 'A’s bell shows 1', {timeout: 30000});
    expect($(bell, 'button[part="bell"]')!.getAttribute('aria-label')).to.equal('Notifications, 1 unread');
    const link = $(bell, 'a.open') as HTMLAnchorElement;
    expect(link.textContent).to.contain('Someone replied to your post');
    expect(bell.shadowRoot!.textContent).not.to.contain('spacer');
    const target = new URL(link.href);
    expect([target.searchParams.get('thread'), target.hash]).to.deep.equal(['t1', '#post-r1']);

    // The link's page: the thread it names, read through the rules, holds the reply it names.
    const page = await fixture<HTMLElement>(html`<kin-community .store=${annStore} lang="en">
      <kin-discussion-thread mode="list" thread=${target.searchParams.get('thread')!}></kin-discussion-thread></kin-community>`);
    const threadEl = page.querySelector('kin-discussion-thread')!;
    const postId = target.hash.slice('#post-'.length);
    await waitUntil(() => $(threadEl, `article[data-post-id="${postId}"]`)?.textContent?.includes('spacer'), 'the reply in its thread', {timeout: 20000});

    // Mail: A opted in (immediate) → one document, no post text; Cat did not → her notification, no mail.
    const mail = await admin.getRaw(`mail/${cid}~ann~reply~t1~r1`);
    expect(mail, 'A’s mail document').to.not.equal(null);
    const message = JSON.stringify(mail);
    expect(message).to.contain('Someone replied to you in Asthma Cymru');
    expect(message).to.contain('ann@example.org');
    expect(message).not.to.contain('spacer');
    expect(message).not.to.contain('coughs');
    await waitUntil(async () => (await admin.getRaw(pathIn(cid, 'notifications/cat/items/reply~t2~r2'))) !== null, 'Cat told', {timeout: 30000});
    expect(await admin.getRaw(`mail/${cid}~cat~reply~t2~r2`)).to.equal(null);

    // Trigger-to-bell latency: from the reply's write being acknowledged to A's bell showing it.
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = bell.unread;
      const t0 = performance.now();
      await bobStore.createPost({id: `lat${i}`, threadId: 't1', body: `Reply ${i}`, parentId: 'p1'});
      await waitUntil(() => bell.unread === before + 1, `bell shows reply ${i}`, {timeout: 30000, interval: 10});
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    console.log(`trigger-to-bell latency on the emulator over ${times.length} replies: p50 ${p(0.5).toFixed(0)} ms, p95 ${p(0.95).toFixed(0)} ms`);
    expect(times).to.have.length(10);
  });
});
