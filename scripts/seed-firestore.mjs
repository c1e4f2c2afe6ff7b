// Writes a whole community (a SeedFixture as JSON: see src/data/seed.ts) to Firestore over REST,
// bypassing the security rules. This is how a charity creates its community and first admin: no
// client can (firestore.rules refuses community documents and self-granted roles).
//
//   Emulator (owner bypass):
//     node scripts/seed-firestore.mjs --project demo-kindred --emulator 127.0.0.1:8080 community.json
//   Production (a Google OAuth token of a project owner or a service account with Datastore User):
//     node scripts/seed-firestore.mjs --project my-charity --token "$(gcloud auth print-access-token)" community.json
//
// Options: --replace deletes everything under the community first; --clear deletes the whole emulator
// project (emulator only). FIRESTORE_EMULATOR_HOST is used when --emulator is not given.
// Times (createdAt, joinedAt, lastActivityAt, updatedAt, at, editedAt, approvedAt, verifiedAt,
// suspendedUntil) are epoch ms in the JSON and are stored as Firestore Timestamps.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {resolve} from 'node:path';

// BEGIN GENERATED LAYOUT (issue 13): written by `node scripts/gen-layout.mjs` from src/data/domain/layout.ts;
// `npm test` fails when it is out of date. Change the domain, not these lines.
const communityPath = (cid) => `communities/${cid}`;
const layout = {
  member: (uid) => `members/${uid}`,
  private: (uid) => `private/${uid}`,
  roles: (uid) => `roles/${uid}`,
  /** Issue 12: the old home of roles' public projection; since issue 16 it is the community document's `badges` map. */
  badges: "badges",
  badge: (uid) => `badges/${uid}`,
  threads: "threads",
  thread: (tid) => `threads/${tid}`,
  posts: (tid) => `threads/${tid}/posts`,
  post: (tid, pid) => `threads/${tid}/posts/${pid}`,
  reactions: (tid) => `threads/${tid}/reactions`,
  reaction: (tid, pid, uid, kind) => `threads/${tid}/reactions/${pid}_${uid}_${kind}`,
  reports: "reports",
  report: (rid) => `reports/${rid}`,
  /** A member's write limits (post interval, report cap). */
  limits: (uid) => `limits/${uid}`,
  /** A private thread a participant reported: moderators may read it. */
  reportedThread: (tid) => `reportedThreads/${tid}`,
  /** What outlives a member's own erasure (issue 11). */
  sanction: (uid) => `sanctions/${uid}`,
  matchProfiles: "matchProfiles",
  matchProfile: (uid) => `matchProfiles/${uid}`,
  connections: "connections",
  connection: (id) => `connections/${id}`,
  connectionLimit: (uid) => `connectionLimits/${uid}`,
  modLog: "modLog",
  logEntry: (eid) => `modLog/${eid}`,
  heldPosts: "heldPosts",
  /** The moderators' queue marker of a held post. */
  heldPost: (tid, pid) => `heldPosts/${tid}_${pid}`,
  /** A hidden post's text, moderators only. */
  hiddenBody: (tid, pid) => `hiddenBodies/${tid}_${pid}`,
  crisisFlags: "crisisFlags",
  crisisFlag: (tid, pid) => `crisisFlags/${tid}_${pid}`
};
const TIME_FIELDS = /* @__PURE__ */ new Set([
  "createdAt",
  "lastActivityAt",
  "joinedAt",
  "updatedAt",
  "at",
  "editedAt",
  "approvedAt",
  "verifiedAt",
  "suspendedUntil"
]);
function omit(o, ...keys) {
  const out = { ...o };
  for (const k of keys) delete out[k];
  return out;
}
function fixtureDocs(f, options = {}) {
  const c = communityPath(f.community.id);
  const at = (path) => `${c}/${path}`;
  return [
    // Issue 16: the authors' current badges are the community document's `badges` map (src/data/firebase/badges.ts).
    [c, { ...omit(f.community, "id"), ...f.roles?.length ? { badges: Object.fromEntries(f.roles.map((r) => [r.uid, [...r.roles]])) } : {} }],
    ...(f.members ?? []).map((m) => [at(layout.member(m.uid)), { ...m }]),
    ...(f.privates ?? []).map((p) => [at(layout.private(p.uid)), { ...p }]),
    ...(f.roles ?? []).map((r) => [at(layout.roles(r.uid)), { ...r }]),
    ...(f.threads ?? []).map((t) => [at(layout.thread(t.id)), omit(t, "id")]),
    // Issue 18: every post carries warning and audience (a visitor's query asks for audience 'everyone'), and
    // a thread's members-only posts that are not held are counted in audienceCounts/{tid}.
    ...(f.posts ?? []).map((p) => [at(layout.post(p.threadId, p.id)), { warning: null, audience: "everyone", ...omit(p, "id", "threadId") }]),
    ...[...(f.posts ?? []).filter((p) => p.audience === "members" && p.status !== "held").reduce((m, p) => m.set(
      p.threadId,
      { membersOnly: (m.get(p.threadId)?.membersOnly ?? 0) + 1, lastPostId: p.id }
    ), /* @__PURE__ */ new Map())].map(([tid, count]) => [at(`audienceCounts/${tid}`), count]),
    ...(f.reactions ?? []).map((r) => [at(layout.reaction(r.threadId, r.postId, r.uid, r.kind)), omit(r, "threadId")]),
    ...(f.reports ?? []).map((r) => [at(layout.report(r.id)), omit(r, "id")]),
    ...(options.heldMarkers ? f.posts ?? [] : []).filter((p) => p.status === "held").map((p) => [at(layout.heldPost(p.threadId, p.id)), { threadId: p.threadId, postId: p.id, authorId: p.authorId, createdAt: p.createdAt }]),
    ...(f.connections ?? []).map((k) => [at(layout.connection(k.id)), { endedBy: null, ...omit(k, "id") }]),
    ...(f.matchProfiles ?? []).map((m) => [at(layout.matchProfile(m.uid)), { ...m }])
  ];
}
function toRestValue(value, key = "") {
  if (value === null || value === void 0) return { nullValue: null };
  if (typeof value === "boolean") return { booleanValue: value };
  if (typeof value === "number") {
    if (TIME_FIELDS.has(key)) return { timestampValue: new Date(value).toISOString() };
    return Number.isInteger(value) ? { integerValue: String(value) } : { doubleValue: value };
  }
  if (typeof value === "string") return { stringValue: value };
  if (value instanceof Date) return { timestampValue: value.toISOString() };
  if (Array.isArray(value)) return { arrayValue: { values: value.map((v) => toRestValue(v)) } };
  if (typeof value === "object") return { mapValue: { fields: toRestFields(value) } };
  throw new Error(`Cannot encode ${typeof value} for Firestore`);
}
function toRestFields(data) {
  const fields = {};
  for (const [k, v] of Object.entries(data)) if (v !== void 0) fields[k] = toRestValue(v, k);
  return fields;
}
export {
  TIME_FIELDS,
  communityPath,
  fixtureDocs,
  layout,
  toRestFields,
  toRestValue
};
// END GENERATED LAYOUT

/** Kept for callers of the earlier names. */
export const toValue = toRestValue;
export const toFields = toRestFields;

export async function seedFirestore({project, emulator, token, fixture, replace = false, clear = false}) {
  const base = emulator ? `http://${emulator}` : 'https://firestore.googleapis.com';
  const root = `projects/${project}/databases/(default)/documents`;
  const headers = {Authorization: `Bearer ${emulator ? 'owner' : token}`, 'Content-Type': 'application/json'};
  const call = async (path, init = {}) => {
    const r = await fetch(`${base}${path}`, {...init, headers});
    const text = await r.text();
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${r.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  };
  const commit = async (writes) => {
    for (let i = 0; i < writes.length; i += 500) {
      await call(`/v1/${root}:commit`, {method: 'POST', body: JSON.stringify({writes: writes.slice(i, i + 500)})});
    }
  };
  if (clear) {
    if (!emulator) throw new Error('--clear works only against the emulator.');
    await call(`/emulator/v1/${root}`, {method: 'DELETE'});
  }
  const cid = fixture.community.id;
  if (replace) {
    const found = await call(`/v1/${root}/${communityPath(cid)}:runQuery`, {method: 'POST', body: JSON.stringify({structuredQuery: {from: [{allDescendants: true}]}})});
    const names = found.filter((r) => r.document).map((r) => r.document.name);
    await commit([...names, `${root}/${communityPath(cid)}`].map((name) => ({delete: name})));
  }
  const docs = fixtureDocs(fixture, {heldMarkers: true});
  await commit(docs.map(([path, data]) => ({update: {name: `${root}/${path}`, fields: toRestFields(data)}})));
  return docs.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const flag = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args.splice(i, 1), true) : false;
  };
  const project = opt('project');
  const emulator = opt('emulator') ?? process.env.FIRESTORE_EMULATOR_HOST;
  const token = opt('token');
  const replace = flag('replace');
  const clear = flag('clear');
  const file = args[0];
  if (!project || !file || (!emulator && !token)) {
    console.error('Usage: node scripts/seed-firestore.mjs --project ID (--emulator HOST:PORT | --token TOKEN) [--replace] [--clear] fixture.json');
    process.exit(2);
  }
  const fixture = JSON.parse(readFileSync(file, 'utf8'));
  const count = await seedFirestore({project, emulator, token, fixture, replace, clear});
  console.log(`Wrote ${count} documents for community "${fixture.community.id}" to ${emulator ? `the emulator at ${emulator}` : 'Firestore'} (project ${project}).`);
}
