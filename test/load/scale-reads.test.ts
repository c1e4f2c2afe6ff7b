// Issue 17 (scale), reduced form: 1,000 threads, 2,500 posts, 1,000 members and 40 open reports seeded on the
// real emulator; the documents the first view of the hub, a thread, the member directory and the moderation
// queue read (counted on the wire) are printed beside the goal, page size + 2.
// What it asserts: the hub, the member directory and (issue 16/17 s5: the thread documents carry the counting
// function's members-only count) a visitor's thread meet the goal. The member's thread and the queue do NOT yet
// (see /work/notes/16-17-s5-reads.md): for those it asserts
// they read no more than they do today, so a change that reads more fails, and one that meets the goal
// must move the view into GOAL_MET here.
// Full size (10,000 threads / 200,000 posts / 20,000 members): `npm run bench:scale` (bench/scale.bench.ts).
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {expect, measureViews, printViews, seedScale, type ScaleSize} from './scale-reads.js';

const PROJECT = 'demo-kindred-scale';
const CID = 'scale-reduced';
const SIZE: ScaleSize = {threads: 1000, posts: 2500, members: 1000, reports: 40};
/** Views that read at most page size + 2 documents today. */
const GOAL_MET = ['hub (thread list)', 'member directory', 'thread (visitor)',
  // Issue 16/17 (s5): "Show more" reads the next page of each full source (20 reports), not 42 documents again.
  'queue: Show more'];
/**
 * The most documents each view over the goal read when measured (40 open reports for the queue). The visitor's
 * thread was 23 (s4): its members-only count was audienceCounts/{tid}, its own document. Issue 17
 * (s4): the queue was 195 before it was paged and before reports carried the queue's copy of their post;
 * now 23 = 20 reports + the community + 1 for each empty source (held posts, crisis flags). The member's thread
 * was 28: a member no longer reads the visitors' members-only count, nor their warning choices before a warned
 * post is shown (26 = community + profile + thread + 20 posts + own held posts, own reactions, follow doc); s5: the
 * member's own held posts come in the posts query (one OR query), 25. The element with
 * its log is two lists (2 pages + 2 = 42): 44 = that + the log's page of 20 + 1 name the log shows.
 */
const TODAY: Record<string, number> = {'thread (member)': 25, 'moderation queue': 23, 'queue + log (element)': 44};
const admin = new FirestoreAdmin(PROJECT);

describe('scale: first views of a large community read page size + 2 documents at most (issue 17)', function () {
  this.timeout(300000);
  after(() => admin.clear().catch(() => undefined));

  it('hub, thread, member directory and moderation queue', async () => {
    const started = performance.now();
    const seeded = await seedScale(admin, CID, SIZE);
    const seedMs = performance.now() - started;
    const views = await measureViews(CID, PROJECT, SIZE);
    printViews('reduced', SIZE, seeded, seedMs, views);
    for (const v of views) {
      expect(v.shown, `${v.name}: shows a full first page`).to.be.at.least(v.page);
      if (GOAL_MET.includes(v.name)) {
        expect(v.wire.docs, `${v.name}: at most page size + 2 documents`).to.be.at.most(v.page + 2);
      } else {
        expect(v.wire.docs, `${v.name}: no more than today's ${TODAY[v.name]} (the goal, ${v.page + 2}, is not met yet)`).to.be.at.most(TODAY[v.name]);
      }
    }
  });
});
