// FirebaseStore's notifications (issue 15). The Cloud Functions (functions/) write them; the member
// reads their own, marks them read (the only write the rules allow), follows threads and chooses email.
import {
  collection, doc, getDoc, getDocs, limit as qLimit, onSnapshot, orderBy, query, serverTimestamp, setDoc, updateDoc, where, writeBatch,
  type DocumentReference, type DocumentSnapshot, type Firestore,
} from 'firebase/firestore';
import {validateId} from '../policy.js';
import {NOTIFY_LIMITS, validateNotificationId, validatePrefs, type KinNotification, type NotifyPrefs} from '../domain/notifications.js';
import type {AuthSession, NotificationFeed, OnError, Unsubscribe} from '../store.js';
import type {PrivateRecord} from '../types.js';
import {mapFirebaseError} from './errors.js';
import {notifyMessages} from '../domain/access.js';
import {communityPath} from '../domain/layout.js';

export interface NotifyCtx {
  db: Firestore;
  communityId: string;
  session: AuthSession;
  run<T>(action: string, fn: () => Promise<T>): Promise<T>;
  plain(snap: DocumentSnapshot): Record<string, unknown>;
}

const base = (c: NotifyCtx) => communityPath(c.communityId);
const itemsPath = (c: NotifyCtx, uid: string) => `${base(c)}/notifications/${uid}/items`;

function toNotification(c: NotifyCtx, snap: DocumentSnapshot): KinNotification {
  const d = c.plain(snap);
  return {
    id: snap.id, kind: d.kind as KinNotification['kind'], threadId: (d.threadId ?? null) as string | null, postId: (d.postId ?? null) as string | null,
    connectionId: (d.connectionId ?? null) as string | null, reportId: (d.reportId ?? null) as string | null,
    reactionKind: (d.reactionKind ?? null) as KinNotification['reactionKind'], count: Number(d.count ?? 1),
    reason: (d.reason ?? null) as string | null, createdAt: Number(d.createdAt ?? 0), updatedAt: Number(d.updatedAt ?? 0), read: d.read === true,
  };
}

/**
 * The member's newest notifications and their unread count, live; `enabled` once the functions have run
 * (services/notifications). Follows sign-in and sign-out.
 */
export function watchNotifications(c: NotifyCtx, limit: number, next: (feed: NotificationFeed) => void, error: OnError): Unsubscribe {
  const n = Math.max(1, Math.min(limit || NOTIFY_LIMITS.listed, 200));
  let inner: Unsubscribe[] = [];
  const stopInner = () => {
    for (const u of inner) u();
    inner = [];
  };
  const outer = c.session.watch((user) => {
    stopInner();
    if (!user) return next({items: [], unread: 0, enabled: false});
    let items: KinNotification[] | null = null;
    let unread: number | null = null;
    let enabled: boolean | null = null;
    const emit = () => {
      if (items !== null && unread !== null && enabled !== null) next({items, unread, enabled: enabled || items.length > 0});
    };
    const fail = (action: string) => (e: unknown) => error(mapFirebaseError(e, action));
    inner.push(onSnapshot(query(collection(c.db, itemsPath(c, user.uid)), orderBy('updatedAt', 'desc'), qLimit(n)), (snap) => {
      items = snap.docs.map((d) => toNotification(c, d));
      emit();
    }, fail('load your notifications')));
    // Unread beyond the listed page too (bounded: the bell shows "200+" past that).
    inner.push(onSnapshot(query(collection(c.db, itemsPath(c, user.uid)), where('read', '==', false), qLimit(200)), (snap) => {
      unread = snap.size;
      emit();
    }, fail('count your notifications')));
    inner.push(onSnapshot(doc(c.db, `${base(c)}/services/notifications`), (snap) => {
      enabled = snap.exists();
      emit();
    }, () => {
      // A members-only community before joining: treat as not known, not as an error.
      enabled = false;
      emit();
    }));
  });
  return () => {
    outer();
    stopInner();
  };
}

/** Unread items read per query by markRead('all'). */
export const MARK_ALL_PAGE = 500;

export async function markRead(c: NotifyCtx, ids: readonly string[] | 'all'): Promise<void> {
  const user = c.session.user;
  if (!user) throw notifyMessages.signInToRead();
  if (ids !== 'all' && !Array.isArray(ids)) throw notifyMessages.badReadIds();
  const commit = async (refs: DocumentReference[]) => {
    for (let i = 0; i < refs.length; i += NOTIFY_LIMITS.batch) {
      const batch = writeBatch(c.db);
      for (const ref of refs.slice(i, i + NOTIFY_LIMITS.batch)) batch.update(ref, {read: true});
      await batch.commit();
    }
  };
  await c.run('mark notifications read', async () => {
    if (ids !== 'all') {
      await commit(ids.map((id) => doc(c.db, `${itemsPath(c, user.uid)}/${validateNotificationId(id)}`)));
      return;
    }
    // Every unread item, a page of MARK_ALL_PAGE at a time: each page once marked no longer matches, so the
    // same query returns the next page, until a short one.
    for (;;) {
      const snap = await getDocs(query(collection(c.db, itemsPath(c, user.uid)), where('read', '==', false), qLimit(MARK_ALL_PAGE)));
      await commit(snap.docs.map((d) => d.ref));
      if (snap.size < MARK_ALL_PAGE) return;
    }
  });
}

export async function followThread(c: NotifyCtx, threadId: string, on: boolean): Promise<void> {
  const user = c.session.user;
  if (!user) throw notifyMessages.signInToFollow();
  const tid = validateId('threadId', threadId);
  if (typeof on !== 'boolean') throw notifyMessages.followNotBoolean();
  await c.run('follow this conversation', () => setDoc(doc(c.db, `${base(c)}/threads/${tid}/followers/${user.uid}`),
    {uid: user.uid, state: on ? 'following' : 'muted', at: serverTimestamp()}));
}

export function watchFollowing(c: NotifyCtx, threadId: string, next: (following: boolean | null) => void, error: OnError): Unsubscribe {
  const tid = validateId('threadId', threadId);
  let inner: Unsubscribe | null = null;
  const outer = c.session.watch((user) => {
    inner?.();
    inner = null;
    if (!user) return next(null);
    inner = onSnapshot(doc(c.db, `${base(c)}/threads/${tid}/followers/${user.uid}`),
      (snap) => next(snap.exists() ? snap.get('state') === 'following' : null),
      (e) => error(mapFirebaseError(e, 'load whether you follow this conversation')));
  });
  return () => {
    outer();
    inner?.();
  };
}

export async function setEmailNotifications(c: NotifyCtx, prefs: NotifyPrefs): Promise<PrivateRecord> {
  const user = c.session.user;
  if (!user) throw notifyMessages.signInForEmail();
  const valid = validatePrefs(prefs);
  return c.run('save your email notifications', async () => {
    const ref = doc(c.db, `${base(c)}/private/${user.uid}`);
    await updateDoc(ref, {notify: valid});
    const snap = await getDoc(ref);
    return {...(c.plain(snap) as unknown as PrivateRecord), uid: user.uid};
  });
}
