// Firestore snapshots → interface types: Timestamps become milliseconds here, then the domain's one
// decoder per document (domain/documents.ts) shapes them. Used by the store and its moderation queue.
import {Timestamp, type DocumentSnapshot} from 'firebase/firestore';
import {
  communityFromDoc, connectionFromDoc, matchProfileFromDoc, memberFromDoc, postFromDoc, rolesFromDoc, threadFromDoc, type Fields,
} from '../domain/documents.js';
import type {StoredConnection} from '../domain/connections.js';
import type {Community, MatchProfile, MemberProfile, Post, RoleRecord, Thread} from '../types.js';

export {ms, msOrNull} from '../domain/documents.js';

/** Firestore values → plain JSON-like values (Timestamps → whole milliseconds). */
export function plain(value: unknown): unknown {
  if (value instanceof Timestamp) return Math.floor(value.toMillis());
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export const dataOf = (snap: DocumentSnapshot): Fields => plain(snap.data({serverTimestamps: 'estimate'}) ?? {}) as Fields;

export const toCommunity = (snap: DocumentSnapshot): Community => communityFromDoc(snap.id, dataOf(snap));
export const toMember = (snap: DocumentSnapshot): MemberProfile => memberFromDoc(snap.id, dataOf(snap));
export const toThread = (snap: DocumentSnapshot): Thread => threadFromDoc(snap.id, dataOf(snap));
export const toPost = (snap: DocumentSnapshot, threadId: string, hiddenBody: string | null = null): Post =>
  postFromDoc(snap.id, threadId, dataOf(snap), hiddenBody);
export const toRoles = (snap: DocumentSnapshot): RoleRecord => rolesFromDoc(snap.id, dataOf(snap));
export const toStoredConnection = (snap: DocumentSnapshot): StoredConnection => connectionFromDoc(dataOf(snap));
export const toMatchProfile = (snap: DocumentSnapshot): MatchProfile => matchProfileFromDoc(snap.id, dataOf(snap));
