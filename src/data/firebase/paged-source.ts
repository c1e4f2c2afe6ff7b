// Issue 16/17 (s5): "Show more" in the moderation queue with real cursors per source, instead of re-reading a
// larger page. One source (open reports, held markers, crisis flags) ordered by createdAt is watched as a chain
// of live segments: the first `limit` documents, then each further page from a cursor on the document that
// ended the page before (startAfter), kept while the chain lives. When "Show more" asks for a larger limit, the
// segments already open are reused (a segment released by the previous watch stays open for GRACE_MS, so the
// element's re-subscription finds it) and only the new page is read: 20 more documents, not all 40 again.
//
// A segment's cursor is fixed when it opens. If new documents push the end of a segment past its successor's
// cursor (newest first, new items arrive at the top), the documents between are read by a bridge segment
// (startAfter the segment's new last document, endAt the cursor), so nothing falls between two pages.
import {limit as qLimit, onSnapshot, query, startAfter, endAt, type DocumentSnapshot, type Firestore, type Query, type QueryDocumentSnapshot, type Timestamp} from 'firebase/firestore';
import type {OnError, Unsubscribe} from '../store.js';
import {mapFirebaseError} from './errors.js';

/** How long a released segment stays open for the next watch of the same source (the element re-subscribes on "Show more"). */
export const GRACE_MS = 5000;

type Sub = {changed: () => void; failed: (e: unknown) => void};
interface Segment {docs: QueryDocumentSnapshot[] | null; limit: number | null; subs: Set<Sub>; unsub: Unsubscribe; timer: ReturnType<typeof setTimeout> | null}

const registries = new WeakMap<Firestore, Map<string, Segment>>();
/** The cursor each segment's successor starts after, fixed when the successor first opened (key: segment key). */
const anchors = new WeakMap<Firestore, Map<string, DocumentSnapshot>>();

function registry<T>(map: WeakMap<Firestore, Map<string, T>>, db: Firestore): Map<string, T> {
  let r = map.get(db);
  if (!r) map.set(db, (r = new Map()));
  return r;
}

/** Opens (or joins) the live segment `key` over `q`; the returned function leaves it (closed GRACE_MS after its last member left). */
function join(db: Firestore, key: string, q: Query, limit: number | null, sub: Sub): () => void {
  const segs = registry(registries, db);
  let seg = segs.get(key);
  if (!seg) {
    const fresh: Segment = {docs: null, limit, subs: new Set(), unsub: () => undefined, timer: null};
    fresh.unsub = onSnapshot(q, (s) => {
      fresh.docs = s.docs;
      for (const x of [...fresh.subs]) x.changed();
    }, (e) => {
      segs.delete(key);
      registry(anchors, db).delete(key);
      for (const x of [...fresh.subs]) x.failed(e);
    });
    segs.set(key, (seg = fresh));
  }
  const s = seg;
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  s.subs.add(sub);
  if (s.docs) queueMicrotask(() => (s.subs.has(sub) ? sub.changed() : undefined));
  return () => {
    s.subs.delete(sub);
    if (s.subs.size || s.timer) return;
    s.timer = setTimeout(() => {
      s.timer = null;
      if (s.subs.size) return;
      s.unsub();
      if (segs.get(key) === s) segs.delete(key);
      registry(anchors, db).delete(key);
    }, GRACE_MS);
  };
}

const millis = (d: DocumentSnapshot): number => {
  const v = d.get('createdAt', {serverTimestamps: 'estimate'}) as Timestamp | number | null | undefined;
  return v == null ? Number.MAX_SAFE_INTEGER : typeof v === 'number' ? v : v.toMillis();
};

/** Whether `a` comes before `b` in the source's order (createdAt, then id, both in `dir`). */
function before(a: DocumentSnapshot, b: DocumentSnapshot, dir: 'asc' | 'desc'): boolean {
  const [x, y] = [millis(a), millis(b)];
  const c = x !== y ? x - y : a.ref.path < b.ref.path ? -1 : a.ref.path > b.ref.path ? 1 : 0;
  return dir === 'asc' ? c < 0 : c > 0;
}

/**
 * Watches the first `limit` documents of `ordered` (a query with its filters and orderBy('createdAt', dir),
 * no limit), as a chain of live segments (see above). `key` names the source (community, collection, order).
 */
export function watchPagedSource(db: Firestore, key: string, ordered: Query, dir: 'asc' | 'desc', limit: number,
  next: (docs: QueryDocumentSnapshot[]) => void, error: OnError, action: string): Unsubscribe {
  const segs = registry(registries, db);
  const held = new Map<string, () => void>();
  let stopped = false;
  const sub: Sub = {
    changed: () => update(),
    failed: (e) => {
      if (stopped) return;
      stop();
      error(mapFirebaseError(e, action));
    },
  };
  const use = (k: string, q: Query, lim: number | null, wanted: Set<string>) => {
    wanted.add(k);
    if (!held.has(k)) held.set(k, join(db, k, q, lim, sub));
    return segs.get(k)!;
  };
  /** The largest live segment `${prefix}${n}` with n ≤ max, if any. */
  const reuse = (prefix: string, max: number): number | null => {
    let best: number | null = null;
    for (const [k, s] of segs) {
      if (!k.startsWith(prefix) || s.limit === null || s.limit > max) continue;
      if (best === null || s.limit > best) best = s.limit;
    }
    return best;
  };
  function update() {
    if (stopped) return;
    const wanted = new Set<string>();
    const parts: QueryDocumentSnapshot[][] = [];
    let complete = true;
    let covered = 0;
    let prefix = `${key}|root|`;
    let cursor: Query = ordered;
    for (;;) {
      const lim = reuse(prefix, limit - covered) ?? limit - covered;
      const k = `${prefix}${lim}`;
      const seg = use(k, query(cursor, qLimit(lim)), lim, wanted);
      if (!seg.docs) {
        complete = false;
        break;
      }
      parts.push(seg.docs);
      covered += lim;
      // A short page ends the source; a full one has a successor while the limit asks for more.
      if (seg.docs.length < lim || covered >= limit) break;
      const anchorsOf = registry(anchors, db);
      let anchor = anchorsOf.get(k);
      if (!anchor) anchorsOf.set(k, (anchor = seg.docs[seg.docs.length - 1]));
      const last = seg.docs[seg.docs.length - 1];
      // New documents pushed this page's end before its successor's cursor: read what lies between.
      if (before(last, anchor, dir)) {
        const bridge = use(`${k}|bridge|${last.ref.path}|${anchor.ref.path}`, query(ordered, startAfter(last), endAt(anchor)), null, wanted);
        if (!bridge.docs) complete = false;
        else parts.push(bridge.docs);
      }
      prefix = `${key}|after|${anchor.ref.path}|`;
      cursor = query(ordered, startAfter(anchor));
    }
    for (const [k, leave] of [...held]) {
      if (wanted.has(k)) continue;
      held.delete(k);
      leave();
    }
    if (!complete) return;
    const seen = new Set<string>();
    const docs = parts.flat().filter((d) => (seen.has(d.ref.path) ? false : (seen.add(d.ref.path), true)));
    docs.sort((a, b) => (before(a, b, dir) ? -1 : before(b, a, dir) ? 1 : 0));
    next(docs.slice(0, limit));
  }
  function stop() {
    stopped = true;
    for (const leave of held.values()) leave();
    held.clear();
  }
  update();
  return stop;
}
