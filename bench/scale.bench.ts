// Benchmark (figures, not a timed test), issue 17: 10,000 threads / 200,000 posts / 20,000 members (and 200 open
// reports) seeded on the real emulator, then the documents the first view of the hub, a thread, the member
// directory and the moderation queue read, counted on the wire. Run: npm run bench:scale
// (node scripts/test.mjs --only=bench/scale.bench.ts). The reduced, asserting form is test/load/scale-reads.test.ts.
import {FirestoreAdmin} from '../test/support/firestore-admin.js';
import {measureViews, printViews, seedScale, type ScaleSize} from '../test/load/scale-reads.js';

const PROJECT = 'demo-kindred-bench-scale';
const CID = 'scale-full';
const SIZE: ScaleSize = {threads: 10_000, posts: 200_000, members: 20_000, reports: 200};
const admin = new FirestoreAdmin(PROJECT);

describe('bench: first views at 10,000 threads / 200,000 posts / 20,000 members', function () {
  this.timeout(3 * 3600_000);
  after(() => admin.clear().catch(() => undefined));

  it('prints the documents each first view reads against page size + 2', async () => {
    const started = performance.now();
    const seeded = await seedScale(admin, CID, SIZE);
    const views = await measureViews(CID, PROJECT, SIZE);
    printViews('full', SIZE, seeded, performance.now() - started, views);
  });
});
