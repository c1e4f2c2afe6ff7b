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

const TIME_FIELDS = new Set(['createdAt', 'lastActivityAt', 'joinedAt', 'updatedAt', 'at', 'editedAt', 'approvedAt', 'verifiedAt', 'suspendedUntil']);

export function toValue(value, key = '') {
  if (value === null || value === undefined) return {nullValue: null};
  if (typeof value === 'boolean') return {booleanValue: value};
  if (typeof value === 'number') {
    if (TIME_FIELDS.has(key)) return {timestampValue: new Date(value).toISOString()};
    return Number.isInteger(value) ? {integerValue: String(value)} : {doubleValue: value};
  }
  if (typeof value === 'string') return {stringValue: value};
  if (Array.isArray(value)) return {arrayValue: {values: value.map((v) => toValue(v))}};
  return {mapValue: {fields: toFields(value)}};
}

export function toFields(data) {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toValue(v, k)]));
}

const omit = (o, ...keys) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** [path, data] pairs in the data model described at the top of firestore.rules. */
export function fixtureDocs(f) {
  const c = `communities/${f.community.id}`;
  return [
    [c, omit(f.community, 'id')],
    ...(f.members ?? []).map((m) => [`${c}/members/${m.uid}`, m]),
    ...(f.privates ?? []).map((p) => [`${c}/private/${p.uid}`, p]),
    ...(f.roles ?? []).map((r) => [`${c}/roles/${r.uid}`, r]),
    // Issue 12: roles' public projection, which posts read their authors' badges from (firestore.rules).
    ...(f.roles ?? []).map((r) => [`${c}/badges/${r.uid}`, {roles: r.roles, clinicianScope: r.clinicianScope ?? null}]),
    ...(f.threads ?? []).map((t) => [`${c}/threads/${t.id}`, omit(t, 'id')]),
    // Issue 18: posts carry warning and audience (a visitor's query asks for audience 'everyone').
    ...(f.posts ?? []).map((p) => [`${c}/threads/${p.threadId}/posts/${p.id}`, {warning: null, audience: 'everyone', ...omit(p, 'id', 'threadId')}]),
    ...[...(f.posts ?? []).filter((p) => p.audience === 'members' && p.status !== 'held').reduce((m, p) => m.set(p.threadId,
      {membersOnly: (m.get(p.threadId)?.membersOnly ?? 0) + 1, lastPostId: p.id}), new Map())].map(([tid, n]) => [`${c}/audienceCounts/${tid}`, n]),
    ...(f.reactions ?? []).map((r) => [`${c}/threads/${r.threadId}/reactions/${r.postId}_${r.uid}_${r.kind}`, omit(r, 'threadId')]),
    ...(f.reports ?? []).map((r) => [`${c}/reports/${r.id}`, omit(r, 'id')]),
    // Issue 12: the demo seed's held post reaches the moderators' queue through its marker (src/data/firebase/moderation.ts).
    ...(f.posts ?? []).filter((p) => p.status === 'held')
      .map((p) => [`${c}/heldPosts/${p.threadId}_${p.id}`, {threadId: p.threadId, postId: p.id, authorId: p.authorId, createdAt: p.createdAt}]),
    ...(f.connections ?? []).map((k) => [`${c}/connections/${k.id}`, {endedBy: null, ...omit(k, 'id')}]),
    ...(f.matchProfiles ?? []).map((m) => [`${c}/matchProfiles/${m.uid}`, m]),
  ];
}

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
    const found = await call(`/v1/${root}/communities/${cid}:runQuery`, {method: 'POST', body: JSON.stringify({structuredQuery: {from: [{allDescendants: true}]}})});
    const names = found.filter((r) => r.document).map((r) => r.document.name);
    await commit([...names, `${root}/communities/${cid}`].map((name) => ({delete: name})));
  }
  const docs = fixtureDocs(fixture);
  await commit(docs.map(([path, data]) => ({update: {name: `${root}/${path}`, fields: toFields(data)}})));
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
