// Issue 12 (finding 9), on the path `npm run start:emulator` takes: demo/seed.json written to the Firestore
// emulator as scripts/seed-firestore.mjs writes it (held-post markers included), read through FirebaseStore
// with the real rules. The moderator's queue has the held post and the report; the founder finds peer
// matches and has her connection; a visitor sees the moderator's badge on her posts (the public badges).
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {threadIdForKey} from '../../src/data/policy.js';
import type {CommunityStore, ModerationItem} from '../../src/data/store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {Connection, Post} from '../../src/data/types.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, fixtureDocs} from '../support/firestore-admin.js';
import {Live} from '../data/store.contract.js';

const PROJECT = 'demo-kindred-e2e-demo-seed';

describe('the demo seed on the Firestore emulator (issue 12)', function () {
  this.timeout(120_000);
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  let seed: SeedFixture;
  const as = async (uid: string | null) => {
    const s = await createFirebaseStore({
      communityId: seed.community.id, config: {projectId: PROJECT},
      emulator: {host: `${uid ?? 'visitor'}.localhost`, port: emulatorHost().port, mockUser: uid ? {uid} : null},
    });
    stores.push(s);
    return s;
  };
  before(async () => {
    seed = (await (await fetch('/demo/seed.json')).json()) as SeedFixture;
    await admin.clear();
    await admin.writeDocs(fixtureDocs(seed, {heldMarkers: true}));
  });
  after(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose().catch(() => undefined)));
    await admin.clear();
  });

  it('the moderator\'s queue holds the held post and the report', async () => {
    const megan = await as('u-megan');
    const queue = new Live<ModerationItem[]>((next, error) => megan.watchModerationQueue({order: 'newest'}, next, error));
    const items = await queue.until((l) => l.length >= 2, 'two items', 30_000);
    queue.stop();
    const kinds = items.map((i) => i.kind).sort();
    expect(kinds).to.include.members(['held', 'report']);
  });

  it('the founder finds people like her and has her connection with Priya', async () => {
    const catrin = await as('u-catrin');
    const matches = await catrin.findMatches({locale: 'en'});
    expect(matches.length).to.be.at.least(1);
    expect(matches.map((m) => m.uid)).to.not.include('u-priya');
    const live = new Live<Connection[]>((next, error) => catrin.watchConnections(next, error));
    const list = await live.until((l) => l.length > 0, 'connections', 30_000);
    live.stop();
    expect(list.find((c) => c.id === 'u-catrin_u-priya')?.status).to.equal('accepted');
  });

  it('a visitor sees the current badges on the campaign thread', async () => {
    const visitor = await as(null);
    const live = new Live<Post[]>((next, error) => visitor.watchPosts(threadIdForKey('walk-2026'), {limit: 20}, next, error));
    const posts = await live.until((l) => l.length > 0, 'posts', 30_000);
    live.stop();
    expect(posts.find((p) => p.authorId === 'u-rhys')?.authorBadges).to.deep.equal(['admin']);
    expect(posts.find((p) => p.authorId === 'u-catrin')?.authorBadges).to.deep.equal(['founder']);
  });
});
