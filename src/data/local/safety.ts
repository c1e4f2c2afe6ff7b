// LocalStore's content warnings and per-post audience (issue 18): pure operations over the documents,
// deciding what firestore.rules' "Issue 18" section decides (through src/data/domain/safety.ts). A
// thread's members-only count is computed from its posts here; Firestore keeps it in audienceCounts/{tid}.
import {KindredError} from '../errors.js';
import {canReadCommunityContent, canReadThread, readerIsModerator, isSuspended, newId, validateId, type Reader} from '../policy.js';
import {countsAsMembersOnly, validateWarning, validateWarningPrefs, withSafety, type ContentWarning, type WarningPrefs} from '../domain/safety.js';
import type {ModLogEntry, PrivateRecord} from '../types.js';
import {paths, type Db, type Write} from './docs.js';
import type {Ctx} from './engine.js';
import {modPaths} from './moderation.js';

const denied = (message: string) => new KindredError('permission-denied', message);

function reader(db: Db, ctx: Ctx): Reader {
  const user = ctx.user;
  return {user, isMember: !!user && !!db.member(user.uid), roles: user ? db.roles(user.uid) : null};
}

/** The author (while the post is visible or held) or a moderator sets a post's warning; a moderator's change is logged. */
export function setContentWarning(db: Db, ctx: Ctx, threadId: string, postId: string, warning: ContentWarning | null): {result: void; writes: Write[]} {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to set a content warning.');
  validateId('threadId', threadId);
  validateId('postId', postId);
  const w = validateWarning(warning);
  const r = reader(db, ctx);
  if (!r.isMember) throw denied('Only members can set a content warning: join the community first.');
  if (isSuspended(r.roles, ctx.now)) throw denied('Your membership is suspended: you cannot change posts until it ends.');
  const post = db.post(threadId, postId);
  if (!post) throw new KindredError('not-found', 'That post no longer exists.');
  const moderator = readerIsModerator(r);
  const own = post.authorId === ctx.user.uid;
  if (!own && !moderator) throw denied('Only the author or a moderator can change a post\'s content warning.');
  if (own && !moderator && post.status !== 'visible' && post.status !== 'held') throw denied('This post was removed, so its warning cannot be changed.');
  const writes: Write[] = [[paths.post(threadId, postId), withSafety(post, w, post.audience === 'members' ? 'members' : 'everyone')]];
  if (moderator && !own) {
    const entry: ModLogEntry = {id: newId(), action: 'set-warning', actorId: ctx.user.uid, targetPath: `threads/${threadId}/posts/${postId}`,
      reason: w ? w.label ?? w.topic : 'removed', at: ctx.now};
    writes.push([modPaths.log(entry.id), entry]);
  }
  return {result: undefined, writes};
}

/** The signed-in member's choices per warning topic, in their private record. */
export function setWarningPrefs(db: Db, ctx: Ctx, prefs: WarningPrefs): {result: PrivateRecord; writes: Write[]} {
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to choose which warned posts you see.');
  const warnings = validateWarningPrefs(prefs);
  const record = db.private(ctx.user.uid);
  if (!record) throw denied('Join the community before choosing which warned posts you see.');
  const next: PrivateRecord = {...record, warnings};
  return {result: next, writes: [[paths.private(ctx.user.uid), next]]};
}

/** A thread's members-only posts that are not held: what a visitor is told exists. */
export function membersOnlyCount(db: Db, ctx: Ctx, threadId: string): number {
  validateId('threadId', threadId);
  const community = db.community();
  const r = reader(db, ctx);
  if (!community || !canReadCommunityContent(community.settings.visibility, r)) return 0;
  const thread = db.thread(threadId);
  if (thread && !canReadThread(community.settings.visibility, r, thread, db.reported(threadId))) return 0;
  return db.posts(threadId).filter(countsAsMembersOnly).length;
}
