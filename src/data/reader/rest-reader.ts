// The reader's first view over the Firestore REST API (issue 16): the community document and the first page
// of a thread's posts, asked for at the same time, before any Firebase SDK code has arrived. No
// `firebase/*` import: this module is a few hundred bytes in the script-tag entry. The documents are
// converted exactly as FirebaseStore converts its snapshots (firebase-store.ts toCommunity / toPost), so
// the SDK taking over later changes nothing on screen.
import {KindredError} from '../errors.js';
import {DEFAULT_REACTIONS, comparePosts, sanitizeRoles} from '../policy-basics.js';
import type {Community, Post, ReactionKind} from '../types.js';
import {audienceOf, warningOf, withSafety} from '../domain/safety.js';
import {badgeMapOf, type BadgeMap} from '../domain/badges.js';

/** Where to read: a Firebase project (`apiKey` is the public web key) or a Firestore emulator. */
export interface RestTarget {
  projectId: string;
  apiKey?: string;
  emulator?: {host: string; port: number};
}

/** A Firestore REST document (`fields` in the typed Value encoding). */
export interface RestDocument {
  name: string;
  fields?: Record<string, RestValue>;
  createTime?: string;
  updateTime?: string;
}
type RestValue = Record<string, unknown>;

/** The statuses every reader may see (firestore.rules `seesPost`), as FirebaseStore.watchPosts asks for them. */
export const READABLE_STATUSES = ['visible', 'hidden', 'deleted'];

const documentsPath = (t: RestTarget) => `projects/${t.projectId}/databases/(default)/documents`;

function url(t: RestTarget, path: string): string {
  const origin = t.emulator ? `http://${t.emulator.host}:${t.emulator.port}` : 'https://firestore.googleapis.com';
  return `${origin}/v1/${path}${t.apiKey && !t.emulator ? `?key=${encodeURIComponent(t.apiKey)}` : ''}`;
}

/** A refusal or failure as the KindredError the SDK path would give (firebase/errors.ts). */
function failure(status: number, action: string): KindredError {
  if (status === 403) return new KindredError('permission-denied', `Could not ${action}: You are not allowed to do this here. Join the community, or ask a moderator if you think this is wrong.`);
  if (status === 401) return new KindredError('unauthenticated', `Could not ${action}: Sign in and try again.`);
  if (status === 404) return new KindredError('not-found', `Could not ${action}: It no longer exists; refresh to see the latest.`);
  // Issue 17: as the SDK maps resource-exhausted and deadline-exceeded (firebase/errors.ts). `rate-limited`
  // is retried with backoff like `unavailable` (controllers/live.ts), and says to wait rather than to check the connection.
  if (status === 429) return new KindredError('rate-limited', `Could not ${action}: Too many requests just now; wait a minute and try again.`);
  if (status === 504) return new KindredError('unavailable', `Could not ${action}: The community took too long to answer; check your connection and try again.`);
  return new KindredError('unavailable', `Could not ${action}: The community cannot be reached; check your connection and try again.`);
}

async function call<T>(t: RestTarget, path: string, action: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url(t, path), body === undefined ? {} : {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  } catch {
    throw failure(0, action);
  }
  if (!response.ok) throw failure(response.status, action);
  return response.json() as Promise<T>;
}

// Values → plain objects (Timestamps → whole epoch ms, as firebase-store.ts `plain`). -----------------
function plain(v: RestValue): unknown {
  if ('timestampValue' in v) return Math.floor(Date.parse(String(v.timestampValue).replace(/(\.\d{3})\d+/, '$1')));
  if ('integerValue' in v) return Number(v.integerValue);
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('arrayValue' in v) return (((v.arrayValue as {values?: RestValue[]}).values) ?? []).map(plain);
  if ('mapValue' in v) return fieldsOf((v.mapValue as {fields?: Record<string, RestValue>}).fields);
  if ('nullValue' in v) return null;
  for (const k of ['stringValue', 'booleanValue', 'referenceValue', 'bytesValue', 'geoPointValue']) if (k in v) return v[k];
  return null;
}

function fieldsOf(fields: Record<string, RestValue> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k] = plain(v);
  return out;
}

const idOf = (doc: RestDocument) => doc.name.slice(doc.name.lastIndexOf('/') + 1);
const ms = (v: unknown): number => (typeof v === 'number' ? v : Date.now());

export function toCommunity(doc: RestDocument): Community {
  const d = fieldsOf(doc.fields);
  return {
    id: idOf(doc),
    name: d.name as Community['name'],
    tagline: (d.tagline ?? {en: ''}) as Community['tagline'],
    languages: (d.languages ?? ['en']) as Community['languages'],
    settings: d.settings as Community['settings'],
    founderStory: (d.founderStory ?? null) as Community['founderStory'],
    createdAt: ms(d.createdAt),
  };
}

export function toPost(doc: RestDocument, threadId: string): Post {
  const d = fieldsOf(doc.fields);
  const status = d.status as Post['status'];
  return {
    id: idOf(doc),
    threadId,
    body: status === 'hidden' || status === 'deleted' ? '' : (d.body as string),
    authorId: d.authorId as string,
    authorName: d.authorName as string,
    authorRelationship: d.authorRelationship as Post['authorRelationship'],
    authorAvatarUrl: (d.authorAvatarUrl ?? null) as string | null,
    authorAvatarHue: (d.authorAvatarHue ?? 0) as number,
    authorBadges: sanitizeRoles(d.authorBadges),
    parentId: (d.parentId ?? null) as string | null,
    createdAt: ms(d.createdAt),
    editedAt: typeof d.editedAt === 'number' ? d.editedAt : null,
    status,
    statusReason: (d.statusReason ?? null) as string | null,
    reactions: {...DEFAULT_REACTIONS(), ...(d.reactions as Partial<Record<ReactionKind, number>> | undefined)},
    ...withSafety({}, warningOf(d.warning), audienceOf(d)),
  };
}

// Reads ---------------------------------------------------------------------------------------------

/** The community document (null when there is none), as a signed-out visitor may read it. */
export async function readCommunity(t: RestTarget, communityId: string): Promise<Community | null> {
  return (await readCommunityAndBadges(t, communityId)).community;
}

/**
 * The community document and (issue 16) its authors' current badges, from the one read: the badges are
 * the document's `badges` map (src/data/domain/badges.ts), so they cost a visitor no read of their own.
 */
export async function readCommunityAndBadges(t: RestTarget, communityId: string): Promise<{community: Community | null; badges: BadgeMap}> {
  try {
    const doc = await call<RestDocument>(t, `${documentsPath(t)}/communities/${communityId}`, 'load the community');
    return {community: toCommunity(doc), badges: badgeMapOf(doc.fields?.badges ? plain(doc.fields.badges) : null)};
  } catch (e) {
    if (e instanceof KindredError && e.code === 'not-found') return {community: null, badges: null};
    throw e;
  }
}

/** The structured query of a thread's newest readable posts: the one FirebaseStore.watchPosts listens to. */
export function postsQuery(limit: number) {
  return {
    from: [{collectionId: 'posts'}],
    // Issue 18: the reader is a visitor's path, and a visitor may ask only for posts shared with everyone.
    where: {compositeFilter: {op: 'AND', filters: [
      {fieldFilter: {field: {fieldPath: 'status'}, op: 'IN', value: {arrayValue: {values: READABLE_STATUSES.map((s) => ({stringValue: s}))}}}},
      {fieldFilter: {field: {fieldPath: 'audience'}, op: 'EQUAL', value: {stringValue: 'everyone'}}},
    ]}},
    orderBy: [{field: {fieldPath: 'createdAt'}, direction: 'DESCENDING'}, {field: {fieldPath: '__name__'}, direction: 'DESCENDING'}],
    limit,
  };
}

/** The first page of a thread, oldest first (as watchPosts emits it), with the documents and their read time. */
export interface FirstPage {
  posts: Post[];
  documents: RestDocument[];
  /** The server's read time of the query (RFC 3339). */
  readTime: string;
  /** The query's parent (…/threads/{tid}) and structured query, for the SDK to resume from. */
  parent: string;
  structuredQuery: ReturnType<typeof postsQuery>;
  /** Issue 16: the authors' current badges from the community document (applied to `posts`), when known. */
  badges?: BadgeMap;
}

export async function readFirstPage(t: RestTarget, communityId: string, threadId: string, limit: number): Promise<FirstPage> {
  const parent = `${documentsPath(t)}/communities/${communityId}/threads/${threadId}`;
  const structuredQuery = postsQuery(limit);
  const rows = await call<{document?: RestDocument; readTime?: string}[]>(t, `${parent}:runQuery`, 'load the posts', {structuredQuery});
  const documents = rows.flatMap((r) => (r.document ? [r.document] : []));
  return {
    posts: documents.map((d) => toPost(d, threadId)).sort(comparePosts),
    documents,
    readTime: rows.find((r) => r.readTime)?.readTime ?? new Date().toISOString(),
    parent,
    structuredQuery,
  };
}
