// Moderation (issue 7): pure checks and shapes shared by both adapters. No Lit, no DOM, no Firebase.
import {KindredError} from './errors.js';
import {validateId, validateText} from './policy.js';
import {MODERATION_ACTIONS, type ModerationAction, type ModerationItem, type ModerationTarget} from './store.js';
import type {ModLogEntry} from './types.js';
import {guard} from './domain/access.js';

/** A suspension "until lifted" ends at the last time Firestore can store. */
export const UNTIL_LIFTED = Date.UTC(9999, 11, 31);
/** The longest reason a moderator may give (it becomes a hidden post's placeholder). */
export const MOD_REASON_MAX = 200;

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

export interface CheckedModeration {
  action: ModerationAction;
  target: ModerationTarget;
  reason: string;
  /** The log's targetPath, relative to the community ("threads/t1/posts/p1"). */
  targetPath: string;
  /** For suspend: the end in ms. */
  until: number | null;
}

/** Validates a moderate() call: the action fits the target, ids are ids, a hide has a reason. */
export function checkModeration(action: unknown, target: unknown, reason: unknown, now: number): CheckedModeration {
  if (!MODERATION_ACTIONS.includes(action as ModerationAction)) {
    throw invalid('action', `action must be one of ${MODERATION_ACTIONS.join(', ')}.`);
  }
  const a = action as ModerationAction;
  const r = validateText('reason', reason ?? '', {min: a === 'hide' || a === 'suspend' ? 1 : 0, max: MOD_REASON_MAX});
  const t = (target ?? {}) as Record<string, unknown>;
  const reportId = t.reportId === undefined ? undefined : validateId('reportId', t.reportId);
  if (a === 'approve' || a === 'hide' || a === 'restore' || a === 'clear-crisis') {
    if (t.kind !== 'post') throw invalid('target', `${a} applies to a post: {kind: "post", threadId, postId}.`);
    const threadId = validateId('threadId', t.threadId);
    const postId = validateId('postId', t.postId);
    return {action: a, reason: r, until: null, target: {kind: 'post', threadId, postId, ...(reportId ? {reportId} : {})},
      targetPath: `threads/${threadId}/posts/${postId}`};
  }
  if (a === 'dismiss-report') {
    if (t.kind !== 'report') throw invalid('target', 'dismiss-report applies to a report: {kind: "report", reportId}.');
    const id = validateId('reportId', t.reportId);
    return {action: a, reason: r, until: null, target: {kind: 'report', reportId: id}, targetPath: `reports/${id}`};
  }
  if (t.kind !== 'member') throw invalid('target', `${a} applies to a member: {kind: "member", uid}.`);
  const uid = validateId('uid', t.uid);
  let until: number | null = null;
  if (a === 'suspend') {
    until = t.until == null ? UNTIL_LIFTED : Number(t.until);
    if (!Number.isFinite(until) || until <= now || until > UNTIL_LIFTED) throw invalid('until', 'until must be a time in the future (ms), or null until lifted.');
  }
  return {action: a, reason: r, until, target: {kind: 'member', uid, ...(reportId ? {reportId} : {})}, targetPath: `members/${uid}`};
}

/** Queue order: newest or oldest first, then by id for a stable order. */
export function sortQueue(items: ModerationItem[], order: 'newest' | 'oldest'): ModerationItem[] {
  const dir = order === 'oldest' ? 1 : -1;
  return items.sort((x, y) => dir * (x.createdAt - y.createdAt) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Log order: newest first. */
export const compareLog = (x: ModLogEntry, y: ModLogEntry) => y.at - x.at || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0);

/** @deprecated the guard's message lives in domain/access.ts (guard.notModerator). */
export const notModerator = () => guard.notModerator();
