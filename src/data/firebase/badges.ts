// Issue 12 (finding 8): the roles shown on posts are read when the posts are shown, not taken from the copy
// a post made of its author's badges when it was written (that copy went stale: a member made admin still
// showed "Patient"). roles/{uid} is readable only by moderators and the member, so every role change also
// writes a public projection anyone who may read the community may read, which firestore.rules lets hold
// nothing but what roles/{uid} holds after the same batch, so it cannot lie and cannot go stale.
//
// Issue 16: the projection is the community document's `badges` map ({uid: roles[]}, firestore.rules "issue
// 16"), not a badges/{uid} collection: every reader reads the community document anyway, so the badges cost
// no read of their own (a badges listener was two billed reads per view: one document, or the minimum
// charge, and its rule's read of the community). A visitor's first view takes them from the community
// document read over REST (src/data/reader/reader-store.ts).
//
// A community made before the map keeps the badges stored on the posts (less, but not wrong-looking) until
// a role change names its member in the map; members the map does not name keep theirs (domain/badges.ts).
import {FieldPath, deleteField, doc, getDoc, onSnapshot, type Firestore, type WriteBatch} from 'firebase/firestore';
import {badgeMapOf, withBadges, type BadgeMap} from '../domain/badges.js';
import {communityPath} from '../domain/layout.js';
import type {Unsubscribe} from '../store.js';
import type {Post, RoleName} from '../types.js';

export {badgeMapOf, withBadges, type BadgeMap} from '../domain/badges.js';

/**
 * Listens to the community's badges and calls `changed` with each new map (first call once the listener
 * has answered, or failed: a failure is not the thread's error, the stored badges stay). The listener is
 * on the community document: the SDK shares it with the element's own watchCommunity (one target, no
 * second read).
 */
export function watchBadges(db: Firestore, communityId: string, changed: (badges: BadgeMap) => void): Unsubscribe {
  return onSnapshot(doc(db, communityPath(communityId)), (snap) => changed(badgeMapOf(snap.get('badges'))), () => changed(null));
}

/** The badges once (for a page of older posts); null when refused or none. */
export async function readBadges(db: Firestore, communityId: string): Promise<BadgeMap> {
  try {
    return badgeMapOf((await getDoc(doc(db, communityPath(communityId)))).get('badges'));
  } catch {
    return null;
  }
}

/**
 * Wraps a posts callback so every list it gets carries the current badges: posts wait for the first
 * badges answer, and a change of badges re-sends the last posts.
 */
export function currentBadges(db: Firestore, communityId: string, next: (posts: Post[]) => void): {next: (posts: Post[]) => void; stop: Unsubscribe} {
  let badges: BadgeMap = null;
  let answered = false;
  let last: Post[] | null = null;
  const send = () => {
    if (answered && last) next(withBadges(last, badges));
  };
  const stop = watchBadges(db, communityId, (b) => {
    badges = b;
    answered = true;
    send();
  });
  return {next: (posts) => { last = posts; send(); }, stop};
}

/**
 * Writes the projection of `roles` beside a role change, in the same batch: exactly the roles list the
 * batch stores in roles/{uid} (the rules compare the two).
 */
export function setBadges(batch: WriteBatch, db: Firestore, communityId: string, uid: string, roles: {roles: RoleName[]}): void {
  batch.update(doc(db, communityPath(communityId)), new FieldPath('badges', uid), [...roles.roles], 'badgesUid', uid);
}

/** Removes the projection beside the roles document's removal (erasure). */
export function deleteBadges(batch: WriteBatch, db: Firestore, communityId: string, uid: string): void {
  batch.update(doc(db, communityPath(communityId)), new FieldPath('badges', uid), deleteField(), 'badgesUid', uid);
}
