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
  CONSENT, FieldValue, GUIDELINES, MEMBERS_MATRIX, NAMES, OPS, ROLES, UID, baseline, cellCommunity, joinBatch, logDoc, newPost,
  postWithBump, reactBatch, reportDoc, rolesDoc, runCell as runCell_, setUp, story, tableCells, ts,
  type Cell, type Ctx, type Driver, type Role, type RulesEnv,
} from './rules-fixture.js';
import firebase from 'firebase/compat/app';


const future = () => firebase.firestore.Timestamp.fromMillis(Date.UTC(2099, 5, 1));
const own = (c: Ctx) => c.role === 'author' || c.role === 'suspended';
const actor = (c: Ctx) => c.uid ?? 'visitor';
const path = (c: Ctx, p: string) => c.db.doc(`communities/${c.cid}/${p}`);
/** An admin verifies auth1 as a clinician: a scope label, who verified it and when (issue 5). */
const verifyClinician = () => ({roles: ['founder', 'clinician'], clinicianScope: 'Specialist nurse', verifiedBy: 'adm1', verifiedAt: ts(), grantedBy: 'adm1', updatedAt: ts()});

const DRIVERS: Record<string, Driver> = {
  communities: {
    get: (c) => c.db.doc(`communities/${c.cid}`).get(),
    list: (c) => c.db.collection('communities').get(),
    create: (c) => c.db.doc(`communities/${c.cid}-${c.role}`).set({name: {en: 'Mine'}, tagline: {en: ''}, languages: ['en'], settings: {}, founderStory: null, createdAt: ts()}),
    update: (c) => c.db.doc(`communities/${c.cid}`).update({founderStory: story(actor(c))}),
    delete: (c) => c.db.doc(`communities/${c.cid}`).delete(),
  },
  members: {
    get: (c) => path(c, 'members/auth1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/members`).where('listed', '==', true).get(),
    create: (c) => joinBatch(c.db, c.cid, c.role === 'other' ? 'auth1' : actor(c)),
    // Badges mirror the roles record written in the same batch (issue 5).
    update: (c) => c.role === 'admin'
      ? c.db.batch().update(path(c, 'roles/auth1'), verifyClinician()).update(path(c, 'members/auth1'), {badges: ['founder', 'clinician'], clinicianScope: 'Specialist nurse'}).commit()
      : path(c, `members/${own(c) ? c.uid : 'auth1'}`).update({bio: 'Hello'}),
    delete: (c) => path(c, `members/${own(c) ? c.uid : 'auth1'}`).delete(),
  },
  private: {
    get: (c) => path(c, 'private/auth1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/private`).get(),
    create: (c) => {
      const uid = c.role === 'other' ? 'auth1' : actor(c);
      return path(c, `private/${uid}`).set({uid, guidelines: {version: GUIDELINES, at: ts()}, healthConsent: null, fieldVisibility: {}});
    },
    update: (c) => path(c, `private/${own(c) ? c.uid : 'auth1'}`).update({healthConsent: {version: CONSENT, at: ts()}}),
    delete: (c) => path(c, `private/${own(c) ? c.uid : 'auth1'}`).delete(),
  },
  roles: {
    get: (c) => path(c, 'roles/auth1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/roles`).get(),
    create: (c) => {
      if (c.role === 'admin') return path(c, 'roles/m1').set(rolesDoc('m1', 'adm1', {roles: ['moderator']}));
      if (c.role === 'moderator') return path(c, 'roles/m1').set(rolesDoc('m1', 'mod1', {suspendedUntil: future()}));
      if (c.role === 'other') return path(c, 'roles/m1').set(rolesDoc('m1', 'm2', {roles: ['moderator']}));
      return path(c, `roles/${actor(c)}`).set(rolesDoc(actor(c), actor(c), {roles: ['admin']}));
    },
    update: (c) => {
      if (c.role === 'admin') return path(c, 'roles/auth1').update(verifyClinician());
      if (c.role === 'moderator') return path(c, 'roles/auth1').update({suspendedUntil: future(), grantedBy: 'mod1', updatedAt: ts()});
      if (c.role === 'author') return path(c, 'roles/auth1').update({roles: ['founder', 'admin'], grantedBy: 'auth1', updatedAt: ts()});
      if (c.role === 'suspended') return path(c, 'roles/sus1').update({suspendedUntil: null, grantedBy: 'sus1', updatedAt: ts()});
      return path(c, 'roles/auth1').update({roles: ['founder', 'moderator'], grantedBy: actor(c), updatedAt: ts()});
    },
    delete: (c) => path(c, `roles/${own(c) ? c.uid : 'auth1'}`).delete(),
  },
  threads: {
    get: (c) => path(c, 'threads/t1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/threads`).where('key', '==', null).where('participants', '==', null)
      .where('status', '==', 'visible').orderBy('lastActivityAt', 'desc').get(),
    create: (c) => {
      const uid = c.role === 'other' ? 'auth1' : actor(c);
      const tid = `t-${c.role}`;
      const pid = `p-${c.role}`;
      const batch = c.db.batch();
      batch.set(path(c, `threads/${tid}`), {key: null, title: 'New thread', authorId: uid, authorName: NAMES[uid] ?? uid,
        createdAt: ts(), lastActivityAt: ts(), postCount: 1, status: 'visible', participants: null, lastPostId: pid});
      batch.set(path(c, `threads/${tid}/posts/${pid}`), newPost(uid, NAMES[uid] ?? uid));
      return batch.commit();
    },
    update: (c) => c.role === 'moderator' || c.role === 'admin'
      ? path(c, 'threads/t1').update({status: 'hidden'})
      : path(c, 'threads/t1').update({title: 'Changed'}),
    delete: (c) => path(c, 'threads/t1').delete(),
  },
  posts: {
    get: (c) => path(c, 'threads/t1/posts/p1').get(),
    // Issue 18: a reader who is not a member may list only posts shared with everyone, so asks for them.
    list: (c) => (c.role === 'visitor' || c.role === 'nonMember'
      ? c.db.collection(`communities/${c.cid}/threads/t1/posts`).where('audience', '==', 'everyone')
      : c.db.collection(`communities/${c.cid}/threads/t1/posts`)).where('status', 'in', ['visible', 'hidden', 'deleted']).get(),
    create: (c) => c.role === 'other'
      ? postWithBump(c.db, c.cid, 'auth1', 'p-other')
      : postWithBump(c.db, c.cid, actor(c), `p-${c.role}`),
    update: (c) => {
      if (c.role === 'moderator' || c.role === 'admin') return path(c, 'threads/t1/posts/p1').update({status: 'hidden', body: '', statusReason: 'abuse'});
      return path(c, `threads/t1/posts/${c.role === 'suspended' ? 'p3' : 'p1'}`).update({body: 'Edited', editedAt: ts()});
    },
    delete: (c) => path(c, `threads/t1/posts/${c.role === 'suspended' ? 'p3' : 'p1'}`).delete(),
  },
  reactions: {
    get: (c) => path(c, 'threads/t1/reactions/p1_auth1_heart').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/threads/t1/reactions`).where('uid', '==', 'auth1').get(),
    create: (c) => reactBatch(c.db, c.cid, c.role === 'other' ? 'auth1' : actor(c), 'hug', 1),
    update: (c) => path(c, `threads/t1/reactions/p1_${c.role === 'suspended' ? 'sus1' : 'auth1'}_heart`).update({at: ts()}),
    delete: (c) => reactBatch(c.db, c.cid, c.role === 'suspended' ? 'sus1' : 'auth1', 'heart', -1),
  },
  reports: {
    get: (c) => path(c, 'reports/r1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/reports`).get(),
    create: (c) => path(c, `reports/r-${c.role}`).set(reportDoc(c.role === 'other' ? 'auth1' : actor(c))),
    update: (c) => path(c, 'reports/r1').update({status: 'dismissed'}),
    delete: (c) => path(c, 'reports/r1').delete(),
  },
  modLog: {
    get: (c) => path(c, 'modLog/l1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/modLog`).get(),
    create: (c) => path(c, `modLog/l-${c.role}`).set(logDoc(c.role === 'other' ? 'mod1' : actor(c))),
    update: (c) => path(c, 'modLog/l1').update({reason: 'changed'}),
    delete: (c) => path(c, 'modLog/l1').delete(),
  },
  matchProfiles: {
    get: (c) => path(c, 'matchProfiles/auth1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/matchProfiles`).where('open', '==', true).get(),
    create: (c) => path(c, `matchProfiles/${actor(c)}`).set({uid: actor(c), open: true}),
    update: (c) => path(c, 'matchProfiles/auth1').update({open: false}),
    delete: (c) => path(c, 'matchProfiles/auth1').delete(),
  },
  connections: {
    get: (c) => path(c, 'connections/auth1_m1').get(),
    list: (c) => c.db.collection(`communities/${c.cid}/connections`).get(),
    create: (c) => path(c, `connections/${actor(c)}_zz`).set({members: [actor(c), 'zz'], status: 'pending'}),
    update: (c) => path(c, 'connections/auth1_m1').update({status: 'accepted'}),
    delete: (c) => path(c, 'connections/auth1_m1').delete(),
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
const SHARED = 'shared';
const cellCid = cellCommunity('w', SHARED);
const runCell = (rt: RulesEnv, c: Cell) => runCell_(rt, DRIVERS, c, cellCid(c));

describe('firestore.rules access matrix', function () {
  this.timeout(60000);
  let rt: RulesEnv;
  let asserted = 0;

  before(async () => {
    rt = await setUp('demo-kindred-rules-matrix');
    const writeCommunities = [...new Set(cells().map(cellCid))];
    await rt.admin.writeDocs(writeCommunities.flatMap((cid) => baseline(cid)));
  });

  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });

  it('decides every collection × role × operation', () => {
    const missing: string[] = [];
    for (const collection of COLLECTIONS) {
      if (!DRIVERS[collection]) missing.push(`${collection}: no driver`);
      for (const role of ROLES) {
        const row = MATRIX[collection]?.[role];
        if (!row || !/^[+-]{5}$/.test(row)) missing.push(`${collection} × ${role}`);
      }
    }
    expect(Object.keys(MATRIX).sort()).to.deep.equal([...COLLECTIONS].sort());
    expect(missing, 'cells without an expectation').to.deep.equal([]);
    expect(cells()).to.have.length(COLLECTIONS.length * ROLES.length * OPS.length);
  });

  // One role at a time (one Firestore client, see RulesEnv.release); failures are reported by cell.
  for (const role of ROLES) {
    it(`${role}: ${COLLECTIONS.length} collections × ${OPS.length} operations behave as the table says`, async () => {
      const mine = cells().filter((c) => c.role === role);
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
    await assertFails(db.doc('communities/del/threads/t1/posts/p1').update({status: 'deleted', body: 'still here', statusReason: null}));
    await assertSucceeds(db.doc('communities/del/threads/t1/posts/p1').update({status: 'deleted', body: '', statusReason: null}));
    const raw = await rt.admin.getRaw('communities/del/threads/t1/posts/p1');
    expect(raw?.body).to.deep.equal({stringValue: ''});
    expect(raw?.status).to.deep.equal({stringValue: 'deleted'});
    // A reaction count cannot move without the matching reaction document.
    await assertFails(rt.db('member').doc('communities/del/threads/t1/posts/p3').update({'reactions.heart': FieldValue.increment(1)}));
    asserted += 3;
  });

  it('reports how many cells were asserted', () => {
    console.log(`firestore.rules matrix: ${asserted} cells asserted (${COLLECTIONS.length} collections × ${ROLES.length} roles × ${OPS.length} operations + extra cases)`);
    expect(asserted).to.be.at.least(COLLECTIONS.length * ROLES.length * OPS.length);
  });
});
