// Issue 16: hands the reader's first page (src/data/reader/rest-reader.ts) to a live listener without
// reading those posts a second time. The REST answer becomes a Firestore bundle (the documents, their read
// time and the query as a named query); the SDK loads it into its cache and, listening to the named query,
// resumes the target from the bundle's read time: the server sends only what changed since.
import {loadBundle, namedQuery, onSnapshot} from 'firebase/firestore';
import {comparePosts} from '../policy.js';
import type {CommunityStore, OnError, Unsubscribe} from '../store.js';
import type {Post} from '../types.js';
import type {FirstPage} from '../reader/rest-reader.js';
import {mapFirebaseError} from './errors.js';
import {firestoreInternals} from './firebase-store.js';
import {currentBadges} from './badges.js';

const encoder = new TextEncoder();
const sized = (element: unknown) => {
  const json = JSON.stringify(element);
  return `${encoder.encode(json).length}${json}`;
};

/** The first page as a bundle (the format `firebase-admin`'s BundleBuilder writes). */
export function bundleOf(page: FirstPage, name: string): string {
  const body = [
    sized({namedQuery: {name, bundledQuery: {parent: page.parent, structuredQuery: page.structuredQuery, limitType: 'FIRST'}, readTime: page.readTime}}),
    ...page.documents.flatMap((d) => [
      sized({documentMetadata: {name: d.name, readTime: page.readTime, exists: true, queries: [name]}}),
      sized({document: d}),
    ]),
  ].join('');
  const metadata = {id: name, createTime: page.readTime, version: 1, totalDocuments: page.documents.length, totalBytes: encoder.encode(body).length};
  return sized({metadata}) + body;
}

/**
 * The thread's posts, live, from `page` on; null when `full` is not a FirebaseStore. If the bundle cannot
 * be used, falls back to the store's own listener (which reads the page again).
 */
export function resumePosts(full: CommunityStore, page: FirstPage, threadId: string, next: (posts: Post[]) => void, error: OnError): Unsubscribe | null {
  const inner = firestoreInternals(full);
  if (!inner) return null;
  let unsub: Unsubscribe | null = null;
  let badged: ReturnType<typeof currentBadges> | null = null;
  let stopped = false;
  const name = `kindred-${threadId}-${page.readTime}`;
  const fallback = () => {
    if (!stopped) unsub = full.watchPosts(threadId, {limit: page.structuredQuery.limit}, next, error);
  };
  const start = async () => {
    await loadBundle(inner.db, bundleOf(page, name));
    const q = await namedQuery(inner.db, name);
    if (stopped) return;
    if (!q) return fallback();
    // Issue 12: the authors' current badges, as FirebaseStore.watchPosts gives them.
    badged = currentBadges(inner.db, full.communityId, next);
    const send = badged.next;
    unsub = onSnapshot(q, (snap) => send(snap.docs.map((d) => inner.toPost(d, threadId)).sort(comparePosts)),
      (e) => error(mapFirebaseError(e, 'load the posts')));
  };
  start().catch(fallback);
  return () => {
    stopped = true;
    unsub?.();
    badged?.stop();
  };
}
