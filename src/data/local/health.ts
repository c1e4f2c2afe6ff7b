// LocalStore's community health (issue 14): the definitions of ../health.ts, counted over the documents
// (a LocalStore holds the whole community; no reads are billed).
import {KindredError} from '../errors.js';
import {hasRole} from '../policy.js';
import {REPLY_WINDOW, WEEK, replyFigures, type CommunityHealth} from '../health.js';
import type {MemberLimits, MemberProfile, Post, Report, Thread} from '../types.js';
import type {Db} from './docs.js';
import type {Ctx} from './engine.js';

/**
 * Members whose last post is in the last 7 days: from their limits records (as on Firebase), and from the
 * posts themselves for members a seed gave no limits record.
 */
function activePosters(db: Db, now: number): number {
  const uids = new Set<string>();
  for (const [path, value] of db.docs) {
    if (path.startsWith('limits/') && (value as MemberLimits).lastPostAt !== null && (value as MemberLimits).lastPostAt! >= now - WEEK) uids.add(path.slice(7));
  }
  for (const t of db.threads()) for (const p of db.posts(t.id)) if (p.createdAt >= now - WEEK) uids.add(p.authorId);
  return uids.size;
}

export function communityHealth(db: Db, ctx: Ctx): CommunityHealth {
  const me = ctx.user?.uid;
  if (!me || !db.member(me) || !hasRole(db.roles(me), 'admin')) throw new KindredError('permission-denied', 'Only admins can see the community’s health figures.');
  const now = ctx.now;
  const members: MemberProfile[] = [];
  const reports: Report[] = [];
  let held = 0;
  for (const [path, value] of db.docs) {
    if (path.startsWith('members/')) members.push(value as MemberProfile);
    else if (path.startsWith('reports/')) reports.push(value as Report);
  }
  const hub = db.threads().filter((t: Thread) => !t.participants);
  let posts = 0;
  for (const t of hub) for (const p of db.posts(t.id)) if (p.createdAt >= now - WEEK) posts++;
  for (const t of db.threads()) for (const p of db.posts(t.id)) if (p.status === 'held') held++;
  const interval = db.community()?.settings.postIntervalSeconds ?? 0;
  const eligible = hub.filter((t) => t.createdAt >= now - REPLY_WINDOW && t.createdAt <= now - 86400000).map((t) => {
    const sorted = db.posts(t.id).sort((a: Post, b: Post) => a.createdAt - b.createdAt);
    return {createdAt: t.createdAt, secondPostAt: sorted[1]?.createdAt ?? null};
  });
  const r = replyFigures(eligible);
  return {
    at: now,
    figures: [
      {key: 'members', value: members.length, unit: 'count', basis: null, reads: 0},
      {key: 'newMembers', value: members.filter((m) => m.joinedAt >= now - WEEK).length, unit: 'count', basis: null, reads: 0},
      {key: 'posts', value: posts, unit: 'count', basis: null, reads: 0},
      {key: 'activePosters', value: interval > 0 ? activePosters(db, now) : null, unit: 'count', basis: null, reads: 0},
      {key: 'repliedWithin24h', value: r.within24h, unit: 'percent', basis: r.basis, reads: 0},
      {key: 'medianFirstReply', value: r.medianHours, unit: 'hours', basis: r.replied, reads: 0},
      {key: 'openReports', value: reports.filter((x) => x.status === 'open').length, unit: 'count', basis: null, reads: 0},
      {key: 'heldPosts', value: held, unit: 'count', basis: null, reads: 0},
    ],
  };
}
