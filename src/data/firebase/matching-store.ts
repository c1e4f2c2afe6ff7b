// FirebaseStore's peer matching and connections (issue 6). Every write is shaped exactly as the
// matchProfiles / connections / connectionLimits / peer-thread rules in firestore.rules expect; the
// decisions are in src/data/connections.ts.
//
// Reads per card view (findMatches): 1 (own match profile) + at most CONNECTION_LIMITS.candidates
// (the bounded candidate query) + the member's connections (one query) + one member document per
// suggestion returned. `reads` counts them (bench/peer-match.bench.ts prints it).
import {
  collection, deleteDoc, doc, getDoc, getDocs, increment, limit as qLimit, onSnapshot, orderBy, query,
  serverTimestamp, setDoc, where, writeBatch,
  type DocumentSnapshot, type Firestore, type QueryConstraint, type WriteBatch,
} from 'firebase/firestore';
import {KindredError} from '../errors.js';
import {
  CONNECTION_LIMITS, pairId, validateConnectionId, validateConnectionMessage,
  validateMatchProfile, validateUid, type MatchProfileInput,
} from '../connections.js';
import {candidateQuery, scoreCandidates} from '../matching.js';
import {assertMessageText, assertSignInAccepted} from '../policy.js';
import type {AuthSession, FindMatchesOptions, MatchCandidate, OnError, Unsubscribe} from '../store.js';
import type {Connection, MatchProfile, SessionUser} from '../types.js';
import {mapFirebaseError} from './errors.js';
import {requireHealthConsentForMatching} from '../connections.js';
import {requireMember, requireSignedIn, requireWriter, type Caller} from '../domain/access.js';
import {
  blockMove, endMove, listedConnections, requestMove, respondMove, toConnection as toConnectionOf,
  type ConnectionMove, type ConnectionWrite, type StoredConnection,
} from '../domain/connections.js';
import {communityPath, layout} from '../domain/layout.js';
import {dataOf, ms, toMatchProfile, toMember, toRoles, toStoredConnection} from './converters.js';

const toConnection = (snap: DocumentSnapshot): Connection => toConnectionOf(snap.id, toStoredConnection(snap));
const stored = (snap: DocumentSnapshot): StoredConnection | null => (snap.exists() ? toStoredConnection(snap) : null);

/** The domain's answer to a connection move, as the batch firestore.rules expects (server times). */
function writeMove(db: Firestore, batch: WriteBatch, path: (p: string) => string, move: ConnectionWrite): void {
  const times = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).map(([k, v]) =>
    [k, k === 'createdAt' || k === 'updatedAt' || k === 'lastActivityAt' ? serverTimestamp() : v]));
  const ref = doc(db, path(layout.connection(move.id)));
  if (move.create) batch.set(ref, times(move.connection));
  else batch.update(ref, times(move.patch));
  if (move.limit) {
    const limitRef = doc(db, path(layout.connectionLimit(move.connection.requestedBy)));
    // The limit names this request (issue 11: firestore.rules ties one move to one request).
    if (move.limit.count === 1) batch.set(limitRef, {windowStart: serverTimestamp(), count: 1, lastConnectionId: move.id});
    else batch.update(limitRef, {count: increment(1), lastConnectionId: move.id});
  }
  if (move.thread) {
    const {id, ...thread} = move.thread;
    batch.set(doc(db, path(layout.thread(id))), {...times(thread), lastPostId: null});
  }
}

export class FirebaseMatching {
  /** Documents read by findMatches since this object was made (for the reads-per-view benchmark). */
  reads = 0;

  constructor(private db: Firestore, private communityId: string, private session: AuthSession) {}

  #path(...segments: string[]) {
    return [communityPath(this.communityId), ...segments].join('/');
  }
  #doc(...segments: string[]) {
    return doc(this.db, this.#path(...segments));
  }

  #user(doing: string): SessionUser {
    return requireSignedIn(this.session.user, doing);
  }

  async #run<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw mapFirebaseError(e, action);
    }
  }

  async getMatchProfile(): Promise<MatchProfile | null> {
    const user = this.session.user;
    if (!user) return null;
    return this.#run('load your matching profile', async () => {
      const snap = await getDoc(this.#doc('matchProfiles', user.uid));
      return snap.exists() ? toMatchProfile(snap) : null;
    });
  }

  async setMatchProfile(input: MatchProfileInput): Promise<MatchProfile> {
    const user = this.#user('opt in to matching');
    return this.#run('save your matching profile', async () => {
      const community = await getDoc(this.#doc());
      if (!community.exists()) throw new KindredError('not-found', 'This community does not exist; check the community attribute.');
      const tags = ((community.get('settings') as {tags?: string[]} | undefined)?.tags ?? []);
      const profile = validateMatchProfile(user.uid, input, tags, Date.now());
      const record = await getDoc(this.#doc('private', user.uid));
      requireHealthConsentForMatching(profile, record.exists() ? record.get('healthConsent') : null);
      await setDoc(this.#doc('matchProfiles', user.uid), {...profile, updatedAt: serverTimestamp()});
      return profile;
    });
  }

  async removeMatchProfile(): Promise<void> {
    const user = this.#user('turn matching off');
    await this.#run('turn matching off', () => deleteDoc(this.#doc('matchProfiles', user.uid)));
  }

  async findMatches(options: FindMatchesOptions = {}): Promise<MatchCandidate[]> {
    const user = this.#user('find people like you');
    const limit = Math.min(CONNECTION_LIMITS.maxSuggestions, Math.max(1, Math.floor(options.limit ?? CONNECTION_LIMITS.defaultSuggestions)));
    return this.#run('find people like you', async () => {
      const mine = await getDoc(this.#doc('matchProfiles', user.uid));
      this.reads++;
      if (!mine.exists()) throw new KindredError('permission-denied', 'Opt in to matching (setMatchProfile) before looking for people like you.');
      const me = toMatchProfile(mine);
      const plan = candidateQuery(me, {limit: CONNECTION_LIMITS.candidates});
      const constraints: QueryConstraint[] = plan.where.map((f) => where(f.field, f.op, f.value));
      const [candidates, connections] = await Promise.all([
        getDocs(query(collection(this.db, this.#path('matchProfiles')), ...constraints, orderBy('updatedAt', 'desc'), qLimit(plan.limit))),
        getDocs(query(collection(this.db, this.#path('connections')), where('members', 'array-contains', user.uid))),
      ]);
      // A query that returns nothing still costs one read.
      this.reads += Math.max(1, candidates.size) + Math.max(1, connections.size);
      const connected = connections.docs.map((d) => (d.get('members') as string[]).find((m) => m !== user.uid)!);
      const ranked = scoreCandidates(me, candidates.docs.map(toMatchProfile), {
        locale: options.locale ?? 'en', weights: options.weights, exclude: {connected},
      }).slice(0, limit);
      const members = await Promise.all(ranked.map((s) => getDoc(this.#doc('members', s.uid))));
      this.reads += members.length;
      const out: MatchCandidate[] = [];
      ranked.forEach((s, i) => {
        const m = members[i];
        if (!m.exists()) return; // erased since their match profile was read
        out.push({...s, member: {
          uid: m.id, pseudonym: m.get('pseudonym') as string, avatarUrl: (m.get('avatarUrl') ?? null) as string | null,
          avatarHue: (m.get('avatarHue') ?? 0) as number, relationship: m.get('relationship') as MatchCandidate['member']['relationship'],
        }});
      });
      return out;
    });
  }

  /** The caller as the domain's guards see them: their member and roles documents (domain/access.ts). */
  async #caller(user: SessionUser): Promise<Caller> {
    const [member, roles] = await Promise.all([getDoc(this.#doc('members', user.uid)), getDoc(this.#doc('roles', user.uid))]);
    return {user, member: member.exists() ? toMember(member) : null, roles: roles.exists() ? toRoles(roles) : null, now: Date.now()};
  }

  async #commit(move: ConnectionMove): Promise<void> {
    if (!move.patch) return;
    const batch = writeBatch(this.db);
    writeMove(this.db, batch, (p) => this.#path(p), move);
    await batch.commit();
  }

  async requestConnection(uid: string, message?: string): Promise<Connection> {
    const user = requireSignedIn(this.session.user, 'connect with someone');
    const other = validateUid('uid', uid);
    const text = validateConnectionMessage(message);
    const id = pairId(user.uid, other);
    return this.#run('send your request', async () => {
      const [caller, existing, limitSnap, otherSnap, communitySnap] = await Promise.all([
        this.#caller(user), getDoc(this.#doc(layout.connection(id))), getDoc(this.#doc(layout.connectionLimit(user.uid))),
        getDoc(this.#doc(layout.member(other))), getDoc(doc(this.db, communityPath(this.communityId))),
      ]);
      requireWriter(caller, 'connect with someone');
      // Issue 11: a message is read without review, so what would hold a post is refused (firestore.rules).
      const settings = (communitySnap.get('settings') ?? {}) as {bannedWords?: string[]; requireEmailSignIn?: boolean};
      assertMessageText(text, settings.bannedWords ?? []);
      assertSignInAccepted(settings, user, 'ask to connect');
      const limit = limitSnap.exists() ? {windowStart: ms(dataOf(limitSnap).windowStart), count: limitSnap.get('count') as number} : null;
      const move = requestMove({me: user.uid, other, message: text, now: Date.now(), existing: stored(existing), otherIsMember: otherSnap.exists(), limit});
      await this.#commit(move);
      return toConnectionOf(id, move.connection!);
    });
  }

  async respondToConnection(id: string, accept: boolean): Promise<Connection> {
    const user = requireSignedIn(this.session.user, 'answer a connection request');
    validateConnectionId(id);
    return this.#run(accept ? 'accept the request' : 'decline the request', async () => {
      const [caller, snap] = await Promise.all([this.#caller(user), getDoc(this.#doc(layout.connection(id)))]);
      const {me} = requireWriter(caller, 'answer a connection request');
      const connection = stored(snap);
      const requester = connection && accept ? await getDoc(this.#doc(layout.member(connection.requestedBy))) : null;
      const move = respondMove({
        me: user.uid, id, accept, now: Date.now(), connection, myName: me.pseudonym,
        requesterName: requester?.exists() ? requester.get('pseudonym') as string : null,
      });
      await this.#commit(move);
      return toConnectionOf(id, move.connection);
    });
  }

  async endConnection(id: string): Promise<void> {
    const user = requireSignedIn(this.session.user, 'end a connection');
    validateConnectionId(id);
    await this.#run('end the connection', async () => {
      const [caller, snap] = await Promise.all([this.#caller(user), getDoc(this.#doc(layout.connection(id)))]);
      requireMember(caller, 'end a connection');
      await this.#commit(endMove({me: user.uid, id, now: Date.now(), connection: stored(snap)}));
    });
  }

  async blockMember(uid: string): Promise<void> {
    const user = requireSignedIn(this.session.user, 'block a member');
    const other = validateUid('uid', uid);
    await this.#run('block the member', async () => {
      const [caller, snap] = await Promise.all([this.#caller(user), getDoc(this.#doc(layout.connection(pairId(user.uid, other))))]);
      requireMember(caller, 'block a member');
      await this.#commit(blockMove({me: user.uid, other, now: Date.now(), connection: stored(snap)}));
    });
  }

  watchConnections(next: (connections: Connection[]) => void, error: OnError): Unsubscribe {
    let inner: Unsubscribe | null = null;
    const outer = this.session.watch((user) => {
      inner?.();
      inner = null;
      if (!user) return next([]);
      inner = onSnapshot(
        query(collection(this.db, this.#path('connections')), where('members', 'array-contains', user.uid)),
        (snap) => next(listedConnections(snap.docs.map(toConnection))),
        (e) => error(mapFirebaseError(e, 'load your connections')));
    });
    return () => {
      outer();
      inner?.();
    };
  }
}
