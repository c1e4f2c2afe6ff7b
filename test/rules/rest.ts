// The rules as an attacker meets them: raw commits to the emulator's REST API, signed in with a forged
// (unsigned, alg "none") ID token for any uid, with no SDK in between. Issue 11's attacks were found this
// way, so they are replayed this way. Each attempt resolves to the HTTP status and the emulator's message;
// a test asserts 403 for a refusal (a 400 is a malformed payload, which proves nothing about the rules)
// and 200 for the paired legitimate write.
import {toRestValue} from '../support/firestore-admin.js';
import {emulatorHost} from '../support/env.js';

/** Marks a field the server sets to the request time (SDK serverTimestamp()). */
export const SERVER_TIME = Object.freeze({__kindredRest: 'time'});
/** Marks a field the server increments by `by` (SDK increment()). */
export const inc = (by: number) => ({__kindredRest: 'inc', by});

type Sentinel = {__kindredRest: 'time'} | {__kindredRest: 'inc'; by: number};
const isSentinel = (v: unknown): v is Sentinel => !!v && typeof v === 'object' && '__kindredRest' in v;

/** A write of a batch: `set` replaces the document, `update` merges the named fields into an existing one. */
export type RestWrite =
  | {set: string; data: Record<string, unknown>}
  | {update: string; data: Record<string, unknown>}
  | {delete: string};

const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** An unsigned ID token for `uid`, as anyone can make one; the emulator accepts it as a signed-in user. */
export function forgedToken(projectId: string, uid: string, provider = 'custom'): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({alg: 'none', typ: 'JWT'}));
  const payload = b64url(JSON.stringify({
    iss: `https://securetoken.google.com/${projectId}`, aud: projectId, iat: now, exp: now + 3600, auth_time: now,
    sub: uid, user_id: uid, firebase: {sign_in_provider: provider, identities: {}},
  }));
  return `${header}.${payload}.`;
}

/** Splits sentinels out of `data` (nested maps too) into field transforms; the rest becomes REST fields. */
function encode(data: Record<string, unknown>, prefix = ''): {fields: Record<string, unknown>; transforms: Record<string, unknown>[]; paths: string[]} {
  const fields: Record<string, unknown> = {};
  const transforms: Record<string, unknown>[] = [];
  const paths: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    const path = prefix + k;
    if (isSentinel(v)) {
      transforms.push(v.__kindredRest === 'time'
        ? {fieldPath: path, setToServerValue: 'REQUEST_TIME'}
        : {fieldPath: path, increment: {integerValue: String(v.by)}});
    } else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.values(v).some(isSentinel)) {
      const inner = encode(v as Record<string, unknown>, `${path}.`);
      fields[k] = {mapValue: {fields: inner.fields}};
      transforms.push(...inner.transforms);
      paths.push(...inner.paths.length ? inner.paths : [path]);
    } else {
      fields[k] = toRestValue(v);
      paths.push(path);
    }
  }
  return {fields, transforms, paths};
}

export interface RestResult {status: number; message: string}

/** A client for one project, acting as `uid` with a forged token (null: no Authorization header). */
export class RestClient {
  readonly #root: string;
  readonly #base: string;
  /** `provider`: the token's firebase.sign_in_provider ('custom', 'anonymous', 'password'…). */
  constructor(readonly projectId: string, readonly uid: string | null, readonly provider = 'custom') {
    const {host, port} = emulatorHost();
    this.#base = `http://${host}:${port}/v1`;
    this.#root = `projects/${projectId}/databases/(default)/documents`;
  }

  #headers(): Record<string, string> {
    return {'Content-Type': 'application/json', ...(this.uid ? {Authorization: `Bearer ${forgedToken(this.projectId, this.uid, this.provider)}`} : {})};
  }

  /** Commits `writes` atomically (a batch), as the SDK's writeBatch does. */
  async commit(writes: RestWrite[]): Promise<RestResult> {
    const body = {writes: writes.map((w) => {
      if ('delete' in w) return {delete: `${this.#root}/${w.delete}`};
      const path = 'set' in w ? w.set : w.update;
      const {fields, transforms, paths} = encode(w.data);
      return {
        update: {name: `${this.#root}/${path}`, fields},
        ...('update' in w ? {updateMask: {fieldPaths: paths.map(quotePath)}, currentDocument: {exists: true}} : {}),
        ...(transforms.length ? {updateTransforms: transforms.map((t) => ({...t, fieldPath: quotePath(t.fieldPath as string)}))} : {}),
      };
    })};
    const response = await fetch(`${this.#base}/${this.#root}:commit`, {method: 'POST', headers: this.#headers(), body: JSON.stringify(body)});
    return {status: response.status, message: (await response.text()).slice(0, 400)};
  }

  /** Reads one document. */
  async get(path: string): Promise<RestResult> {
    const response = await fetch(`${this.#base}/${this.#root}/${path}`, {headers: this.#headers()});
    return {status: response.status, message: (await response.text()).slice(0, 400)};
  }

  /** Runs a structured query on a collection under `parent` (relative path; '' = the database root). */
  async query(parent: string, structuredQuery: Record<string, unknown>): Promise<RestResult & {docs: string[]}> {
    const response = await fetch(`${this.#base}/${this.#root}${parent ? `/${parent}` : ''}:runQuery`, {
      method: 'POST', headers: this.#headers(), body: JSON.stringify({structuredQuery}),
    });
    const text = await response.text();
    const docs = response.ok ? (JSON.parse(text) as {document?: {name: string}}[]).filter((r) => r.document).map((r) => r.document!.name.split('/').pop()!) : [];
    return {status: response.status, message: text.slice(0, 400), docs};
  }
}

// Field paths with characters outside [A-Za-z0-9_] are back-quoted segment by segment.
function quotePath(path: string): string {
  return path.split('.').map((s) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `\`${s.replace(/`/g, '\\`')}\``)).join('.');
}

/** Throws unless the write was refused by the rules (403), naming what happened instead. */
export function refused(r: RestResult, what: string): void {
  if (r.status !== 403) throw new Error(`${what}: expected 403 (refused by the rules), got ${r.status} ${r.message}`);
}

/** Throws unless the write was accepted (200). */
export function accepted(r: RestResult, what: string): void {
  if (r.status !== 200) throw new Error(`${what}: expected 200 (accepted), got ${r.status} ${r.message}`);
}
