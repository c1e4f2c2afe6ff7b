// Issue 16: whether <kin-community> may show the first view through the reader's fast path
// (src/data/reader/reader-store.ts), and which conversation to ask for at once.
import {LIMITS, threadIdForKey} from '../../data/policy-basics.js';
import {hasPersistedAuth} from '../../data/reader/persisted-auth.js';

/**
 * A visitor with no saved session, who is not completing a sign-in link: the first view needs neither
 * Auth nor the SDK. A member with a session (or an emulator test user) keeps the live path.
 */
export async function readerPathFits(memberUid: string): Promise<boolean> {
  if (memberUid || /[?&]oobCode=/.test(location.search)) return false;
  return !(await hasPersistedAuth());
}

/**
 * The page's conversation, as the first `<kin-discussion-thread>` inside `root` will ask for it
 * (`thread-id`, else `thread-key` or the page path; `page-size`), or null for a hub or none.
 */
export function firstThread(root: Element): {id: string; limit: number} | null {
  const el = root.querySelector('kin-discussion-thread');
  if (!el || (el.getAttribute('mode') ?? 'thread') === 'list') return null;
  const size = Math.floor(Number(el.getAttribute('page-size') ?? LIMITS.pageSize));
  const limit = Number.isFinite(size) && size >= 1 ? Math.min(size, LIMITS.maxPageSize) : LIMITS.pageSize;
  try {
    const id = el.getAttribute('thread-id')?.trim() || threadIdForKey((el.getAttribute('thread-key') || location.pathname || '/').trim());
    return {id, limit};
  } catch {
    return null;
  }
}
