// Issue 16: keeps the reader's first page (src/data/reader/rest-reader.ts) live once the SDK has arrived,
// without reading those posts a second time.
//
// What a visitor's first view is billed: the community document, the page of posts (and the two documents
// the rules read for that query), then one listener on the thread document (one read, and the community
// document its rule reads). The thread document moves with every visible post (firestore.rules
// threadMoves: postCount, lastActivityAt), so it tells the visitor when something new arrives; only then is
// a second listener started, for the posts newer than the first page (what it delivers, and its two rules
// reads, once). The same thread snapshot answers the element's getThread (the thread's title), so that is
// not another read either.
//
// An earlier version resumed a listener over the first page's own query from the REST read time (a
// Firestore bundle + named query): the emulator ignores the resume time and sends all 20 posts again (41
// billed reads on the emulator), and even where it is honoured a query listener costs a minimum read plus
// the two rules reads. This design is counted on the emulator as it is billed (bench:first-post and
// test/embed/first-post-reads.test.ts).
//
// What a visitor does not see live: edits, reactions and moderation on the posts already on screen, and
// (issue 16) role badges changed since the page loaded (they see them on the next visit). Once someone
// signs in (to write, react or report) the page switches to the store's full listener, which does carry
// every change.
import {Timestamp, collection, doc, documentId, limit, onSnapshot, orderBy, query, where, type QueryConstraint} from 'firebase/firestore';
import {comparePosts} from '../policy.js';
import type {CommunityStore, OnError, Unsubscribe} from '../store.js';
import type {Post, Thread} from '../types.js';
import {READABLE_STATUSES, type FirstPage} from '../reader/rest-reader.js';
import {toThread} from './converters.js';
import {mapFirebaseError} from './errors.js';
import {firestoreInternals} from './firebase-store.js';
import {withBadges} from '../domain/badges.js';

/**
 * The thread's posts, live, from `page` on (see the top of this file); `onThread` receives the thread
 * document from the same listener (null when it does not exist yet). Null when `full` is not a FirebaseStore.
 */
export function resumePosts(full: CommunityStore, page: FirstPage, threadId: string, next: (posts: Post[]) => void, error: OnError,
  onThread?: (thread: Thread | null) => void): Unsubscribe | null {
  const inner = firestoreInternals(full);
  if (!inner) return null;
  const lim = page.structuredQuery.limit;
  const threadPath = page.parent.slice(page.parent.indexOf('/documents/') + '/documents/'.length);
  const newest = page.posts.length ? page.posts[page.posts.length - 1] : null;
  const readAt = Math.floor(Date.parse(page.readTime.replace(/(\.\d{3})\d+/, '$1')));
  let newer: Post[] = [];
  let stops: Unsubscribe[] = [];
  let newerOn = false;
  let switched = false;
  let seen: string | null = null;
  const fail = (e: unknown) => error(mapFirebaseError(e, 'load the posts'));
  // Issue 12: the authors' current badges. Issue 16: as the community document (read once over REST, with
  // the first page) gave them: a badges listener would be two more billed reads per view. A visitor sees a
  // role change on the next visit, as with edits (see the top of this file).
  const badges = page.badges ?? null;

  const emit = () => {
    const byId = new Map<string, Post>();
    for (const p of [...page.posts, ...newer]) byId.set(p.id, p);
    next(withBadges([...byId.values()].sort(comparePosts).slice(-lim), badges));
  };
  const startNewer = () => {
    if (newerOn || switched) return;
    newerOn = true;
    // Issue 18: this is a visitor's listener, and a visitor may ask only for posts shared with everyone.
    const filters: QueryConstraint[] = [where('audience', '==', 'everyone'), where('status', 'in', READABLE_STATUSES)];
    // createdAt is whole milliseconds here: `>` that floor includes the newest post itself (merged by id).
    if (newest) filters.push(where('createdAt', '>', Timestamp.fromMillis(newest.createdAt)));
    stops.push(onSnapshot(query(collection(inner.db, `${threadPath}/posts`), ...filters, orderBy('createdAt', 'desc'),
      orderBy(documentId(), 'desc'), limit(lim)), (snap) => {
      newer = snap.docs.map((d) => inner.toPost(d, threadId));
      emit();
    }, fail));
  };

  stops.push(onSnapshot(doc(inner.db, threadPath), (snap) => {
    const thread = snap.exists() ? toThread(snap) : null;
    onThread?.(thread);
    const mark = thread ? `${thread.postCount}|${thread.lastActivityAt}` : '';
    if (seen === null) {
      seen = mark;
      // Something was posted between the REST read and this listener (lastActivityAt is the server's time).
      if (thread && thread.lastActivityAt > readAt) startNewer();
      return;
    }
    if (mark !== seen) startNewer();
  }, fail));

  // Someone signed in: they may write and see their own held posts; the store's full listener takes over.
  const sessionUnsub = full.session.watch((user) => {
    if (!user || switched) return;
    switched = true;
    for (const stop of stops) stop();
    stops = [full.watchPosts(threadId, {limit: lim}, next, error)];
  });
  return () => {
    sessionUnsub();
    for (const stop of stops) stop();
    stops = [];
  };
}
