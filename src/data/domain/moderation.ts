// Moderation decisions (issue 13), written once for both stores: given a checked action
// (../moderation.ts checkModeration) and the documents it touches, what changes — or a typed error.
// LocalStore turns the answer into a write list, FirebaseStore into one batch (server times, counters
// as increments, the held-post queue marker that only the Firestore layout has).
//
//   held ---approve---> visible ---hide---> hidden ---restore---> visible
//     \------------------hide-------------^
import type {CheckedModeration} from '../moderation.js';
import type {ModerationItem} from '../store.js';
import type {ModLogEntry, Post, Report, RoleRecord, Thread} from '../types.js';
import {denied, gone} from './access.js';

/** What a moderation reads, loaded by the store. Only the fields for the action's target matter. */
export interface ModerationState {
  /** The acting moderator's uid, and whether they are an admin. */
  me: string;
  callerIsAdmin: boolean;
  /** Post targets: the post (null when missing), its thread's status (null when missing), whether its author is still a member, a hidden post's kept text. */
  post?: Pick<Post, 'status' | 'authorId' | 'body'> | null;
  threadStatus?: Thread['status'] | null;
  authorIsMember?: boolean;
  hiddenBody?: string | null;
  /** Report targets, and the report named by a post or member target's `reportId`: whether it exists. */
  reportExists?: boolean;
  /** Member targets: whether the member exists, and their roles record. */
  targetIsMember?: boolean;
  targetRoles?: RoleRecord | null;
  /** Issue 17: the community's thread counts are kept by the counting function (domain/thread-counts.ts): moderation does not move them. */
  countsKeptByServer?: boolean;
}

/** A hidden post's text, kept where only moderators read it (hiddenBodies/{tid}_{pid}). */
export interface HiddenBody {threadId: string; postId: string; body: string; hiddenBy: string; at: number}

export interface ModerationEffects {
  /** Post targets: the post's new status, reason and (for hide/restore) body. */
  post?: {status: Post['status']; statusReason: string | null; body?: string};
  /** Change to the thread's postCount (only when the thread exists). */
  postCount?: number;
  /** A thread held with its first post is listed once that post is approved (issue 11). */
  listThread?: boolean;
  /** The author whose approval count ('first-posts', domain/posts.ts) goes up by one. */
  approvalFor?: string;
  /** Keep (hide) or drop (restore) the hidden text. */
  hiddenBody?: HiddenBody | 'delete';
  /** The post was held: its queue marker goes (Firestore layout). */
  heldMarkerDone?: boolean;
  /** Any action on a post means a person has read it: its crisis flag is done with (issue 18). */
  crisisFlagDone?: boolean;
  /** Reports whose status changes. */
  reports: {id: string; status: 'dismissed' | 'actioned'}[];
  /** Member targets: the new suspension end (null lifts it); `create` when they had no roles record. */
  suspension?: {uid: string; until: number | null; create: boolean};
  /** The log entry, without its id. */
  log: Omit<ModLogEntry, 'id'>;
}

/** The changes a checked moderation makes, or a permission/not-found error (as firestore.rules refuses). */
export function decideModeration(c: CheckedModeration, s: ModerationState, now: number): ModerationEffects {
  const out: ModerationEffects = {reports: [], log: {action: c.action, actorId: s.me, targetPath: c.targetPath, reason: c.reason, at: now}};
  const t = c.target;
  if (t.kind === 'post') {
    const post = s.post;
    if (!post) throw gone.post();
    const thread = s.threadStatus != null && !s.countsKeptByServer;
    out.crisisFlagDone = true;
    if (c.action === 'approve') {
      if (post.status !== 'held') throw denied('Only a held post can be approved.');
      out.post = {status: 'visible', statusReason: null};
      if (thread) out.postCount = 1;
      if (s.threadStatus === 'held') out.listThread = true;
      out.heldMarkerDone = true;
      // An erased author has no profile left to count on.
      if (s.authorIsMember) out.approvalFor = post.authorId;
    } else if (c.action === 'hide') {
      if (post.status !== 'visible' && post.status !== 'held') throw denied('Only a visible or held post can be hidden.');
      out.post = {status: 'hidden', statusReason: c.reason, body: ''};
      out.hiddenBody = {threadId: t.threadId, postId: t.postId, body: post.body, hiddenBy: s.me, at: now};
      if (post.status === 'visible' && thread) out.postCount = -1;
      if (post.status === 'held') out.heldMarkerDone = true;
    } else if (c.action === 'restore') {
      if (post.status !== 'hidden') throw denied('Only a hidden post can be restored.');
      out.post = {status: 'visible', statusReason: null, body: s.hiddenBody ?? ''};
      out.hiddenBody = 'delete';
      if (thread) out.postCount = 1;
    }
    // clear-crisis: clearing the flag is the whole action.
  } else if (t.kind === 'report') {
    if (!s.reportExists) throw gone.report();
    out.reports.push({id: t.reportId, status: 'dismissed'});
  } else {
    if (!s.targetIsMember) throw gone.memberNotHere();
    if (t.uid === s.me) throw denied('You cannot suspend yourself or lift your own suspension.');
    // Moderators suspend ordinary members only; admins anyone but themselves (as in firestore.rules).
    if (!s.callerIsAdmin && s.targetRoles?.roles.some((n) => n === 'moderator' || n === 'admin')) {
      throw denied('Only an admin can suspend a moderator or an admin.');
    }
    out.suspension = {uid: t.uid, until: c.action === 'suspend' ? c.until : null, create: !s.targetRoles};
  }
  // A post or member action names the report it answers: 'actioned'. (A dismissal's own target names its report
  // too; it stays 'dismissed', which community health counts apart: found with issue 17's contract test.)
  if (t.kind !== 'report' && 'reportId' in t && t.reportId) {
    if (!s.reportExists) throw gone.report();
    out.reports.push({id: t.reportId, status: 'actioned'});
  }
  return out;
}

// ---- Issue 17: the moderation queue is paged ----------------------------------------------------------
/** The queue's page size when the caller names none, and the most one page may ask for. */
export const QUEUE_PAGE = 20;
export const QUEUE_PAGE_MAX = 200;
/**
 * How many items the queue shows: `limit` (whole, 1–200), else 20. Both stores show at most this many, the
 * first ones in the queue's order; FirebaseStore asks each of its sources (open reports, held posts, crisis
 * flags) for at most this many, so a first view reads a page of markers, not every open item.
 */
export function queueLimit(options: {limit?: number} | undefined): number {
  const n = Math.round(Number(options?.limit));
  return Number.isFinite(n) && n >= 1 ? Math.min(n, QUEUE_PAGE_MAX) : QUEUE_PAGE;
}
/** The first `limit` items of a sorted queue, and whether more may follow (a full page may have a next one). */
export function queuePage<T>(sorted: T[], limit: number): {items: T[]; more: boolean} {
  return {items: sorted.slice(0, limit), more: sorted.length >= limit};
}

/**
 * Issue 17: what a report about a post copies of the post, its parent and its thread when it is made
 * (`reports/{id}.about`), so the queue shows the item without reading the post, its thread, its parent, its
 * author or the author's roles: a page of reports costs a page of reads. firestore.rules checks every field
 * against the documents at report time, so a reporter cannot put words in anyone's mouth. It is the post as
 * it was reported: a later edit is not shown, and a suspension that began after the report is not either
 * (the moderator's action reads the post as it is now; "Lift suspension" stays in the log).
 */
export interface ReportAbout {
  threadTitle: string;
  authorId: string;
  authorName: string;
  body: string;
  status: Post['status'];
  parentId: string | null;
  parentAuthorName: string | null;
  parentBody: string | null;
}

/** The copy a new report about `post` carries, or null (only a visible post's report carries one). */
export function reportAbout(post: Post | null, parent: Post | null, threadTitle: string | null): ReportAbout | null {
  if (!post || post.status !== 'visible' || threadTitle === null || (post.parentId && !parent)) return null;
  return {
    threadTitle, authorId: post.authorId, authorName: post.authorName, body: post.body, status: post.status,
    parentId: post.parentId ?? null, parentAuthorName: parent ? parent.authorName : null, parentBody: parent ? parent.body : null,
  };
}

const ABOUT_KEYS = ['threadTitle', 'authorId', 'authorName', 'body', 'status', 'parentId', 'parentAuthorName', 'parentBody'];
const isText = (v: unknown) => typeof v === 'string';

/** A stored `about` that is whole and about a visible post, else null (the store then reads the documents). */
export function readReportAbout(v: unknown): ReportAbout | null {
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  if (Object.keys(a).length !== ABOUT_KEYS.length || !ABOUT_KEYS.every((k) => k in a)) return null;
  if (![a.threadTitle, a.authorId, a.authorName, a.body].every(isText) || a.status !== 'visible') return null;
  if (a.parentId === null ? a.parentAuthorName !== null || a.parentBody !== null : !isText(a.parentId) || !isText(a.parentAuthorName) || !isText(a.parentBody)) return null;
  return a as unknown as ReportAbout;
}

const copied = (threadId: string, id: string, authorId: string, authorName: string, body: string, parentId: string | null, at: number): Post => ({
  id, threadId, body, authorId, authorName, authorRelationship: 'other', authorAvatarUrl: null, authorAvatarHue: 0, authorBadges: [],
  parentId, createdAt: at, editedAt: null, status: 'visible', statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0},
});

/**
 * The queue item of an open report about a post that carries `about`: the post and its parent as reported
 * (only the fields the queue shows: author, text, status; createdAt is the report's), no member record and no
 * suspension (see ReportAbout). Both stores build report items this way.
 */
export function reportItemFromAbout(report: Report, about: ReportAbout): ModerationItem | null {
  if (report.target.kind !== 'post') return null;
  const {threadId, postId} = report.target;
  return {
    id: `report:${report.id}`, kind: 'report', createdAt: report.createdAt, report,
    post: copied(threadId, postId, about.authorId, about.authorName, about.body, about.parentId, report.createdAt),
    parent: about.parentId ? copied(threadId, about.parentId, '', about.parentAuthorName ?? '', about.parentBody ?? '', null, report.createdAt) : null,
    threadTitle: about.threadTitle, member: null, suspendedUntil: null,
  };
}

/** A report as the API gives it: never its copy of the post (exports, retries, queue items). */
export function withoutAbout<T extends object>(r: T): T {
  const {about: _about, ...rest} = r as T & {about?: unknown};
  return rest as T;
}
