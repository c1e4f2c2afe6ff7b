// firestore.rules for peer matching (issue 6): matchProfiles, connections, connectionLimits and the pair's
// private thread, on the real emulator. A declarative table decides every collection × role × operation
// (completeness is checked), the refusals issue 6 names are asserted one by one, and each writable
// collection gets at least ten hostile payloads.
//
// The cast (rules-fixture.ts): auth1 (author) and m2 (other) opted in to matching; m1 (member),
// mod1 and adm1 did not; sus1 (suspended) opted in. auth1 asked m2 to connect (auth1_m2, pending).
// m2 has used all 10 requests of today's window. Suspended members read (sus1 opted in) but write nothing.
import {expect} from '@open-wc/testing';
import firebase from 'firebase/compat/app';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {
  CONSENT, FieldValue, OPS, ROLES, baseline, cellCommunity, runCell as runCell_, setUp, tableCells, ts,
  type Cell, type Ctx, type Db, type Driver, type Role, type RulesEnv,
} from './rules-fixture.js';
import {collectionIn, docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';


const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const actor = (c: Ctx) => c.uid ?? 'visitor';
const path = (c: Ctx, p: string) => docIn(c.db, c.cid, p);
const pair = (a: string, b: string) => (a < b ? [a, b] : [b, a]);

function matchProfile(uid: string, extra: Record<string, unknown> = {}) {
  return {
    uid, conditions: ['asthma'], diagnosedBand: '1-3', experiences: ['inhalers'], relationship: 'patient', ageBand: '35-49',
    region: 'north-wales', languages: ['en', 'cy'], interests: ['walking'], open: true, updatedAt: ts(), ...extra,
  };
}

function connection(from: string, to: string, extra: Record<string, unknown> = {}) {
  return {members: pair(from, to), requestedBy: from, message: 'Hello', status: 'pending', createdAt: ts(), updatedAt: ts(),
    threadId: null, endedBy: null, ...extra};
}

/** A request as FirebaseStore sends it: the connection and the sender's rate-limit record, in one batch. */
function request(db: Db, cid: string, from: string, to: string, extra: Record<string, unknown> = {}, limit: Record<string, unknown> | 'increment' = {windowStart: ts(), count: 1}) {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.connection(pair(from, to).join('_'))), connection(from, to, extra));
  const limitRef = docIn(db, cid, layout.connectionLimit(from));
  // The record names the one request it pays for (issue 11).
  const lastConnectionId = pair(from, to).join('_');
  if (limit === 'increment') batch.update(limitRef, {count: FieldValue.increment(1), lastConnectionId});
  else batch.set(limitRef, {lastConnectionId, ...limit});
  return batch.commit();
}

/** Accepting as FirebaseStore does: the connection and the pair's private thread, in one batch. */
function accept(db: Db, cid: string, me: string, id: string, update: Record<string, unknown> = {}, thread: Record<string, unknown> = {}) {
  const batch = db.batch();
  const tid = `c_${id}`;
  batch.update(docIn(db, cid, layout.connection(id)), {status: 'accepted', threadId: tid, updatedAt: ts(), ...update});
  batch.set(docIn(db, cid, layout.thread(tid)), {key: null, title: 'Ari · Mo', authorId: me, authorName: me === 'm2' ? 'Mo' : 'Ari',
    createdAt: ts(), lastActivityAt: ts(), postCount: 0, status: 'visible', participants: id.split('_'), lastPostId: null, ...thread});
  return batch.commit();
}

/** The rules-fixture baseline with matching data; the community's tags are the conditions members pick from. */
function world(cid: string): [string, Record<string, unknown>][] {
  // Members here gave health-information consent: a match profile with conditions needs it (issue 12).
  const docs = baseline(cid).filter(([p]) => !p.includes('/matchProfiles/') && !p.includes('/connections/'))
    .map(([p, v]): [string, Record<string, unknown>] => (p.includes('/private/') ? [p, {...v, healthConsent: {version: CONSENT, at: T0}}] : [p, v]));
  const community = docs.find(([p]) => p === pathIn(cid))![1] as {settings: {tags: string[]}};
  community.settings.tags = ['asthma', 'COPD'];
  const stored = (uid: string) => ({...matchProfile(uid), updatedAt: T0});
  return [
    ...docs,
    [pathIn(cid, layout.matchProfile('auth1')), stored('auth1')],
    [pathIn(cid, layout.matchProfile('m2')), stored('m2')],
    [pathIn(cid, layout.matchProfile('sus1')), stored('sus1')],
    [pathIn(cid, layout.connection('auth1_m2')), {...connection('auth1', 'm2'), createdAt: T0, updatedAt: T0}],
    [pathIn(cid, layout.connectionLimit('m2')), {windowStart: new Date(), count: 10, lastConnectionId: 'm2_zz'}],
  ];
}

const DRIVERS: Record<string, Driver> = {
  matchProfiles: {
    get: (c) => path(c, layout.matchProfile('auth1')).get(),
    list: (c) => collectionIn(c.db, c.cid, layout.matchProfiles).where('open', '==', true).where('conditions', 'array-contains-any', ['asthma'])
      .orderBy('updatedAt', 'desc').limit(40).get(),
    // `other` forges auth1's profile; everyone else writes their own.
    create: (c) => path(c, layout.matchProfile(c.role === 'other' ? 'auth1' : actor(c))).set(matchProfile(c.role === 'other' ? 'auth1' : actor(c))),
    update: (c) => path(c, layout.matchProfile(c.role === 'suspended' ? 'sus1' : 'auth1')).update({open: false, updatedAt: ts()}),
    delete: (c) => path(c, layout.matchProfile(c.role === 'suspended' ? 'sus1' : 'auth1')).delete(),
  },
  connections: {
    get: (c) => path(c, layout.connection('auth1_m2')).get(),
    list: (c) => collectionIn(c.db, c.cid, layout.connections).where('members', 'array-contains', actor(c)).get(),
    // A request to m1 (m1 asks mod1); `other` forges one from auth1.
    create: (c) => c.role === 'other'
      ? request(c.db, c.cid, 'auth1', 'm1')
      : request(c.db, c.cid, actor(c), actor(c) === 'm1' ? 'mod1' : 'm1'),
    // Accepting auth1's request to m2: only m2 may.
    update: (c) => accept(c.db, c.cid, actor(c), 'auth1_m2'),
    delete: (c) => path(c, layout.connection('auth1_m2')).delete(),
  },
  connectionLimits: {
    get: (c) => path(c, layout.connectionLimit('m2')).get(),
    list: (c) => collectionIn(c.db, c.cid, 'connectionLimits').get(),
    create: (c) => path(c, layout.connectionLimit(c.role === 'other' ? 'auth1' : actor(c))).set({windowStart: ts(), count: 1, lastConnectionId: 'a_b'}),
    update: (c) => path(c, layout.connectionLimit('m2')).update({count: 0}),
    delete: (c) => path(c, layout.connectionLimit('m2')).delete(),
  },
};

// One string per role, one character per operation (get, list, create, update, delete).
const MATRIX: Record<string, Record<Role, string>> = {
  matchProfiles: {
    visitor: '-----', nonMember: '-----', member: '--+--', author: '+++++',
    other: '++---', moderator: '--+--', admin: '--+--', suspended: '++--+',
  },
  connections: {
    visitor: '-----', nonMember: '-+---', member: '-++--', author: '+++-+',
    other: '++-++', moderator: '-++--', admin: '-++--', suspended: '-+---',
  },
  connectionLimits: {
    visitor: '-----', nonMember: '-----', member: '--+--', author: '--+--',
    other: '+----', moderator: '--+--', admin: '--+--', suspended: '-----',
  },
};
const COLLECTIONS = Object.keys(DRIVERS);

const cells = () => tableCells(MATRIX, COLLECTIONS);
const cellCid = cellCommunity('mw', 'm-shared');
const runCell = (rt: RulesEnv, c: Cell) => runCell_(rt, DRIVERS, c, cellCid(c));

type Attempt = [name: string, role: Role, run: (db: Db, cid: string) => Promise<unknown>];
const long = (n: number) => 'x'.repeat(n);
const past = () => firebase.firestore.Timestamp.fromMillis(Date.UTC(2020, 0, 1));

const HOSTILE: Record<string, Attempt[]> = {
  matchProfiles: [
    ['an extra field', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {email: 'me@example.org'}))],
    ['a condition outside the community’s list', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {conditions: ['flu']}))],
    ['a town as region', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {region: 'Cardiff'}))],
    ['an unknown diagnosis band', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {diagnosedBand: 'yesterday'}))],
    ['an unknown age band', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {ageBand: '12'}))],
    ['a language the kit does not speak', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {languages: ['fr']}))],
    ['eleven interests', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {interests: Array.from({length: 11}, (_, i) => `i${i}`)}))],
    ['an oversize interest', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {interests: [long(41)]}))],
    ['open as a string', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {open: 'yes'}))],
    ['a client-set updatedAt', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('m1', {updatedAt: past()}))],
    ['a uid that is not the document’s', 'member', (db, cid) => docIn(db, cid, layout.matchProfile('m1')).set(matchProfile('auth1'))],
    ['a non-member opting in', 'nonMember', (db, cid) => docIn(db, cid, layout.matchProfile('outsider')).set(matchProfile('outsider'))],
  ],
  connections: [
    ['a request without moving the rate limit', 'member', (db, cid) => docIn(db, cid, layout.connection('m1_mod1')).set(connection('m1', 'mod1'))],
    ['members in the wrong order', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {members: ['mod1', 'm1']})],
    ['an id that is not the pair', 'member', (db, cid) => {
      const batch = db.batch();
      batch.set(docIn(db, cid, layout.connection('m1_zzz')), connection('m1', 'mod1'));
      batch.set(docIn(db, cid, layout.connectionLimit('m1')), {windowStart: ts(), count: 1, lastConnectionId: 'm1_zzz'});
      return batch.commit();
    }],
    ['a request between two other members', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {members: ['adm1', 'mod1']})],
    ['a request to someone who is not a member', 'member', (db, cid) => request(db, cid, 'm1', 'nobody')],
    ['a request created already accepted', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {status: 'accepted'})],
    ['a request with a thread attached', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {threadId: 'c_m1_mod1'})],
    ['an oversize message', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {message: long(281)})],
    ['a client-set createdAt', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {createdAt: past()})],
    ['an extra field', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {blocked: false})],
    ['a status that is never stored', 'member', (db, cid) => request(db, cid, 'm1', 'mod1', {status: 'blocked', endedBy: 'm1', message: ''})],
    ['accepting one’s own request', 'author', (db, cid) => accept(db, cid, 'auth1', 'auth1_m2')],
    ['accepting without creating the thread', 'other', (db, cid) => docIn(db, cid, layout.connection('auth1_m2')).update({status: 'accepted', threadId: 'c_auth1_m2', updatedAt: ts()})],
    ['accepting and rewriting the message', 'other', (db, cid) => accept(db, cid, 'm2', 'auth1_m2', {message: 'I said something else'})],
    ['accepting with a thread that lets a third member in', 'other', (db, cid) => accept(db, cid, 'm2', 'auth1_m2', {}, {participants: ['auth1', 'm2', 'm1']})],
    ['ending it in someone else’s name', 'author', (db, cid) => docIn(db, cid, layout.connection('auth1_m2')).update({status: 'ended', endedBy: 'm2', updatedAt: ts()})],
  ],
  connectionLimits: [
    ['a fresh window that starts in the past', 'member', (db, cid) => docIn(db, cid, layout.connectionLimit('m1')).set({windowStart: past(), count: 1, lastConnectionId: 'a_b'})],
    ['a fresh window with a count of 0', 'member', (db, cid) => docIn(db, cid, layout.connectionLimit('m1')).set({windowStart: ts(), count: 0, lastConnectionId: 'a_b'})],
    ['an extra field', 'member', (db, cid) => docIn(db, cid, layout.connectionLimit('m1')).set({windowStart: ts(), count: 1, lastConnectionId: 'a_b', vip: true})],
    ['someone else’s record', 'member', (db, cid) => docIn(db, cid, layout.connectionLimit('auth1')).set({windowStart: ts(), count: 1, lastConnectionId: 'a_b'})],
    ['resetting an open window', 'other', (db, cid) => docIn(db, cid, layout.connectionLimit('m2')).set({windowStart: ts(), count: 1, lastConnectionId: 'a_b'})],
    ['counting down', 'other', (db, cid) => docIn(db, cid, layout.connectionLimit('m2')).update({count: 9})],
    ['an eleventh request in the window', 'other', (db, cid) => docIn(db, cid, layout.connectionLimit('m2')).update({count: FieldValue.increment(1)})],
    ['moving the window start', 'other', (db, cid) => docIn(db, cid, layout.connectionLimit('m2')).update({windowStart: past()})],
    ['deleting one’s own record', 'other', (db, cid) => docIn(db, cid, layout.connectionLimit('m2')).delete()],
    ['a suspended member’s record', 'suspended', (db, cid) => docIn(db, cid, layout.connectionLimit('sus1')).set({windowStart: ts(), count: 1, lastConnectionId: 'a_b'})],
  ],
};

describe('firestore.rules: peer matching (issue 6)', function () {
  this.timeout(90000);
  let rt: RulesEnv;

  before(async () => {
    rt = await setUp('demo-kindred-rules-matching');
    const cids = [...new Set([...cells().map(cellCid), 'm-named', 'm-hostile'])];
    await rt.admin.writeDocs(cids.flatMap((cid) => world(cid)));
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it('decides every collection × role × operation', () => {
    for (const collection of COLLECTIONS) {
      for (const role of ROLES) expect(MATRIX[collection]?.[role], `${collection} × ${role}`).to.match(/^[+-]{5}$/);
    }
    expect(cells()).to.have.length(COLLECTIONS.length * ROLES.length * OPS.length);
  });

  for (const role of ROLES) {
    it(`${role}: ${COLLECTIONS.length} collections × ${OPS.length} operations behave as the table says`, async () => {
      const failures: string[] = [];
      // One at a time: the emulator misjudges concurrent writes that read the same documents.
      for (const c of cells().filter((x) => x.role === role)) {
        const f = await runCell(rt, c);
        if (f) failures.push(f);
      }
      await rt.release(role);
      expect(failures).to.deep.equal([]);
    });
  }

  describe('the refusals issue 6 names', () => {
    const cid = 'm-named';
    afterEach(async () => {
      for (const role of ROLES) await rt.release(role);
    });

    it('reading match profiles without opting in: refused (get and the candidate query), for members, moderators and visitors', async () => {
      for (const role of ['member', 'moderator', 'admin', 'nonMember', 'visitor'] as const) {
        const db = rt.db(role);
        await assertFails(docIn(db, cid, layout.matchProfile('auth1')).get());
        await assertFails(collectionIn(db, cid, layout.matchProfiles).where('open', '==', true).limit(40).get());
        // One client at a time: Chrome gives a host 6 connections and each client holds streams open.
        await rt.release(role);
      }
      // …and the same member may read once they opt in.
      const m1 = rt.db('member');
      await assertSucceeds(docIn(m1, cid, layout.matchProfile('m1')).set(matchProfile('m1')));
      await assertSucceeds(docIn(m1, cid, layout.matchProfile('auth1')).get());
      await assertSucceeds(docIn(m1, cid, layout.matchProfile('m1')).delete());
      await assertFails(docIn(m1, cid, layout.matchProfile('auth1')).get());
    });

    it('reading other pairs’ connections: refused, including a query without the member filter', async () => {
      for (const role of ['member', 'moderator', 'admin'] as const) {
        const db = rt.db(role);
        await assertFails(docIn(db, cid, layout.connection('auth1_m2')).get());
        await assertFails(collectionIn(db, cid, layout.connections).get());
        await assertFails(collectionIn(db, cid, layout.connections).where('members', 'array-contains', 'auth1').get());
        await rt.release(role);
      }
    });

    it('accepting on someone else’s behalf: refused for the sender and for a third member', async () => {
      await assertFails(accept(rt.db('author'), cid, 'auth1', 'auth1_m2'));
      await assertFails(accept(rt.db('member'), cid, 'm1', 'auth1_m2'));
      await assertFails(accept(rt.db('moderator'), cid, 'mod1', 'auth1_m2'));
    });

    it('flooding requests: the eleventh request in a window is refused, however the limit is written', async () => {
      const m2 = rt.db('other');
      await assertFails(request(m2, cid, 'm2', 'm1', {}, 'increment'));
      await assertFails(request(m2, cid, 'm2', 'm1', {}, {windowStart: ts(), count: 1}));
      await assertFails(request(m2, cid, 'm2', 'm1', {}, {windowStart: ts(), count: 11}));
      // A member with room in their window may ask.
      await assertSucceeds(request(rt.db('member'), cid, 'm1', 'adm1'));
      await assertSucceeds(request(rt.db('member'), cid, 'm1', 'mod1', {}, 'increment'));
    });

    it('the private thread: only the pair reads it; a private thread cannot be made without an accepted connection', async () => {
      await assertSucceeds(accept(rt.db('other'), cid, 'm2', 'auth1_m2'));
      await assertSucceeds(docIn(rt.db('author'), cid, layout.thread('c_auth1_m2')).get());
      await assertFails(docIn(rt.db('member'), cid, layout.thread('c_auth1_m2')).get());
      await assertFails(docIn(rt.db('nonMember'), cid, layout.thread('c_auth1_m2')).get());
      const forged = docIn(rt.db('member'), cid, layout.thread('c_adm1_m1')).set({key: null, title: 'x', authorId: 'm1', authorName: 'Mel',
        createdAt: ts(), lastActivityAt: ts(), postCount: 0, status: 'visible', participants: ['adm1', 'm1'], lastPostId: null});
      await assertFails(forged);
    });
  });

  describe('hostile payloads', () => {
    for (const [collection, attempts] of Object.entries(HOSTILE)) {
      it(`${collection}: ${attempts.length} hostile writes are all refused`, async () => {
        expect(attempts.length, 'at least ten per writable collection').to.be.at.least(10);
        const accepted: string[] = [];
        for (const [name, role, run] of attempts) {
          try {
            await assertFails(run(rt.db(role), 'm-hostile'));
          } catch {
            accepted.push(`${name} (${role})`);
          }
        }
        for (const role of ROLES) await rt.release(role);
        expect(accepted, 'hostile writes the rules accepted').to.deep.equal([]);
      });
    }
  });
});
