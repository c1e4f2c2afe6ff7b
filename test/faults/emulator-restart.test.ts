// Issue 17: the Firestore emulator is stopped and started again while a page is open. Every element
// says it is reconnecting, recovers without a reload, and nothing typed is lost: a post pressed during
// the outage is sent exactly once when the server is back. The emulator here is the test's own
// (test/support/wtr-fault-plugin.mjs), so stopping it disturbs no other test.
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {draftKey} from '../../src/controllers/draft.js';
import {FirestoreAdmin, fixtureDocs, toRestFields} from '../support/firestore-admin.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/member-directory/kin-member-directory.js';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import {$, KEY, TID, alice, articleFor, bob, member, nextCommunityId, post, seed, type} from '../components/discussion-thread.fixture.js';
import {countPosts, eventuallyWithin, wait} from './fault-helpers.js';
import {shadowText as text} from '../support/dom.js';

const PROJECT = 'demo-kindred';
const t0 = Date.now();
const step = (what: string) => console.log(`[emulator-restart] ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);

describe('faults: the Firestore emulator stops and restarts under an open page', function () {
  this.timeout(240000);
  let store: CommunityStore | null = null;
  let admin: FirestoreAdmin;
  let host: {host: string; port: number};

  before(async function () {
    this.timeout(240000);
    await executeServerCommand('kin-emulator', {action: 'start'});
    for (;;) {
      const up = (await executeServerCommand('kin-emulator', {action: 'status'})) as {up: boolean; host: string; port: number};
      if (up.up) {
        host = {host: up.host, port: up.port};
        break;
      }
      await wait(500);
    }
    admin = new FirestoreAdmin(PROJECT, host);
    await expect(await fixture(html`<p>warm-up</p>`)).to.be.accessible();
  });
  after(async function () {
    this.timeout(60000);
    await store?.dispose().catch(() => undefined);
    await executeServerCommand('kin-emulator', {action: 'stop'});
  });

  it('every element says it is reconnecting, then recovers without a reload; the post pressed meanwhile is sent once', async () => {
    sessionStorage.clear();
    const cid = nextCommunityId();
    const fx = seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]);
    fx.members = [alice, {...bob, listed: true}, member('dai', 'Dai', {listed: true})];
    await admin.seed(fx);
    const docs = fixtureDocs(fx).map(([path, data]) => [path, toRestFields(data)]);

    store = await createFirebaseStore({communityId: cid, emulator: {...host, mockUser: {uid: 'bob'}}});
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
      <kin-member-directory></kin-member-directory>
      <kin-moderation-queue></kin-moderation-queue>
    </kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    const directory = root.querySelector('kin-member-directory')!;
    const queue = root.querySelector('kin-moderation-queue')!;
    const elements = [thread, directory, queue];
    await eventuallyWithin(() => articleFor(thread, 'p1') && $(thread, 'textarea#compose') && text(directory).includes('Dai'), 'the page loaded', 30000);
    await wait(500);

    const field = () => $(thread, 'textarea#compose') as HTMLTextAreaElement;
    const body = `Typed while the server was away ${cid}`;
    type(field(), body.slice(0, 10));

    step('page loaded; stopping the emulator');
    await executeServerCommand('kin-emulator', {action: 'stop'});
    await eventuallyWithin(() => elements.every((el) => text(el).includes('Reconnecting to the community')), 'every element says it is reconnecting', 60000);
    for (const el of elements) await expect(el).to.be.accessible();
    // What was on screen stays; typing goes on; pressing Post keeps it and promises to send it.
    expect(articleFor(thread, 'p1')).not.to.equal(null);
    expect(text(directory)).to.include('Dai');
    step('every element says reconnecting');
    type(field(), body);
    ($(thread, 'form.composer [part="submit"]') as HTMLButtonElement).click();
    await eventuallyWithin(() => text(thread).includes('will be sent by itself'), 'the post is kept and promised', 30000);
    expect(field().value).to.equal(body);
    const draft = JSON.parse(sessionStorage.getItem(draftKey(cid, TID, null)) ?? 'null') as {postId: string; queued: boolean} | null;
    expect(draft?.queued).to.equal(true);

    step('post kept; restarting the emulator');
    // A real Firestore comes back with its data; the restarted emulator starts empty and is seeded again.
    // The page must not reach it in between (it would see a community with no documents, a race that failed
    // one CI run): its requests to the emulator are refused, as while it was down, until the seed is in.
    await executeServerCommand('kin-fail-requests', {pattern: `*:${host.port}/*`, times: 100000});
    await executeServerCommand('kin-emulator', {action: 'restart', docs, projectId: PROJECT});
    // The JVM's start is the machine's time, not the kit's: wait for it, then measure the kit's recovery.
    for (let up = false; !up; await wait(250)) {
      up = ((await executeServerCommand('kin-emulator', {action: 'status'})) as {up: boolean}).up;
    }
    await executeServerCommand('kin-fail-requests', {times: 0});
    const upAt = Date.now();
    step('emulator answers again (seeded)');
    await eventuallyWithin(() => elements.every((el) => !text(el).includes('Reconnecting to the community')), 'every element recovered', 120000);
    const recovered = (Date.now() - upAt) / 1000;
    step(`every element recovered ${recovered.toFixed(1)} s after the emulator answered`);
    // Prompt: the store probes the server while reconnecting and restarts the SDK's network once it answers
    // (src/data/firebase/connection.ts); without that, the SDK's own stream backoff (up to 60 s after a long
    // outage) decides. The probe's delays are at most 10 s, so this leaves room for a loaded machine.
    expect(recovered, 'seconds from the emulator answering to every element recovered').to.be.below(40);
    await eventuallyWithin(() => sessionStorage.getItem(draftKey(cid, TID, null)) === null, 'the kept post is sent once the server is back', 120000);
    // Once sent, the thread's listener shows it; after a long outage the Firestore SDK's own stream backoff
    // (up to 60 s) can delay that listener's catch-up, so this waits as long as the recovery above.
    await eventuallyWithin(() => articleFor(thread, draft!.postId), 'the post shows in the thread, no reload', 120000);
    step(`the post shows ${((Date.now() - upAt) / 1000).toFixed(1)} s after the emulator answered`);
    expect(field().value).to.equal('');
    expect(articleFor(thread, 'p1')).not.to.equal(null);
    await wait(1000);
    expect(await countPosts(admin, cid, body)).to.equal(1);
  });
});
