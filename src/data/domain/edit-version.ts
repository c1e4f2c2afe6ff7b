// Issue 17 (fault): two tabs (or devices) of one member edit the same post. Each edit names the version
// it started from (`post.version ?? 0`); one that does not match the stored version is refused with
// `conflict`, so nothing is silently overwritten. Both stores decide with these; firestore.rules holds the
// same line on the server (a saved edit's version is the stored one + 1).
import {KindredError} from '../errors.js';

/** The version an edit writes, or a `conflict` when the post was edited since `expected`. */
export function editVersion(stored: number | undefined, expected: number | undefined): number {
  const current = stored ?? 0;
  if (expected !== undefined && expected !== current) throw editConflict();
  return current + 1;
}

export function editConflict(): KindredError {
  return new KindredError('conflict', 'This post was edited somewhere else (another tab or device) after you began editing it; nothing was overwritten. ' +
    'Edit it again from the saved text, or save yours again to replace it.');
}
