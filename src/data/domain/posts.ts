// Posts and holds (issue 13). "Hold first N posts" has one meaning on every store: a member's posts are
// held until moderators have approved N of them. The count is members/{uid}.approvedPosts on Firestore
// (moved only by a moderator's approve batch; firestore.rules reads it) and approvedPosts/{uid} in
// LocalStore. It used to count the member's visible posts locally, so members who had posted before the
// mode was switched on were held only in production.

/** A stored approval count; missing, negative or malformed counts as none. */
export function approvedPostCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
