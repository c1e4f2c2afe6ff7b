// Owner-level access to the Firestore emulator from the test page, over its REST API with
// `Authorization: Bearer owner` (bypasses the rules). Seeds a SeedFixture, removes a community,
// clears a project. The emulator answers CORS, so this runs in the browser.
import type {SeedFixture} from '../../src/data/seed.js';
import {emulatorHost} from './env.js';

/** Fields stored as Firestore Timestamps (the store converts them back to epoch ms). */
export const TIME_FIELDS = new Set(['createdAt', 'lastActivityAt', 'joinedAt', 'updatedAt', 'at', 'editedAt', 'approvedAt', 'verifiedAt', 'suspendedUntil']);

type RestValue = Record<string, unknown>;

/** A JS value as a Firestore REST Value; numbers under TIME_FIELDS become timestamps. */
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
  if (typeof value === 'object') return {mapValue: {fields: toRestFields(value as Record<string, unknown>)}};
  throw new Error(`Cannot encode ${typeof value} for Firestore`);
}

export function toRestFields(data: Record<string, unknown>): Record<string, RestValue> {
  const fields: Record<string, RestValue> = {};
  for (const [k, v] of Object.entries(data)) if (v !== undefined) fields[k] = toRestValue(v, k);
  return fields;
}

function omit<T extends object>(obj: T, ...keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {...(obj as Record<string, unknown>)};
  for (const k of keys) delete out[k];
  return out;
}

/** The fixture as [path relative to the database root, data] pairs, in the Firestore data model. */
export function fixtureDocs(fixture: SeedFixture): [string, Record<string, unknown>][] {
  const cid = fixture.community.id;
  const c = `communities/${cid}`;
  const docs: [string, Record<string, unknown>][] = [[c, omit(fixture.community, 'id')]];
  for (const m of fixture.members ?? []) docs.push([`${c}/members/${m.uid}`, {...m}]);
  for (const p of fixture.privates ?? []) docs.push([`${c}/private/${p.uid}`, {...p}]);
  for (const r of fixture.roles ?? []) docs.push([`${c}/roles/${r.uid}`, {...r}]);
  // Issue 12: roles' public projection (posts read their authors' badges from it), as scripts/seed-firestore.mjs writes it.
  for (const r of fixture.roles ?? []) docs.push([`${c}/badges/${r.uid}`, {roles: [...r.roles], clinicianScope: r.clinicianScope ?? null}]);
  for (const t of fixture.threads ?? []) docs.push([`${c}/threads/${t.id}`, omit(t, 'id')]);
  // Issue 18: posts carry warning and audience (the rules let a visitor's query ask only for audience
  // 'everyone'), and a thread's members-only count is kept in audienceCounts/{tid}.
  for (const p of fixture.posts ?? []) docs.push([`${c}/threads/${p.threadId}/posts/${p.id}`, {warning: null, audience: 'everyone', ...omit(p, 'id', 'threadId')}]);
  const membersOnly = new Map<string, {membersOnly: number; lastPostId: string}>();
  for (const p of fixture.posts ?? []) {
    if (p.audience === 'members' && p.status !== 'held') membersOnly.set(p.threadId, {membersOnly: (membersOnly.get(p.threadId)?.membersOnly ?? 0) + 1, lastPostId: p.id});
  }
  for (const [tid, count] of membersOnly) docs.push([`${c}/audienceCounts/${tid}`, count]);
  for (const r of fixture.reactions ?? []) {
    docs.push([`${c}/threads/${r.threadId}/reactions/${r.postId}_${r.uid}_${r.kind}`, omit(r, 'threadId')]);
  }
  for (const r of fixture.reports ?? []) docs.push([`${c}/reports/${r.id}`, omit(r, 'id')]);
  for (const k of fixture.connections ?? []) docs.push([`${c}/connections/${k.id}`, {endedBy: null, ...omit(k, 'id')}]);
  for (const m of fixture.matchProfiles ?? []) docs.push([`${c}/matchProfiles/${m.uid}`, {...m}]);
  return docs;
}

export class FirestoreAdmin {
  readonly base: string;
  constructor(readonly projectId: string, host = emulatorHost()) {
    this.base = `http://${host.host}:${host.port}`;
  }

  get #root() {
    return `projects/${this.projectId}/databases/(default)/documents`;
  }

  async #fetch(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      headers: {Authorization: 'Bearer owner', 'Content-Type': 'application/json', ...(init.headers ?? {})},
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Emulator ${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  }

  /** Writes documents (upserts) in commits of at most 500 writes, several in parallel. */
  async writeDocs(docs: [string, Record<string, unknown>][]): Promise<void> {
    const chunks: [string, Record<string, unknown>][][] = [];
    for (let i = 0; i < docs.length; i += 500) chunks.push(docs.slice(i, i + 500));
    await Promise.all(chunks.map((chunk) => this.#fetch(`/v1/${this.#root}:commit`, {
      method: 'POST',
      body: JSON.stringify({writes: chunk.map(([path, data]) => ({update: {name: `${this.#root}/${path}`, fields: toRestFields(data)}}))}),
    })));
  }

  async deleteDocs(paths: string[]): Promise<void> {
    for (let i = 0; i < paths.length; i += 500) {
      await this.#fetch(`/v1/${this.#root}:commit`, {
        method: 'POST',
        body: JSON.stringify({writes: paths.slice(i, i + 500).map((p) => ({delete: `${this.#root}/${p}`}))}),
      });
    }
  }

  /** Every document under communities/{cid} (all subcollections), as relative paths. */
  async communityPaths(cid: string): Promise<string[]> {
    const result = (await this.#fetch(`/v1/${this.#root}/communities/${cid}:runQuery`, {
      method: 'POST',
      body: JSON.stringify({structuredQuery: {from: [{allDescendants: true}]}}),
    })) as {document?: {name: string}}[];
    const prefix = `${this.#root}/`;
    return result.filter((r) => r.document).map((r) => r.document!.name.slice(prefix.length));
  }

  /** Removes the community document and everything under it. */
  async removeCommunity(cid: string): Promise<void> {
    const paths = await this.communityPaths(cid);
    await this.deleteDocs([...paths, `communities/${cid}`]);
  }

  /** Replaces everything under the fixture's community with the fixture. */
  async seed(fixture: SeedFixture): Promise<void> {
    await this.removeCommunity(fixture.community.id);
    await this.writeDocs(fixtureDocs(fixture));
  }

  /** Reads one document's raw REST fields (null when missing). */
  async getRaw(path: string): Promise<Record<string, RestValue> | null> {
    const response = await fetch(`${this.base}/v1/${this.#root}/${path}`, {headers: {Authorization: 'Bearer owner'}});
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Emulator GET ${path}: HTTP ${response.status}`);
    return ((await response.json()) as {fields?: Record<string, RestValue>}).fields ?? {};
  }

  /** Deletes every document in the project. */
  async clear(): Promise<void> {
    await this.#fetch(`/emulator/v1/${this.#root}`, {method: 'DELETE'});
  }
}
