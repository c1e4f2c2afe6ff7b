// Owner-level access to the Firestore emulator from the test page, over its REST API with
// `Authorization: Bearer owner` (bypasses the rules). Seeds a SeedFixture, removes a community,
// clears a project. The emulator answers CORS, so this runs in the browser.
import type {SeedFixture} from '../../src/data/seed.js';
import {communityPath, fixtureDocs, toRestFields, type RestValue} from '../../src/data/domain/layout.js';
import {emulatorHost} from './env.js';

// The layout, the seed → documents conversion and the REST encoding are the domain's (one copy, also
// generated into scripts/seed-firestore.mjs): re-exported here under the names tests already import.
export {TIME_FIELDS, fixtureDocs, toRestFields, toRestValue} from '../../src/data/domain/layout.js';

/**
 * The path of communities/{cid}, or of `sub` under it: `sub` is a src/data/domain/layout.ts path
 * (`layout.member('m1')`), so tests read and write where the stores do (issue 13: one layout).
 */
export const pathIn = (cid: string, sub?: string): string => (sub ? `${communityPath(cid)}/${sub}` : communityPath(cid));

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
    const result = (await this.#fetch(`/v1/${this.#root}/${communityPath(cid)}:runQuery`, {
      method: 'POST',
      body: JSON.stringify({structuredQuery: {from: [{allDescendants: true}]}}),
    })) as {document?: {name: string}}[];
    const prefix = `${this.#root}/`;
    return result.filter((r) => r.document).map((r) => r.document!.name.slice(prefix.length));
  }

  /** Removes the community document and everything under it. */
  async removeCommunity(cid: string): Promise<void> {
    const paths = await this.communityPaths(cid);
    await this.deleteDocs([...paths, communityPath(cid)]);
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
