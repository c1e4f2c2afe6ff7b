// LocalStore's peer matching and connections (issue 6): the same decisions as firestore.rules
// (src/data/connections.ts), as pure operations over the documents:
//
//   matchProfiles/{uid}        MatchProfile
//   connections/{a_b}          Connection without `id`, plus endedBy (who ended it; never shown)
//   connectionLimits/{uid}     {windowStart, count}: requests sent in the current window
//   threads/c_{a_b}            the pair's private thread (Thread.participants = [a, b])
import {KindredError} from '../errors.js';
import {
  CONNECTION_LIMITS, pairId, validateConnectionId, validateConnectionMessage,
  validateMatchProfile, validateUid, type MatchProfileInput,
} from '../connections.js';
import {candidateQuery, runCandidateQuery, scoreCandidates} from '../matching.js';
import {assertMessageText, assertSignInAccepted} from '../policy.js';
import {requireHealthConsentForMatching} from '../connections.js';
import type {FindMatchesOptions, MatchCandidate} from '../store.js';
import type {Community, Connection, MatchProfile} from '../types.js';
import {denied, requireMember, requireSignedIn, requireWriter, type Caller} from '../domain/access.js';
import {
  blockMove, endMove, listedConnections, requestMove, respondMove, toConnection, type ConnectionMove, type StoredConnection,
} from '../domain/connections.js';
import {layout} from '../domain/layout.js';
import {paths, type Db, type Write} from './docs.js';
import type {Ctx} from './engine.js';

type Result<T> = {result: T; writes: Write[]};

const matchPath = layout.matchProfile;
const limitPath = layout.connectionLimit;

function get<T>(db: Db, path: string): T | null {
  return (db.docs.get(path) as T | undefined) ?? null;
}

function requireCommunity(db: Db): Community {
  const community = db.community();
  if (!community) throw new KindredError('not-found', 'This community has no data in this browser yet: open the LocalStore with a seed.');
  return community;
}

/** The caller as the domain's guards see them (domain/access.ts). */
const caller = (db: Db, ctx: Ctx): Caller => ({
  user: ctx.user, member: ctx.user ? db.member(ctx.user.uid) : null, roles: ctx.user ? db.roles(ctx.user.uid) : null, now: ctx.now,
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

/** The domain's answer as a write list. */
function writesOf(move: ConnectionMove): Write[] {
  if (!move.patch) return [];
  const writes: Write[] = [[paths.connection(move.id), move.connection]];
  if (move.limit) writes.push([limitPath(move.connection.requestedBy), move.limit]);
  if (move.thread) writes.push([paths.thread(move.thread.id), move.thread]);
  return writes;
}

export function getMatchProfile(db: Db, ctx: Ctx): MatchProfile | null {
  return ctx.user ? get<MatchProfile>(db, matchPath(ctx.user.uid)) : null;
}

export function setMatchProfile(db: Db, ctx: Ctx, input: MatchProfileInput): Result<MatchProfile> {
  requireSignedIn(ctx.user, 'opt in to matching');
  const community = requireCommunity(db);
  const profile = validateMatchProfile(ctx.user!.uid, input, community.settings.tags, ctx.now);
  const {user} = requireWriter(caller(db, ctx), 'opt in to matching');
  requireHealthConsentForMatching(profile, db.private(user.uid)?.healthConsent);
  return {result: profile, writes: [[matchPath(user.uid), profile]]};
}

export function removeMatchProfile(db: Db, ctx: Ctx): Result<void> {
  const user = requireSignedIn(ctx.user, 'turn matching off');
  return {result: undefined, writes: get(db, matchPath(user.uid)) ? [[matchPath(user.uid), null]] : []};
}

export function findMatches(db: Db, ctx: Ctx, options: FindMatchesOptions = {}): MatchCandidate[] {
  requireSignedIn(ctx.user, 'find people like you');
  requireCommunity(db);
  const {user} = requireMember(caller(db, ctx), 'find people like you');
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
  requireSignedIn(ctx.user, 'connect with someone');
  const other = validateUid('uid', uid);
  const text = validateConnectionMessage(message);
  const {user} = requireWriter(caller(db, ctx), 'connect with someone');
  const community = requireCommunity(db);
  assertMessageText(text, community.settings.bannedWords);
  assertSignInAccepted(community.settings, user, 'ask to connect');
  const move = requestMove({
    me: user.uid, other, message: text, now: ctx.now, otherIsMember: !!db.member(other),
    existing: get<StoredConnection>(db, paths.connection(pairId(user.uid, other))), limit: get(db, limitPath(user.uid)),
  });
  return {result: toConnection(move.id, move.connection!), writes: writesOf(move)};
}

export function respondToConnection(db: Db, ctx: Ctx, id: string, accept: boolean): Result<Connection> {
  const {user, me} = requireWriter(caller(db, ctx), 'answer a connection request');
  validateConnectionId(id);
  const c = get<StoredConnection>(db, paths.connection(id));
  const requester = c ? db.member(c.requestedBy) : null;
  const move = respondMove({me: user.uid, id, accept, now: ctx.now, connection: c, myName: me.pseudonym, requesterName: requester?.pseudonym ?? null});
  return {result: toConnection(id, move.connection), writes: writesOf(move)};
}

export function endConnection(db: Db, ctx: Ctx, id: string): Result<void> {
  const {user} = requireMember(caller(db, ctx), 'end a connection');
  validateConnectionId(id);
  return {result: undefined, writes: writesOf(endMove({me: user.uid, id, now: ctx.now, connection: get(db, paths.connection(id))}))};
}

export function blockMember(db: Db, ctx: Ctx, uid: string): Result<void> {
  const other = validateUid('uid', uid);
  const {user} = requireMember(caller(db, ctx), 'block a member');
  const connection = get<StoredConnection>(db, paths.connection(pairId(user.uid, other)));
  return {result: undefined, writes: writesOf(blockMove({me: user.uid, other, now: ctx.now, connection}))};
}

export function watchConnections(db: Db, ctx: Ctx): Connection[] {
  if (!ctx.user) return [];
  return listedConnections(myConnections(db, ctx.user.uid));
}
