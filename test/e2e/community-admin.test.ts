// End to end on the Firestore emulator with the real firestore.rules (issue 14): an admin switches
// moderation to "first posts" in <kin-community-admin>; a new member's post is held and appears in the
// moderator's <kin-moderation-queue>. The admin invites a clinician from the console; the clinician opens
// the link, accepts, and their next post in <kin-discussion-thread> carries the "Verified clinician" badge.
// Each user is a FirebaseStore on its own `<uid>.localhost` host, signed in with a verified email.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/community-admin/kin-community-admin.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import type {KinCommunityAdmin} from '../../src/components/community-admin/community-admin.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {member, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {$, button, shadowText} from '../support/dom.js';

const PROJECT = 'demo-kindred-e2e-admin';
function type(el: Element, id: string, value: string) {
  const field = $(el, `#${id}`) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
}
function choose(el: Element, id: string, value: string) {
  const field = $(el, `#${id}`) as HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event('change'));
}

describe('running a community end to end (Firestore emulator)', function () {
  this.timeout(120000);
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  const as = async (cid: string, uid: string) => {
    const store = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT},
      emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid, email: `${uid}@example.org`}}});
    stores.push(store);
    return store;
  };
  after(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
    await admin.clear();
  });

  it('"first posts" holds a new member\'s post into the queue; an invited clinician shows the badge', async () => {
    const cid = uniqueCommunityId('e2e-admin');
    await admin.seed(sampleSeed(cid, {
      members: [member('ada', {pseudonym: 'Ada', badges: ['admin']}), member('mo', {pseudonym: 'Mo', badges: ['moderator']})],
      roles: [roles('ada', ['admin']), roles('mo', ['moderator'])],
      threads: [thread('t1', {title: 'Night-time coughing', postCount: 0})],
    }));
    const adaStore = await as(cid, 'ada');

    // 1. The admin switches moderation to "first posts", holding 1.
    const root = await fixture<HTMLElement>(html`<kin-community .store=${adaStore} lang="en"><kin-community-admin invite-url="https://charity.example/admin"></kin-community-admin></kin-community>`);
    const console_ = root.querySelector('kin-community-admin') as KinCommunityAdmin;
    await waitUntil(() => $(console_, '#moderation'), 'settings form', {timeout: 20000});
    choose(console_, 'moderation', 'first-posts');
    type(console_, 'holdFirstPosts', '1');
    await console_.updateComplete;
    button(console_, 'Save settings')!.click();
    await waitUntil(() => shadowText(console_).includes('Settings saved.'), 'saved', {timeout: 20000});

    // 2. A new member joins and posts: held, and in the moderator's queue.
    const nia = await as(cid, 'nia');
    await nia.join({pseudonym: 'Nia', relationship: 'carer', guidelinesVersion: 'g-2026-01', healthConsentVersion: null});
    const held = await nia.createPost({id: nia.newId(), threadId: 't1', body: 'Hello everyone, my daughter has just been diagnosed.'});
    expect(held.status).to.equal('held');
    const queueRoot = await fixture<HTMLElement>(html`<kin-community .store=${await as(cid, 'mo')} lang="en"><kin-moderation-queue></kin-moderation-queue></kin-community>`);
    const queue = queueRoot.querySelector('kin-moderation-queue')!;
    await waitUntil(() => shadowText(queue).includes('my daughter has just been diagnosed'), 'held post in the queue', {timeout: 20000});
    expect(shadowText(queue)).to.contain('One of a new member’s first posts');

    // 3. The admin invites a clinician from the console and copies the link.
    ($(console_, '#tab-team') as HTMLButtonElement).click();
    await waitUntil(() => $(console_, '#email'), 'invite form');
    type(console_, 'email', 'rhian@example.org');
    choose(console_, 'role', 'clinician');
    await console_.updateComplete;
    type(console_, 'clinicianScope', 'Asthma nurse');
    await console_.updateComplete;
    button(console_, 'Create the invite')!.click();
    await waitUntil(() => $(console_, '#invite-link'), 'invite link', {timeout: 20000});
    const link = new URL(($(console_, '#invite-link') as HTMLInputElement).value);
    const inviteId = link.searchParams.get('kin-invite')!;

    // 4. The clinician (signed in as rhian@example.org, joined) opens the link and accepts.
    const rhian = await as(cid, 'rhian');
    await rhian.join({pseudonym: 'Nurse Rhian', relationship: 'professional', guidelinesVersion: 'g-2026-01', healthConsentVersion: null});
    const claimRoot = await fixture<HTMLElement>(html`<kin-community .store=${rhian} lang="en"><kin-community-admin .invite=${inviteId}></kin-community-admin></kin-community>`);
    const claim = claimRoot.querySelector('kin-community-admin')!;
    await waitUntil(() => button(claim, 'Accept the invitation') && !button(claim, 'Accept the invitation')!.disabled, 'invitation', {timeout: 20000});
    expect(shadowText(claim)).to.contain('invited to be verified clinician (Asthma nurse)');
    button(claim, 'Accept the invitation')!.click();
    await waitUntil(() => shadowText(claim).includes('Done: you are now verified clinician.'), 'accepted', {timeout: 20000});
    await expect(claim).to.be.accessible();

    // 5. Their post carries the badge. "First posts" applies to them too, so a moderator approves it first.
    const post = await rhian.createPost({id: rhian.newId(), threadId: 't1', body: 'Welcome, Nia. Ask me anything about spacers.'});
    expect(post.authorBadges).to.deep.equal(['clinician']);
    const mo = stores.find((s) => s.session.user?.uid === 'mo')!;
    if (post.status === 'held') await mo.moderate('approve', {kind: 'post', threadId: 't1', postId: post.id}, '');
    const threadRoot = await fixture<HTMLElement>(html`<kin-community .store=${nia} lang="en"><kin-discussion-thread mode="thread" thread-id="t1"></kin-discussion-thread></kin-community>`);
    const view = threadRoot.querySelector('kin-discussion-thread')!;
    await waitUntil(() => shadowText(view).includes('Ask me anything about spacers'), 'post shown', {timeout: 20000});
    const article = [...view.shadowRoot!.querySelectorAll('[part~="post"]')].find((p) => p.textContent!.includes('Ask me anything'))!;
    expect([...article.querySelectorAll('[part="badge"]')].map((b) => b.textContent!.trim())).to.include('Verified clinician');
  });
});
