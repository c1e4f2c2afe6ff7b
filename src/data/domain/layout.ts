// The Firestore layout (issue 13): every document path, relative to `communities/{cid}`, written once.
// FirebaseStore, firebase/moderation.ts, the seed script (scripts/seed-firestore.mjs, whose generated
// section is this file: `node scripts/gen-layout.mjs`) and the test helpers build paths from here;
// firestore.rules matches the same paths. LocalStore keeps the same keys where it can (local/docs.ts).
// No imports: the seed script runs this file as plain JavaScript.

/** The community document. */
export const communityPath = (cid: string) => `communities/${cid}`;

/** Paths under communities/{cid}. */
export const layout = {
  member: (uid: string) => `members/${uid}`,
  private: (uid: string) => `private/${uid}`,
  roles: (uid: string) => `roles/${uid}`,
  /** Issue 12: the old home of roles' public projection; since issue 16 it is the community document's `badges` map. */
  badges: 'badges',
  badge: (uid: string) => `badges/${uid}`,
  threads: 'threads',
  thread: (tid: string) => `threads/${tid}`,
  posts: (tid: string) => `threads/${tid}/posts`,
  post: (tid: string, pid: string) => `threads/${tid}/posts/${pid}`,
  reactions: (tid: string) => `threads/${tid}/reactions`,
  reaction: (tid: string, pid: string, uid: string, kind: string) => `threads/${tid}/reactions/${pid}_${uid}_${kind}`,
  reports: 'reports',
  report: (rid: string) => `reports/${rid}`,
  /** A member's write limits (post interval, report cap). */
  limits: (uid: string) => `limits/${uid}`,
  /** A private thread a participant reported: moderators may read it. */
  reportedThread: (tid: string) => `reportedThreads/${tid}`,
  /** What outlives a member's own erasure (issue 11). */
  sanction: (uid: string) => `sanctions/${uid}`,
  matchProfiles: 'matchProfiles',
  matchProfile: (uid: string) => `matchProfiles/${uid}`,
  connections: 'connections',
  connection: (id: string) => `connections/${id}`,
  connectionLimit: (uid: string) => `connectionLimits/${uid}`,
  modLog: 'modLog',
  logEntry: (eid: string) => `modLog/${eid}`,
  heldPosts: 'heldPosts',
  /** The moderators' queue marker of a held post. */
  heldPost: (tid: string, pid: string) => `heldPosts/${tid}_${pid}`,
  /** A hidden post's text, moderators only. */
  hiddenBody: (tid: string, pid: string) => `hiddenBodies/${tid}_${pid}`,
  crisisFlags: 'crisisFlags',
  crisisFlag: (tid: string, pid: string) => `crisisFlags/${tid}_${pid}`,
} as const;

/** Fields stored as Firestore Timestamps; in a seed and in the interface types they are epoch ms. */
export const TIME_FIELDS: ReadonlySet<string> = new Set([
  'createdAt', 'lastActivityAt', 'joinedAt', 'updatedAt', 'at', 'editedAt', 'approvedAt', 'verifiedAt', 'suspendedUntil',
]);

type Doc = Record<string, unknown>;
interface Fixture {
  community: {id: string};
  members?: readonly {uid: string}[];
  privates?: readonly {uid: string}[];
  roles?: readonly {uid: string; roles: readonly string[]; clinicianScope?: string | null}[];
  threads?: readonly {id: string}[];
  posts?: readonly {id: string; threadId: string; status?: string; authorId: string; createdAt: number; audience?: string}[];
  reactions?: readonly {threadId: string; postId: string; uid: string; kind: string}[];
  reports?: readonly {id: string}[];
  connections?: readonly {id: string}[];
  matchProfiles?: readonly {uid: string}[];
}

function omit(o: object, ...keys: string[]): Doc {
  const out: Doc = {...(o as Doc)};
  for (const k of keys) delete out[k];
  return out;
}

/**
 * A seed (src/data/seed.ts SeedFixture) as [path from the database root, fields] pairs. With
 * `heldMarkers`, each held post gets the moderators' queue marker FirebaseStore writes with it (the seed
 * script sets it; rules tests build their own queue states).
 */
export function fixtureDocs(f: Fixture, options: {heldMarkers?: boolean} = {}): [string, Doc][] {
  const c = communityPath(f.community.id);
  const at = (path: string) => `${c}/${path}`;
  return [
    // Issue 16: the authors' current badges are the community document's `badges` map (src/data/firebase/badges.ts).
    [c, {...omit(f.community, 'id'), ...(f.roles?.length ? {badges: Object.fromEntries(f.roles.map((r) => [r.uid, [...r.roles]]))} : {})}],
    ...(f.members ?? []).map((m): [string, Doc] => [at(layout.member(m.uid)), {...m}]),
    ...(f.privates ?? []).map((p): [string, Doc] => [at(layout.private(p.uid)), {...p}]),
    ...(f.roles ?? []).map((r): [string, Doc] => [at(layout.roles(r.uid)), {...r}]),
    ...(f.threads ?? []).map((t): [string, Doc] => [at(layout.thread(t.id)), omit(t, 'id')]),
    // Issue 18: every post carries warning and audience (a visitor's query asks for audience 'everyone'), and
    // a thread's members-only posts that are not held are counted in audienceCounts/{tid}.
    ...(f.posts ?? []).map((p): [string, Doc] => [at(layout.post(p.threadId, p.id)), {warning: null, audience: 'everyone', ...omit(p, 'id', 'threadId')}]),
    ...[...(f.posts ?? []).filter((p) => p.audience === 'members' && p.status !== 'held').reduce((m, p) => m.set(p.threadId,
      {membersOnly: (m.get(p.threadId)?.membersOnly ?? 0) + 1, lastPostId: p.id}), new Map<string, Doc & {membersOnly: number}>())]
      .map(([tid, count]): [string, Doc] => [at(`audienceCounts/${tid}`), count]),
    ...(f.reactions ?? []).map((r): [string, Doc] => [at(layout.reaction(r.threadId, r.postId, r.uid, r.kind)), omit(r, 'threadId')]),
    ...(f.reports ?? []).map((r): [string, Doc] => [at(layout.report(r.id)), omit(r, 'id')]),
    ...(options.heldMarkers ? f.posts ?? [] : []).filter((p) => p.status === 'held').map((p): [string, Doc] =>
      [at(layout.heldPost(p.threadId, p.id)), {threadId: p.threadId, postId: p.id, authorId: p.authorId, createdAt: p.createdAt}]),
    ...(f.connections ?? []).map((k): [string, Doc] => [at(layout.connection(k.id)), {endedBy: null, ...omit(k, 'id')}]),
    ...(f.matchProfiles ?? []).map((m): [string, Doc] => [at(layout.matchProfile(m.uid)), {...m}]),
  ];
}

export type RestValue = Record<string, unknown>;

/** A JSON value as a Firestore REST Value; numbers under TIME_FIELDS become timestamps. */
export function toRestValue(value: unknown, key = ''): RestValue {
  if (value === null || value === undefined) return {nullValue: null};
  if (typeof value === 'boolean') return {booleanValue: value};
  if (typeof value === 'number') {
    if (TIME_FIELDS.has(key)) return {timestampValue: new Date(value).toISOString()};
    return Number.isInteger(value) ? {integerValue: String(value)} : {doubleValue: value};
  }
  if (typeof value === 'string') return {stringValue: value};
  if (value instanceof Date) return {timestampValue: value.toISOString()};
  if (Array.isArray(value)) return {arrayValue: {values: value.map((v) => toRestValue(v))}};
  if (typeof value === 'object') return {mapValue: {fields: toRestFields(value as Doc)}};
  throw new Error(`Cannot encode ${typeof value} for Firestore`);
}

export function toRestFields(data: Doc): Record<string, RestValue> {
  const fields: Record<string, RestValue> = {};
  for (const [k, v] of Object.entries(data)) if (v !== undefined) fields[k] = toRestValue(v, k);
  return fields;
}
