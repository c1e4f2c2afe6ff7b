// Moderation rules (issue 7) on the real emulator with ./firestore.rules:
//   1. the access matrix of the moderation collections (heldPosts, hiddenBodies): every role × operation;
//   2. every moderator power tried by a member and by a moderator, and a suspended member trying every write;
//   3. the moderation log cannot be edited or deleted by anyone;
//   4. automatic holds: a member's post with contact details or more than two links must be held;
//   5. at least 10 hostile payloads per moderation collection.
// Each write expected to succeed runs in its own freshly seeded community. Writes run one at a time
// (the emulator misjudges concurrent writes that read the same documents).
import {expect} from '@open-wc/testing';
import firebase from 'firebase/compat/app';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {
  FieldValue, NAMES, OPS, ROLES, UID, baseline, logDoc, newPost, reactBatch, reportDoc, rolesDoc, setUp, ts,
  type Db, type Op, type Role, type RulesEnv,
} from './rules-fixture.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const future = () => firebase.firestore.Timestamp.fromMillis(Date.UTC(2099, 5, 1));
const past = () => firebase.firestore.Timestamp.fromMillis(Date.UTC(2020, 0, 1));

/** The rules baseline plus: p2 (held) listed in heldPosts; p4 hidden by mod1 with its text kept. */
function world(cid: string): [string, Record<string, unknown>][] {
  const docs = baseline(cid);
  const p1 = docs.find(([p]) => p === pathIn(cid, layout.post('t1', 'p1')))![1];
  return [
    ...docs,
    [pathIn(cid, layout.heldPost('t1', 'p2')), {threadId: 't1', postId: 'p2', authorId: 'auth1', createdAt: T0}],
    [pathIn(cid, layout.post('t1', 'p4')), {...p1, body: '', status: 'hidden', statusReason: 'abuse', reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}}],
    [pathIn(cid, layout.hiddenBody('t1', 'p4')), {threadId: 't1', postId: 'p4', body: 'Body of p4', hiddenBy: 'mod1', at: T0}],
  ];
}

type Ctx = {db: Db; role: Role; uid: string | null; cid: string};
const actor = (c: Ctx) => c.uid ?? 'visitor';
const at = (c: Ctx, p: string) => docIn(c.db, c.cid, p);

/** A new held post by `uid` with its heldPosts marker, in one batch (as FirebaseStore writes it). */
function heldPost(c: Ctx, uid: string, pid: string, marker: Record<string, unknown> = {}, post: Record<string, unknown> = {}) {
  const batch = c.db.batch();
  batch.set(at(c, layout.post('t1', pid)), newPost(uid, NAMES[uid] ?? uid, {status: 'held', statusReason: 'contact-details', ...post}));
  batch.set(at(c, layout.heldPost('t1', pid)), {threadId: 't1', postId: pid, authorId: uid, createdAt: ts(), ...marker});
  return batch.commit();
}
/** Approve p2: visible, counted, marker removed, logged. */
function approve(c: Ctx, log = true) {
  const batch = c.db.batch();
  batch.update(at(c, layout.post('t1', 'p2')), {status: 'visible', statusReason: null});
  batch.update(at(c, layout.thread('t1')), {postCount: FieldValue.increment(1)});
  batch.delete(at(c, layout.heldPost('t1', 'p2')));
  if (log) batch.set(at(c, layout.logEntry(`a-${c.role}`)), logDoc(actor(c), {action: 'approve', targetPath: layout.post('t1', 'p2'), reason: ''}));
  return batch.commit();
}
/** Hide p1: text kept for moderators, body blanked, count lowered, logged. */
function hide(c: Ctx, kept: Record<string, unknown> = {}, post: Record<string, unknown> = {}) {
  const batch = c.db.batch();
  batch.set(at(c, layout.hiddenBody('t1', 'p1')), {threadId: 't1', postId: 'p1', body: 'Body of p1', hiddenBy: actor(c), at: ts(), ...kept});
  batch.update(at(c, layout.post('t1', 'p1')), {status: 'hidden', body: '', statusReason: 'Please be kind', ...post});
  batch.update(at(c, layout.thread('t1')), {postCount: FieldValue.increment(-1)});
  batch.set(at(c, layout.logEntry(`h-${c.role}`)), logDoc(actor(c)));
  return batch.commit();
}
/** Restore p4 with its kept text. */
function restore(c: Ctx, body = 'Body of p4', removeKept = true) {
  const batch = c.db.batch();
  batch.update(at(c, layout.post('t1', 'p4')), {status: 'visible', statusReason: null, body});
  if (removeKept) batch.delete(at(c, layout.hiddenBody('t1', 'p4')));
  batch.set(at(c, layout.logEntry(`r-${c.role}`)), logDoc(actor(c), {action: 'restore', targetPath: layout.post('t1', 'p4'), reason: ''}));
  return batch.commit();
}

const DRIVERS: Record<string, Record<Op, (c: Ctx) => Promise<unknown>>> = {
  heldPosts: {
    get: (c) => at(c, layout.heldPost('t1', 'p2')).get(),
    list: (c) => collectionIn(c.db, c.cid, layout.heldPosts).get(),
    // `other` forges a marker in auth1's name for its own held post.
    create: (c) => heldPost(c, actor(c), `h-${c.role}`, c.role === 'other' ? {authorId: 'auth1'} : {}),
    update: (c) => at(c, layout.heldPost('t1', 'p2')).update({createdAt: ts()}),
    // Moderators remove the marker with the approval; others try to drop it (the author, to hide it from review).
    delete: (c) => (c.role === 'moderator' || c.role === 'admin' ? approve(c) : at(c, layout.heldPost('t1', 'p2')).delete()),
  },
  hiddenBodies: {
    get: (c) => at(c, layout.hiddenBody('t1', 'p4')).get(),
    list: (c) => collectionIn(c.db, c.cid, 'hiddenBodies').get(),
    create: (c) => hide(c),
    update: (c) => at(c, layout.hiddenBody('t1', 'p4')).update({body: 'Rewritten'}),
    delete: (c) => (c.role === 'moderator' || c.role === 'admin' ? restore(c) : at(c, layout.hiddenBody('t1', 'p4')).delete()),
  },
};

// get, list, create, update, delete: '+' allowed, '-' refused.
const MATRIX: Record<string, Record<Role, string>> = {
  heldPosts: {
    visitor: '-----', nonMember: '-----', member: '--+--', author: '--+--',
    other: '-----', moderator: '+++-+', admin: '+++-+', suspended: '-----',
  },
  hiddenBodies: {
    visitor: '-----', nonMember: '-----', member: '-----', author: '-----',
    other: '-----', moderator: '+++-+', admin: '+++-+', suspended: '-----',
  },
};
const COLLECTIONS = ['heldPosts', 'hiddenBodies'];

type Case = [name: string, role: Role, allow: boolean, run: (c: Ctx) => Promise<unknown>];

// Every moderator power, tried by those who do not hold it and by those who do.
const POWERS: Case[] = [];
for (const role of ['member', 'author', 'other', 'suspended', 'moderator', 'admin'] as Role[]) {
  const allow = role === 'moderator' || role === 'admin';
  POWERS.push(
    [`${role} approves a held post`, role, allow, (c) => approve(c)],
    [`${role} hides a post, keeping its text`, role, allow, (c) => hide(c)],
    [`${role} restores a hidden post`, role, allow, (c) => restore(c)],
    [`${role} dismisses a report`, role, allow, (c) => at(c, layout.report('r1')).update({status: 'dismissed'})],
    [`${role} suspends a member`, role, allow, (c) => at(c, layout.roles('m1')).set(rolesDoc('m1', actor(c), {suspendedUntil: future()}))],
    [`${role} lifts a suspension`, role, allow && true, (c) => at(c, layout.roles('sus1')).update({suspendedUntil: null, grantedBy: actor(c), updatedAt: ts()})],
    [`${role} reads the reports`, role, allow, (c) => collectionIn(c.db, c.cid, layout.reports).get()],
    [`${role} appends to the log`, role, allow, (c) => at(c, layout.logEntry(`x-${c.role}`)).set(logDoc(actor(c)))],
  );
}
// The suspended member tries every write it could make as a member.
const SUSPENDED: Case[] = [
  ['posts', 'suspended', false, (c) => docIn(c.db, c.cid, layout.post('t1', 's1')).set(newPost('sus1', 'Sam', {status: 'held'}))],
  ['held post with marker', 'suspended', false, (c) => heldPost(c, 'sus1', 's2')],
  ['edits own post', 'suspended', false, (c) => at(c, layout.post('t1', 'p3')).update({body: 'Edited', editedAt: ts()})],
  ['deletes own post', 'suspended', false, (c) => at(c, layout.post('t1', 'p3')).update({status: 'deleted', body: '', statusReason: null})],
  ['reacts', 'suspended', false, (c) => reactBatch(c.db, c.cid, 'sus1', 'hug', 1)],
  ['removes a reaction', 'suspended', false, (c) => reactBatch(c.db, c.cid, 'sus1', 'heart', -1)],
  ['reports', 'suspended', false, (c) => at(c, layout.report('s1')).set(reportDoc('sus1'))],
  ['edits profile', 'suspended', false, (c) => at(c, layout.member('sus1')).update({bio: 'Hi'})],
  ['starts a thread', 'suspended', false, (c) => {
    const b = c.db.batch();
    b.set(at(c, layout.thread('ts')), {key: null, title: 'Mine', authorId: 'sus1', authorName: 'Sam', createdAt: ts(), lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: 'tsp'});
    b.set(at(c, layout.post('ts', 'tsp')), newPost('sus1', 'Sam'));
    return b.commit();
  }],
  ['lifts own suspension', 'suspended', false, (c) => at(c, layout.roles('sus1')).update({suspendedUntil: null, grantedBy: 'sus1', updatedAt: ts()})],
  ['reads posts (allowed)', 'suspended', true, (c) => at(c, layout.post('t1', 'p1')).get()],
];
// The log: append-only for everyone.
const LOG: Case[] = (['author', 'moderator', 'admin'] as Role[]).flatMap((role): Case[] => [
  [`${role} edits a log entry`, role, false, (c) => at(c, layout.logEntry('l1')).update({reason: 'changed'})],
  [`${role} deletes a log entry`, role, false, (c) => at(c, layout.logEntry('l1')).delete()],
  [`${role} overwrites a log entry`, role, false, (c) => at(c, layout.logEntry('l1')).set(logDoc(actor(c)))],
]);
// Automatic holds.
const visiblePost = (c: Ctx, pid: string, body: string) => {
  const b = c.db.batch();
  b.set(at(c, layout.post('t1', pid)), newPost(actor(c), NAMES[actor(c)], {body}));
  b.update(at(c, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
  return b.commit();
};
const HOLDS: Case[] = [
  ['a member posts an email address visibly', 'member', false, (c) => visiblePost(c, 'e1', 'Mail me: mel.m@example.co.uk')],
  ['a member posts a phone number visibly', 'member', false, (c) => visiblePost(c, 'e2', 'Ring 07700 900 123')],
  ['a member posts a phone number across lines visibly', 'member', false, (c) => visiblePost(c, 'e3', 'Ring\n(01970) 622-000\nany time')],
  ['a member posts three links visibly', 'member', false, (c) => visiblePost(c, 'e4', 'https://a.example www.b.example HTTP://c.example')],
  ['a member posts two links visibly', 'member', true, (c) => visiblePost(c, 'e5', 'https://a.example and https://b.example, 2019-2020')],
  ['a member posts contact details held', 'member', true, (c) => heldPost(c, 'm1', 'e6', {}, {body: 'Mail me: mel.m@example.co.uk'})],
  ['a moderator approves a held post that has no marker (seeded before markers)', 'moderator', true, (c) => {
    const b = c.db.batch();
    b.update(at(c, layout.post('t1', 'p2')), {status: 'visible', statusReason: null});
    b.update(at(c, layout.thread('t1')), {postCount: FieldValue.increment(1)});
    b.delete(at(c, layout.heldPost('t1', 'p9')));
    b.set(at(c, layout.logEntry('nm')), logDoc('mod1', {action: 'approve', targetPath: layout.post('t1', 'p2'), reason: ''}));
    return b.commit();
  }],
  ['a moderator posts a helpline number visibly', 'moderator', true, (c) => visiblePost(c, 'e7', 'Samaritans: 116 123, Welsh line 0808 164 0123')],
];

// Hostile payloads against the moderation collections: valid writes with one thing changed.
const HOSTILE: Record<string, Case[]> = {
  heldPosts: [
    ['marker for a visible post', 'member', false, (c) => {
      const b = c.db.batch();
      b.set(at(c, layout.post('t1', 'hv')), newPost('m1', 'Mel'));
      b.update(at(c, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: 'hv'});
      b.set(at(c, layout.heldPost('t1', 'hv')), {threadId: 't1', postId: 'hv', authorId: 'm1', createdAt: ts()});
      return b.commit();
    }],
    ['marker without its post', 'member', false, (c) => at(c, layout.heldPost('t1', 'none')).set({threadId: 't1', postId: 'none', authorId: 'm1', createdAt: ts()})],
    ['marker for someone else\'s held post', 'member', false, (c) => at(c, layout.heldPost('t1', 'p2x')).set({threadId: 't1', postId: 'p2', authorId: 'm1', createdAt: ts()})],
    ['marker with a client-set time', 'member', false, (c) => heldPost(c, 'm1', 'hx1', {createdAt: past()})],
    ['marker with an extra field', 'member', false, (c) => heldPost(c, 'm1', 'hx2', {priority: 'low'})],
    ['marker under the wrong id', 'member', false, (c) => {
      const b = c.db.batch();
      b.set(at(c, layout.post('t1', 'hx3')), newPost('m1', 'Mel', {status: 'held'}));
      b.set(at(c, 'heldPosts/elsewhere'), {threadId: 't1', postId: 'hx3', authorId: 'm1', createdAt: ts()});
      return b.commit();
    }],
    ['marker with a thread id that is not text', 'member', false, (c) => heldPost(c, 'm1', 'hx4', {threadId: 1})],
    ['marker over an existing post', 'author', false, (c) => at(c, layout.heldPost('t1', 'p2')).set({threadId: 't1', postId: 'p2', authorId: 'auth1', createdAt: ts()})],
    ['author removes the marker of a still-held post', 'author', false, (c) => at(c, layout.heldPost('t1', 'p2')).delete()],
    ['moderator removes a marker without approving', 'moderator', false, (c) => at(c, layout.heldPost('t1', 'p2')).delete()],
    ['moderator rewrites a marker', 'moderator', false, (c) => at(c, layout.heldPost('t1', 'p2')).update({authorId: 'm1'})],
    ['member "removes" a marker that never existed', 'member', false, (c) => at(c, layout.heldPost('t1', 'p1')).delete()],
    ['marker by a suspended member', 'suspended', false, (c) => heldPost(c, 'sus1', 'hx5')],
  ],
  hiddenBodies: [
    ['kept text that differs from the post', 'moderator', false, (c) => hide(c, {body: 'Something else'})],
    ['kept text in someone else\'s name', 'moderator', false, (c) => hide(c, {hiddenBy: 'adm1'})],
    ['kept text with a client-set time', 'moderator', false, (c) => hide(c, {at: past()})],
    ['kept text with an extra field', 'moderator', false, (c) => hide(c, {note: 'x'})],
    ['kept text while the post stays readable', 'moderator', false, (c) => hide(c, {}, {status: 'visible', body: 'Body of p1'})],
    ['hide that keeps the body on the post', 'moderator', false, (c) => hide(c, {}, {body: 'Body of p1'})],
    ['kept text under the wrong id', 'moderator', false, (c) => {
      const b = c.db.batch();
      b.set(at(c, 'hiddenBodies/other'), {threadId: 't1', postId: 'p1', body: 'Body of p1', hiddenBy: 'mod1', at: ts()});
      b.update(at(c, layout.post('t1', 'p1')), {status: 'hidden', body: '', statusReason: 'x'});
      return b.commit();
    }],
    ['restore with a rewritten body', 'moderator', false, (c) => restore(c, 'Words the author never wrote')],
    ['kept text removed while the post stays hidden', 'moderator', false, (c) => at(c, layout.hiddenBody('t1', 'p4')).delete()],
    ['kept text edited', 'admin', false, (c) => at(c, layout.hiddenBody('t1', 'p4')).update({body: 'Rewritten'})],
    ['member writes kept text', 'member', false, (c) => hide(c)],
    ['suspended member writes kept text', 'suspended', false, (c) => hide(c)],
  ],
};

describe('firestore.rules: moderation (issue 7)', function () {
  this.timeout(120000);
  let rt: RulesEnv;
  let asserted = 0;
  let n = 0;

  /** A freshly seeded community for one write that should succeed. */
  async function fresh(): Promise<string> {
    const cid = `mod-${++n}`;
    await rt.admin.writeDocs(world(cid));
    return cid;
  }

  /** Runs cases one at a time, one role's client at a time; returns the failures. */
  async function runCases(cases: Case[]): Promise<string[]> {
    const failures: string[] = [];
    let previous: Role | null = null;
    for (const [name, role, allow, run] of [...cases].sort((a, b) => a[1].localeCompare(b[1]))) {
      if (previous && previous !== role) await rt.release(previous);
      previous = role;
      const c: Ctx = {db: rt.db(role), role, uid: UID[role], cid: allow ? await fresh() : 'shared'};
      try {
        if (allow) await assertSucceeds(run(c));
        else await assertFails(run(c));
      } catch (e) {
        failures.push(`${name} (${role}): expected ${allow ? 'allowed' : 'refused'}: ${(e as Error).message.slice(0, 160)}`);
      }
    }
    if (previous) await rt.release(previous);
    asserted += cases.length;
    return failures;
  }

  before(async () => {
    rt = await setUp('demo-kindred-rules-moderation');
    await rt.admin.writeDocs(world('shared'));
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it('decides every moderation collection × role × operation', () => {
    for (const collection of COLLECTIONS) {
      expect(Object.keys(DRIVERS[collection]).sort()).to.deep.equal([...OPS].sort());
      for (const role of ROLES) expect(MATRIX[collection][role], `${collection} × ${role}`).to.match(/^[+-]{5}$/);
    }
  });

  for (const collection of COLLECTIONS) {
    it(`${collection}: ${ROLES.length} roles × ${OPS.length} operations behave as the table says`, async () => {
      const cases: Case[] = ROLES.flatMap((role) => OPS.map((op, i): Case => [`${collection} ${op}`, role, MATRIX[collection][role][i] === '+', DRIVERS[collection][op]]));
      const failures = await runCases(cases);
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }

  it('gives every moderator power to moderators and admins only', async () => {
    const failures = await runCases(POWERS);
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });

  it('lets a suspended member read but write nothing', async () => {
    const failures = await runCases(SUSPENDED);
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });

  it('keeps the moderation log append-only for everyone', async () => {
    const failures = await runCases(LOG);
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });

  it('holds a member\'s post with contact details or more than two links', async () => {
    const failures = await runCases(HOLDS);
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });

  for (const [collection, cases] of Object.entries(HOSTILE)) {
    it(`${collection}: refuses ${cases.length} hostile writes`, async () => {
      expect(cases.length).to.be.at.least(10);
      const failures = await runCases(cases);
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }

  it('reports how many moderation cases were asserted', () => {
    console.log(`firestore.rules moderation: ${asserted} cases asserted`);
    expect(asserted).to.be.at.least(COLLECTIONS.length * ROLES.length * OPS.length + POWERS.length + SUSPENDED.length + LOG.length + HOLDS.length + 20);
  });
});
