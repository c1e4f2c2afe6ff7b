// FirebaseStore's peer matching and connections (issue 6). Every write is shaped exactly as the
// matchProfiles / connections / connectionLimits / peer-thread rules in firestore.rules expect; the
// decisions are in src/data/connections.ts.
//
// Reads per card view (findMatches): 1 (own match profile) + at most CONNECTION_LIMITS.candidates
// (the bounded candidate query) + the member's connections (one query) + one member document per
// suggestion returned. `reads` counts them (bench/peer-match.bench.ts prints it).
import {
  Timestamp, collection, deleteDoc, doc, getDoc, getDocs, increment, limit as qLimit, onSnapshot, orderBy, query,
  serverTimestamp, setDoc, where, writeBatch,
  type DocumentSnapshot, type Firestore, type QueryConstraint,
} from 'firebase/firestore';
import {KindredError} from '../errors.js';
import {
  CONNECTION_LIMITS, nextLimit, pairId, pairMembers, peerThreadId, validateConnectionId, validateConnectionMessage,
  validateMatchProfile, validateUid, type MatchProfileInput,
} from '../connections.js';
import {candidateQuery, scoreCandidates} from '../matching.js';
import {assertMessageText, assertSignInAccepted} from '../policy.js';
import type {AuthSession, FindMatchesOptions, MatchCandidate, OnError, Unsubscribe} from '../store.js';
import type {Connection, MatchProfile, SessionUser} from '../types.js';
import {mapFirebaseError} from './errors.js';
import {requireHealthConsentForMatching} from '../connections.js';

const ms = (v: unknown): number => (v instanceof Timestamp ? Math.floor(v.toMillis()) : typeof v === 'number' ? v : Date.now());

function toMatchProfile(snap: DocumentSnapshot): MatchProfile {
  const d = snap.data({serverTimestamps: 'estimate'}) ?? {};
  return {
    uid: snap.id,
    conditions: (d.conditions ?? []) as string[],
    diagnosedBand: (d.diagnosedBand ?? null) as MatchProfile['diagnosedBand'],
    experiences: (d.experiences ?? []) as string[],
    relationship: (d.relationship ?? null) as MatchProfile['relationship'],
    ageBand: (d.ageBand ?? null) as MatchProfile['ageBand'],
    region: (d.region ?? null) as string | null,
    languages: (d.languages ?? []) as MatchProfile['languages'],
    interests: (d.interests ?? []) as string[],
    open: d.open === true,
    updatedAt: ms(d.updatedAt),
  };
}

function toConnection(snap: DocumentSnapshot): Connection {
  const d = snap.data({serverTimestamps: 'estimate'}) ?? {};
  return {
    id: snap.id,
    members: [...(d.members as string[])] as [string, string],
    requestedBy: d.requestedBy as string,
    message: (d.message ?? '') as string,
    status: d.status as Connection['status'],
    createdAt: ms(d.createdAt),
    updatedAt: ms(d.updatedAt),
    threadId: (d.threadId ?? null) as string | null,
  };
}

export class FirebaseMatching {
  /** Documents read by findMatches since this object was made (for the reads-per-view benchmark). */
  reads = 0;

  constructor(private db: Firestore, private communityId: string, private session: AuthSession) {}

  #path(...segments: string[]) {
    return ['communities', this.communityId, ...segments].join('/');
  }
  #doc(...segments: string[]) {
    return doc(this.db, this.#path(...segments));
  }

  #user(action: string): SessionUser {
    const user = this.session.user;
    if (!user) throw new KindredError('unauthenticated', `Sign in and join the community to ${action}.`);
    return user;
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

  async requestConnection(uid: string, message?: string): Promise<Connection> {
    const user = this.#user('connect with someone');
    const other = validateUid('uid', uid);
    const text = validateConnectionMessage(message);
    if (other === user.uid) throw new KindredError('invalid-argument', 'You cannot connect with yourself.', 'uid');
    const id = pairId(user.uid, other);
    return this.#run('send your request', async () => {
      const [existing, limitSnap, otherSnap, communitySnap] = await Promise.all([
        getDoc(this.#doc('connections', id)), getDoc(this.#doc('connectionLimits', user.uid)), getDoc(this.#doc('members', other)),
        getDoc(doc(this.db, 'communities', this.communityId)),
      ]);
      // Issue 11: a message is read without review, so what would hold a post is refused (firestore.rules).
      const settings = (communitySnap.get('settings') ?? {}) as {bannedWords?: string[]; requireEmailSignIn?: boolean};
      assertMessageText(text, settings.bannedWords ?? []);
      assertSignInAccepted(settings, user, 'ask to connect');
      if (existing.exists()) {
        const c = toConnection(existing);
        if (c.status === 'pending' && c.requestedBy === user.uid) return c;
        if (c.status === 'accepted') throw new KindredError('already-exists', 'You are already connected with this member.');
        if (c.status === 'pending') throw new KindredError('already-exists', 'This member has already asked to connect with you: accept their request.');
        throw new KindredError('permission-denied', 'You cannot send this member a request.');
      }
      if (!otherSnap.exists()) throw new KindredError('not-found', 'This member is no longer in the community.');
      const current = limitSnap.exists() ? {windowStart: ms(limitSnap.get('windowStart')), count: limitSnap.get('count') as number} : null;
      const next = nextLimit(current, Date.now(), id);
      const batch = writeBatch(this.db);
      const stored = {
        members: pairMembers(user.uid, other), requestedBy: user.uid, message: text, status: 'pending' as const,
        threadId: null, endedBy: null,
      };
      batch.set(this.#doc('connections', id), {...stored, createdAt: serverTimestamp(), updatedAt: serverTimestamp()});
      // The limit names this request (issue 11: firestore.rules ties one move to one request).
      if (next.count === 1) batch.set(this.#doc('connectionLimits', user.uid), {windowStart: serverTimestamp(), count: 1, lastConnectionId: id});
      else batch.update(this.#doc('connectionLimits', user.uid), {count: increment(1), lastConnectionId: id});
      await batch.commit();
      const now = Date.now();
      return {id, members: stored.members, requestedBy: user.uid, message: text, status: 'pending', createdAt: now, updatedAt: now, threadId: null};
    });
  }

  async respondToConnection(id: string, accept: boolean): Promise<Connection> {
    const user = this.#user('answer a connection request');
    validateConnectionId(id);
    return this.#run(accept ? 'accept the request' : 'decline the request', async () => {
      const ref = this.#doc('connections', id);
      const snap = await getDoc(ref);
      if (!snap.exists()) throw new KindredError('not-found', 'This connection no longer exists.');
      const c = toConnection(snap);
      if (c.status !== 'pending') throw new KindredError('not-found', 'This request is no longer waiting for an answer.');
      if (c.requestedBy === user.uid) throw new KindredError('permission-denied', 'Only the member you asked can answer your request.');
      if (!accept) {
        await setDoc(ref, {status: 'ended', endedBy: user.uid, updatedAt: serverTimestamp()}, {merge: true});
        return {...c, status: 'ended', updatedAt: Date.now()};
      }
      const [meSnap, requesterSnap] = await Promise.all([getDoc(this.#doc('members', user.uid)), getDoc(this.#doc('members', c.requestedBy))]);
      if (!meSnap.exists()) throw new KindredError('permission-denied', 'Join the community before accepting requests.');
      const myName = meSnap.get('pseudonym') as string;
      const tid = peerThreadId(id);
      const batch = writeBatch(this.db);
      batch.update(ref, {status: 'accepted', threadId: tid, updatedAt: serverTimestamp()});
      batch.set(this.#doc('threads', tid), {
        key: null, title: `${requesterSnap.exists() ? requesterSnap.get('pseudonym') as string : '…'} · ${myName}`.slice(0, 120),
        authorId: user.uid, authorName: myName, createdAt: serverTimestamp(), lastActivityAt: serverTimestamp(), postCount: 0,
        status: 'visible', participants: [...c.members], lastPostId: null,
      });
      await batch.commit();
      return {...c, status: 'accepted', threadId: tid, updatedAt: Date.now()};
    });
  }

  async endConnection(id: string): Promise<void> {
    const user = this.#user('end a connection');
    validateConnectionId(id);
    await this.#run('end the connection', async () => {
      const ref = this.#doc('connections', id);
      const snap = await getDoc(ref);
      if (!snap.exists()) throw new KindredError('not-found', 'This connection no longer exists.');
      if (snap.get('status') === 'ended') return;
      await setDoc(ref, {status: 'ended', endedBy: user.uid, updatedAt: serverTimestamp()}, {merge: true});
    });
  }

  async blockMember(uid: string): Promise<void> {
    const user = this.#user('block a member');
    const other = validateUid('uid', uid);
    if (other === user.uid) throw new KindredError('invalid-argument', 'You cannot block yourself.', 'uid');
    const id = pairId(user.uid, other);
    await this.#run('block the member', async () => {
      const ref = this.#doc('connections', id);
      const snap = await getDoc(ref);
      if (snap.exists()) {
        if (snap.get('status') === 'ended') return;
        await setDoc(ref, {status: 'ended', endedBy: user.uid, updatedAt: serverTimestamp()}, {merge: true});
      } else {
        await setDoc(ref, {
          members: pairMembers(user.uid, other), requestedBy: user.uid, message: '', status: 'ended', threadId: null,
          endedBy: user.uid, createdAt: serverTimestamp(), updatedAt: serverTimestamp(),
        });
      }
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
        (snap) => next(snap.docs.map(toConnection)
          .filter((c) => c.status === 'pending' || c.status === 'accepted')
          .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
        (e) => error(mapFirebaseError(e, 'load your connections')));
    });
    return () => {
      outer();
      inner?.();
    };
  }
}
