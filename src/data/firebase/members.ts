// FirebaseStore's member operations (issue 5): the directory query, consent, field visibility, export,
// erasure and roles. Each write is shaped as the members / private / roles rules (and the erasure
// rules) in firestore.rules expect.
import {
  Timestamp, collection, collectionGroup, doc, documentId, getDoc, getDocs, increment, limit as qLimit, orderBy,
  query, serverTimestamp, startAfter, updateDoc, where, writeBatch,
  type DocumentSnapshot, type Firestore, type QueryConstraint, type WriteBatch,
} from 'firebase/firestore';
import {KindredError} from '../errors.js';
import {assertCurrentVersion} from '../guidelines.js';
import {newId, sanctionOnErasure, sanitizeRoles, validateText} from '../policy.js';
import {FORMER_MEMBER, type FieldVisibility, type HideableField, type MemberQuery, type MyDataExport} from '../store.js';
import {ROLE_NAMES, type MemberProfile, type Page, type Post, type PrivateRecord, type Report, type RoleName, type RoleRecord, type SessionUser, type Thread} from '../types.js';
import {
  emptyRoles, memberPage, nextRoles, placeFields, validateClinicianScope, validateHideableValues, validateMemberQuery,
  validateVisibility,
} from '../domain/members.js';
import {gone, guard} from '../domain/access.js';
import {communityPath} from '../domain/layout.js';
import {withoutAbout} from '../domain/moderation.js';
import {reactionCountsKeptByServer} from '../domain/reaction-counts.js';
import {deleteBadges, setBadges} from './badges.js';
import {FINAL_BATCH_ENDED, FINAL_BATCH_KEPT, packBatches, type Keyed} from './erasure-batches.js';

/** What the adapter lends these operations. */
export interface MembersCtx {
  db: Firestore;
  communityId: string;
  user: SessionUser | null;
  run<T>(action: string, fn: () => Promise<T>): Promise<T>;
  toMember(snap: DocumentSnapshot): MemberProfile;
  toRoles(snap: DocumentSnapshot): RoleRecord;
  toThread(snap: DocumentSnapshot): Thread;
  toPost(snap: DocumentSnapshot, threadId: string): Post;
  plain(snap: DocumentSnapshot): Record<string, unknown>;
}

const base = (c: MembersCtx) => communityPath(c.communityId);
const ref = (c: MembersCtx, ...segments: string[]) => doc(c.db, [base(c), ...segments].join('/'));

function requireUser(c: MembersCtx, doing: string): SessionUser {
  if (!c.user) throw guard.signInOnly(doing);
  return c.user;
}

// Directory ---------------------------------------------------------------------------------------

export async function listMembers(c: MembersCtx, input: MemberQuery): Promise<Page<MemberProfile>> {
  const q = validateMemberQuery(input);
  requireUser(c, 'see who is here');
  const parts: QueryConstraint[] = [where('listed', '==', true)];
  if (q.relationship) parts.push(where('relationship', '==', q.relationship));
  if (q.tag) parts.push(where('tags', 'array-contains', q.tag));
  if (q.role) parts.push(where('badges', 'array-contains', q.role));
  if (q.search) parts.push(where('pseudonymLower', '>=', q.search), where('pseudonymLower', '<', `${q.search}\uf8ff`));
  if (q.sort === 'name') parts.push(orderBy('pseudonymLower'), orderBy(documentId()));
  else parts.push(orderBy('joinedAt', 'desc'), orderBy(documentId(), 'desc'));
  if (q.cursor) parts.push(q.sort === 'name' ? startAfter(q.cursor.key, q.cursor.uid) : startAfter(Timestamp.fromMillis(q.cursor.key as number), q.cursor.uid));
  // Issue 17: exactly a page, no look-ahead document (domain memberPage decides whether there is a next one).
  parts.push(qLimit(q.limit));
  return c.run('load the member directory', async () => {
    const snap = await getDocs(query(collection(c.db, `${base(c)}/members`), ...parts));
    return memberPage(snap.docs.map((d) => c.toMember(d)), q.limit, q.sort);
  });
}

// Consent and visibility --------------------------------------------------------------------------

function toPrivate(c: MembersCtx, snap: DocumentSnapshot): PrivateRecord {
  const d = c.plain(snap);
  const out: PrivateRecord = {
    uid: snap.id,
    guidelines: d.guidelines as PrivateRecord['guidelines'],
    healthConsent: (d.healthConsent ?? null) as PrivateRecord['healthConsent'],
    fieldVisibility: (d.fieldVisibility ?? {}) as PrivateRecord['fieldVisibility'],
  };
  if (d.kept) out.kept = d.kept as PrivateRecord['kept'];
  if (d.healthConsentWithdrawnAt !== undefined) out.healthConsentWithdrawnAt = (d.healthConsentWithdrawnAt ?? null) as number | null;
  return out;
}

async function readOwn(c: MembersCtx, uid: string): Promise<{me: MemberProfile; record: PrivateRecord}> {
  const [m, p] = await Promise.all([getDoc(ref(c, 'members', uid)), getDoc(ref(c, 'private', uid))]);
  if (!m.exists() || !p.exists()) throw new KindredError('not-found', 'Join the community before changing your profile or consent.');
  return {me: c.toMember(m), record: toPrivate(c, p)};
}

export async function setHealthConsent(c: MembersCtx, given: boolean): Promise<PrivateRecord> {
  if (typeof given !== 'boolean') throw new KindredError('invalid-argument', 'given must be true or false.', 'given');
  const user = requireUser(c, 'change your consent');
  return c.run('save your consent', async () => {
    const community = await getDoc(doc(c.db, base(c)));
    const version = (community.get('settings') as {consentVersion: string}).consentVersion;
    const batch = writeBatch(c.db);
    batch.update(ref(c, 'private', user.uid), given
      ? {healthConsent: {version, at: serverTimestamp()}}
      : {healthConsent: null, healthConsentWithdrawnAt: serverTimestamp()});
    // Matching works on health information: withdrawing consent ends it.
    if (!given) batch.delete(ref(c, 'matchProfiles', user.uid));
    await batch.commit();
    return toPrivate(c, await getDoc(ref(c, 'private', user.uid)));
  });
}

/** Issue 14: agree to the current guidelines (the private rule checks the version is the community's). */
export async function agreeToGuidelines(c: MembersCtx, version: string): Promise<PrivateRecord> {
  const user = requireUser(c, 'agree to the guidelines');
  return c.run('save your agreement', async () => {
    const [community, own] = await Promise.all([getDoc(doc(c.db, base(c))), getDoc(ref(c, 'private', user.uid))]);
    if (!own.exists()) throw new KindredError('not-found', 'Join the community before you agree to its guidelines.');
    assertCurrentVersion(version, community.get('settings') as {guidelinesVersion: string});
    await updateDoc(ref(c, 'private', user.uid), {guidelines: {version, at: serverTimestamp()}});
    return toPrivate(c, await getDoc(ref(c, 'private', user.uid)));
  });
}

export async function setFieldVisibility(c: MembersCtx, visibility: Partial<Record<HideableField, FieldVisibility>>, values?: {bio?: string; tags?: string[]}): Promise<PrivateRecord> {
  const vis = validateVisibility(visibility);
  const vals = validateHideableValues(values);
  const user = requireUser(c, 'change who sees your profile');
  return c.run('save who sees your profile', async () => {
    const {me, record} = await readOwn(c, user.uid);
    const placed = placeFields(me, record, vis, vals);
    const batch = writeBatch(c.db);
    batch.update(ref(c, 'members', user.uid), placed.profile);
    batch.update(ref(c, 'private', user.uid), {fieldVisibility: placed.fieldVisibility, kept: placed.kept});
    await batch.commit();
    return {...record, fieldVisibility: placed.fieldVisibility, kept: placed.kept};
  });
}

// Export and erasure ------------------------------------------------------------------------------

/** Documents of this community only, from a collection-group query over every community. */
function inCommunity<T extends {ref: {path: string}}>(c: MembersCtx, docs: T[]): T[] {
  const prefix = `${base(c)}/`;
  return docs.filter((d) => d.ref.path.startsWith(prefix));
}

const threadIdOf = (path: string) => path.split('/')[3];

async function gather(c: MembersCtx, uid: string) {
  const [member, priv, roles, threads, posts, reactions, reports, matchProfile, connections] = await Promise.all([
    getDoc(ref(c, 'members', uid)),
    getDoc(ref(c, 'private', uid)),
    getDoc(ref(c, 'roles', uid)),
    getDocs(query(collection(c.db, `${base(c)}/threads`), where('authorId', '==', uid))),
    getDocs(query(collectionGroup(c.db, 'posts'), where('authorId', '==', uid))),
    getDocs(query(collectionGroup(c.db, 'reactions'), where('uid', '==', uid))),
    getDocs(query(collection(c.db, `${base(c)}/reports`), where('reporterId', '==', uid))),
    getDoc(ref(c, 'matchProfiles', uid)),
    getDocs(query(collection(c.db, `${base(c)}/connections`), where('members', 'array-contains', uid))),
  ]);
  return {
    member, priv, roles, threads: threads.docs, posts: inCommunity(c, posts.docs), reactions: inCommunity(c, reactions.docs),
    reports: reports.docs, matchProfile, connections: connections.docs,
  };
}

export async function exportMyData(c: MembersCtx): Promise<MyDataExport> {
  const user = requireUser(c, 'download your data');
  return c.run('gather your data', async () => {
    const g = await gather(c, user.uid);
    return {
      format: 'kindred-export@1', communityId: c.communityId, uid: user.uid, exportedAt: Date.now(),
      profile: g.member.exists() ? c.toMember(g.member) : null,
      private: g.priv.exists() ? toPrivate(c, g.priv) : null,
      roles: g.roles.exists() ? c.toRoles(g.roles) : null,
      threadsStarted: g.threads.map((d) => c.toThread(d)),
      // Their own text, whatever the status (held and deleted included; hidden posts keep no text).
      posts: g.posts.map((d) => ({...c.toPost(d, threadIdOf(d.ref.path)), body: (d.get('body') as string) ?? ''})),
      reactions: g.reactions.map((d) => {
        const r = c.plain(d);
        return {threadId: threadIdOf(d.ref.path), postId: r.postId as string, kind: r.kind as MyDataExport['reactions'][number]['kind'], at: r.at as number};
      }),
      reportsFiled: g.reports.map((d) => withoutAbout({id: d.id, ...c.plain(d)}) as Report),
      matchProfile: g.matchProfile.exists() ? c.plain(g.matchProfile) : null,
      connections: g.connections.map((d) => ({id: d.id, ...c.plain(d)})),
    };
  });
}

/** Commits writes in batches of at most 400 (Firestore allows 500 per batch). */
async function inBatches(c: MembersCtx, items: ((b: WriteBatch) => void)[]) {
  for (let i = 0; i < items.length; i += 400) {
    const batch = writeBatch(c.db);
    for (const add of items.slice(i, i + 400)) add(batch);
    await batch.commit();
  }
}

/** Issue 17: commits keyed writes in batches that stay under production's rule-read limit (erasure-batches.ts). */
async function inRuleBoundBatches(c: MembersCtx, items: Keyed<(b: WriteBatch) => void>[], readsPerKey: number) {
  for (const writes of packBatches(items, readsPerKey)) {
    const batch = writeBatch(c.db);
    for (const add of writes) add(batch);
    await batch.commit();
  }
}

export async function eraseMe(c: MembersCtx, signOut: () => Promise<void>): Promise<void> {
  const user = requireUser(c, 'erase your data');
  await c.run('erase your data', async () => {
    const g = await gather(c, user.uid);
    if (!g.member.exists() && !g.priv.exists()) {
      throw gone.noMembershipToErase();
    }
    // Issue 11: the moderators' queue markers of their held posts name them; they go with the placeholders.
    const heldMarkers = (await getDocs(query(collection(c.db, `${base(c)}/heldPosts`), where('authorId', '==', user.uid)))).docs;
    const uid = user.uid;
    // Issue 11: an ended connection goes only when this member ended it; one the other member ended (declined
    // or blocked) stays, with this member's message blanked, so joining again does not undo it.
    const ended = g.connections.filter((d) => d.get('status') === 'ended' && d.get('endedBy') === uid);
    const keptEnded = g.connections.filter((d) => d.get('status') === 'ended' && d.get('endedBy') !== uid);
    const pending = g.connections.filter((d) => d.get('status') !== 'ended');
    // 1. Reactions, while still a member: each with its post's count in the same batch (rules check it).
    //    A reaction on a post that is no longer visible goes alone (its count is not shown).
    //    Issue 17 (s5): once the reaction counting function keeps the counts (services.reactionCounts), each
    //    reaction goes alone and the function recounts (the rules refuse a client's count change then).
    //    Issue 17: each post read once, all at once (they were read one after the other, one per reaction: 100
    //    reactions were 100 round trips before the first write, the step seen to stall under load).
    const postKey = (d: (typeof g.reactions)[number]) => `${threadIdOf(d.ref.path)}/${d.get('postId') as string}`;
    const byServer = g.reactions.length > 0 && reactionCountsKeptByServer((await getDoc(doc(c.db, base(c)))).data());
    const reactedPosts = new Map(byServer ? [] : await Promise.all([...new Set(g.reactions.map(postKey))].map(async (key) => {
      const [threadId, postId] = key.split('/');
      return [key, await getDoc(ref(c, 'threads', threadId, 'posts', postId))] as const;
    })));
    const reactionWrites: ((b: WriteBatch) => void)[] = [];
    for (const d of g.reactions) {
      if (byServer) {
        reactionWrites.push((b) => b.delete(d.ref));
        continue;
      }
      const post = reactedPosts.get(postKey(d))!;
      const postRef = post.ref;
      reactionWrites.push((b) => {
        b.delete(d.ref);
        if (post.exists() && post.get('status') === 'visible') b.update(postRef, {[`reactions.${d.get('kind') as string}`]: increment(-1)});
      });
    }
    // One reaction per batch: two on the same post in one batch would each see the other's count.
    for (const w of reactionWrites) await inBatches(c, [w]);
    // 2. Posts become unlinked "removed" placeholders; threads they started and reports they filed lose their name.
    //    Issue 17: grouped by thread, at most 5 threads a batch (3 rule reads each), so a member with posts
    //    in many threads never makes a batch production refuses for its rule reads.
    const byThread = [
      ...g.posts.map((d) => ({key: threadIdOf(d.ref.path), write: (b: WriteBatch) => b.update(d.ref, {
        body: '', authorId: FORMER_MEMBER, authorName: '', authorRelationship: 'other', authorAvatarUrl: null, authorAvatarHue: 0,
        authorBadges: [], status: 'deleted', statusReason: null, editedAt: null,
      })})),
      ...g.threads.map((d) => ({key: d.id, write: (b: WriteBatch) => b.update(d.ref, {authorId: FORMER_MEMBER, authorName: ''})})),
    ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await inRuleBoundBatches(c, byThread, 3);
    // Reports filed and pending connections read only the shared documents; a pending connection's rule may
    // read its peer thread: one key each.
    await inRuleBoundBatches(c, [
      ...g.reports.map((d) => ({key: null, write: (b: WriteBatch) => b.update(d.ref, {reporterId: FORMER_MEMBER})})),
      ...pending.map((d) => ({key: d.id, write: (b: WriteBatch) => b.delete(d.ref)})),
    ], 1);
    // After the placeholders: a marker goes only once its post is no longer held (firestore.rules heldPosts:
    // getAfter of its post, one rule read a marker).
    await inRuleBoundBatches(c, heldMarkers.map((d) => ({key: d.id, write: (b: WriteBatch) => b.delete(d.ref)})), 1);
    // 3. Everything keyed to them, the profile last (the roles rule checks it goes in the same batch). An
    //    ended connection (a block) may only go with the profile, or after it (firestore.rules connections).
    const batch = writeBatch(c.db);
    for (const d of ended.slice(0, FINAL_BATCH_ENDED)) batch.delete(d.ref);
    for (const d of keptEnded.slice(0, FINAL_BATCH_KEPT)) if (d.get('message')) batch.update(d.ref, {message: ''});
    // Issue 11 (docs/privacy.md): a running suspension moves to sanctions/{uid}, which the member cannot
    // delete; the rate-limit record stays without the fields that point at a post or a report.
    const sanction = sanctionOnErasure(g.roles.exists() ? c.toRoles(g.roles) : null, Date.now());
    if (sanction) batch.set(ref(c, 'sanctions', uid), {suspendedUntil: g.roles.get('suspendedUntil'), at: serverTimestamp()});
    const limits = await getDoc(ref(c, 'limits', uid));
    if (limits.exists() && (limits.get('lastPost') !== null || limits.get('lastReportId') !== null)) {
      batch.update(limits.ref, {lastPost: null, lastReportId: null});
    }
    if (g.matchProfile.exists()) batch.delete(g.matchProfile.ref);
    if (g.priv.exists()) batch.delete(g.priv.ref);
    if (g.roles.exists()) {
      batch.delete(g.roles.ref);
      deleteBadges(batch, c.db, c.communityId, uid);
    }
    if (g.member.exists()) batch.delete(g.member.ref);
    await batch.commit();
    await inBatches(c, [...ended.slice(FINAL_BATCH_ENDED).map((d) => (b: WriteBatch) => b.delete(d.ref)),
      ...keptEnded.slice(FINAL_BATCH_KEPT).filter((d) => d.get('message')).map((d) => (b: WriteBatch) => b.update(d.ref, {message: ''}))]);
  });
  await signOut().catch(() => {});
}

// Roles -------------------------------------------------------------------------------------------

export async function setRole(c: MembersCtx, uid: string, role: RoleName, on: boolean, options?: {clinicianScope?: string}): Promise<RoleRecord> {
  if (!ROLE_NAMES.includes(role)) throw new KindredError('invalid-argument', `role must be one of ${ROLE_NAMES.join(', ')}.`, 'role');
  const scope = on ? validateClinicianScope(role, options) : null;
  const user = requireUser(c, on ? 'grant roles' : 'revoke roles');
  validateText('uid', uid, {min: 1, max: 128});
  if (uid === user.uid) throw new KindredError('permission-denied', 'Admins cannot change their own roles: ask another admin.');
  return c.run(on ? 'grant the role' : 'revoke the role', async () => {
    const [target, current] = await Promise.all([getDoc(ref(c, 'members', uid)), getDoc(ref(c, 'roles', uid))]);
    if (!target.exists()) throw gone.personNotMember();
    const now = Date.now();
    const next = nextRoles(current.exists() ? c.toRoles(current) : emptyRoles(uid), role, on, user.uid, now, scope);
    const verifying = role === 'clinician' && on;
    const batch = writeBatch(c.db);
    if (current.exists()) {
      // Only what changes: stored times (verifiedAt, suspendedUntil) stay exactly as they are, which the
      // rules compare (re-encoding them from ms drops sub-millisecond digits and was refused).
      const changes: Record<string, unknown> = {roles: next.roles, grantedBy: user.uid, updatedAt: serverTimestamp()};
      if (role === 'clinician') Object.assign(changes, {clinicianScope: next.clinicianScope, verifiedBy: next.verifiedBy, verifiedAt: verifying ? serverTimestamp() : null});
      batch.update(ref(c, 'roles', uid), changes);
    } else {
      batch.set(ref(c, 'roles', uid), {
        uid, roles: next.roles, clinicianScope: next.clinicianScope, verifiedBy: next.verifiedBy,
        verifiedAt: verifying ? serverTimestamp() : null, suspendedUntil: null, grantedBy: user.uid, updatedAt: serverTimestamp(),
      });
    }
    batch.update(ref(c, 'members', uid), {badges: sanitizeRoles(next.roles), clinicianScope: next.clinicianScope});
    // Issue 12: the public projection posts read their author's badges from (./badges.ts).
    setBadges(batch, c.db, c.communityId, uid, next);
    // The moderation log of role changes (issue 14), in the same batch.
    batch.set(ref(c, 'modLog', newId()), {action: on ? 'grant-role' : 'revoke-role', actorId: user.uid, targetPath: `members/${uid}`,
      reason: scope ? `${role}: ${scope}` : role, at: serverTimestamp()});
    await batch.commit();
    return next;
  });
}

