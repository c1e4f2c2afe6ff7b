// The connection state machine (issue 13), written once for both stores: given the documents a move
// reads, the documents it writes, or a typed error. LocalStore writes the answer as a write list;
// FirebaseStore as a batch, with server times where the answer says `now` (firestore.rules checks
// `updatedAt == request.time`). Validation and naming are in ../connections.ts.
//
//   (none) --request--> pending --accept--> accepted
//     |                   |  \--decline/withdraw/end--> ended      (ended is final: never requested again)
//     \--block--> ended   \--block--> ended     accepted --end/block--> ended
import {KindredError} from '../errors.js';
import {LIMITS} from '../policy.js';
import type {Connection, Thread} from '../types.js';
import {nextLimit, pairId, pairMembers, peerThreadId, type ConnectionLimit} from '../connections.js';
import {denied, gone, invalid} from './access.js';

/** connections/{a_b} as stored: a Connection without its id, plus who ended it (never shown). */
export type StoredConnection = Omit<Connection, 'id'> & {endedBy: string | null};

/** The stored fields a move changes; with `create`, the whole new document. */
export type ConnectionPatch = Partial<StoredConnection>;

/** What a move writes. `connection` is the document after the move; `patch` only what changed. */
export interface ConnectionWrite {
  id: string;
  create: boolean;
  connection: StoredConnection;
  patch: ConnectionPatch;
  /** A request moves the sender's rate-limit record in the same write. */
  limit?: ConnectionLimit;
  /** Accepting creates the pair's private thread in the same write. */
  thread?: Thread;
}

/** A move that writes nothing (a retried request, ending what is already ended). */
export interface NoMove {
  id: string;
  create: false;
  connection: StoredConnection | null;
  patch: null;
}

export type ConnectionMove = ConnectionWrite | NoMove;

export const toConnection = (id: string, c: StoredConnection): Connection => ({
  id, members: [...c.members] as [string, string], requestedBy: c.requestedBy, message: c.message, status: c.status,
  createdAt: c.createdAt, updatedAt: c.updatedAt, threadId: c.threadId,
});

/** What watchConnections lists: pending and accepted, most recently moved first. */
export function listedConnections(all: readonly Connection[]): Connection[] {
  return all.filter((c) => c.status === 'pending' || c.status === 'accepted')
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const none = (id: string, connection: StoredConnection | null): NoMove => ({id, create: false, connection, patch: null});

function update(id: string, c: StoredConnection, patch: ConnectionPatch): ConnectionWrite {
  return {id, create: false, connection: {...c, ...patch}, patch};
}

/** A connection of `me`: others' connections do not exist for them. */
function mine(me: string, c: StoredConnection | null): StoredConnection {
  if (!c || !c.members.includes(me)) throw gone.connection();
  return c;
}

/**
 * `me` asks `other` to connect. `existing` is the pair's document, `limit` the sender's rate-limit
 * record; `otherIsMember` whether the other member's profile exists. Messages were validated already.
 */
export function requestMove(s: {
  me: string; other: string; message: string; now: number;
  existing: StoredConnection | null; otherIsMember: boolean; limit: {windowStart: number; count: number} | null;
}): ConnectionMove {
  if (s.other === s.me) throw invalid('uid', 'You cannot connect with yourself.');
  if (!s.otherIsMember) throw gone.otherMember();
  const id = pairId(s.me, s.other);
  const c = s.existing;
  if (c) {
    // A retried request returns what is stored; anything else is refused without saying why.
    if (c.status === 'pending' && c.requestedBy === s.me) return none(id, c);
    if (c.status === 'accepted') throw new KindredError('already-exists', 'You are already connected with this member.');
    if (c.status === 'pending') throw new KindredError('already-exists', 'This member has already asked to connect with you: accept their request.');
    throw denied('You cannot send this member a request.');
  }
  const limit = nextLimit(s.limit, s.now, id);
  const connection: StoredConnection = {
    members: pairMembers(s.me, s.other), requestedBy: s.me, message: s.message, status: 'pending',
    createdAt: s.now, updatedAt: s.now, threadId: null, endedBy: null,
  };
  return {id, create: true, connection, patch: connection, limit};
}

/**
 * `me` answers the request `id`. Accepting opens the pair's private thread, titled with both
 * pseudonyms (`requesterName` null when the requester has erased their profile).
 */
export function respondMove(s: {
  me: string; id: string; accept: boolean; now: number; connection: StoredConnection | null;
  myName: string; requesterName: string | null;
}): ConnectionWrite {
  const c = mine(s.me, s.connection);
  if (c.status !== 'pending') throw gone.requestAnswered();
  if (c.requestedBy === s.me) throw denied('Only the member you asked can answer your request.');
  if (!s.accept) return update(s.id, c, {status: 'ended', endedBy: s.me, updatedAt: s.now});
  const tid = peerThreadId(s.id);
  const move = update(s.id, c, {status: 'accepted', threadId: tid, updatedAt: s.now});
  move.thread = {
    id: tid, key: null, title: `${s.requesterName ?? '…'} · ${s.myName}`.slice(0, LIMITS.threadTitle), authorId: s.me, authorName: s.myName,
    createdAt: s.now, lastActivityAt: s.now, postCount: 0, status: 'visible', participants: [...c.members],
  };
  return move;
}

/** `me` ends (withdraws, declines) the connection `id`; an ended one stays as it is. */
export function endMove(s: {me: string; id: string; now: number; connection: StoredConnection | null}): ConnectionMove {
  const c = mine(s.me, s.connection);
  if (c.status === 'ended') return none(s.id, c);
  return update(s.id, c, {status: 'ended', endedBy: s.me, updatedAt: s.now});
}

/** `me` blocks `other`: the pair's document ends, or is made ended when they were never connected. */
export function blockMove(s: {me: string; other: string; now: number; connection: StoredConnection | null}): ConnectionMove {
  if (s.other === s.me) throw invalid('uid', 'You cannot block yourself.');
  const id = pairId(s.me, s.other);
  const c = s.connection;
  if (c?.status === 'ended') return none(id, c);
  if (c) return update(id, c, {status: 'ended', endedBy: s.me, updatedAt: s.now});
  const connection: StoredConnection = {
    members: pairMembers(s.me, s.other), requestedBy: s.me, message: '', status: 'ended', createdAt: s.now,
    updatedAt: s.now, threadId: null, endedBy: s.me,
  };
  return {id, create: true, connection, patch: connection};
}
