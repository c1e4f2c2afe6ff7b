// Shared set-up for the rules suites: the cast of users, a baseline community written with the owner's
// bypass, and write payloads shaped exactly as FirebaseStore writes them.
import {assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment} from './rules-unit-testing.js';
import firebase from 'firebase/compat/app';
import 'firebase/compat/firestore';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, fixtureDocs, pathIn} from '../support/firestore-admin.js';
import {member} from '../support/builders.js';
import {layout} from '../../src/data/domain/layout.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {MemberProfile, RoleName} from '../../src/data/types.js';

export type Db = firebase.firestore.Firestore;
export const FieldValue = firebase.firestore.FieldValue;
export const ts = () => FieldValue.serverTimestamp();

// Paths come from src/data/domain/layout.ts (issue 13: one layout), so the rules are tested on the paths the
// store writes. `sub` is a layout path (`layout.member('m1')`) or a collection (`layout.threads`).
export {pathIn};
/** The document communities/{cid}, or `sub` under it. */
export const docIn = (db: Db, cid: string, sub?: string) => db.doc(pathIn(cid, sub));
/** The collection `sub` under communities/{cid}. */
export const collectionIn = (db: Db, cid: string, sub: string) => db.collection(pathIn(cid, sub));

export const ROLES = ['visitor', 'nonMember', 'member', 'author', 'other', 'moderator', 'admin', 'suspended'] as const;
export type Role = (typeof ROLES)[number];
export const OPS = ['get', 'list', 'create', 'update', 'delete'] as const;
export type Op = (typeof OPS)[number];

/** The uid each role acts as (null: signed out). */
export const UID: Record<Role, string | null> = {
  visitor: null, nonMember: 'outsider', member: 'm1', author: 'auth1', other: 'm2',
  moderator: 'mod1', admin: 'adm1', suspended: 'sus1',
};

export const GUIDELINES = 'g2';
export const CONSENT = 'c1';
const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const FAR = Date.UTC(2099, 0, 1);

/** A listed member of the cast: test/support's member builder (issue 13: one) with the rules suites' hue and join time. */
const castMember = (uid: string, pseudonym: string, badges: RoleName[] = []): MemberProfile =>
  member(uid, {pseudonym, badges, avatarHue: 120, listed: true, joinedAt: T0});

/**
 * The baseline: auth1 (founder) wrote thread t1 with post p1 (visible, hearted by auth1 and sus1) and a
 * held post p2; sus1 (suspended) wrote p3; auth1 filed report r1; mod1 logged l1.
 */
export function baseline(cid: string, visibility: 'public' | 'members' = 'public'): [string, Record<string, unknown>][] {
  const members = [castMember('m1', 'Mel'), castMember('auth1', 'Ari', ['founder']), castMember('m2', 'Mo'),
    castMember('mod1', 'Moderator Max', ['moderator']), castMember('adm1', 'Admin Ada', ['admin']), castMember('sus1', 'Sam')];
  const role = (uid: string, roles: RoleName[], suspendedUntil: number | null = null) => ({
    uid, roles, clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil, grantedBy: 'adm1', updatedAt: T0,
  });
  const post = (id: string, authorId: string, status: 'visible' | 'held', reactions = {heart: 0, hug: 0, metoo: 0, thanks: 0}) => {
    const m = members.find((x) => x.uid === authorId)!;
    return {
      id, threadId: 't1', body: `Body of ${id}`, authorId, authorName: m.pseudonym, authorRelationship: m.relationship,
      authorAvatarUrl: m.avatarUrl, authorAvatarHue: m.avatarHue, authorBadges: m.badges, parentId: null,
      createdAt: T0 + 1000, editedAt: null, status, statusReason: null, reactions,
    };
  };
  const fixture: SeedFixture = {
    community: {
      id: cid, name: {en: 'Rules test'}, tagline: {en: ''}, languages: ['en', 'cy'], createdAt: T0,
      settings: {visibility, moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [],
        guidelinesVersion: GUIDELINES, consentVersion: CONSENT},
      founderStory: null,
    },
    members,
    privates: members.map((m) => ({uid: m.uid, guidelines: {version: GUIDELINES, at: T0}, healthConsent: null, fieldVisibility: {}})),
    roles: [role('auth1', ['founder']), role('mod1', ['moderator']), role('adm1', ['admin']), role('sus1', [], FAR)],
    threads: [{id: 't1', key: null, title: 'Hello', authorId: 'auth1', authorName: 'Ari', createdAt: T0, lastActivityAt: T0,
      postCount: 2, status: 'visible', participants: null}],
    posts: [post('p1', 'auth1', 'visible', {heart: 2, hug: 0, metoo: 0, thanks: 0}), post('p2', 'auth1', 'held'), post('p3', 'sus1', 'visible')],
    reactions: [{threadId: 't1', postId: 'p1', uid: 'auth1', kind: 'heart', at: T0}, {threadId: 't1', postId: 'p1', uid: 'sus1', kind: 'heart', at: T0}],
    reports: [{id: 'r1', target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'spam', details: '', reporterId: 'auth1', createdAt: T0, status: 'open'}],
  };
  return [
    ...fixtureDocs(fixture),
    [pathIn(cid, layout.logEntry('l1')), {action: 'hide', actorId: 'mod1', targetPath: layout.post('t1', 'p9'), reason: 'spam', at: T0}],
    [pathIn(cid, layout.matchProfile('auth1')), {uid: 'auth1', open: true}],
    [pathIn(cid, layout.connection('auth1_m1')), {members: ['auth1', 'm1'], status: 'pending'}],
  ];
}

export interface RulesEnv {
  env: RulesTestEnvironment;
  admin: FirestoreAdmin;
  db(role: Role): Db;
  /**
   * Ends a role's Firestore client. Chrome allows 6 connections per host and each client holds its
   * own streams to the emulator, so suites keep one or two clients open at a time.
   */
  release(role: Role): Promise<void>;
}

export async function setUp(projectId: string): Promise<RulesEnv> {
  const {host, port} = emulatorHost();
  // The emulator already runs ./firestore.rules (scripts/test.mjs): no rules passed here.
  const env = await initializeTestEnvironment({projectId, firestore: {host, port}});
  const admin = new FirestoreAdmin(projectId);
  await admin.clear();
  const dbs = new Map<Role, Db>();
  return {
    env, admin,
    db(role) {
      let db = dbs.get(role);
      if (db) {
        // Most recently used last, so the safety net below ends the least recently used client.
        dbs.delete(role);
        dbs.set(role, db);
        return db;
      }
      // Safety net for suites that forget release(): never more than three clients open, or a
      // fourth one's requests can wait for a free connection until the test times out.
      while (dbs.size >= 3) {
        const [oldest, old] = dbs.entries().next().value as [Role, Db];
        dbs.delete(oldest);
        void old.terminate();
      }
      const uid = UID[role];
      db = (uid ? env.authenticatedContext(uid) : env.unauthenticatedContext()).firestore() as unknown as Db;
      dbs.set(role, db);
      return db;
    },
    async release(role) {
      const db = dbs.get(role);
      dbs.delete(role);
      await db?.terminate();
    },
  };
}

/**
 * A suite's rules environment: set up before its tests (sets `rt`), every role's client released after each
 * test, the emulator's data cleared and the environment ended after the suite.
 */
export function useRulesEnv(projectId: string, assign: (rt: RulesEnv) => void): void {
  let rt: RulesEnv | undefined;
  before(async () => {
    rt = await setUp(projectId);
    assign(rt);
  });
  after(async () => {
    await rt?.admin.clear();
    await rt?.env.cleanup();
  });
  afterEach(async () => {
    for (const role of ROLES) await rt?.release(role);
  });
}

// Payloads as FirebaseStore writes them ------------------------------------------------------------

export function newPost(uid: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    body: 'A new post', authorId: uid, authorName: name, authorRelationship: 'patient', authorAvatarUrl: null,
    authorAvatarHue: 120, authorBadges: uid === 'auth1' ? ['founder'] : uid === 'mod1' ? ['moderator'] : uid === 'adm1' ? ['admin'] : [],
    parentId: null, createdAt: ts(), editedAt: null, status: 'visible', statusReason: null,
    reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}, ...extra,
  };
}

export const NAMES: Record<string, string> = {
  m1: 'Mel', auth1: 'Ari', m2: 'Mo', mod1: 'Moderator Max', adm1: 'Admin Ada', sus1: 'Sam', outsider: 'Olly',
};

/** A visible post plus the thread bump, in one batch. */
export function postWithBump(db: Db, cid: string, uid: string, pid: string, post = newPost(uid, NAMES[uid] ?? uid)) {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.post('t1', pid)), post);
  batch.update(docIn(db, cid, layout.thread('t1')), {postCount: FieldValue.increment(1), lastActivityAt: ts(), lastPostId: pid});
  return batch.commit();
}

export function joinBatch(db: Db, cid: string, uid: string, profile: Record<string, unknown> = {}, priv: Record<string, unknown> = {}) {
  const batch = db.batch();
  batch.set(docIn(db, cid, layout.member(uid)), {
    uid, pseudonym: 'Olly', pseudonymLower: 'olly', avatarUrl: null, avatarHue: 10, relationship: 'carer', bio: '', tags: [],
    listed: false, badges: [], clinicianScope: null, joinedAt: ts(), ...profile,
  });
  batch.set(docIn(db, cid, layout.private(uid)), {
    uid, guidelines: {version: GUIDELINES, at: ts()}, healthConsent: null, fieldVisibility: {}, ...priv,
  });
  return batch.commit();
}

export function story(approvedBy: string | null, extra: Record<string, unknown> = {}) {
  return {
    name: 'Ari', role: {en: 'Founder'}, quote: {en: 'We are not alone.'}, story: {en: 'It started…'}, imageUrl: null,
    imageAlt: null, cta: {label: {en: 'Join us'}, url: 'https://example.org/join'}, toldAt: null, memorial: false,
    approvedBy, approvedAt: ts(), ...extra,
  };
}

export function rolesDoc(uid: string, grantedBy: string, extra: Record<string, unknown> = {}) {
  return {uid, roles: [], clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy, updatedAt: ts(), ...extra};
}

export function reactBatch(db: Db, cid: string, uid: string, kind: string, by: 1 | -1, postId = 'p1') {
  const batch = db.batch();
  const ref = docIn(db, cid, layout.reaction('t1', postId, uid, kind));
  if (by === 1) batch.set(ref, {postId, uid, kind, at: ts()});
  else batch.delete(ref);
  batch.update(docIn(db, cid, layout.post('t1', postId)), {[`reactions.${kind}`]: FieldValue.increment(by)});
  return batch.commit();
}

export function reportDoc(uid: string, extra: Record<string, unknown> = {}) {
  return {target: {kind: 'post', threadId: 't1', postId: 'p1'}, reason: 'harm', details: 'Worrying', reporterId: uid, createdAt: ts(), status: 'open', ...extra};
}

export function logDoc(uid: string, extra: Record<string, unknown> = {}) {
  return {action: 'hide', actorId: uid, targetPath: layout.post('t1', 'p1'), reason: 'spam', at: ts(), ...extra};
}

// Declarative tables --------------------------------------------------------------------------------

/** What a table's driver gets: a role's client, its uid, and the community the cell runs in. */
export type Ctx = {db: Db; role: Role; uid: string | null; cid: string};
/** One write or read per operation, as that role would make it. */
export type Driver = Record<Op, (c: Ctx) => Promise<unknown>>;
/** One string per role, one character per operation (get, list, create, update, delete): '+' allowed. */
export type Matrix = Record<string, Record<Role, string>>;
export interface Cell {collection: string; role: Role; op: Op; allow: boolean}

/** Every collection × role × operation cell of `matrix` (a missing row reads as all refused). */
export function tableCells(matrix: Matrix, collections: readonly string[]): Cell[] {
  return collections.flatMap((collection) => ROLES.flatMap((role) =>
    OPS.map((op, i) => ({collection, role, op, allow: matrix[collection]?.[role]?.[i] === '+'}))));
}

/**
 * The community a cell runs in: writes expected to succeed each get their own freshly seeded one (so
 * every cell is independent of the others), everything else shares `shared`.
 */
export function cellCommunity(prefix: string, shared: string): (c: Cell) => string {
  return (c) => (c.allow && c.op !== 'get' && c.op !== 'list' ? `${prefix}-${c.collection}-${c.role}-${c.op}` : shared);
}

/** Runs one cell; resolves to null when the rules decided as the table says, else a readable failure. */
export async function runCell(rt: RulesEnv, drivers: Record<string, Driver>, c: Cell, cid: string): Promise<string | null> {
  const ctx: Ctx = {db: rt.db(c.role), role: c.role, uid: UID[c.role], cid};
  try {
    if (c.allow) await assertSucceeds(drivers[c.collection][c.op](ctx));
    else await assertFails(drivers[c.collection][c.op](ctx));
    return null;
  } catch (e) {
    return `${c.collection} × ${c.role} × ${c.op}: expected ${c.allow ? 'allowed' : 'refused'} (${(e as Error).message.slice(0, 200)})`;
  }
}

/**
 * Members, private records and roles (issue 5): one expectation table. The members suite (members.test.ts)
 * runs its 120 cells; the access matrix (matrix.test.ts) includes it in its completeness check only, so
 * the cells run once (issue 13).
 */
export const MEMBERS_MATRIX: Matrix = {
  // Members read profiles; the directory lists `listed` ones; only the member edits theirs; admins
  // mirror badges; the member erases theirs (even when suspended) and admins remove members.
  members: {
    visitor: '-----', nonMember: '--+--', member: '++---', author: '++-++',
    other: '++---', moderator: '++---', admin: '++-++', suspended: '++--+',
  },
  // The owner alone reads it, nobody lists it (not even the owner), only the owner writes it; a
  // suspended member can still erase theirs. The author's `create` rewrites their own record
  // (re-accepting the current guidelines).
  private: {
    visitor: '-----', nonMember: '--+--', member: '--+--', author: '+-+++',
    other: '-----', moderator: '--+--', admin: '--+--', suspended: '----+',
  },
  // Admins write roles, never their own; moderators only suspend ordinary members; a member reads
  // their own record only.
  roles: {
    visitor: '-----', nonMember: '-----', member: '-----', author: '+----',
    other: '-----', moderator: '++++-', admin: '+++++', suspended: '-----',
  },
};
