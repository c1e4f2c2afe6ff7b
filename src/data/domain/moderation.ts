// Moderation decisions (issue 13), written once for both stores: given a checked action
// (../moderation.ts checkModeration) and the documents it touches, what changes — or a typed error.
// LocalStore turns the answer into a write list, FirebaseStore into one batch (server times, counters
// as increments, the held-post queue marker that only the Firestore layout has).
//
//   held ---approve---> visible ---hide---> hidden ---restore---> visible
//     \------------------hide-------------^
import type {CheckedModeration} from '../moderation.js';
import type {ModLogEntry, Post, RoleRecord, Thread} from '../types.js';
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
  if ('reportId' in t && t.reportId) {
    if (!s.reportExists) throw gone.report();
    out.reports.push({id: t.reportId, status: 'actioned'});
  }
  return out;
}
