// Issue 12 (finding 8): the roles shown on posts are read when the posts are shown, not taken from the copy
// a post made of its author's badges when it was written (that copy went stale: a member made admin still
// showed "Patient"). roles/{uid} is readable only by moderators and the member, so every role change also
// writes communities/{cid}/badges/{uid} = {roles, clinicianScope}: a public projection anyone who may read
// the community may list. firestore.rules ("issue 12: public badges") lets it hold nothing but what
// roles/{uid} holds after the same batch, so it cannot lie and cannot go stale.
//
// A community with no badges documents at all (made before this projection, and not re-seeded) and a
// project whose rules refuse the list keep the badges stored on the posts: less, but not wrong-looking.
import {collection, doc, getDocs, onSnapshot, type Firestore, type WriteBatch} from 'firebase/firestore';
import {sanitizeRoles} from '../policy.js';
import {communityPath, layout} from '../domain/layout.js';
import type {Unsubscribe} from '../store.js';
import type {Post, RoleName} from '../types.js';

/** The current badges by uid; null while unknown (not loaded, refused, or never written). */
export type BadgeMap = ReadonlyMap<string, RoleName[]> | null;

const path = (communityId: string) => `${communityPath(communityId)}/${layout.badges}`;

function toMap(docs: {id: string; get(field: string): unknown}[]): BadgeMap {
  if (!docs.length) return null;
  return new Map(docs.map((d) => [d.id, sanitizeRoles(d.get('roles'))]));
}

/** Posts with their authors' current badges (unchanged when `badges` is unknown). */
export function withBadges(posts: Post[], badges: BadgeMap): Post[] {
  if (!badges) return posts;
  return posts.map((p) => {
    const now = badges.get(p.authorId) ?? [];
    return now.length === p.authorBadges.length && now.every((r, i) => p.authorBadges[i] === r) ? p : {...p, authorBadges: [...now]};
  });
}

/**
 * Listens to the community's badges and calls `changed` with each new map (first call once the listener
 * has answered, or failed: a failure is not the thread's error, the stored badges stay).
 */
export function watchBadges(db: Firestore, communityId: string, changed: (badges: BadgeMap) => void): Unsubscribe {
  return onSnapshot(collection(db, path(communityId)), (snap) => changed(toMap(snap.docs)), () => changed(null));
}

/** The badges once (for a page of older posts); null when refused or none. */
export async function readBadges(db: Firestore, communityId: string): Promise<BadgeMap> {
  try {
    return toMap((await getDocs(collection(db, path(communityId)))).docs);
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

/** Writes the projection of `roles` beside a role change, in the same batch. */
export function setBadges(batch: WriteBatch, db: Firestore, communityId: string, uid: string, roles: {roles: RoleName[]; clinicianScope: string | null}): void {
  batch.set(doc(db, path(communityId), uid), {roles: sanitizeRoles(roles.roles), clinicianScope: roles.clinicianScope ?? null});
}

/** Removes the projection beside the roles document's removal (erasure). */
export function deleteBadges(batch: WriteBatch, db: Firestore, communityId: string, uid: string): void {
  batch.delete(doc(db, path(communityId), uid));
}
