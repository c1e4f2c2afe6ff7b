// The access matrix: every collection × role × operation has an asserted expectation, run against the
// real emulator with ./firestore.rules. A missing cell fails the suite.
//
// What each role does (uids in rules-fixture.ts):
//   get / list   read auth1's document (or a query the store makes over the collection)
//   create       a valid new document as itself; `other` forges one in auth1's name
//   update       `author` and `suspended` change their own document; everyone else changes auth1's,
//                moderators and admins with the change their role exists for (hide, suspend, badges…)
//   delete       as update
// Writes expected to succeed each run in their own freshly seeded community, so every cell is
// independent of the others.
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {
  FieldValue, MEMBERS_MATRIX, NAMES, OPS, ROLES, UID, baseline, cellCommunity, collectionIn, docIn, logDoc, newPost, pathIn,
  postWithBump, reactBatch, reportDoc, runCell as runCell_, setUp, story, tableCells, ts,
  type Cell, type Ctx, type Driver, type Role, type RulesEnv,
} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';


const actor = (c: Ctx) => c.uid ?? 'visitor';
const path = (c: Ctx, p?: string) => docIn(c.db, c.cid, p);
const coll = (c: Ctx, p: string) => collectionIn(c.db, c.cid, p);

// Members, private records and roles (MEMBERS_MATRIX) have their drivers and their run in members.test.ts
// (issue 13: the 120 cells ran here too, against the same table).
const DRIVERS: Record<string, Driver> = {
  communities: {
    get: (c) => path(c).get(),
    list: (c) => c.db.collection('communities').get(),
    create: (c) => docIn(c.db, `${c.cid}-${c.role}`).set({name: {en: 'Mine'}, tagline: {en: ''}, languages: ['en'], settings: {}, founderStory: null, createdAt: ts()}),
    update: (c) => path(c).update({founderStory: story(actor(c))}),
    delete: (c) => path(c).delete(),
  },
  threads: {
    get: (c) => path(c, layout.thread('t1')).get(),
    list: (c) => coll(c, layout.threads).where('key', '==', null).where('participants', '==', null)
      .where('status', '==', 'visible').orderBy('lastActivityAt', 'desc').get(),
    create: (c) => {
      const uid = c.role === 'other' ? 'auth1' : actor(c);
      const tid = `t-${c.role}`;
      const pid = `p-${c.role}`;
      const batch = c.db.batch();
      batch.set(path(c, layout.thread(tid)), {key: null, title: 'New thread', authorId: uid, authorName: NAMES[uid] ?? uid,
        createdAt: ts(), lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: pid});
      batch.set(path(c, layout.post(tid, pid)), newPost(uid, NAMES[uid] ?? uid));
      return batch.commit();
    },
    update: (c) => c.role === 'moderator' || c.role === 'admin'
      ? path(c, layout.thread('t1')).update({status: 'hidden'})
      : path(c, layout.thread('t1')).update({title: 'Changed'}),
    delete: (c) => path(c, layout.thread('t1')).delete(),
  },
  posts: {
    get: (c) => path(c, layout.post('t1', 'p1')).get(),
    // Issue 18: a reader who is not a member may list only posts shared with everyone, so asks for them.
    list: (c) => (c.role === 'visitor' || c.role === 'nonMember'
      ? coll(c, layout.posts('t1')).where('audience', '==', 'everyone')
      : coll(c, layout.posts('t1'))).where('status', 'in', ['visible', 'hidden', 'deleted']).get(),
    create: (c) => c.role === 'other'
      ? postWithBump(c.db, c.cid, 'auth1', 'p-other')
      : postWithBump(c.db, c.cid, actor(c), `p-${c.role}`),
    update: (c) => {
      if (c.role === 'moderator' || c.role === 'admin') return path(c, layout.post('t1', 'p1')).update({status: 'hidden', body: '', statusReason: 'abuse'});
      return path(c, layout.post('t1', c.role === 'suspended' ? 'p3' : 'p1')).update({body: 'Edited', editedAt: ts()});
    },
    delete: (c) => path(c, layout.post('t1', c.role === 'suspended' ? 'p3' : 'p1')).delete(),
  },
  reactions: {
    get: (c) => path(c, layout.reaction('t1', 'p1', 'auth1', 'heart')).get(),
    list: (c) => coll(c, layout.reactions('t1')).where('uid', '==', 'auth1').get(),
    create: (c) => reactBatch(c.db, c.cid, c.role === 'other' ? 'auth1' : actor(c), 'hug', 1),
    update: (c) => path(c, layout.reaction('t1', 'p1', c.role === 'suspended' ? 'sus1' : 'auth1', 'heart')).update({at: ts()}),
    delete: (c) => reactBatch(c.db, c.cid, c.role === 'suspended' ? 'sus1' : 'auth1', 'heart', -1),
  },
  reports: {
    get: (c) => path(c, layout.report('r1')).get(),
    list: (c) => coll(c, layout.reports).get(),
    create: (c) => path(c, layout.report(`r-${c.role}`)).set(reportDoc(c.role === 'other' ? 'auth1' : actor(c))),
    update: (c) => path(c, layout.report('r1')).update({status: 'dismissed'}),
    delete: (c) => path(c, layout.report('r1')).delete(),
  },
  modLog: {
    get: (c) => path(c, layout.logEntry('l1')).get(),
    list: (c) => coll(c, layout.modLog).get(),
    create: (c) => path(c, layout.logEntry(`l-${c.role}`)).set(logDoc(c.role === 'other' ? 'mod1' : actor(c))),
    update: (c) => path(c, layout.logEntry('l1')).update({reason: 'changed'}),
    delete: (c) => path(c, layout.logEntry('l1')).delete(),
  },
  matchProfiles: {
    get: (c) => path(c, layout.matchProfile('auth1')).get(),
    list: (c) => coll(c, layout.matchProfiles).where('open', '==', true).get(),
    create: (c) => path(c, layout.matchProfile(actor(c))).set({uid: actor(c), open: true}),
    update: (c) => path(c, layout.matchProfile('auth1')).update({open: false}),
    delete: (c) => path(c, layout.matchProfile('auth1')).delete(),
  },
  connections: {
    get: (c) => path(c, layout.connection('auth1_m1')).get(),
    list: (c) => coll(c, layout.connections).get(),
    create: (c) => path(c, layout.connection(`${actor(c)}_zz`)).set({members: [actor(c), 'zz'], status: 'pending'}),
    update: (c) => path(c, layout.connection('auth1_m1')).update({status: 'accepted'}),
    delete: (c) => path(c, layout.connection('auth1_m1')).delete(),
  },
};

// Expectations: one string per role, one character per operation in the order
// get, list, create, update, delete ('+' allowed, '-' refused by the rules).
const MATRIX: Record<string, Record<Role, string>> = {
  communities: {
    visitor: '+----', nonMember: '+----', member: '+----', author: '+--+-',
    other: '+----', moderator: '+----', admin: '+--+-', suspended: '+----',
  },
  // Members, private records and roles: the same table the members suite asserts (rules-fixture.ts).
  ...MEMBERS_MATRIX,
  threads: {
    visitor: '++---', nonMember: '++---', member: '+++--', author: '+++--',
    other: '++---', moderator: '++++-', admin: '++++-', suspended: '++---',
  },
  posts: {
    visitor: '++---', nonMember: '++---', member: '+++--', author: '++++-',
    other: '++---', moderator: '++++-', admin: '++++-', suspended: '++---',
  },
  reactions: {
    visitor: '-----', nonMember: '-----', member: '--+--', author: '+++-+',
    other: '-----', moderator: '--+--', admin: '--+--', suspended: '-----',
  },
  reports: {
    visitor: '-----', nonMember: '-----', member: '--+--', author: '--+--',
    other: '-----', moderator: '++++-', admin: '++++-', suspended: '-----',
  },
  modLog: {
    visitor: '-----', nonMember: '-----', member: '-----', author: '-----',
    other: '-----', moderator: '+++--', admin: '+++--', suspended: '-----',
  },
  // Peer matching (issue 6): only auth1 has a match profile and auth1_m1 is a pending pair. The drivers'
  // payloads are incomplete, so every write is refused here; test/rules/matching.test.ts has the full table.
  matchProfiles: {
    visitor: '-----', nonMember: '-----', member: '-----', author: '++--+',
    other: '-----', moderator: '-----', admin: '-----', suspended: '-----',
  },
  connections: {
    visitor: '-----', nonMember: '-----', member: '+---+', author: '+---+',
    other: '-----', moderator: '-----', admin: '-----', suspended: '-----',
  },
};

/** Every collection the rules know about; the table must cover each of them. */
const COLLECTIONS = ['communities', 'members', 'private', 'roles', 'threads', 'posts', 'reactions', 'reports', 'modLog', 'matchProfiles', 'connections'];

const cells = () => tableCells(MATRIX, COLLECTIONS);
/** The collections this suite runs: all but members, private and roles (members.test.ts runs MEMBERS_MATRIX). */
const RUN = COLLECTIONS.filter((c) => !(c in MEMBERS_MATRIX));
const runCells = () => cells().filter((c) => RUN.includes(c.collection));
const SHARED = 'shared';
const cellCid = cellCommunity('w', SHARED);
const runCell = (rt: RulesEnv, c: Cell) => runCell_(rt, DRIVERS, c, cellCid(c));

describe('firestore.rules access matrix', function () {
  this.timeout(60000);
  let rt: RulesEnv;
  let asserted = 0;

  before(async () => {
    rt = await setUp('demo-kindred-rules-matrix');
    const writeCommunities = [...new Set(runCells().map(cellCid))];
    await rt.admin.writeDocs(writeCommunities.flatMap((cid) => baseline(cid)));
  });

  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it('decides every collection × role × operation', () => {
    const missing: string[] = [];
    for (const collection of COLLECTIONS) {
      if (!DRIVERS[collection] && RUN.includes(collection)) missing.push(`${collection}: no driver`);
      for (const role of ROLES) {
        const row = MATRIX[collection]?.[role];
        if (!row || !/^[+-]{5}$/.test(row)) missing.push(`${collection} × ${role}`);
      }
    }
    expect(Object.keys(MATRIX).sort()).to.deep.equal([...COLLECTIONS].sort());
    expect(missing, 'cells without an expectation').to.deep.equal([]);
    expect(cells()).to.have.length(COLLECTIONS.length * ROLES.length * OPS.length);
    expect(RUN).to.have.length(COLLECTIONS.length - Object.keys(MEMBERS_MATRIX).length);
  });

  // One role at a time (one Firestore client, see RulesEnv.release); failures are reported by cell.
  for (const role of ROLES) {
    it(`${role}: ${RUN.length} collections × ${OPS.length} operations behave as the table says`, async () => {
      const mine = runCells().filter((c) => c.role === role);
      const reads = mine.filter((c) => c.op === 'get' || c.op === 'list');
      const results = await Promise.all(reads.map((c) => runCell(rt, c)));
      // Writes one after another: the emulator's rule evaluation fails spuriously ("evaluation error")
      // when writes that read the same documents run concurrently.
      for (const c of mine.filter((x) => !reads.includes(x))) results.push(await runCell(rt, c));
      const failures = results.filter((f): f is string => f !== null);
      await rt.release(role);
      asserted += mine.length;
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }

  it('members-only community: visitors and non-members read nothing below the community', async () => {
    await rt.admin.writeDocs(baseline('closed', 'members'));
    const c = (role: Role): Ctx => ({db: rt.db(role), role, uid: UID[role], cid: 'closed'});
    for (const role of ['visitor', 'nonMember'] as const) {
      await assertFails(DRIVERS.threads.get(c(role)));
      await assertFails(DRIVERS.threads.list(c(role)));
      await assertFails(DRIVERS.posts.get(c(role)));
      await assertFails(DRIVERS.posts.list(c(role)));
    }
    await assertFails(DRIVERS.communities.get(c('visitor')));
    // Signed in, a non-member can read the community itself (name, guidelines version) to join it.
    await assertSucceeds(DRIVERS.communities.get(c('nonMember')));
    await assertSucceeds(DRIVERS.posts.list(c('member')));
    await assertSucceeds(DRIVERS.threads.get(c('member')));
    await Promise.all(ROLES.map((r) => rt.release(r)));
    asserted += 12;
  });

  it('an author deletes a post as a placeholder (no body), keeping it in the thread', async () => {
    await rt.admin.writeDocs(baseline('del'));
    const db = rt.db('author');
    await assertFails(docIn(db, 'del', layout.post('t1', 'p1')).update({status: 'deleted', body: 'still here', statusReason: null}));
    await assertSucceeds(docIn(db, 'del', layout.post('t1', 'p1')).update({status: 'deleted', body: '', statusReason: null}));
    const raw = await rt.admin.getRaw(pathIn('del', layout.post('t1', 'p1')));
    expect(raw?.body).to.deep.equal({stringValue: ''});
    expect(raw?.status).to.deep.equal({stringValue: 'deleted'});
    // A reaction count cannot move without the matching reaction document.
    await assertFails(docIn(rt.db('member'), 'del', layout.post('t1', 'p3')).update({'reactions.heart': FieldValue.increment(1)}));
    asserted += 3;
  });

  it('reports how many cells were asserted', () => {
    console.log(`firestore.rules matrix: ${asserted} cells asserted (${RUN.length} collections × ${ROLES.length} roles × ${OPS.length} operations + extra cases; `
      + `members.test.ts asserts the other ${COLLECTIONS.length - RUN.length} collections' ${(COLLECTIONS.length - RUN.length) * ROLES.length * OPS.length})`);
    expect(asserted).to.be.at.least(RUN.length * ROLES.length * OPS.length);
  });
});
