// LocalStore's member operations (issue 5): the directory, consent, field visibility, export, erasure
// and roles, as pure functions of the documents, the user and the time (like engine.ts). They decide
// what the members / private / roles rules in firestore.rules decide.
import {assertCurrentVersion} from '../guidelines.js';
import {KindredError} from '../errors.js';
import {hasRole, isSuspended, newId, sanctionOnErasure, validateText} from '../policy.js';
import {FORMER_MEMBER, type MemberQuery, type MyDataExport} from '../store.js';
import {type MemberProfile, type Page, type Post, type PrivateRecord, type ReactionKind, type Reaction, type Report, type RoleName, type RoleRecord, type Thread} from '../types.js';
import {Db, paths, type Write} from './docs.js';
import {
  compareMembers, emptyRoles, erasedPost, memberPage, nextRoles, placeFields, validateClinicianScope, validateHideableValues,
  validateMemberQuery, validateRole, validateVisibility,
} from '../domain/members.js';
import type {Ctx} from './engine.js';
import {gone, guard} from '../domain/access.js';
import {withoutAbout} from '../domain/moderation.js';

type Result<T> = {result: T; writes: Write[]};

const denied = (message: string) => new KindredError('permission-denied', message);
const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

// Directory ---------------------------------------------------------------------------------------

export function listMembers(db: Db, ctx: Ctx, query: MemberQuery): Page<MemberProfile> {
  const q = validateMemberQuery(query);
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in and join the community to see who is here.');
  if (!db.member(ctx.user.uid)) throw denied('Only members can see the member directory: join the community first.');
  let list = [...under<MemberProfile>(db, 'members/')].filter((m) => m.listed
    && (!q.search || m.pseudonymLower.startsWith(q.search))
    && (!q.relationship || m.relationship === q.relationship)
    && (!q.tag || m.tags.includes(q.tag))
    && (!q.role || m.badges.includes(q.role)));
  list.sort((a, b) => compareMembers(q.sort, a, b));
  if (q.cursor) {
    const c = q.cursor;
    const after = q.sort === 'name'
      ? {pseudonymLower: c.key as string, joinedAt: 0, uid: c.uid}
      : {pseudonymLower: '', joinedAt: c.key as number, uid: c.uid};
    list = list.filter((m) => compareMembers(q.sort, m, after) > 0);
  }
  return memberPage(list, q.limit, q.sort);
}

function* under<T>(db: Db, prefix: string): Iterable<T> {
  for (const [path, value] of db.docs) if (path.startsWith(prefix)) yield value as T;
}

function* entries(db: Db, prefix: string): Iterable<[string, unknown]> {
  for (const [path, value] of db.docs) if (path.startsWith(prefix)) yield [path, value];
}

// Consent and visibility --------------------------------------------------------------------------

function requireOwn(db: Db, ctx: Ctx, doing: string): {uid: string; me: MemberProfile; record: PrivateRecord} {
  if (!ctx.user) throw guard.signInOnly(doing);
  const uid = ctx.user.uid;
  const me = db.member(uid);
  const record = db.private(uid);
  if (!me || !record) throw new KindredError('not-found', `Join the community before you ${doing}.`);
  if (isSuspended(db.roles(uid), ctx.now)) throw denied(`Your membership is suspended: you cannot ${doing} until it ends.`);
  return {uid, me, record};
}

export function setHealthConsent(db: Db, ctx: Ctx, given: boolean): Result<PrivateRecord> {
  if (typeof given !== 'boolean') throw invalid('given', 'given must be true or false.');
  const {uid, record} = requireOwn(db, ctx, 'change your consent');
  const community = db.community()!;
  const next: PrivateRecord = given
    ? {...record, healthConsent: {version: community.settings.consentVersion, at: ctx.now}}
    : {...record, healthConsent: null, healthConsentWithdrawnAt: ctx.now};
  const writes: Write[] = [[paths.private(uid), next]];
  // Matching works on health information: withdrawing consent ends it.
  if (!given && db.docs.has(`matchProfiles/${uid}`)) writes.push([`matchProfiles/${uid}`, null]);
  return {result: next, writes};
}

/** Issue 14: agree to the current guidelines (after an admin bumped their version). */
export function agreeToGuidelines(db: Db, ctx: Ctx, version: string): Result<PrivateRecord> {
  const {uid, record} = requireOwn(db, ctx, 'agree to the guidelines');
  const settings = db.community()!.settings;
  assertCurrentVersion(version, settings);
  const next: PrivateRecord = {...record, guidelines: {version: settings.guidelinesVersion, at: ctx.now}};
  return {result: next, writes: [[paths.private(uid), next]]};
}

export function setFieldVisibility(db: Db, ctx: Ctx, visibility: unknown, values?: unknown): Result<PrivateRecord> {
  const vis = validateVisibility(visibility);
  const vals = validateHideableValues(values);
  const {uid, me, record} = requireOwn(db, ctx, 'change who sees your profile');
  const placed = placeFields(me, record, vis, vals);
  const next: PrivateRecord = {...record, fieldVisibility: placed.fieldVisibility, kept: placed.kept};
  return {result: next, writes: [[paths.member(uid), {...me, ...placed.profile}], [paths.private(uid), next]]};
}

// Export and erasure ------------------------------------------------------------------------------

export function exportMyData(db: Db, ctx: Ctx, communityId: string): MyDataExport {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to download your data.');
  const uid = ctx.user.uid;
  const threadsStarted: Thread[] = [];
  const posts: Post[] = [];
  const reactions: MyDataExport['reactions'] = [];
  const reportsFiled: Report[] = [];
  const connections: Record<string, unknown>[] = [];
  for (const [path, value] of db.docs) {
    const v = value as Record<string, unknown>;
    if (path.startsWith('threads/') && v.authorId === uid) threadsStarted.push(value as Thread);
    else if (path.startsWith('posts/') && v.authorId === uid) posts.push(value as Post);
    else if (path.startsWith('reactions/') && v.uid === uid) {
      const r = value as Reaction;
      reactions.push({threadId: path.split('/')[1], postId: r.postId, kind: r.kind, at: r.at});
    } else if (path.startsWith('reports/') && v.reporterId === uid) reportsFiled.push(withoutAbout(value as Report));
    else if (path.startsWith('connections/') && Array.isArray(v.members) && v.members.includes(uid)) connections.push(v);
  }
  return {
    format: 'kindred-export@1', communityId, uid, exportedAt: ctx.now,
    profile: db.member(uid), private: db.private(uid), roles: db.roles(uid),
    threadsStarted, posts, reactions, reportsFiled,
    matchProfile: (db.docs.get(`matchProfiles/${uid}`) as Record<string, unknown> | undefined) ?? null,
    connections,
  };
}

export function eraseMe(db: Db, ctx: Ctx): Result<void> {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to erase your data.');
  const uid = ctx.user.uid;
  if (!db.member(uid) && !db.private(uid)) throw gone.noMembershipToErase();
  const writes: Write[] = [];
  const posts = new Map<string, Post>();
  const postOf = (tid: string, pid: string) => posts.get(`${tid}/${pid}`) ?? db.post(tid, pid);
  // Reactions first, so counts on others' posts are corrected.
  for (const [path, value] of entries(db, 'reactions/')) {
    const r = value as Reaction;
    if (r.uid !== uid) continue;
    const tid = path.split('/')[1];
    const post = postOf(tid, r.postId);
    if (post) {
      const reactions = {...post.reactions, [r.kind]: Math.max(0, (post.reactions[r.kind as ReactionKind] ?? 0) - 1)};
      posts.set(`${tid}/${r.postId}`, {...post, reactions});
    }
    writes.push([path, null]);
  }
  for (const [, value] of entries(db, 'posts/')) {
    const p = value as Post;
    if (p.authorId !== uid) continue;
    const current = postOf(p.threadId, p.id)!;
    posts.set(`${p.threadId}/${p.id}`, erasedPost(current));
  }
  for (const [key, p] of posts) writes.push([`posts/${key}`, p]);
  for (const [path, value] of entries(db, 'threads/')) {
    const t = value as Thread;
    if (t.authorId === uid) writes.push([path, {...t, authorId: FORMER_MEMBER, authorName: ''}]);
  }
  for (const [path, value] of entries(db, 'reports/')) {
    const r = value as Report;
    if (r.reporterId === uid) writes.push([path, {...r, reporterId: FORMER_MEMBER}]);
  }
  for (const [path, value] of entries(db, 'connections/')) {
    const c = value as {members?: unknown; status?: string; endedBy?: string | null; message?: string};
    if (!Array.isArray(c.members) || !c.members.includes(uid)) continue;
    // Issue 11: a connection the other member ended (declined or blocked) outlives this erasure, so joining
    // again does not undo it; only the message this member wrote goes (firestore.rules connections).
    if (c.status === 'ended' && c.endedBy !== uid) writes.push([path, {...c, message: ''}]);
    else writes.push([path, null]);
  }
  // Issue 11: what erasure cannot launder (docs/privacy.md). A running suspension moves to sanctions/{uid};
  // the rate-limit records stay, without the two fields that point at a post or a report.
  const sanction = sanctionOnErasure(db.roles(uid), ctx.now);
  if (sanction) writes.push([paths.sanction(uid), sanction]);
  const limits = db.limits(uid);
  if (limits) writes.push([paths.limits(uid), {...limits, lastPost: null, lastReportId: null}]);
  for (const path of [paths.member(uid), paths.private(uid), paths.roles(uid), `matchProfiles/${uid}`, paths.approvals(uid)]) {
    if (db.docs.has(path)) writes.push([path, null]);
  }
  return {result: undefined, writes};
}

// Roles -------------------------------------------------------------------------------------------

function requireAdmin(db: Db, ctx: Ctx, uid: string, doing: string): {me: string; target: MemberProfile; record: RoleRecord | null} {
  if (!ctx.user) throw new KindredError('unauthenticated', `Sign in as an admin to ${doing}.`);
  validateText('uid', uid, {min: 1, max: 128});
  const me = ctx.user.uid;
  const roles = db.roles(me);
  if (!db.member(me) || !hasRole(roles, 'admin') || isSuspended(roles, ctx.now)) throw denied(`Only an admin can ${doing}.`);
  if (uid === me) throw denied(`Admins cannot ${doing} for themselves: ask another admin.`);
  const target = db.member(uid);
  if (!target) throw gone.personNotMember();
  return {me, target, record: db.roles(uid)};
}


export function setRole(db: Db, ctx: Ctx, uid: string, role: RoleName, on: boolean, options?: {clinicianScope?: string}): Result<RoleRecord> {
  const r = validateRole(role);
  const scope = on ? validateClinicianScope(r, options) : null;
  const {me, target, record} = requireAdmin(db, ctx, uid, on ? 'grant roles' : 'revoke roles');
  const next = nextRoles(record ?? emptyRoles(uid), r, on, me, ctx.now, scope);
  const logId = newId();
  return {
    result: next,
    writes: [[paths.roles(uid), next], [paths.member(uid), {...target, badges: next.roles, clinicianScope: next.clinicianScope}],
      // The moderation log of role changes (issue 14).
      [`modLog/${logId}`, {id: logId, action: on ? 'grant-role' : 'revoke-role', actorId: me, targetPath: `members/${uid}`, reason: scope ? `${r}: ${scope}` : r, at: ctx.now}]],
  };
}
