// Issue 17 (fault): two tabs of the same member edit the same post. The second tab here is a frame with its
// own copy of the kit and the Firebase SDK (its own connection), on the real emulator with the real rules.
// The tab that saves second is told, keeps its words, sees the saved version, and nothing is overwritten;
// saving again is then a choice, and both tabs end up showing the same text.
import {expect, fixture, html} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {layout} from '../../src/data/domain/layout.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {KEY, TID, articleFor, bob, nextCommunityId, post, seed, type} from '../components/discussion-thread.fixture.js';
import {eventuallyWithin} from './fault-helpers.js';
import {$ as q, text} from '../support/dom.js';


/** Opens the edit form of `pid` in a thread and types `words` into it. */
async function editTo(thread: Element, pid: string, words: string) {
  await eventuallyWithin(() => articleFor(thread as HTMLElement, pid)?.querySelector('[data-action="edit"]'), 'the Edit button', 20000);
  const article = articleFor(thread as HTMLElement, pid)!;
  (article.querySelector('[data-action="edit"]') as HTMLButtonElement).click();
  await eventuallyWithin(() => q(thread, `textarea#edit-${pid}`), 'the edit form', 10000);
  type(q<HTMLTextAreaElement>(thread, `textarea#edit-${pid}`)!, words);
}
const save = (thread: Element) => (q(thread, 'form.edit button[type="submit"]') as HTMLButtonElement).click();

describe('faults: two tabs of one member edit the same post', function () {
  this.timeout(120000);
  let mine: CommunityStore | null = null;
  let frame: HTMLIFrameElement | null = null;
  after(async () => {
    await mine?.dispose();
    const tab = (frame?.contentWindow as unknown as {kinTab?: {store: CommunityStore}} | null)?.kinTab;
    await tab?.store.dispose();
    frame?.remove();
  });

  it('the later save is refused and told, keeps its words and shows the saved ones; saving again replaces them, and both tabs agree', async () => {
    const cid = nextCommunityId();
    const admin = new FirestoreAdmin('demo-kindred');
    await admin.seed(seed(cid, [post('p1', bob, {body: 'My first words'})]));
    const {host, port} = emulatorHost();

    // Tab B: its own frame, its own SDK, on its own host name (its own connections).
    frame = document.createElement('iframe');
    frame.title = 'The member’s other tab';
    frame.style.inlineSize = '800px';
    frame.style.blockSize = '600px';
    const params = new URLSearchParams({cid, host: 'tab-b.localhost', port: String(port), uid: 'bob', key: KEY, lang: 'en'});
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other tab</title>
      <meta name="kin-tab" content="${params.toString().replace(/&/g, '&amp;')}"></head><body>
      <script type="module" src="${location.origin}/test/faults/edit-conflict.frame.ts"></script></body></html>`;
    const loaded = new Promise((r) => frame!.addEventListener('load', r, {once: true}));
    document.body.append(frame);
    await loaded;

    // Tab A: this page.
    mine = await createFirebaseStore({communityId: cid, emulator: {host, port, mockUser: {uid: 'bob'}}});
    const root = await fixture<HTMLElement>(html`<kin-community .store=${mine} lang="en">
      <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
    </kin-community>`);
    const tabA = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => (frame!.contentWindow as unknown as {kinTab?: unknown}).kinTab, 'the other tab loaded', 30000);
    const tabB = (frame.contentWindow as unknown as {kinTab: {thread: HTMLElement}}).kinTab.thread;
    await eventuallyWithin(() => articleFor(tabA, 'p1') && articleFor(tabB, 'p1'), 'both tabs show the post', 30000);

    // Both begin editing from the same saved text.
    await editTo(tabA, 'p1', 'Words from tab A');
    await editTo(tabB, 'p1', 'Words from tab B');

    // Tab B saves first: saved, and tab A (still editing) sees nothing overwritten yet.
    save(tabB);
    await eventuallyWithin(() => !q(tabB, 'textarea#edit-p1') && text(articleFor(tabB, 'p1')).includes('Words from tab B'), 'tab B saved', 30000);

    // Tab A saves second: refused and told, its words kept, the saved version shown.
    save(tabA);
    await eventuallyWithin(() => q(tabA, '[part~="edit-conflict"]'), 'tab A is told', 30000);
    const notice = () => q(tabA, '[part~="edit-conflict"]')!;
    expect(notice().getAttribute('role')).to.equal('alert');
    expect(text(notice())).to.include('changed somewhere else');
    // The saved version, as tab A's live view has it.
    await eventuallyWithin(() => text(notice()).includes('Words from tab B'), 'tab A is shown the saved words', 30000);
    expect(q<HTMLTextAreaElement>(tabA, 'textarea#edit-p1')!.value, 'tab A keeps its words').to.equal('Words from tab A');
    expect((await admin.getRaw(pathIn(cid, layout.post(TID, 'p1'))))?.body, 'nothing was overwritten').to.deep.equal({stringValue: 'Words from tab B'});
    await expect(tabA).to.be.accessible();

    // Saving again is now a choice: it replaces the saved version, and tab B shows it live.
    save(tabA);
    await eventuallyWithin(() => !q(tabA, 'textarea#edit-p1') && text(articleFor(tabA, 'p1')).includes('Words from tab A'), 'tab A saved on purpose', 30000);
    await eventuallyWithin(() => text(articleFor(tabB, 'p1')).includes('Words from tab A'), 'tab B shows the newer words', 30000);
    expect((await admin.getRaw(pathIn(cid, layout.post(TID, 'p1'))))?.version).to.deep.equal({integerValue: '2'});
  });
});
