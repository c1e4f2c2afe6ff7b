// Benchmark (figures, not a timed test): the member directory's queries on the real Firestore emulator at
// 5,000 members (issue 5: "works at 5,000 members without loading them all"; goal: reads ≈ page size).
// Run: npm run bench:directory   (node scripts/test.mjs --only=bench/directory.bench.ts)
//
// Seeds 5,000 members (about half listed; varied relationships, tags, badges and join dates) with the
// owner bypass in REST `:commit` batches of 500, then, as a member through a FirebaseStore, times
// listMembers for: the first page (newest), the next page by cursor, a filtered search (relationship +
// tag), a prefix search by pseudonym, and two more directory views (by name, by role).
//
// How reads are counted: Firestore bills one read per document a query returns (and one for a query
// that returns none). FirebaseStore's listMembers asks for limit + 1 documents, the extra one telling
// whether there is a next page (src/data/firebase/members.ts), so a page it returns with `next` set
// cost items + 1 reads, and a last page cost its items (at least 1). The rules add one document access
// per query (isMember(): exists() on the reader's own profile), billed as one more read; it is not
// measured here, only noted in the printed table.
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../src/data/firebase/firebase-store.js';
import type {CommunityStore, MemberQuery} from '../src/data/store.js';
import type {MemberProfile, Relationship, RoleName} from '../src/data/types.js';
import {emulatorHost} from '../test/support/env.js';
import {FirestoreAdmin} from '../test/support/firestore-admin.js';
import {T0, sampleCommunity} from '../test/support/builders.js';

const PROJECT = 'demo-kindred-bench-directory';
const CID = 'directory-5000';
const N = 5000;
const PAGE = 24;
const RUNS = 5;
const admin = new FirestoreAdmin(PROJECT);

const RELATIONSHIPS: Relationship[] = ['patient', 'carer', 'professional', 'other'];
const TAGS = ['inhalers', 'children', 'exercise', 'night-time', 'work', 'school', 'diet', 'anxiety'];
const FIRST = ['Al', 'Bry', 'Cer', 'Dai', 'El', 'Fion', 'Gwen', 'Hyw', 'If', 'Jac', 'Kel', 'Llin', 'Mer', 'Nia', 'Ow', 'Per', 'Rhi', 'Sio', 'Tal', 'Wyn'];
const SECOND = ['a', 'o', 'yn', 'wen', 'ys', 'ri', 'an', 'eth'];

/** A deterministic cast: member i joined i × 7 minutes before T0; every other one is listed. */
function makeMember(i: number): MemberProfile {
  const pseudonym = `${FIRST[i % FIRST.length]}${SECOND[Math.floor(i / FIRST.length) % SECOND.length]} ${i}`;
  const tags = TAGS.filter((_, t) => (i * 7 + t * 3) % 11 < 3).slice(0, 3);
  const badges: RoleName[] = i % 97 === 0 ? ['moderator'] : i % 41 === 0 ? ['clinician'] : [];
  return {
    uid: `u${String(i).padStart(5, '0')}`, pseudonym, pseudonymLower: pseudonym.toLowerCase(), avatarUrl: null, avatarHue: (i * 37) % 360,
    relationship: RELATIONSHIPS[(i * 5 + Math.floor(i / 3)) % RELATIONSHIPS.length], bio: '', tags,
    listed: (i * 31 + Math.floor(i / 10)) % 2 === 0, badges,
    clinicianScope: badges.includes('clinician') ? 'Specialist nurse' : null, joinedAt: T0 - i * 7 * 60_000,
  };
}

const members = Array.from({length: N}, (_, i) => makeMember(i));
const reader: MemberProfile = {...makeMember(N), uid: 'reader', pseudonym: 'Reader', pseudonymLower: 'reader', listed: false, badges: []};

interface Row {view: string; query: string; matching: number; items: number; reads: number; firstMs: number; medianMs: number}

/** Documents Firestore returned for this page (what it bills), from the store's limit + 1 look-ahead. */
const billed = (items: number, next: string | null) => Math.max(1, items + (next ? 1 : 0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function matching(q: MemberQuery): number {
  const search = q.search?.toLowerCase();
  return members.filter((m) => m.listed && (!search || m.pseudonymLower.startsWith(search))
    && (!q.relationship || m.relationship === q.relationship) && (!q.tag || m.tags.includes(q.tag))
    && (!q.role || m.badges.includes(q.role))).length;
}

describe('bench: <kin-member-directory> queries at 5,000 members on the Firestore emulator', function () {
  this.timeout(300000);
  let store: CommunityStore;
  let seedMs = 0;

  before(async () => {
    await admin.clear();
    const {id, ...community} = sampleCommunity(CID);
    const docs: [string, Record<string, unknown>][] = [
      [`communities/${id}`, community],
      ...[...members, reader].map((m): [string, Record<string, unknown>] => [`communities/${CID}/members/${m.uid}`, {...m}]),
    ];
    const t0 = performance.now();
    await admin.writeDocs(docs);
    seedMs = performance.now() - t0;
    store = await createFirebaseStore({communityId: CID, config: {projectId: PROJECT},
      emulator: {host: 'reader-bench.localhost', port: emulatorHost().port, mockUser: {uid: 'reader'}}});
    // Warm the connection (the first request of a client opens its streams) so it is not timed below.
    await store.getMember('reader');
  });

  after(async () => {
    await store?.dispose();
    await admin.clear();
  });

  it('reads about one page per directory view, however many members there are', async () => {
    const listed = members.filter((m) => m.listed).length;
    expect(listed, 'about half the members are listed').to.be.within(N * 0.4, N * 0.6);
    expect(seedMs, 'seeding 5,000 members stays under a minute').to.be.below(60000);

    const first = await store.listMembers({sort: 'newest', limit: PAGE});
    const views: [string, MemberQuery][] = [
      ['first page, newest', {sort: 'newest', limit: PAGE}],
      ['next page (cursor)', {sort: 'newest', limit: PAGE, cursor: first.next}],
      ['filtered: carer + tag "inhalers"', {sort: 'newest', relationship: 'carer', tag: 'inhalers', limit: PAGE}],
      ['prefix search "gwen"', {sort: 'name', search: 'gwen', limit: PAGE}],
      ['first page, by name', {sort: 'name', limit: PAGE}],
      ['role: clinician', {sort: 'newest', role: 'clinician', limit: PAGE}],
    ];
    const rows: Row[] = [];
    for (const [view, q] of views) {
      const times: number[] = [];
      let page = null as Awaited<ReturnType<CommunityStore['listMembers']>> | null;
      for (let run = 0; run < RUNS; run++) {
        const t = performance.now();
        page = await store.listMembers(q);
        times.push(performance.now() - t);
      }
      const {cursor, ...shown} = q;
      rows.push({view, query: JSON.stringify(cursor ? {...shown, cursor: '…'} : shown), matching: matching(q),
        items: page!.items.length, reads: billed(page!.items.length, page!.next), firstMs: times[0], medianMs: median(times)});
      // What the directory shows is what the query asked for.
      for (const m of page!.items) {
        expect(m.listed, `${view}: only listed members`).to.equal(true);
        if (q.relationship) expect(m.relationship).to.equal(q.relationship);
        if (q.tag) expect(m.tags).to.include(q.tag);
        if (q.search) expect(m.pseudonymLower.startsWith(q.search)).to.equal(true);
        if (q.role) expect(m.badges).to.include(q.role);
      }
    }
    // The next page continues the first without overlap.
    const second = await store.listMembers({sort: 'newest', limit: PAGE, cursor: first.next});
    const seen = new Set(first.items.map((m) => m.uid));
    expect(second.items.some((m) => seen.has(m.uid)), 'pages do not overlap').to.equal(false);
    expect(second.items[0].joinedAt).to.be.at.most(first.items[first.items.length - 1].joinedAt);

    const pad = (s: string | number, n: number) => String(s).padEnd(n);
    const lines = [
      `[bench] directory at ${N.toLocaleString('en-GB')} members (${listed.toLocaleString('en-GB')} listed); seeded in ${(seedMs / 1000).toFixed(1)} s ` +
        `(${Math.ceil((N + 2) / 500)} REST commits of ≤500 documents); page size ${PAGE}; time = first call / median of ${RUNS}; ` +
        'each query also costs 1 rules exists() read (isMember), not counted below',
      `${pad('view', 34)}${pad('matching', 10)}${pad('shown', 7)}${pad('doc reads', 11)}${pad('first ms', 10)}median ms`,
      ...rows.map((r) => `${pad(r.view, 34)}${pad(r.matching, 10)}${pad(r.items, 7)}${pad(r.reads, 11)}${pad(r.firstMs.toFixed(1), 10)}${r.medianMs.toFixed(1)}`),
    ];
    console.log(lines.join('\n'));

    // The goal: a view costs about a page (items + the look-ahead document), never the matching set.
    for (const r of rows) {
      expect(r.reads, `${r.view}: reads`).to.be.at.most(PAGE + 1);
      if (r.matching > PAGE) expect(r.reads, `${r.view}: a full page`).to.equal(PAGE + 1);
    }
  });
});
