// FirebaseStore's community health (issue 14): the definitions of ../health.ts from aggregation queries
// (count()), never by reading every document. What each figure reads:
//   members, newMembers, openReports, heldPosts, activePosters   one count() each: 1 read per 1000 counted
//   posts              the hub threads active in the last 7 days (1 read each) + one count() per such thread
//   repliedWithin24h / medianFirstReply   the hub threads started 1–28 days ago (1 read each) + their first
//                      two posts (up to 2 reads each)
import {
  Timestamp, collection, getAggregateFromServer, count, getDocs, limit, orderBy, query, where, type Firestore, type Query,
} from 'firebase/firestore';
import {KindredError} from '../errors.js';
import {REPLY_WINDOW, WEEK, aggregationReads, replyFigures, type CommunityHealth, type HealthFigure} from '../health.js';
import type {SessionUser} from '../types.js';
import {mapFirebaseError} from './errors.js';
import {communityPath} from '../domain/layout.js';

const ts = (ms: number) => Timestamp.fromMillis(ms);
const msOf = (v: unknown) => (v instanceof Timestamp ? v.toMillis() : 0);

async function counted(q: Query): Promise<{value: number; reads: number}> {
  const snap = await getAggregateFromServer(q, {n: count()});
  const value = snap.data().n;
  return {value, reads: aggregationReads(value)};
}

export async function communityHealth(db: Firestore, communityId: string, user: SessionUser | null, postIntervalSeconds: number): Promise<CommunityHealth> {
  if (!user) throw new KindredError('unauthenticated', 'Sign in as an admin to see the health figures.');
  const base = communityPath(communityId);
  const col = (name: string) => collection(db, `${base}/${name}`);
  const now = Date.now();
  try {
    const threads = col('threads');
    const [members, newMembers, openReports, heldPosts, activePosters, active, started] = await Promise.all([
      counted(col('members')),
      counted(query(col('members'), where('joinedAt', '>=', ts(now - WEEK)))),
      counted(query(col('reports'), where('status', '==', 'open'))),
      counted(col('heldPosts')),
      postIntervalSeconds > 0 ? counted(query(col('limits'), where('lastPostAt', '>=', ts(now - WEEK)))) : Promise.resolve(null),
      getDocs(query(threads, where('participants', '==', null), where('lastActivityAt', '>=', ts(now - WEEK)))),
      getDocs(query(threads, where('participants', '==', null), where('createdAt', '>=', ts(now - REPLY_WINDOW)), where('createdAt', '<=', ts(now - 86400000)))),
    ]);
    const perThread = await Promise.all(active.docs.map((t) => counted(query(collection(db, `${base}/threads/${t.id}/posts`), where('createdAt', '>=', ts(now - WEEK))))));
    const firstTwo = await Promise.all(started.docs.map((t) => getDocs(query(collection(db, `${base}/threads/${t.id}/posts`), orderBy('createdAt'), limit(2)))));
    const r = replyFigures(started.docs.map((t, i) => ({createdAt: msOf(t.get('createdAt')), secondPostAt: firstTwo[i].docs[1] ? msOf(firstTwo[i].docs[1].get('createdAt')) : null})));
    const replyReads = Math.max(1, started.size) + firstTwo.reduce((n, s) => n + Math.max(1, s.size), 0);
    const figures: HealthFigure[] = [
      {key: 'members', value: members.value, unit: 'count', basis: null, reads: members.reads},
      {key: 'newMembers', value: newMembers.value, unit: 'count', basis: null, reads: newMembers.reads},
      {key: 'posts', value: perThread.reduce((n, c) => n + c.value, 0), unit: 'count', basis: null,
        reads: Math.max(1, active.size) + perThread.reduce((n, c) => n + c.reads, 0)},
      {key: 'activePosters', value: activePosters?.value ?? null, unit: 'count', basis: null, reads: activePosters?.reads ?? 0},
      {key: 'repliedWithin24h', value: r.within24h, unit: 'percent', basis: r.basis, reads: replyReads},
      {key: 'medianFirstReply', value: r.medianHours, unit: 'hours', basis: r.replied, reads: 0},
      {key: 'openReports', value: openReports.value, unit: 'count', basis: null, reads: openReports.reads},
      {key: 'heldPosts', value: heldPosts.value, unit: 'count', basis: null, reads: heldPosts.reads},
    ];
    return {at: now, figures};
  } catch (e) {
    throw mapFirebaseError(e, 'count the health figures');
  }
}
