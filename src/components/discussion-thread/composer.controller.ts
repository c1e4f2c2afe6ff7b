import type {ReactiveController} from 'lit';
import {DraftStore, draftKey} from '../../controllers/draft.js';
import {ResendController, isTransient} from '../../controllers/resend.js';
import {KindredError, isKindredError, toKindredError} from '../../data/errors.js';
import {LIMITS} from '../../data/policy-basics.js';
import {crisisWording} from './crisis-check.js';
import type {Post} from '../../data/types.js';
import {WARNING_LABEL_MAX, type ContentWarning, type PostAudience} from '../../data/domain/safety.js';
import {KinPostSubmitEvent} from '../../events/post-submit.js';
import {KinPostCreatedEvent} from '../../events/post-created.js';
import {NEW_THREAD, SLOW_SEND_MS, focusIn, focusPost, type ThreadContext} from './discussion-thread.context.js';

export interface Composer {
  body: string;
  /** The id of a write already attempted with this text: a retry reuses it (no duplicates). */
  postId: string | null;
  /** `waiting`: pressed, not sent yet (offline, or the server unreachable); sent again by itself. */
  status: 'idle' | 'pending' | 'error' | 'waiting';
  error: KindredError | null;
  /** When the current attempt started: a send that hangs (server unreachable) says so instead of "Posting…" forever. */
  since?: number;
  /** A problem found before writing (empty, over the limit). */
  invalid: 'empty' | 'title' | 'warning' | null;
  title: string;
  /** Issue 18: the content warning chosen (a custom one may be unfinished: empty label), or none. */
  warning?: ContentWarning | null;
  /** Issue 18: who can read it (a reply to a members-only post is members only whatever this says). */
  audience?: PostAudience;
}

/**
 * Every composer of the thread (new post, replies, a new hub conversation), keyed by parent id: the
 * text is kept as a draft on the device at each keystroke and cleared only when the store confirmed
 * the post. A post pressed while the connection is down is kept with its id and sent again by itself,
 * exactly once (issue 17).
 */
export class ThreadComposer implements ReactiveController {
  drafts = new DraftStore('session');
  /** The last draft could not be stored on the device (storage full or blocked): kept in memory only. */
  draftsInMemory = false;
  /** Posts pressed while the connection was down, sent again by themselves (issue 17). */
  readonly resend: ResendController;
  readonly #composers = new Map<string, Composer>();
  readonly #crisisShown = new Set<string>();
  #storage: string | undefined;

  constructor(private readonly t: ThreadContext) {
    this.resend = new ResendController(t.host);
    t.host.addController(this);
  }

  /** `draft-storage` changed: drafts are read from (and kept in) the new place. */
  hostUpdate() {
    const kind = this.t.draftStorage;
    if (kind === this.#storage) return;
    this.#storage = kind;
    this.drafts = new DraftStore(kind === 'local' ? 'local' : 'session');
    this.#composers.clear();
  }

  reset() {
    this.#composers.clear();
  }

  draftKey(parentId: string | null): string | null {
    const t = this.t;
    const store = t.store;
    if (!store) return null;
    if (parentId === NEW_THREAD) return draftKey(store.communityId, NEW_THREAD.slice(1), null);
    const threadId = t.threadId;
    return threadId ? draftKey(store.communityId, threadId, parentId) : null;
  }

  get(parentId: string | null): Composer {
    const k = parentId ?? '';
    let c = this.#composers.get(k);
    if (!c) {
      const key = this.draftKey(parentId);
      const draft = key ? this.drafts.load(key) : null;
      let title = '';
      let text = draft?.body ?? '';
      if (parentId === NEW_THREAD && draft) {
        try {
          ({title, body: text} = JSON.parse(draft.body) as {title: string; body: string});
        } catch {
          text = draft.body;
        }
      }
      c = {body: text, postId: draft?.postId ?? null, status: draft?.queued ? 'waiting' : 'idle', error: null, invalid: null, title,
        warning: draft?.choices?.warning ?? null, audience: draft?.choices?.audience ?? 'everyone'};
      this.#composers.set(k, c);
      // Pressed before a reload and never confirmed: the promise still holds.
      if (key && draft?.queued) this.resend.schedule(key, () => this.#resendDraft(parentId, key));
    }
    return c;
  }

  #saveDraft(parentId: string | null, c: Composer) {
    const key = this.draftKey(parentId);
    if (!key) return;
    const text = parentId === NEW_THREAD ? (c.body || c.title ? JSON.stringify({title: c.title, body: c.body}) : '') : c.body;
    const choices = c.warning || (c.audience && c.audience !== 'everyone') ? {choices: {warning: c.warning ?? null, audience: c.audience ?? 'everyone'}} : {};
    const kept = this.drafts.save(key, {body: text, postId: c.postId, queued: c.status === 'pending' || c.status === 'waiting', ...choices});
    // Storage full or blocked (quota, a sandboxed or storage-partitioned iframe): the draft lives in
    // this page's memory only, and the member is told so (issue 17).
    if (kept === this.draftsInMemory) {
      this.draftsInMemory = !kept;
      this.t.host.requestUpdate();
    }
  }

  onInput(parentId: string | null, e: InputEvent, field: 'body' | 'title' = 'body') {
    const t = this.t;
    const c = this.get(parentId);
    const value = (e.target as HTMLTextAreaElement | HTMLInputElement).value;
    const before = crisisWording(c.body, () => t.host.requestUpdate());
    if (field === 'title') c.title = value;
    else c.body = value;
    c.invalid = null;
    this.#saveDraft(parentId, c);
    const after = crisisWording(c.body, () => t.host.requestUpdate());
    if (after && !before && !this.#crisisShown.has(parentId ?? '')) {
      this.#crisisShown.add(parentId ?? '');
      t.announce(t.m.crisisHeading);
    }
    t.host.requestUpdate();
  }

  /** Issue 18: the member chose a warning or an audience; kept with the draft. */
  setChoices(parentId: string | null, patch: Pick<Composer, 'warning' | 'audience'>) {
    const c = this.get(parentId);
    if (c.status === 'pending') return;
    Object.assign(c, patch);
    if (c.invalid === 'warning') c.invalid = null;
    this.#saveDraft(parentId, c);
    this.t.host.requestUpdate();
  }

  onKeydown(parentId: string | null, e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.submit(parentId);
    }
  }

  /** A queued post's turn to be sent again (the connection is back, or its backoff ran out). */
  #resendDraft(parentId: string | null, key: string) {
    const t = this.t;
    // The feed moved to another thread or store: that draft stays kept, for when its thread is shown again.
    if (this.draftKey(parentId) !== key) {
      this.resend.done(key);
      return;
    }
    const ready = t.isMember && (parentId === NEW_THREAD || t.feed.posts.status === 'ready');
    if (!ready) {
      this.resend.schedule(key, () => this.#resendDraft(parentId, key));
      return;
    }
    void this.submit(parentId, true);
  }

  /** Issue 14: an agreement to the current guidelines is being saved. */
  agreeing = false;

  /**
   * Issue 14: the guidelines changed since the member agreed (the post was refused with field `guidelines`):
   * they read them under the composer, agree, and the same post (same id, text kept) is sent.
   */
  async agreeAndSend(parentId: string | null) {
    const t = this.t;
    const store = t.store;
    const version = t.community.value?.settings.guidelinesVersion;
    if (!store || !version || this.agreeing) return;
    const c = this.get(parentId);
    this.agreeing = true;
    t.host.requestUpdate();
    try {
      await store.agreeToGuidelines(version);
    } catch (e) {
      c.error = t.fail(e, 'agree-guidelines');
      return;
    } finally {
      this.agreeing = false;
      t.host.requestUpdate();
    }
    c.status = 'idle';
    c.error = null;
    await this.submit(parentId, true);
  }

  async submit(parentId: string | null, auto = false) {
    const t = this.t;
    const host = t.host;
    const store = t.store;
    const isNewThread = parentId === NEW_THREAD;
    const threadId = isNewThread ? null : t.threadId;
    if (!store || (!isNewThread && !threadId)) return;
    const c = this.get(parentId);
    if (c.status === 'pending') return;
    const text = c.body.replace(/\r\n?/g, '\n').trim();
    if (isNewThread && !c.title.trim()) {
      c.invalid = 'title';
      host.requestUpdate();
      return;
    }
    if (!text) {
      c.invalid = 'empty';
      host.requestUpdate();
      return;
    }
    if (text.length > LIMITS.postBody) return;
    // Issue 18: a custom warning needs its few words.
    const warning = c.warning?.topic === 'custom'
      ? (c.warning.label ?? '').trim() ? {topic: 'custom' as const, label: (c.warning.label ?? '').trim().slice(0, WARNING_LABEL_MAX)} : null
      : c.warning ?? null;
    if (c.warning?.topic === 'custom' && !warning) {
      c.invalid = 'warning';
      host.requestUpdate();
      return;
    }
    const audience = c.audience ?? 'everyone';
    const postId = c.postId ?? store.newId();
    // A new hub thread gets its id from the first post's id, so a retry never makes a second thread.
    const tid = threadId ?? `t_${postId}`;
    const realParent = isNewThread ? null : parentId;
    // A queued post was already announced (and not cancelled) when the member pressed "Post".
    if (!auto) {
      const request = new KinPostSubmitEvent(tid, postId, realParent, text);
      t.emit(request);
      if (request.defaultPrevented) return;
    }
    const draftKeyNow = this.draftKey(parentId);

    c.postId = postId;
    c.status = 'pending';
    c.since = Date.now();
    c.error = null;
    this.#saveDraft(parentId, c);
    t.feed.ownWrites.add(postId);
    host.requestUpdate();

    const createThread = isNewThread
      ? {key: null, title: c.title.trim().slice(0, LIMITS.threadTitle)}
      : t.mode === 'thread' && !t.fixedThreadId && t.feed.byId.size === 0
        ? {key: t.pageKey, title: (t.threadTitle || document.title || t.pageKey).trim().slice(0, LIMITS.threadTitle)}
        : undefined;
    let post: Post | null = null;
    const slow = setTimeout(() => host.requestUpdate(), SLOW_SEND_MS + 50);
    try {
      try {
        post = await store.createPost({id: postId, threadId: tid, body: text, parentId: realParent, createThread, warning, audience});
      } catch (e) {
        // Someone else created the page's thread first, or our earlier attempt did land: write the
        // post alone; if the post itself already exists, the earlier attempt succeeded.
        if (!isKindredError(e) || e.code !== 'already-exists') throw e;
        if (createThread && !isNewThread) {
          try {
            post = await store.createPost({id: postId, threadId: tid, body: text, parentId: realParent, warning, audience});
          } catch (e2) {
            if (!isKindredError(e2) || e2.code !== 'already-exists') throw e2;
          }
        }
      }
    } catch (e) {
      const error = toKindredError(e);
      // Announced once per press, not on every automatic attempt.
      if (!auto) t.fail(error, 'post');
      const current = this.#composers.get(parentId ?? '') === c;
      if (isTransient(error) && draftKeyNow) {
        // Kept, with its id, and sent again by itself: exactly once, however many attempts it takes.
        c.status = 'waiting';
        c.error = error;
        if (current) this.#saveDraft(parentId, c);
        this.resend.schedule(draftKeyNow, () => this.#resendDraft(parentId, draftKeyNow));
      } else {
        c.status = 'error';
        c.error = error;
        if (current) this.#saveDraft(parentId, c);
        if (draftKeyNow) this.resend.done(draftKeyNow);
      }
      host.requestUpdate();
      return;
    } finally {
      clearTimeout(slow);
    }
    if (draftKeyNow) this.resend.done(draftKeyNow);

    // Confirmed: only now is the draft cleared.
    const key = this.draftKey(parentId);
    if (key) this.drafts.clear(key);
    this.#composers.delete(parentId ?? '');
    this.#crisisShown.delete(parentId ?? '');
    const status = post?.status ?? 'visible';
    if (post && !isNewThread) t.feed.add(post);
    t.announce(status === 'held' ? t.m.postedHeld : t.m.posted);
    t.emit(new KinPostCreatedEvent(tid, postId, realParent, status));
    // The first post of a page's thread created it: read its title for the heading.
    t.meta.created(tid);
    if (isNewThread) {
      if (t.hub) t.hub.startingThread = false;
      t.openThread(tid);
      return;
    }
    if (parentId && t.actions) t.actions.replyOpen = null;
    host.requestUpdate();
    await host.updateComplete;
    if (parentId) focusPost(t, postId);
    else focusIn(t, '#compose');
  }
}
