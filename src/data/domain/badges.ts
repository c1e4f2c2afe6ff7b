// Issue 12 / 16: a post shows its author's badges as they are now, from the community document's `badges`
// map ({uid: roles[]}; firestore.rules "issue 16"), not the copy the post took when it was written. Pure:
// FirebaseStore (src/data/firebase/badges.ts) and the reader's first view (src/data/reader/) both use it.
import {sanitizeRoles} from '../policy-basics.js';
import type {Post, RoleName} from '../types.js';

/** The current badges by uid; null while unknown (not loaded, refused, or a community without the map). */
export type BadgeMap = ReadonlyMap<string, RoleName[]> | null;

/** The community document's `badges` field as a BadgeMap (null when the community has none). */
export function badgeMapOf(field: unknown): BadgeMap {
  if (!field || typeof field !== 'object' || Array.isArray(field)) return null;
  return new Map(Object.entries(field as Record<string, unknown>).map(([uid, roles]) => [uid, sanitizeRoles(roles)]));
}

/**
 * Posts with their authors' current badges (unchanged when `badges` is unknown). An author the map does not
 * name keeps the post's stored badges: a community made before the map gets it one role change at a time
 * (every roles write sets its member's entry, a revoke to []), and the others' badges must not vanish meanwhile.
 */
export function withBadges(posts: Post[], badges: BadgeMap): Post[] {
  if (!badges) return posts;
  return posts.map((p) => {
    const now = badges.get(p.authorId);
    return !now || (now.length === p.authorBadges.length && now.every((r, i) => p.authorBadges[i] === r)) ? p : {...p, authorBadges: [...now]};
  });
}
