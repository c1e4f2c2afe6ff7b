// Issue 16 ("a moderator's open queue re-reads ~12 documents per item on every change"): the queue is
// incremental. Where a moderator starts: a FirebaseStore signed in as a moderator on the real emulator and
// rules, the queue open, 12 held posts waiting. Documents are counted on the wire (CDP: the Listen channel
// and REST answers, bench/billed-reads.mjs through test/support/wtr-reads-plugin.mjs), so a change that
// reads more fails; these are counts, not times.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {ModerationItem} from '../../src/data/store.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, fixtureDocs} from '../support/firestore-admin.js';
import {T0, member, post, roles, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';

const PROJECT = 'demo-kindred-queue-reads';
const admin = new FirestoreAdmin(PROJECT);
type Wire = {docs: number; kinds: string[]};

describe('the moderation queue reads incrementally (issue 16)', function () {
  this.timeout(180000);
  const cid = uniqueCommunityId('queue-reads');
  after(() => admin.removeCommunity(cid).catch(() => undefined));

  it('a new held post reads only that item; the moderator\'s action re-reads only what it touched', async () => {
    const mod = member('mod', {pseudonym: 'Moderator Max', badges: ['moderator']});
    const authors = Array.from({length: 4}, (_, i) => member(`a${i}`, {pseudonym: `Author ${i}`}));
    const held = Array.from({length: 12}, (_, i) => post('t1', `h${String(i).padStart(2, '0')}`, authors[i % 4], {status: 'held', body: `Held post ${i}`, createdAt: T0 + i * 1000}));
    const fixture = sampleSeed(cid, {members: [mod, ...authors], roles: [roles('mod', ['moderator'])], threads: [thread('t1', {postCount: 0})], posts: held});
    await admin.writeDocs(fixtureDocs(fixture, {heldMarkers: true}));
    const store = await createFirebaseStore({communityId: cid, config: {projectId: PROJECT}, emulator: {...emulatorHost(), mockUser: {uid: 'mod'}}});
    try {
      let items: ModerationItem[] = [];
      let failure: unknown = null;
      await executeServerCommand('kin-wire-start');
      const stop = store.watchModerationQueue({order: 'oldest'}, (i) => (items = i), (e) => (failure = e));
      await waitUntil(() => items.length === 12 || failure, 'the queue', {timeout: 60000});
      expect(failure).to.equal(null);
      await new Promise((r) => setTimeout(r, 500));
      const first = (await executeServerCommand('kin-wire-stop')) as Wire;
      // The first view: 12 markers, 12 posts, the thread and 4 authors' profiles and roles (each document once),
      // plus the reports and crisis-flags listeners (empty: billed 1 each), and the moderator's own documents.
      console.log(`[reads] queue first view (12 held posts): ${first.docs} documents [${first.kinds.join(', ')}]`);
      expect(first.docs).to.be.at.least(12 + 12);

      // Another member's post is held: the queue reads that one item (its marker, post, thread, author,
      // author's roles), not the 12 already on screen again (it used to re-read them all).
      await executeServerCommand('kin-wire-start');
      const newer = post('t1', 'h12', authors[0], {status: 'held', body: 'One more held post', createdAt: T0 + 60000});
      await admin.writeDocs(fixtureDocs(sampleSeed(cid, {posts: [newer]}), {heldMarkers: true}).filter(([p]) => !/^communities\/[^/]+$/.test(p)));
      await waitUntil(() => items.length === 13, 'the new held post in the queue', {timeout: 30000});
      await new Promise((r) => setTimeout(r, 500));
      const added = (await executeServerCommand('kin-wire-stop')) as Wire;
      console.log(`[reads] one more held post: ${added.docs} documents [${added.kinds.join(', ')}]`);
      expect(added.docs, 'only the new item is read').to.be.at.most(6);

      // The moderator approves one: the queue re-reads only the items about that post (none left) — the
      // marker's removal arrives on the listener; nothing else is read again.
      await executeServerCommand('kin-wire-start');
      await store.moderate('approve', {kind: 'post', threadId: 't1', postId: 'h00'}, '');
      await waitUntil(() => items.length === 12, 'the approved post gone from the queue', {timeout: 30000});
      await new Promise((r) => setTimeout(r, 500));
      const acted = (await executeServerCommand('kin-wire-stop')) as Wire;
      console.log(`[reads] approve one: ${acted.docs} documents [${acted.kinds.join(', ')}]`);
      // approve reads the moderator's member + roles docs, the post, thread, hidden body, author (its own checks)
      // and the queue re-reads a0's other items (the author it touched: 3 posts + profile + roles + thread).
      expect(acted.docs, 'the action and the items it touched, not the whole queue').to.be.at.most(16);
      expect(items.map((i) => i.post?.id)).to.not.include('h00');
      stop();
    } finally {
      await store.dispose();
    }
  });
});
