// LocalStore's peer matching and connections (issue 6): the same decisions as firestore.rules
// (src/data/connections.ts), as pure operations over the documents:
//
//   matchProfiles/{uid}        MatchProfile
//   connections/{a_b}          Connection without `id`, plus endedBy (who ended it; never shown)
//   connectionLimits/{uid}     {windowStart, count}: requests sent in the current window
//   threads/c_{a_b}            the pair's private thread (Thread.participants = [a, b])
import {KindredError} from '../errors.js';
import {
  CONNECTION_LIMITS, nextLimit, pairId, pairMembers, peerThreadId, validateConnectionId, validateConnectionMessage,
  validateMatchProfile, validateUid, type MatchProfileInput,
} from '../connections.js';
import {candidateQuery, runCandidateQuery, scoreCandidates} from '../matching.js';
import {assertMessageText, assertSignInAccepted, isSuspended} from '../policy.js';
import {requireHealthConsentForMatching} from '../connections.js';
import type {FindMatchesOptions, MatchCandidate} from '../store.js';
import type {Community, Connection, MatchProfile, MemberProfile, SessionUser, Thread} from '../types.js';
import {paths, type Db, type Write} from './docs.js';
import type {Ctx} from './engine.js';

type Result<T> = {result: T; writes: Write[]};
type StoredConnection = Omit<Connection, 'id'> & {endedBy: string | null};

const denied = (message: string) => new KindredError('permission-denied', message);
const matchPath = (uid: string) => `matchProfiles/${uid}`;
const connectionPath = (id: string) => `connections/${id}`;
const limitPath = (uid: string) => `connectionLimits/${uid}`;

function get<T>(db: Db, path: string): T | null {
  return (db.docs.get(path) as T | undefined) ?? null;
}

function requireCommunity(db: Db): Community {
  const community = db.community();
  if (!community) throw new KindredError('not-found', 'This community has no data in this browser yet: open the LocalStore with a seed.');
  return community;
}

function requireUser(ctx: Ctx, doing: string): SessionUser {
  if (!ctx.user) throw new KindredError('unauthenticated', `Sign in and join the community before you ${doing}.`);
  return ctx.user;
}

function requireMember(db: Db, ctx: Ctx, doing: string): {user: SessionUser; me: MemberProfile} {
  const user = requireUser(ctx, doing);
  requireCommunity(db);
  const me = db.member(user.uid);
  if (!me) throw denied(`Only members can ${doing}: join the community first.`);
  return {user, me};
}

/** A member in good standing (writes). */
function requireWriter(db: Db, ctx: Ctx, doing: string): {user: SessionUser; me: MemberProfile} {
  const out = requireMember(db, ctx, doing);
  if (isSuspended(db.roles(out.user.uid), ctx.now)) throw denied(`Your membership is suspended: you cannot ${doing} until it ends.`);
  return out;
}

const toConnection = (id: string, c: StoredConnection): Connection => ({
  id, members: [...c.members] as [string, string], requestedBy: c.requestedBy, message: c.message, status: c.status,
  createdAt: c.createdAt, updatedAt: c.updatedAt, threadId: c.threadId,
});

function myConnections(db: Db, uid: string): Connection[] {
  const out: Connection[] = [];
  for (const [path, value] of db.docs) {
    if (!path.startsWith('connections/')) continue;
    const c = value as StoredConnection;
    if (c.members.includes(uid)) out.push(toConnection(path.slice('connections/'.length), c));
  }
  return out;
}

/** Reads a connection of the signed-in member (others' connections do not exist for them). */
function requireConnection(db: Db, uid: string, id: string): StoredConnection {
  validateConnectionId(id);
  const c = get<StoredConnection>(db, connectionPath(id));
  if (!c || !c.members.includes(uid)) throw new KindredError('not-found', 'This connection no longer exists.');
  return c;
}

export function getMatchProfile(db: Db, ctx: Ctx): MatchProfile | null {
  return ctx.user ? get<MatchProfile>(db, matchPath(ctx.user.uid)) : null;
}

export function setMatchProfile(db: Db, ctx: Ctx, input: MatchProfileInput): Result<MatchProfile> {
  requireUser(ctx, 'opt in to matching');
  const community = requireCommunity(db);
  const profile = validateMatchProfile(ctx.user!.uid, input, community.settings.tags, ctx.now);
  const {user} = requireWriter(db, ctx, 'opt in to matching');
  requireHealthConsentForMatching(profile, db.private(user.uid)?.healthConsent);
  return {result: profile, writes: [[matchPath(user.uid), profile]]};
}

export function removeMatchProfile(db: Db, ctx: Ctx): Result<void> {
  const user = requireUser(ctx, 'turn matching off');
  return {result: undefined, writes: get(db, matchPath(user.uid)) ? [[matchPath(user.uid), null]] : []};
}

export function findMatches(db: Db, ctx: Ctx, options: FindMatchesOptions = {}): MatchCandidate[] {
  const {user} = requireMember(db, ctx, 'find people like you');
  const me = get<MatchProfile>(db, matchPath(user.uid));
  if (!me) throw denied('Opt in to matching (setMatchProfile) before looking for people like you.');
  const limit = Math.min(CONNECTION_LIMITS.maxSuggestions, Math.max(1, Math.floor(options.limit ?? CONNECTION_LIMITS.defaultSuggestions)));
  const profiles: MatchProfile[] = [];
  for (const [path, value] of db.docs) if (path.startsWith('matchProfiles/')) profiles.push(value as MatchProfile);
  const candidates = runCandidateQuery(candidateQuery(me, {limit: CONNECTION_LIMITS.candidates}), profiles);
  const connected = myConnections(db, user.uid).map((c) => c.members.find((m) => m !== user.uid)!);
  const out: MatchCandidate[] = [];
  for (const s of scoreCandidates(me, candidates, {locale: options.locale ?? 'en', weights: options.weights, exclude: {connected}})) {
    const m = db.member(s.uid);
    if (!m) continue;
    out.push({...s, member: {uid: m.uid, pseudonym: m.pseudonym, avatarUrl: m.avatarUrl, avatarHue: m.avatarHue, relationship: m.relationship}});
    if (out.length === limit) break;
  }
  return out;
}

export function requestConnection(db: Db, ctx: Ctx, uid: string, message?: string): Result<Connection> {
  requireUser(ctx, 'connect with someone');
  const other = validateUid('uid', uid);
  const text = validateConnectionMessage(message);
  const {user} = requireWriter(db, ctx, 'connect with someone');
  assertMessageText(text, requireCommunity(db).settings.bannedWords);
  assertSignInAccepted(requireCommunity(db).settings, user, 'ask to connect');
  if (other === user.uid) throw new KindredError('invalid-argument', 'You cannot connect with yourself.', 'uid');
  if (!db.member(other)) throw new KindredError('not-found', 'This member is no longer in the community.');
  const id = pairId(user.uid, other);
  const existing = get<StoredConnection>(db, connectionPath(id));
  if (existing) {
    // A retried request returns what is stored; anything else is refused without saying why.
    if (existing.status === 'pending' && existing.requestedBy === user.uid) return {result: toConnection(id, existing), writes: []};
    if (existing.status === 'accepted') throw new KindredError('already-exists', 'You are already connected with this member.');
    if (existing.status === 'pending') throw new KindredError('already-exists', 'This member has already asked to connect with you: accept their request.');
    throw denied('You cannot send this member a request.');
  }
  const limit = nextLimit(get(db, limitPath(user.uid)), ctx.now, id);
  const stored: StoredConnection = {
    members: pairMembers(user.uid, other), requestedBy: user.uid, message: text, status: 'pending',
    createdAt: ctx.now, updatedAt: ctx.now, threadId: null, endedBy: null,
  };
  return {result: toConnection(id, stored), writes: [[connectionPath(id), stored], [limitPath(user.uid), limit]]};
}

export function respondToConnection(db: Db, ctx: Ctx, id: string, accept: boolean): Result<Connection> {
  const {user, me} = requireWriter(db, ctx, 'answer a connection request');
  const c = requireConnection(db, user.uid, id);
  if (c.status !== 'pending') throw new KindredError('not-found', 'This request is no longer waiting for an answer.');
  if (c.requestedBy === user.uid) throw denied('Only the member you asked can answer your request.');
  if (!accept) {
    const ended: StoredConnection = {...c, status: 'ended', updatedAt: ctx.now, endedBy: user.uid};
    return {result: toConnection(id, ended), writes: [[connectionPath(id), ended]]};
  }
  const tid = peerThreadId(id);
  const requester = db.member(c.requestedBy);
  const thread: Thread = {
    id: tid, key: null, title: `${requester?.pseudonym ?? '…'} · ${me.pseudonym}`, authorId: user.uid, authorName: me.pseudonym,
    createdAt: ctx.now, lastActivityAt: ctx.now, postCount: 0, status: 'visible', participants: [...c.members],
  };
  const accepted: StoredConnection = {...c, status: 'accepted', updatedAt: ctx.now, threadId: tid};
  return {result: toConnection(id, accepted), writes: [[connectionPath(id), accepted], [paths.thread(tid), thread]]};
}

export function endConnection(db: Db, ctx: Ctx, id: string): Result<void> {
  const user = requireUser(ctx, 'end a connection');
  requireMember(db, ctx, 'end a connection');
  const c = requireConnection(db, user.uid, id);
  if (c.status === 'ended') return {result: undefined, writes: []};
  return {result: undefined, writes: [[connectionPath(id), {...c, status: 'ended', updatedAt: ctx.now, endedBy: user.uid}]]};
}

export function blockMember(db: Db, ctx: Ctx, uid: string): Result<void> {
  const other = validateUid('uid', uid);
  const {user} = requireMember(db, ctx, 'block a member');
  if (other === user.uid) throw new KindredError('invalid-argument', 'You cannot block yourself.', 'uid');
  const id = pairId(user.uid, other);
  const c = get<StoredConnection>(db, connectionPath(id));
  if (c?.status === 'ended') return {result: undefined, writes: []};
  const ended: StoredConnection = c
    ? {...c, status: 'ended', updatedAt: ctx.now, endedBy: user.uid}
    : {members: pairMembers(user.uid, other), requestedBy: user.uid, message: '', status: 'ended', createdAt: ctx.now,
      updatedAt: ctx.now, threadId: null, endedBy: user.uid};
  return {result: undefined, writes: [[connectionPath(id), ended]]};
}

export function watchConnections(db: Db, ctx: Ctx): Connection[] {
  if (!ctx.user) return [];
  return myConnections(db, ctx.user.uid)
    .filter((c) => c.status === 'pending' || c.status === 'accepted')
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
