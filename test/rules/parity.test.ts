// Domain ↔ firestore.rules parity (issue 13): one table of inputs, each run through the domain
// (src/data/domain, policy.ts) and through the real emulator's rules. For every limit (at the limit
// and one past it), every enumeration value (and one that is not), and every hold pattern (contact
// details, links, banned words, moderation modes, first posts), and every connection transition
// (domain/connections.ts: each move from each state of a pair), the two must give the same answer:
// the domain accepts / lets the post be visible exactly when the rules allow the write.
//
// Each row runs in a freshly seeded community (the rules baseline), so rows never see each other.
import {expect} from '@open-wc/testing';
import {FieldValue, baseline, joinBatch, newPost, reactBatch, reportDoc, setUp, ts, type Db, type RulesEnv} from './rules-fixture.js';
import {LIMITS, REACTION_KINDS, RELATIONSHIPS, REPORT_REASONS} from '../../src/data/domain/limits.js';
import {
  initialPostStatus, validateHttpsUrl, validatePostBody, validatePseudonym, validateReactionKind, validateRelationship,
  validateReportReason, validateTags, validateText,
} from '../../src/data/policy.js';
import type {CommunitySettings} from '../../src/data/types.js';
import {blockMove, endMove, requestMove, respondMove, type ConnectionMove, type StoredConnection} from '../../src/data/domain/connections.js';
import {docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const x = (n: number) => 'x'.repeat(n);
const accepts = (fn: () => unknown) => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

type Rules = (db: (uid: string) => Db, cid: string) => Promise<unknown>;
interface Row {
  name: string; domain: () => boolean; rules: Rules; settings?: Partial<CommunitySettings>; approvedPosts?: number;
  /** Extra documents (path under the community, fields) written before the row. */
  docs?: [string, Record<string, unknown>][];
}

const join = (profile: Record<string, unknown>): Rules => (db, cid) => joinBatch(db('newcomer'), cid, 'newcomer', profile);
const postAs = (body: string): Rules => (db, cid) => {
  const m1 = db('m1');
  const batch = m1.batch();
  batch.set(docIn(m1, cid, layout.post('t1', 'np')), newPost('m1', 'Mel', {body}));
  batch.update(docIn(m1, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'np'});
  return batch.commit();
};
const report = (extra: Record<string, unknown>): Rules => (db, cid) => docIn(db('m1'), cid, layout.report('rp')).set(reportDoc('m1', extra));

const HOLD_SETTINGS: Partial<CommunitySettings> = {moderation: 'post', bannedWords: ['scam']};
/** Whether the domain lets m1's new post start visible (the rules must then allow a visible create). */
const visible = (body: string, settings: Partial<CommunitySettings> = HOLD_SETTINGS, approved = 0) => () =>
  initialPostStatus({moderation: 'post', holdFirstPosts: 0, bannedWords: [], ...settings}, false, approved, body).status === 'visible';

const ROWS: Row[] = [
  // Limits: at the limit and one past it.
  ...[LIMITS.postBody, LIMITS.postBody + 1].map((n): Row => ({name: `post body of ${n}`, domain: () => accepts(() => validatePostBody(x(n))), rules: postAs(x(n))})),
  ...[LIMITS.pseudonymMin - 1, LIMITS.pseudonymMin, LIMITS.pseudonymMax, LIMITS.pseudonymMax + 1].map((n): Row => ({
    name: `pseudonym of ${n}`, domain: () => accepts(() => validatePseudonym(x(n))), rules: join({pseudonym: x(n), pseudonymLower: x(n)}),
  })),
  ...[LIMITS.bio, LIMITS.bio + 1].map((n): Row => ({name: `bio of ${n}`, domain: () => accepts(() => validateText('bio', x(n), {max: LIMITS.bio})), rules: join({bio: x(n)})})),
  ...[LIMITS.tags, LIMITS.tags + 1].map((n): Row => {
    const tags = Array.from({length: n}, (_, i) => `tag${i}`);
    return {name: `${n} tags`, domain: () => accepts(() => validateTags(tags)), rules: join({tags})};
  }),
  ...[LIMITS.tag, LIMITS.tag + 1].map((n): Row => ({name: `a tag of ${n}`, domain: () => accepts(() => validateTags([x(n)])), rules: join({tags: [x(n)]})})),
  ...[LIMITS.url, LIMITS.url + 1].map((n): Row => {
    const url = `https://example.org/${x(n - 'https://example.org/'.length)}`;
    return {name: `avatar URL of ${n}`, domain: () => accepts(() => validateHttpsUrl('avatarUrl', url)), rules: join({avatarUrl: url})};
  }),
  ...[LIMITS.reportDetails, LIMITS.reportDetails + 1].map((n): Row => ({
    name: `report details of ${n}`, domain: () => accepts(() => validateText('details', x(n), {max: LIMITS.reportDetails})), rules: report({details: x(n)}),
  })),
  // Enumerations: every value, and one that is not.
  ...[...RELATIONSHIPS, 'doctor'].map((v): Row => ({name: `relationship ${v}`, domain: () => accepts(() => validateRelationship(v)), rules: join({relationship: v})})),
  ...[...REACTION_KINDS, 'angry'].map((v): Row => ({name: `reaction ${v}`, domain: () => accepts(() => validateReactionKind(v)), rules: (db, cid) => reactBatch(db('m1'), cid, 'm1', v, 1)})),
  ...[...REPORT_REASONS, 'rude'].map((v): Row => ({name: `report reason ${v}`, domain: () => accepts(() => validateReportReason(v)), rules: report({reason: v})})),
  // Hold patterns: may the post start visible?
  ...[
    ['plain text', 'Walking helped me today'],
    ['an email address', 'Write to me at mel.jones@example.org'],
    ['a phone number', 'Ring me on 07700 900123'],
    ['two links', 'See https://nhs.uk/a and https://nhs.uk/b'],
    ['three links', 'See https://nhs.uk/a https://nhs.uk/b https://nhs.uk/c'],
    ['a banned word', 'This is a SCAM, honestly'],
    ['a banned word inside another word', 'Scampi for tea'],
  ].map(([what, body]): Row => ({name: `a visible post with ${what}`, domain: visible(body), rules: postAs(body), settings: HOLD_SETTINGS})),
  {name: "a visible post under moderation 'all'", domain: visible('Hello', {moderation: 'all'}), rules: postAs('Hello'), settings: {moderation: 'all'}},
  {name: "a visible first post under 'first-posts' (none approved)", domain: visible('Hello', {moderation: 'first-posts', holdFirstPosts: 1}, 0),
    rules: postAs('Hello'), settings: {moderation: 'first-posts', holdFirstPosts: 1}},
  {name: "a visible post under 'first-posts' after one approval", domain: visible('Hello', {moderation: 'first-posts', holdFirstPosts: 1}, 1),
    rules: postAs('Hello'), settings: {moderation: 'first-posts', holdFirstPosts: 1}, approvedPosts: 1},
];

// Connection transitions (domain/connections.ts): m1 makes each move from each state of the pair m1_m2.
// The domain "accepts" when the move writes something; the rules side tries the write FirebaseStore
// makes for that move (firebase/matching-store.ts), whatever the domain said.
const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const PAIR = 'm1_m2';
const CONNECTION_STATES: [string, StoredConnection | null][] = [
  ['no connection', null],
  ['pending (m1 asked)', {members: ['m1', 'm2'], requestedBy: 'm1', message: '', status: 'pending', createdAt: T0, updatedAt: T0, threadId: null, endedBy: null}],
  ['pending (m2 asked)', {members: ['m1', 'm2'], requestedBy: 'm2', message: '', status: 'pending', createdAt: T0, updatedAt: T0, threadId: null, endedBy: null}],
  ['accepted', {members: ['m1', 'm2'], requestedBy: 'm2', message: '', status: 'accepted', createdAt: T0, updatedAt: T0, threadId: `c_${PAIR}`, endedBy: null}],
  ['ended by m1', {members: ['m1', 'm2'], requestedBy: 'm2', message: '', status: 'ended', createdAt: T0, updatedAt: T0, threadId: null, endedBy: 'm1'}],
  ['ended by m2', {members: ['m1', 'm2'], requestedBy: 'm1', message: '', status: 'ended', createdAt: T0, updatedAt: T0, threadId: null, endedBy: 'm2'}],
];
const writes = (move: () => ConnectionMove) => () => {
  try {
    return move().patch !== null;
  } catch {
    return false;
  }
};
const NOW = Date.now();
const CONNECTION_MOVES: [string, (c: StoredConnection | null) => () => boolean, Rules][] = [
  ['asks to connect', (c) => writes(() => requestMove({me: 'm1', other: 'm2', message: '', now: NOW, existing: c, otherIsMember: true, limit: null})),
    (db, cid) => {
      const m1 = db('m1');
      const batch = m1.batch();
      batch.set(docIn(m1, cid, layout.connection(PAIR)), {
        members: ['m1', 'm2'], requestedBy: 'm1', message: '', status: 'pending', threadId: null, endedBy: null, createdAt: ts(), updatedAt: ts(),
      });
      batch.set(docIn(m1, cid, layout.connectionLimit('m1')), {windowStart: ts(), count: 1, lastConnectionId: PAIR});
      return batch.commit();
    }],
  ['accepts', (c) => writes(() => respondMove({me: 'm1', id: PAIR, accept: true, now: NOW, connection: c, myName: 'Mel', requesterName: 'Mo'})),
    (db, cid) => {
      const m1 = db('m1');
      const batch = m1.batch();
      batch.update(docIn(m1, cid, layout.connection(PAIR)), {status: 'accepted', threadId: `c_${PAIR}`, updatedAt: ts()});
      batch.set(docIn(m1, cid, layout.thread(`c_${PAIR}`)), {
        key: null, title: 'Mo · Mel', authorId: 'm1', authorName: 'Mel', createdAt: ts(), lastActivityAt: ts(), postCount: 0,
        status: 'visible', participants: ['m1', 'm2'], lastPostId: null,
      });
      return batch.commit();
    }],
  ['declines', (c) => writes(() => respondMove({me: 'm1', id: PAIR, accept: false, now: NOW, connection: c, myName: 'Mel', requesterName: 'Mo'})),
    (db, cid) => docIn(db('m1'), cid, layout.connection(PAIR)).update({status: 'ended', endedBy: 'm1', updatedAt: ts()})],
  ['ends', (c) => writes(() => endMove({me: 'm1', id: PAIR, now: NOW, connection: c})),
    (db, cid) => docIn(db('m1'), cid, layout.connection(PAIR)).update({status: 'ended', endedBy: 'm1', updatedAt: ts()})],
  ['blocks', (c) => writes(() => blockMove({me: 'm1', other: 'm2', now: NOW, connection: c})),
    async (db, cid) => {
      const ref = docIn(db('m1'), cid, layout.connection(PAIR));
      // As FirebaseStore: end the pair's document, or make an ended one when there is none.
      if ((await ref.get()).exists) return ref.update({status: 'ended', endedBy: 'm1', updatedAt: ts()});
      return ref.set({members: ['m1', 'm2'], requestedBy: 'm1', message: '', status: 'ended', threadId: null, endedBy: 'm1', createdAt: ts(), updatedAt: ts()});
    }],
];
const TRANSITION_ROWS: Row[] = CONNECTION_STATES.flatMap(([state, c]) => CONNECTION_MOVES
  // A decline writes what an end writes (status ended, endedBy m1), so the rules cannot tell them apart:
  // declining what m1 asked for (withdrawing) or an accepted connection is an end (endMove), which its own
  // rows cover. The domain's "only the member asked answers" is about which button, not access.
  .filter(([move]) => !(move === 'declines' && (c?.requestedBy === 'm1' || c?.status === 'accepted')))
  .map(([move, domain, rules]): Row => ({
    name: `m1 ${move}: ${state}`, domain: domain(c), rules,
    docs: c ? [[layout.connection(PAIR), {...c}], ...(c.status === 'accepted' ? [[layout.thread(`c_${PAIR}`), {
      key: null, title: 'Mo · Mel', authorId: 'm2', authorName: 'Mo', createdAt: T0, lastActivityAt: T0, postCount: 0, status: 'visible',
      participants: ['m1', 'm2'], lastPostId: null,
    }] as [string, Record<string, unknown>]] : [])] : [],
  })));
ROWS.push(...TRANSITION_ROWS);

describe('domain ↔ firestore.rules parity (issue 13)', function () {
  this.timeout(300000);
  let rt: RulesEnv;
  before(async () => {
    rt = await setUp('demo-kindred-rules-parity');
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it(`agree on every row of the table (${ROWS.length} rows)`, async () => {
    const disagree: string[] = [];
    let allowed = 0;
    for (const [i, row] of ROWS.entries()) {
      const cid = `parity-${i}`;
      const docs = baseline(cid);
      const community = docs.find(([p]) => p === pathIn(cid))![1] as {settings: Record<string, unknown>};
      Object.assign(community.settings, row.settings ?? {});
      if (row.approvedPosts) (docs.find(([p]) => p === pathIn(cid, layout.member('m1')))![1] as Record<string, unknown>).approvedPosts = row.approvedPosts;
      for (const [path, fields] of row.docs ?? []) docs.push([pathIn(cid, path), fields]);
      await rt.admin.writeDocs(docs);
      const open: Db[] = [];
      const db = (uid: string) => {
        const d = rt.env.authenticatedContext(uid).firestore() as unknown as Db;
        open.push(d);
        return d;
      };
      const domain = row.domain();
      let rules: boolean;
      try {
        await row.rules(db, cid);
        rules = true;
      } catch (e) {
        if (!/PERMISSION_DENIED|permission-denied|insufficient permissions/i.test(String((e as Error).message ?? e))) throw e;
        rules = false;
      } finally {
        await Promise.all(open.map((d) => d.terminate()));
      }
      if (rules) allowed++;
      if (domain !== rules) disagree.push(`${row.name}: domain ${domain ? 'accepts' : 'refuses'}, rules ${rules ? 'allow' : 'deny'}`);
    }
    console.log(`parity: ${ROWS.length} rows, ${allowed} allowed and ${ROWS.length - allowed} refused by both`);
    expect(disagree).to.deep.equal([]);
    // The table tests both answers, not only refusals.
    expect(allowed).to.be.greaterThan(10);
    expect(ROWS.length - allowed).to.be.greaterThan(10);
    // Every connection move is allowed from some state and refused from another.
    for (const [move] of CONNECTION_MOVES) {
      const rows = TRANSITION_ROWS.filter((r) => r.name.startsWith(`m1 ${move}:`)).map((r) => r.domain());
      expect(rows, move).to.include(true).and.to.include(false);
    }
  });
});
