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
  roles?: readonly {uid: string}[];
  threads?: readonly {id: string}[];
  posts?: readonly {id: string; threadId: string}[];
  reactions?: readonly {threadId: string; postId: string; uid: string; kind: string}[];
  reports?: readonly {id: string}[];
  connections?: readonly {id: string}[];
}

function omit(o: object, ...keys: string[]): Doc {
  const out: Doc = {...(o as Doc)};
  for (const k of keys) delete out[k];
  return out;
}

/** A seed (src/data/seed.ts SeedFixture) as [path from the database root, fields] pairs. */
export function fixtureDocs(f: Fixture): [string, Doc][] {
  const c = communityPath(f.community.id);
  const at = (path: string) => `${c}/${path}`;
  return [
    [c, omit(f.community, 'id')],
    ...(f.members ?? []).map((m): [string, Doc] => [at(layout.member(m.uid)), {...m}]),
    ...(f.privates ?? []).map((p): [string, Doc] => [at(layout.private(p.uid)), {...p}]),
    ...(f.roles ?? []).map((r): [string, Doc] => [at(layout.roles(r.uid)), {...r}]),
    ...(f.threads ?? []).map((t): [string, Doc] => [at(layout.thread(t.id)), omit(t, 'id')]),
    ...(f.posts ?? []).map((p): [string, Doc] => [at(layout.post(p.threadId, p.id)), omit(p, 'id', 'threadId')]),
    ...(f.reactions ?? []).map((r): [string, Doc] => [at(layout.reaction(r.threadId, r.postId, r.uid, r.kind)), omit(r, 'threadId')]),
    ...(f.reports ?? []).map((r): [string, Doc] => [at(layout.report(r.id)), omit(r, 'id')]),
    ...(f.connections ?? []).map((k): [string, Doc] => [at(layout.connection(k.id)), {endedBy: null, ...omit(k, 'id')}]),
  ];
}

type RestValue = Record<string, unknown>;

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
