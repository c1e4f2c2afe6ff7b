// Issue 17 (scale): a large community on the real Firestore emulator, and the documents the first view of
// the hub (thread list), a thread, the member directory and the moderation queue read from it, counted on the
// wire over CDP (test/support/wtr-reads-plugin.mjs: REST answers and the Listen channel's documents). Each
// view runs in its own Firebase app (a different emulator user), so no view is helped by another's cache.
// Shared by the reduced test (test/load/scale-reads.test.ts, in npm test) and `npm run bench:scale` (full size).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {communityPath, fixtureDocs, layout} from '../../src/data/domain/layout.js';
import {reportAbout, type ReportAbout} from '../../src/data/domain/moderation.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {MemberProfile, Post, Report, RoleRecord, Thread} from '../../src/data/types.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {T0, member, post, sampleCommunity, thread} from '../support/builders.js';
import {threadIdForKey} from '../../src/data/policy.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/member-directory/kin-member-directory.js';
import '../../src/components/moderation-queue/kin-moderation-queue.js';

export interface ScaleSize {threads: number; posts: number; members: number; reports: number}
type Wire = {docs: number; rest: number; listenTargets: number; listenDocs: number; kinds: string[]};
interface View {name: string; page: number; shown: number; wire: Wire; firstViewMs: number}

const KEY = 'scale-campaign';
const TID = threadIdForKey(KEY);
const PAGE = 20;
const pad = (i: number) => String(i).padStart(6, '0');

/** The seed's documents, built lazily in slices so 200,000 posts never sit in one array of requests. */
function* seedDocs(cid: string, size: ScaleSize): Generator<[string, Record<string, unknown>][]> {
  const members: MemberProfile[] = [];
  for (let i = 0; i < size.members; i++) {
    members.push(member(`m${pad(i)}`, {pseudonym: `Member ${i}`, listed: true, joinedAt: T0 - i * 60_000, relationship: i % 3 ? 'patient' : 'carer'}));
  }
  const mod = member('mod', {pseudonym: 'Moderator', badges: ['moderator'], listed: false});
  const roles: RoleRecord[] = [{uid: 'mod', roles: ['moderator'], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: 'admin', updatedAt: T0}];
  const community = sampleCommunity(cid);
  yield fixtureDocs({community, members: [...members, mod], roles});
  // Posts spread round-robin over the threads; the campaign thread (thread 0) is the busiest one.
  const counts = new Array<number>(size.threads).fill(0);
  const threadOf = (j: number) => (j % 4 === 0 ? 0 : j % size.threads);
  for (let j = 0; j < size.posts; j++) counts[threadOf(j)]++;
  // Issue 16/17 (s5): as the counting function leaves them (functions/src/counts.ts), each thread document
  // carries its members-only count (none here), which a visitor's reader takes instead of audienceCounts/{tid}.
  const threads: Thread[] = counts.map((n, i) => ({...thread(i === 0 ? TID : `t${pad(i)}`, {
    key: i === 0 ? KEY : null, title: i === 0 ? 'The campaign' : `Thread ${i}`, postCount: n,
    createdAt: T0 - i * 1000, lastActivityAt: T0 + (size.threads - i) * 1000,
  }), membersOnly: 0}));
  yield fixtureDocs({community, threads});
  const SLICE = 10_000;
  for (let start = 0; start < size.posts; start += SLICE) {
    const posts: Post[] = [];
    for (let j = start; j < Math.min(size.posts, start + SLICE); j++) {
      const author = members[j % members.length];
      const t = threadOf(j);
      posts.push(post(t === 0 ? TID : `t${pad(t)}`, `p${pad(j)}`, author, {createdAt: T0 + j * 10}));
    }
    yield fixtureDocs({community, posts});
  }
  // Issue 17: as the kit makes them, each report carries the copy of its post that the queue shows (domain
  // reportAbout; firestore.rules checks it against the post when the report is made).
  const reports: (Report & {about: ReportAbout | null})[] = Array.from({length: size.reports}, (_, r) => {
    const j = r * 7;
    const t = threadOf(j);
    const tid = t === 0 ? TID : `t${pad(t)}`;
    const reported = post(tid, `p${pad(j)}`, members[j % members.length], {createdAt: T0 + j * 10});
    return {id: `r${pad(r)}`, target: {kind: 'post', threadId: tid, postId: `p${pad(j)}`},
      reason: 'spam', details: '', reporterId: members[(r + 1) % members.length].uid, createdAt: T0 + r * 1000, status: 'open',
      about: reportAbout(reported, null, threads[t].title)};
  });
  yield fixtureDocs({community, reports});
  // Issue 17: the moderation log has more than a page of entries (the queue element shows its first page).
  const log: [string, Record<string, unknown>][] = Array.from({length: 2 * PAGE}, (_, i) => [`communities/${cid}/${layout.logEntry(`l${pad(i)}`)}`,
    {action: 'dismiss-report', actorId: 'mod', targetPath: layout.report(`old${pad(i)}`), reason: '', at: T0 - i * 1000}]);
  yield log;
}

/**
 * Seeds the community (owner bypass), in REST commits of 500 writes, `parallel` commits in flight at once (a
 * bounded pool over the lazily built slices: 230,000 documents never sit in one array, and the emulator is
 * never sent more than `parallel` commits). Resolves to the documents written.
 */
export async function seedScale(admin: FirestoreAdmin, cid: string, size: ScaleSize, parallel = 4): Promise<number> {
  const community = communityPath(cid);
  let n = 0;
  // Each slice repeats the community document; only the first (which carries the roles' badges) is written.
  const commits = (function* () {
    let first = true;
    for (const docs of seedDocs(cid, size)) {
      const unique = first ? docs : docs.filter(([path]) => path !== community);
      first = false;
      for (let i = 0; i < unique.length; i += 500) yield unique.slice(i, i + 500);
    }
  })();
  // The workers share one generator: each takes the next commit when its last one is answered.
  await Promise.all(Array.from({length: parallel}, async () => {
    for (const chunk of commits) {
      await admin.writeDocs(chunk);
      n += chunk.length;
    }
  }));
  return n;
}

/** Renders `view` on a fresh store as `uid` and counts the documents on the wire until `shown()` holds. */
async function firstView(cid: string, project: string, uid: string | null, name: string, page: number,
  render: (store: CommunityStore) => Promise<HTMLElement>, shown: (root: HTMLElement) => number, want: number): Promise<View> {
  const {host, port} = emulatorHost();
  await executeServerCommand('kin-wire-start');
  const store = await createFirebaseStore({communityId: cid, config: {projectId: project}, emulator: {host, port, mockUser: uid ? {uid} : null}});
  let root: HTMLElement | null = null;
  try {
    const t0 = performance.now();
    root = await render(store);
    await waitUntil(() => shown(root!) >= want, `${name}: never showed ${want} items`, {timeout: 60000, interval: 50});
    // From the element's creation to its first page on screen (store start-up, reads and render, on the emulator).
    const firstViewMs = performance.now() - t0;
    // Let anything the first view still asks for arrive before the count closes.
    await new Promise((r) => setTimeout(r, 1500));
    const wire = (await executeServerCommand('kin-wire-stop')) as Wire;
    return {name, page, shown: shown(root), wire, firstViewMs};
  } finally {
    root?.remove();
    await store.dispose().catch(() => undefined);
  }
}

/**
 * Issue 16/17 (s5): what "Show more" in the moderation queue reads. The wire is counted from the store's start
 * (documents that arrive later on a Listen channel opened before the count began are not seen), through the
 * first page and the press, until the second page is shown; what "Show more" read is that total less the
 * queue's first view measured just before (`firstView`, the same page on a fresh store).
 */
async function showMoreView(cid: string, project: string, size: ScaleSize, firstViewDocs: number): Promise<View> {
  const {host, port} = emulatorHost();
  await executeServerCommand('kin-wire-start');
  const store = await createFirebaseStore({communityId: cid, config: {projectId: project}, emulator: {host, port, mockUser: {uid: 'mod'}}});
  let shown: HTMLElement | null = null;
  try {
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"><kin-moderation-queue no-log page-size=${PAGE}></kin-moderation-queue></kin-community>`);
    shown = root;
    const items = () => inShadow(root, 'kin-moderation-queue', '[data-item]');
    await waitUntil(() => items() >= Math.min(PAGE, size.reports), 'queue: the first page', {timeout: 60000, interval: 50});
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = performance.now();
    (root.querySelector('kin-moderation-queue')!.shadowRoot!.querySelector('[part="more"]') as HTMLButtonElement).click();
    const want = Math.min(2 * PAGE, size.reports);
    await waitUntil(() => items() >= want, `queue: never showed ${want} items after "Show more"`, {timeout: 60000, interval: 50});
    const firstViewMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1500));
    const total = (await executeServerCommand('kin-wire-stop')) as Wire;
    const ids = [...root.querySelector('kin-moderation-queue')!.shadowRoot!.querySelectorAll('[data-item]')].map((e) => e.getAttribute('data-item'));
    expect(new Set(ids).size, 'no item twice').to.equal(ids.length);
    console.log(`[scale] queue first page + "Show more": ${total.docs} documents on the wire, less the first view's ${firstViewDocs}`);
    const wire = {...total, docs: total.docs - firstViewDocs, listenDocs: total.listenDocs - firstViewDocs};
    return {name: 'queue: Show more', page: PAGE, shown: items() - PAGE, wire, firstViewMs};
  } finally {
    shown?.remove();
    await store.dispose().catch(() => undefined);
  }
}

const inShadow = (root: HTMLElement, host: string, sel: string) => root.querySelector(host)?.shadowRoot?.querySelectorAll(sel).length ?? 0;

/** The four first views on a seeded community: the hub, a thread, the directory, the moderation queue. */
export async function measureViews(cid: string, project: string, size: ScaleSize): Promise<View[]> {
  const views: View[] = [];
  views.push(await firstView(cid, project, null, 'hub (thread list)', PAGE,
    (store) => fixture(html`<kin-community .store=${store} lang="en"><kin-discussion-thread mode="list" thread-key=${KEY}></kin-discussion-thread></kin-community>`),
    (root) => inShadow(root, 'kin-discussion-thread', '[data-thread-id]'), Math.min(PAGE, size.threads)));
  // The hub's visitor store was disposed (its Firebase app and cache ended): this visitor starts afresh.
  views.push(await firstView(cid, project, null, 'thread (visitor)', PAGE,
    (store) => fixture(html`<kin-community .store=${store} lang="en"><kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`),
    (root) => inShadow(root, 'kin-discussion-thread', 'article[data-post-id]'), PAGE));
  views.push(await firstView(cid, project, 'm000001', 'thread (member)', PAGE,
    (store) => fixture(html`<kin-community .store=${store} lang="en"><kin-discussion-thread thread-key=${KEY}></kin-discussion-thread></kin-community>`),
    (root) => inShadow(root, 'kin-discussion-thread', 'article[data-post-id]'), PAGE));
  views.push(await firstView(cid, project, 'm000002', 'member directory', PAGE,
    (store) => fixture(html`<kin-community .store=${store} lang="en"><kin-member-directory page-size=${PAGE}></kin-member-directory></kin-community>`),
    (root) => inShadow(root, 'kin-member-directory', '[data-uid]'), PAGE));
  // Issue 17: <kin-moderation-queue> shows two lists, the queue and the log below it, each with its own page size.
  // The queue alone (no-log), then the whole element: two pages (queue + log), so its limit is 2 pages + 2.
  views.push(await firstView(cid, project, 'mod', 'moderation queue', PAGE,
    (store) => fixture(html`<kin-community .store=${store} lang="en"><kin-moderation-queue no-log page-size=${PAGE}></kin-moderation-queue></kin-community>`),
    (root) => inShadow(root, 'kin-moderation-queue', '[data-item]'), Math.min(PAGE, size.reports)));
  if (size.reports > PAGE) views.push(await showMoreView(cid, project, size, views.at(-1)!.wire.docs));
  views.push(await firstView(cid, project, 'mod', 'queue + log (element)', 2 * PAGE,
    (store) => fixture(html`<kin-community .store=${store} lang="en"><kin-moderation-queue page-size=${PAGE} log-limit=${PAGE}></kin-moderation-queue></kin-community>`),
    (root) => inShadow(root, 'kin-moderation-queue', '[data-item]') + inShadow(root, 'kin-moderation-queue', '[part="log"] li'),
    Math.min(PAGE, size.reports) + PAGE));
  return views;
}

export function printViews(label: string, size: ScaleSize, seeded: number, seedMs: number, views: View[]) {
  const lines = [`[scale] ${label}: ${size.threads} threads, ${size.posts} posts, ${size.members} members, ${size.reports} open reports`
    + ` (${seeded} documents seeded in ${Math.round(seedMs / 1000)} s)`,
  '[scale] view                  page  shown  docs read (wire)  limit (page + 2)  REST  listen docs  first view ms  (an empty listen bills 1)'];
  for (const v of views) {
    lines.push(`[scale] ${v.name.padEnd(21)} ${String(v.page).padStart(4)}  ${String(v.shown).padStart(5)}  ${String(v.wire.docs).padStart(16)}`
      + `  ${String(v.page + 2).padStart(16)}  ${String(v.wire.rest).padStart(4)}  ${String(v.wire.listenDocs).padStart(11)}`
      + `  ${String(Math.round(v.firstViewMs)).padStart(13)}  ${v.wire.listenTargets} listens`);
  }
  // What each view read, by kind (listen:get:threads, list:posts…), so a figure over the goal says where it goes.
  for (const v of views) {
    const byKind = new Map<string, number>();
    for (const k of v.wire.kinds) byKind.set(k, (byKind.get(k) ?? 0) + 1);
    lines.push(`[scale]   ${v.name}: ${[...byKind].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ')}`);
  }
  console.log(lines.join('\n'));
}

export {KEY as SCALE_KEY, TID as SCALE_TID, expect};
