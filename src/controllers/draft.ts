// Draft persistence: what a member types is kept in Web Storage while they type, so a reload, a
// sign-in round trip or a lost connection never loses it. Nothing is stored before the member types
// (private by default), and a draft is cleared only once the store confirmed the write.

import {validateAudience, warningOf, type ContentWarning, type PostAudience} from '../data/domain/safety.js';

export type DraftStorageKind = 'session' | 'local';

export interface Draft {
  body: string;
  /**
   * The client-made id of a write already attempted with this text, so a retry (even after a reload)
   * reuses it and never creates a duplicate.
   */
  postId: string | null;
  /**
   * The member pressed "Post" and the write is not confirmed yet (offline, or the server could not be
   * reached): it is sent again by itself, even after a reload (issue 17).
   */
  queued?: boolean;
  /**
   * Issue 18: the content warning and audience chosen with the text, kept with it so a post sent again
   * after a reload is still members only, still warned.
   */
  choices?: {warning: ContentWarning | null; audience: PostAudience};
  savedAt: number;
}

/** Stored choices, read leniently (anything malformed: no warning; an unknown audience: members, the closed side). */
function choicesOf(value: unknown): Draft['choices'] {
  if (!value || typeof value !== 'object') return undefined;
  const c = value as {warning?: unknown; audience?: unknown};
  let audience: PostAudience;
  try {
    audience = validateAudience(c.audience);
  } catch {
    audience = 'members';
  }
  const w = c.warning as {topic?: unknown; label?: unknown} | null | undefined;
  // A custom warning still being written (empty label) is kept as it is.
  const warning = w && w.topic === 'custom' && typeof w.label === 'string' ? {topic: 'custom' as const, label: w.label} : warningOf(w);
  return {warning, audience};
}

const PREFIX = 'kin-draft@1:';

/** `kin-draft@1:<community>:<thread>:<parent or "-">`. */
export function draftKey(communityId: string, threadId: string, parentId: string | null): string {
  return `${PREFIX}${communityId}:${threadId}:${parentId ?? '-'}`;
}

function storage(kind: DraftStorageKind): Storage | null {
  try {
    return kind === 'local' ? globalThis.localStorage ?? null : globalThis.sessionStorage ?? null;
  } catch {
    // Storage can throw when blocked (privacy settings, sandboxed iframes): drafts then live in memory only.
    return null;
  }
}

/** Reads, writes and clears drafts in Web Storage; every call tolerates blocked or full storage. */
export class DraftStore {
  constructor(private kind: DraftStorageKind = 'session') {}

  load(key: string): Draft | null {
    try {
      const raw = storage(this.kind)?.getItem(key);
      if (!raw) return null;
      const d = JSON.parse(raw) as Partial<Draft>;
      if (typeof d.body !== 'string') return null;
      return {
        body: d.body, postId: typeof d.postId === 'string' ? d.postId : null, queued: d.queued === true && typeof d.postId === 'string',
        savedAt: Number(d.savedAt) || 0,
        ...(d.choices ? {choices: choicesOf(d.choices)} : {}),
      };
    } catch {
      return null;
    }
  }

  /** Saves the draft; an empty body with no pending id removes it. Returns whether it was stored. */
  save(key: string, draft: Omit<Draft, 'savedAt'>): boolean {
    if (!draft.body && !draft.postId) {
      this.clear(key);
      return true;
    }
    try {
      const s = storage(this.kind);
      if (!s) return false;
      s.setItem(key, JSON.stringify({...draft, savedAt: Date.now()}));
      return true;
    } catch {
      return false;
    }
  }

  /** Keys of the drafts stored under `prefix` (e.g. every reply draft of a thread). */
  keys(prefix: string): string[] {
    try {
      const s = storage(this.kind);
      if (!s) return [];
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k && k.startsWith(prefix)) out.push(k);
      }
      return out;
    } catch {
      return [];
    }
  }

  clear(key: string): void {
    try {
      storage(this.kind)?.removeItem(key);
    } catch {
      // Blocked storage: nothing was saved there either.
    }
  }
}
