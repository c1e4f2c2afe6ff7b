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
import {
  approvedPostCount, checkPostInput, checkReport, decideCreatePost, decideDelete, decideEdit, decideReaction, decideReport, type Writer,
} from '../../src/data/domain/posts.js';
import {checkJoinInput, checkProfilePatch, decideJoin, decideProfileUpdate} from '../../src/data/domain/members.js';
import {peerConnectionId} from '../../src/data/policy.js';
import type {CommunitySettings as Settings, MemberProfile, Post, PrivateRecord, RoleRecord, Thread} from '../../src/data/types.js';
import {GUIDELINES, NAMES} from './rules-fixture.js';
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
/** A document of the row's community as seeded (path under the community; '' is the community), or null. */
type Get = (path: string) => Record<string, unknown> | null;
interface Row {
  name: string; domain: (get: Get) => boolean; rules: Rules; settings?: Partial<CommunitySettings>; approvedPosts?: number;
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

// Posts, holds, edits, deletes, reactions, reports, joins and profile updates (domain/posts.ts, domain/members.ts):
// the domain decides from the row's seeded documents, as a store that read them would; the rules side makes
// the write FirebaseStore makes when the domain says yes (a visible post, an edit that keeps its status, …).
const now = () => Date.now();
const writerOf = (get: Get, uid: string): Writer => ({
  user: {uid, anonymous: false}, member: get(`members/${uid}`) as MemberProfile | null, roles: get(`roles/${uid}`) as RoleRecord | null, now: now(),
});
const settingsOf = (get: Get) => (get('') as {settings: Settings}).settings;
const said = (fn: () => unknown) => {
  try {
    return fn() !== null;
  } catch {
    return false;
  }
};
/** Whether the domain lets `uid`'s new post in `threadId` be written visible (FirebaseStore's checked path). */
const domainPost = (uid: string, over: {threadId?: string; parentId?: string; body?: string; newThread?: {key: null; title: string}} = {}) => (get: Get) => said(() => {
  const threadId = over.threadId ?? 't1';
  const p = checkPostInput({id: 'np', threadId, body: over.body ?? 'A new post', parentId: over.parentId ?? null, createThread: over.newThread});
  const w = writerOf(get, uid);
  const thread = get(`threads/${threadId}`) as Thread | null;
  const d = decideCreatePost(p, {
    ...w, settings: settingsOf(get), approvedPosts: approvedPostCount((w.member as {approvedPosts?: unknown} | null)?.approvedPosts), existing: get(`threads/${threadId}/posts/np`) as Post | null,
    privateRecord: get(`private/${uid}`) as PrivateRecord | null, thread,
    connectionStatus: thread?.participants ? (get(`connections/${peerConnectionId(thread.participants)}`)?.status ?? null) as string | null : null,
    parent: p.parentId ? get(`threads/${threadId}/posts/${p.parentId}`) as Post | null : undefined, limits: null,
  });
  return d.kind === 'write' && !d.held ? d : null;
});
/** `uid` writes a visible post np into `threadId` with the thread's bump (or creates the hub thread with it). */
const rulesPost = (uid: string, over: {threadId?: string; parentId?: string; body?: string; newThread?: {key: null; title: string}} = {}): Rules => (db, cid) => {
  const d = db(uid);
  const threadId = over.threadId ?? 't1';
  const batch = d.batch();
  batch.set(docIn(d, cid, `threads/${threadId}/posts/np`), newPost(uid, NAMES[uid] ?? uid, {body: over.body ?? 'A new post', parentId: over.parentId ?? null}));
  if (over.newThread) {
    batch.set(docIn(d, cid, `threads/${threadId}`), {
      key: null, title: over.newThread.title, authorId: uid, authorName: NAMES[uid] ?? uid, createdAt: ts(), lastActivityAt: ts(), postCount: 1,
      status: 'visible', participants: null, lastPostId: 'np',
    });
  } else {
    batch.update(docIn(d, cid, `threads/${threadId}`), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'np'});
  }
  return batch.commit();
};
const postRow = (name: string, uid: string, over: Parameters<typeof domainPost>[1] = {}, extra: Partial<Row> = {}): Row =>
  ({name, domain: domainPost(uid, over), rules: rulesPost(uid, over), ...extra});

const PEER = {key: null, title: 'Mo · Mel', authorId: 'm2', authorName: 'Mo', createdAt: T0, lastActivityAt: T0, postCount: 0, status: 'visible', participants: ['m1', 'm2']};
const peerDocs = (status: 'accepted' | 'ended'): [string, Record<string, unknown>][] => [
  ['threads/c_m1_m2', PEER],
  ['connections/m1_m2', {members: ['m1', 'm2'], requestedBy: 'm2', message: '', status, createdAt: T0, updatedAt: T0, threadId: 'c_m1_m2', endedBy: status === 'ended' ? 'm2' : null}],
];
const MINE = (status: string): [string, Record<string, unknown>] => ['threads/t1/posts/p5', {
  body: 'My own words', authorId: 'm1', authorName: 'Mel', authorRelationship: 'patient', authorAvatarUrl: null, authorAvatarHue: 120,
  authorBadges: [], parentId: null, createdAt: T0, editedAt: null, status, statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0},
}];
const ownState = (get: Get, uid: string, pid: string) => {
  const w = writerOf(get, uid);
  return {...w, settings: settingsOf(get), approvedPosts: approvedPostCount((w.member as {approvedPosts?: unknown} | null)?.approvedPosts), post: get(`threads/t1/posts/${pid}`) as Post | null};
};
/** An edit that keeps the post's status (FirebaseStore's plain update). */
const editRow = (name: string, uid: string, pid: string, body: string, extra: Partial<Row> = {}): Row => ({
  name, ...extra,
  domain: (get) => said(() => (decideEdit(body, ownState(get, uid, pid)).heldAgain ? null : true)),
  rules: (db, cid) => docIn(db(uid), cid, `threads/t1/posts/${pid}`).update({body, editedAt: ts()}),
});
const deleteRow = (name: string, uid: string, pid: string, extra: Partial<Row> = {}): Row => ({
  name, ...extra,
  domain: (get) => said(() => decideDelete(ownState(get, uid, pid))),
  rules: (db, cid) => docIn(db(uid), cid, `threads/t1/posts/${pid}`).update({body: '', status: 'deleted', statusReason: null}),
});
const reactRow = (name: string, uid: string, pid: string, extra: Partial<Row> = {}): Row => ({
  name, ...extra,
  domain: (get) => said(() => decideReaction(true, {
    user: {uid, anonymous: false}, writer: writerOf(get, uid), has: !!get(`threads/t1/reactions/${pid}_${uid}_hug`),
    post: get(`threads/t1/posts/${pid}`) as Post | null, thread: get('threads/t1') as Thread | null,
  })),
  rules: (db, cid) => reactBatch(db(uid), cid, uid, 'hug', 1, pid),
});
const JOIN = {pseudonym: 'Olly', relationship: 'carer', guidelinesVersion: GUIDELINES, healthConsentVersion: null} as const;
const joinRow = (name: string, uid: string, extra: Partial<Row> = {}): Row => ({
  name, ...extra,
  domain: (get) => said(() => decideJoin(checkJoinInput(JOIN as never), {
    user: {uid, anonymous: false}, now: now(), settings: settingsOf(get), isMember: !!get(`members/${uid}`), roles: get(`roles/${uid}`) as RoleRecord | null,
    sanction: get(`sanctions/${uid}`) as {suspendedUntil: number; at: number} | null,
  })),
  rules: (db, cid) => joinBatch(db(uid), cid, uid),
});
const profileRow = (name: string, uid: string, bio: string, extra: Partial<Row> = {}): Row => ({
  name, ...extra,
  domain: (get) => said(() => decideProfileUpdate(checkProfilePatch({bio}), {
    ...writerOf(get, uid), bannedWords: settingsOf(get).bannedWords, record: get(`private/${uid}`) as PrivateRecord | null,
  })),
  rules: (db, cid) => docIn(db(uid), cid, `members/${uid}`).update({bio}),
});
const reportRow = (name: string, uid: string, threadId: string, extra: Partial<Row> = {}): Row => ({
  name, ...extra,
  domain: (get) => said(() => decideReport(checkReport({id: 'rp', target: {kind: 'post', threadId, postId: 'x1'}, reason: 'harm'}), {
    user: {uid, anonymous: false}, writer: writerOf(get, uid), settings: settingsOf(get), existing: null, limits: null,
    peerThread: threadId.startsWith('c_') ? get(`threads/${threadId}`) as Thread | null : undefined,
  }, now())),
  rules: (db, cid) => {
    const d = db(uid);
    const batch = d.batch();
    batch.set(docIn(d, cid, `reports/rp`), reportDoc(uid, {target: {kind: 'post', threadId, postId: 'x1'}}));
    if (threadId.startsWith('c_')) batch.set(docIn(d, cid, `reportedThreads/${threadId}`), {threadId, reportId: 'rp', at: ts()});
    return batch.commit();
  },
});

const DECISION_ROWS: Row[] = [
  postRow('m1 posts in a visible thread', 'm1'),
  postRow('a suspended member posts', 'sus1'),
  postRow('a signed-in non-member posts', 'outsider'),
  postRow('m1 posts in a hidden thread', 'm1', {threadId: 't2'}, {docs: [['threads/t2', {key: null, title: 'Hello', authorId: 'auth1', authorName: 'Ari', createdAt: T0, lastActivityAt: T0, postCount: 2, status: 'hidden', participants: null}]]}),
  postRow('m1 replies to a top-level post', 'm1', {parentId: 'p1'}),
  postRow('m1 replies to a reply', 'm1', {parentId: 'p4'}, {docs: [['threads/t1/posts/p4', {...MINE('visible')[1], parentId: 'p1'}]]}),
  postRow('m1 replies to a post that is not there', 'm1', {parentId: 'p404'}),
  postRow('m1 posts after a guidelines bump', 'm1', {}, {settings: {guidelinesVersion: 'g3'}}),
  postRow('m1 posts in their private thread (accepted)', 'm1', {threadId: 'c_m1_m2'}, {docs: peerDocs('accepted')}),
  postRow('m1 posts in their private thread (ended)', 'm1', {threadId: 'c_m1_m2'}, {docs: peerDocs('ended')}),
  postRow('a member posts in others’ private thread', 'auth1', {threadId: 'c_m1_m2'}, {docs: peerDocs('accepted')}),
  postRow('m1 starts a hub thread', 'm1', {threadId: 't9', newThread: {key: null, title: 'Walking'}}),
  postRow('m1 starts a visible hub thread titled with a banned word', 'm1', {threadId: 't9', newThread: {key: null, title: 'A scam'}}, {settings: HOLD_SETTINGS}),
  postRow("m1 posts visibly under 'first-posts' with 1 of 2 approvals", 'm1', {}, {settings: {moderation: 'first-posts', holdFirstPosts: 2}, approvedPosts: 1}),
  postRow("a moderator posts visibly under moderation 'all'", 'mod1', {}, {settings: {moderation: 'all'}}),
  editRow('m1 edits their visible post', 'm1', 'p5', 'Better words', {docs: [MINE('visible')]}),
  editRow('m1 adds a phone number to their visible post, keeping it visible', 'm1', 'p5', 'Ring 07700 900123', {docs: [MINE('visible')]}),
  editRow("m1 edits their visible post under 'first-posts' (no approvals)", 'm1', 'p5', 'Better words', {docs: [MINE('visible')], settings: {moderation: 'first-posts', holdFirstPosts: 1}}),
  editRow('m1 edits their held post', 'm1', 'p5', 'Ring 07700 900123', {docs: [MINE('held')]}),
  editRow('m1 edits their hidden post', 'm1', 'p5', 'Better words', {docs: [MINE('hidden')]}),
  editRow('m1 edits someone else’s post', 'm1', 'p1', 'Better words'),
  deleteRow('m1 deletes their visible post', 'm1', 'p5', {docs: [MINE('visible')]}),
  deleteRow('m1 deletes their hidden post', 'm1', 'p5', {docs: [MINE('hidden')]}),
  deleteRow('m1 deletes someone else’s post', 'm1', 'p1'),
  deleteRow('a suspended member deletes their post', 'sus1', 'p3'),
  reactRow('m1 reacts to a visible post', 'm1', 'p1'),
  reactRow('m1 reacts to a held post', 'm1', 'p2'),
  reactRow('a suspended member reacts', 'sus1', 'p1'),
  reportRow('m1 reports a post', 'm1', 't1'),
  reportRow('a non-member reports a post', 'outsider', 't1'),
  reportRow('m1 reports a post in their private thread', 'm1', 'c_m1_m2', {docs: peerDocs('accepted')}),
  reportRow('a member reports a post in others’ private thread', 'auth1', 'c_m1_m2', {docs: peerDocs('accepted')}),
  joinRow('a signed-in visitor joins', 'outsider'),
  joinRow('m1 joins again', 'm1'),
  joinRow('a visitor whose suspension outlived erasure joins', 'outsider', {docs: [['sanctions/outsider', {suspendedUntil: Date.UTC(2099, 0, 1), at: T0}]]}),
  profileRow('m1 changes their bio', 'm1', 'Walking most days'),
  profileRow('m1 puts a phone number in their bio', 'm1', 'Ring 07700 900123'),
  profileRow('m1 puts a banned word in their bio', 'm1', 'Not a scam', {settings: HOLD_SETTINGS}),
  profileRow('a suspended member changes their bio', 'sus1', 'Walking most days'),
];
ROWS.push(...DECISION_ROWS);

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
      // The last write of a path wins, as writeDocs leaves it.
      const get: Get = (path) => [...docs].reverse().find(([p]) => p === pathIn(cid, path || undefined))?.[1] ?? null;
      const domain = row.domain(get);
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
      const rows = TRANSITION_ROWS.filter((r) => r.name.startsWith(`m1 ${move}:`)).map((r) => r.domain(() => null));
      expect(rows, move).to.include(true).and.to.include(false);
    }
  });
});
