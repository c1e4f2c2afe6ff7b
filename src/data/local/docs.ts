// LocalStore keeps a community as a flat map of documents keyed by path, laid out like Firestore
// (see firestore.rules), so one transaction reads and writes any of them:
//
//   community                              Community
//   members/{uid}  private/{uid}  roles/{uid}
//   threads/{tid}                          Thread
//   posts/{tid}/{pid}                      Post
//   reactions/{tid}/{pid}_{uid}_{kind}     Reaction (one per kind per member per post)
//   reports/{rid}                          Report
//   limits/{uid}                           MemberLimits (post interval, report cap)
//   reportedThreads/{tid}                  {threadId, reportId, at}: a reported private thread
//   sanctions/{uid}                        Sanction: a suspension that outlives the member's erasure (issue 11)
//   meta                                   {createdAt}: marks an initialised IndexedDB database
import {DEFAULT_REACTIONS, sanitizeRoles, type Sanction} from '../policy.js';
import type {SeedFixture} from '../seed.js';
import type {Community, MemberLimits, MemberProfile, Post, PrivateRecord, Reaction, ReactionKind, Report, RoleRecord, Thread} from '../types.js';
import {approvedPostCount} from '../domain/posts.js';
import {layout} from '../domain/layout.js';

export type Docs = ReadonlyMap<string, unknown>;
/** A document write: a value, or null to delete. */
export type Write = readonly [path: string, value: unknown];

// The Firestore layout's keys (domain/layout.ts) wherever this store keeps the same document; posts and
// reactions sit apart from threads/ here so that listing threads is one prefix scan.
export const paths = {
  community: 'community',
  meta: 'meta',
  member: layout.member,
  private: layout.private,
  roles: layout.roles,
  thread: layout.thread,
  posts: (tid: string) => `posts/${tid}/`,
  post: (tid: string, pid: string) => `posts/${tid}/${pid}`,
  reactions: (tid: string) => `reactions/${tid}/`,
  reaction: (tid: string, pid: string, uid: string, kind: ReactionKind) => `reactions/${tid}/${pid}_${uid}_${kind}`,
  report: layout.report,
  /** A member's write limits (MemberLimits). */
  limits: layout.limits,
  /** A private thread a participant reported: moderators may read it. */
  reportedThread: layout.reportedThread,
  /** What outlives a member's own erasure (issue 11; policy.ts Sanction). */
  sanction: layout.sanction,
  /** A pair's connection (issue 6; local/matching-store.ts). */
  connection: layout.connection,
  /** How many of a member's posts moderators approved (Firestore: members/{uid}.approvedPosts). */
  approvals: (uid: string) => `approvedPosts/${uid}`,
};

/** Read access to a snapshot of the documents, typed. */
export class Db {
  constructor(readonly docs: Docs) {}

  #get<T>(path: string): T | null {
    return (this.docs.get(path) as T | undefined) ?? null;
  }

  *#under<T>(prefix: string): Iterable<T> {
    for (const [path, value] of this.docs) if (path.startsWith(prefix)) yield value as T;
  }

  community = () => this.#get<Community>(paths.community);
  member = (uid: string) => this.#get<MemberProfile>(paths.member(uid));
  private = (uid: string) => this.#get<PrivateRecord>(paths.private(uid));
  roles = (uid: string) => this.#get<RoleRecord>(paths.roles(uid));
  thread = (tid: string) => this.#get<Thread>(paths.thread(tid));
  post = (tid: string, pid: string) => this.#get<Post>(paths.post(tid, pid));
  reaction = (tid: string, pid: string, uid: string, kind: ReactionKind) => this.#get<Reaction>(paths.reaction(tid, pid, uid, kind));
  report = (rid: string) => this.#get<Report>(paths.report(rid));
  limits = (uid: string) => this.#get<MemberLimits>(paths.limits(uid));
  reported = (tid: string) => this.docs.has(paths.reportedThread(tid));
  sanction = (uid: string) => this.#get<Sanction>(paths.sanction(uid));
  /** A connection's status (pending, accepted, ended), or null when there is none. */
  connectionStatus = (id: string) => this.#get<{status: string}>(paths.connection(id))?.status ?? null;
  /** 'first-posts' reads this (domain/posts.ts). */
  approvedPosts = (uid: string) => approvedPostCount(this.docs.get(paths.approvals(uid)));

  threads(): Thread[] {
    return [...this.#under<Thread>('threads/')];
  }

  posts(tid: string): Post[] {
    return [...this.#under<Post>(paths.posts(tid))];
  }

  reactionsIn(tid: string): Reaction[] {
    return [...this.#under<Reaction>(paths.reactions(tid))];
  }
}

/** The documents of a seed, with defaults filled in for fields a hand-written seed may leave out. */
export function seedToDocs(fixture: SeedFixture | null | undefined): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  if (!fixture) return docs;
  // Issue 16: one copy of the whole seed (the caller's object stays theirs), not one structuredClone per
  // document: three times faster, and this runs while the page's first view is being built.
  const seed = structuredClone(fixture);
  const put = (path: string, value: unknown) => docs.set(path, value);
  // Hand-written seeds (demo/seed.json) may leave out fields that have an obvious default.
  const fill = <T>(defaults: Partial<T>, value: T): T => ({...defaults, ...value});
  put(paths.community, fill<Community>({founderStory: null, languages: ['en']}, seed.community));
  for (const seeded of seed.members ?? []) {
    // A seed may carry members/{uid}.approvedPosts as Firestore keeps it; LocalStore keeps it apart.
    const {approvedPosts, ...m} = seeded as MemberProfile & {approvedPosts?: number};
    put(paths.member(m.uid), fill<MemberProfile>({
      avatarUrl: null, avatarHue: 0, bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: 0,
      pseudonymLower: m.pseudonym.toLowerCase(),
    }, m));
    if (approvedPostCount(approvedPosts)) put(paths.approvals(m.uid), approvedPostCount(approvedPosts));
  }
  for (const p of seed.privates ?? []) put(paths.private(p.uid), fill<PrivateRecord>({healthConsent: null, fieldVisibility: {}}, p));
  for (const r of seed.roles ?? []) {
    put(paths.roles(r.uid), {
      ...fill<RoleRecord>({clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, grantedBy: 'seed', updatedAt: 0}, r),
      roles: sanitizeRoles(r.roles),
    });
  }
  for (const t of seed.threads ?? []) {
    put(paths.thread(t.id), fill<Thread>({key: null, postCount: 0, status: 'visible', participants: null, lastActivityAt: t.createdAt}, t));
  }
  for (const p of seed.posts ?? []) {
    put(paths.post(p.threadId, p.id), {
      ...fill<Post>({authorAvatarUrl: null, authorAvatarHue: 0, authorBadges: [], parentId: null, editedAt: null, status: 'visible', statusReason: null}, p),
      reactions: {...DEFAULT_REACTIONS(), ...p.reactions},
    });
  }
  for (const r of seed.reactions ?? []) {
    const {threadId, ...reaction} = r;
    put(paths.reaction(threadId, r.postId, r.uid, r.kind), reaction);
  }
  for (const r of seed.reports ?? []) put(paths.report(r.id), r);
  for (const {id, ...c} of seed.connections ?? []) put(paths.connection(id), {endedBy: null, ...c});
  for (const m of seed.matchProfiles ?? []) put(`matchProfiles/${m.uid}`, m);
  return docs;
}
