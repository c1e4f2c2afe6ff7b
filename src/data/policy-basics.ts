// Issue 16: the part of ./policy.ts that the script-tag entry (the root, the reader's REST path, the banner)
// and a visitor's thread use: limits, ids, ordering, cursors and the few checks they make. policy.ts
// re-exports all of it, so importers may use either. Kept apart because a bundle puts a module, with every
// export any chunk uses, in one chunk: while the entry imported policy.ts, every validator the stores use
// (~20 KB before minifying) travelled in kindred.js ahead of the first post.
import {KindredError} from './errors.js';
import {ROLE_NAMES, type Post, type ReactionKind, type RoleName, type RoleRecord, type SessionUser, type Thread} from './types.js';

/** Size limits; firestore.rules enforces the same numbers. */
export const LIMITS = {
  postBody: 5000,
  threadTitle: 120,
  pseudonymMin: 2,
  pseudonymMax: 30,
  bio: 500,
  tags: 10,
  tag: 40,
  reportDetails: 1000,
  threadKey: 100,
  url: 500,
  storyText: 8000,
  quote: 300,
  founderName: 80,
  founderRole: 120,
  ctaLabel: 60,
  altText: 300,
  pageSize: 20,
  maxPageSize: 50,
} as const;

export const DEFAULT_REACTIONS = (): Record<ReactionKind, number> => ({heart: 0, hug: 0, metoo: 0, thanks: 0});

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

// Control characters other than tab/newline are refused; zero-width and RTL marks are allowed (text).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trims, normalises line endings, checks length and control characters. */
export function validateText(field: string, value: unknown, {min = 0, max}: {min?: number; max: number}): string {
  if (typeof value !== 'string') throw invalid(field, `${field} must be text.`);
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (CONTROL.test(text)) throw invalid(field, `${field} contains control characters; remove them and try again.`);
  if (text.length < min) {
    throw invalid(field, min <= 1 ? `${field} cannot be empty.` : `${field} must be at least ${min} characters.`);
  }
  if (text.length > max) throw invalid(field, `${field} is ${text.length} characters; the limit is ${max}.`);
  return text;
}

/** Only absolute `https:` URLs; anything else (javascript:, data:, http:) is refused. */
export function validateHttpsUrl(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > LIMITS.url) throw invalid(field, `${field} must be an https: link of at most ${LIMITS.url} characters.`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(field, `${field} is not a valid link; it must start with https://.`);
  }
  if (url.protocol !== 'https:') throw invalid(field, `${field} must start with https:// (got ${url.protocol}).`);
  if (url.username || url.password) throw invalid(field, `${field} must not contain a user name or password.`);
  return url.href;
}

export function isHttpsUrl(value: unknown): value is string {
  try {
    validateHttpsUrl('url', value);
    return true;
  } catch {
    return false;
  }
}

/** A new random id (20 chars, Firestore-style alphabet). */
export function newId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += alphabet[b % alphabet.length];
  return id;
}

/**
 * Deterministic thread id for a page key ("walk-2026", "/campaigns/walk"), so the first post can
 * create the thread and every later visit finds it with one read and no query.
 */
export function threadIdForKey(key: string): string {
  const raw = validateText('thread-key', key, {min: 1, max: LIMITS.threadKey});
  const slug = raw.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'page';
  // FNV-1a over the exact key, so "/a/b" and "/a-b" never share a thread.
  let h = 0x811c9dc5;
  for (let i = 0; i < raw.length; i++) {
    h ^= raw.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `k_${slug}_${h.toString(36)}`;
}

/** Cursor for post pagination: createdAt then id, so equal times still order stably. */
export function postCursor(post: Pick<Post, 'createdAt' | 'id'>): string {
  return `${post.createdAt}_${post.id}`;
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return LIMITS.pageSize;
  if (!Number.isInteger(limit) || limit < 1) throw invalid('limit', 'limit must be a whole number of at least 1.');
  return Math.min(limit, LIMITS.maxPageSize);
}

export function hasRole(roles: RoleRecord | null, ...names: RoleName[]): boolean {
  return !!roles && roles.roles.some((r) => names.includes(r));
}

export function canEditPost(user: SessionUser | null, post: Post): boolean {
  return !!user && post.authorId === user.uid && (post.status === 'visible' || post.status === 'held');
}

export function canEditFounderStory(roles: RoleRecord | null): boolean {
  return hasRole(roles, 'founder', 'admin');
}

export function sanitizeRoles(value: unknown): RoleName[] {
  return Array.isArray(value) ? value.filter((r): r is RoleName => ROLE_NAMES.includes(r as RoleName)) : [];
}

/** Cursor for hub-thread pagination: lastActivityAt then id (both descending). */
export function threadCursor(thread: Pick<Thread, 'lastActivityAt' | 'id'>): string {
  return `${thread.lastActivityAt}_${thread.id}`;
}

/** Orders posts oldest first: createdAt, then id (so equal times still order stably). */
export function comparePosts(a: Pick<Post, 'createdAt' | 'id'>, b: Pick<Post, 'createdAt' | 'id'>): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Orders hub threads most recent activity first: lastActivityAt, then id, both descending. */
export function compareThreads(a: Pick<Thread, 'lastActivityAt' | 'id'>, b: Pick<Thread, 'lastActivityAt' | 'id'>): number {
  return b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
