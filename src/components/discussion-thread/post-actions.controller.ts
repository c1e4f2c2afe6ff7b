import type {KindredError} from '../../data/errors.js';
import {LIMITS} from '../../data/policy-basics.js';
import type {Post, ReactionKind, ReportReason} from '../../data/types.js';
import {KinReactionEvent} from '../../events/reaction.js';
import {KinReportEvent} from '../../events/report.js';
import {focusIn, focusPost, type ThreadContext} from './discussion-thread.context.js';

export interface EditState {
  postId: string;
  body: string;
  error: KindredError | null;
  pending: boolean;
  /** Issue 17 (fault): the post's version this edit began from (or, after a conflict, the one shown). */
  version?: number;
}

/**
 * What a member does to a post in the feed: reply (opens a reply composer), edit, delete (with a
 * confirmation), report (with a reason), react. Each opens and closes in place and moves focus. The
 * feed resets it when the conversation changes.
 */
export class PostActions {
  replyOpen: string | null = null;
  editing: EditState | null = null;
  /** Own visible posts just edited, by the saved text: announced if the edit holds them again (issue 7). */
  readonly editsToConfirm = new Map<string, string>();
  confirmDelete: string | null = null;
  reportOpen: string | null = null;
  readonly reported = new Set<string>();
  readonly #busy = new Set<string>();
  readonly postErrors = new Map<string, KindredError>();
  /**
   * Issue 17 (s5): the member's own reaction counted on screen at once. Where a Cloud Function keeps the counts
   * the post's stored count moves a second or so after the reaction is saved; until it moves, the count shown is
   * the one seen when pressed plus the member's change. Keyed `postId:kind`.
   */
  readonly #pendingCounts = new Map<string, {base: number; delta: 1 | -1}>();

  constructor(private readonly t: ThreadContext) {}

  reset() {
    this.replyOpen = null;
    this.editing = null;
    this.editsToConfirm.clear();
    this.confirmDelete = null;
    this.reportOpen = null;
    this.postErrors.clear();
  }

  async toggleReply(id: string) {
    const host = this.t.host;
    this.replyOpen = this.replyOpen === id ? null : id;
    host.requestUpdate();
    await host.updateComplete;
    if (this.replyOpen) focusIn(this.t, `#${CSS.escape(`reply-${id}`)}`);
    else focusIn(this.t, `[data-post-id="${CSS.escape(id)}"] [data-action="reply"]`);
  }

  async startEdit(post: Post) {
    const host = this.t.host;
    this.editing = {postId: post.id, body: post.body, error: null, pending: false, version: post.version ?? 0};
    host.requestUpdate();
    await host.updateComplete;
    focusIn(this.t, `#${CSS.escape(`edit-${post.id}`)}`);
  }

  async toggleDelete(id: string) {
    const host = this.t.host;
    const opening = this.confirmDelete !== id;
    this.confirmDelete = opening ? id : null;
    host.requestUpdate();
    await host.updateComplete;
    const sel = opening ? '[data-action="cancel-delete"]' : '[data-action="delete"]';
    focusIn(this.t, `[data-post-id="${CSS.escape(id)}"] ${sel}`);
  }

  async toggleReport(id: string) {
    const host = this.t.host;
    const opening = this.reportOpen !== id;
    this.reportOpen = opening ? id : null;
    host.requestUpdate();
    await host.updateComplete;
    const sel = opening ? '[data-reason]' : '[data-action="report"]';
    focusIn(this.t, `[data-post-id="${CSS.escape(id)}"] ${sel}`);
  }

  async cancelEdit(postId: string) {
    const host = this.t.host;
    this.editing = null;
    host.requestUpdate();
    await host.updateComplete;
    focusPost(this.t, postId);
  }

  async react(post: Post, kind: ReactionKind, on: boolean) {
    const t = this.t;
    const store = t.store;
    const busyKey = `${post.id}:${kind}`;
    if (!store || this.#busy.has(busyKey)) return;
    this.#busy.add(busyKey);
    this.postErrors.delete(post.id);
    this.#pendingCounts.set(busyKey, {base: post.reactions?.[kind] ?? 0, delta: on ? 1 : -1});
    t.host.requestUpdate();
    try {
      await store.setReaction(post.threadId, post.id, kind, on);
      t.emit(new KinReactionEvent(post.threadId, post.id, kind, on));
    } catch (e) {
      this.#pendingCounts.delete(busyKey);
      this.postErrors.set(post.id, t.fail(e, 'react'));
    } finally {
      this.#busy.delete(busyKey);
      t.host.requestUpdate();
    }
  }

  /** The count to show for one reaction of a post: the stored one, or (until it moves) the one seen when the member pressed plus their change. */
  shownCount(post: Post, kind: ReactionKind): number {
    const key = `${post.id}:${kind}`;
    const n = post.reactions?.[kind] ?? 0;
    const p = this.#pendingCounts.get(key);
    if (!p) return n;
    if (n !== p.base) {
      // The stored count moved (the batch's own write, or the function's recount): it holds the change now.
      this.#pendingCounts.delete(key);
      return n;
    }
    return Math.max(0, p.base + p.delta);
  }

  /** What of a post's shown counts is still the member's own pending change (for post-memo's dependencies). */
  pendingFor(postId: string): string {
    let out = '';
    for (const [k, p] of this.#pendingCounts) if (k.startsWith(`${postId}:`)) out += `${k}=${p.base}${p.delta};`;
    return out;
  }

  async report(post: Post, reason: ReportReason) {
    const t = this.t;
    const store = t.store;
    if (!store || this.#busy.has(`${post.id}:report`)) return;
    this.#busy.add(`${post.id}:report`);
    this.postErrors.delete(post.id);
    t.host.requestUpdate();
    try {
      const report = await store.report({target: {kind: 'post', threadId: post.threadId, postId: post.id}, reason});
      this.reported.add(post.id);
      this.reportOpen = null;
      t.emit(new KinReportEvent(report.id, post.threadId, post.id, reason));
      t.announce(t.m.reportThanks);
    } catch (e) {
      this.postErrors.set(post.id, t.fail(e, 'report'));
    } finally {
      this.#busy.delete(`${post.id}:report`);
      t.host.requestUpdate();
    }
    await t.host.updateComplete;
    if (this.reported.has(post.id)) focusIn(t, `#ack-${CSS.escape(post.id)}`);
  }

  async saveEdit(post: Post) {
    const t = this.t;
    const store = t.store;
    const editing = this.editing;
    if (!store || !editing || editing.pending) return;
    const text = editing.body.replace(/\r\n?/g, '\n').trim();
    if (!text || text.length > LIMITS.postBody) return;
    // Issue 17 (fault): after a conflict the member has seen the saved text (shown with the notice); saving
    // again is a choice to replace it, so it starts from the version now on screen.
    if (editing.error?.code === 'conflict') editing.version = t.feed.byId.get(post.id)?.version ?? editing.version;
    editing.pending = true;
    editing.error = null;
    t.host.requestUpdate();
    try {
      if (post.status === 'visible') this.editsToConfirm.set(post.id, text);
      await store.editPost(post.threadId, post.id, text, {version: editing.version});
      // The live update may already have brought the stored post (perhaps held again): keep its status.
      this.confirmEdit(post.id);
      // Show the edit at once; the live update confirms it.
      const byId = t.feed.byId;
      const current = byId.get(post.id) ?? post;
      byId.set(post.id, {...current, body: text, editedAt: current.editedAt ?? Date.now()});
      this.editing = null;
      t.host.requestUpdate();
      await t.host.updateComplete;
      focusPost(t, post.id);
    } catch (e) {
      this.editsToConfirm.delete(post.id);
      editing.pending = false;
      editing.error = t.fail(e, 'edit');
      t.host.requestUpdate();
    }
  }

  /** Once the stored post carries the saved text: tell the author if the edit holds it for review. */
  confirmEdit(id: string) {
    const p = this.t.feed.byId.get(id);
    if (!p || p.body !== this.editsToConfirm.get(id)) return;
    this.editsToConfirm.delete(id);
    if (p.status === 'held') this.t.announce(this.t.m.editedHeld);
  }

  async delete(post: Post) {
    const t = this.t;
    const store = t.store;
    if (!store || this.#busy.has(`${post.id}:delete`)) return;
    this.#busy.add(`${post.id}:delete`);
    try {
      await store.deletePost(post.threadId, post.id);
      t.feed.byId.set(post.id, {...post, body: '', status: 'deleted'});
      this.confirmDelete = null;
    } catch (e) {
      this.postErrors.set(post.id, t.fail(e, 'delete'));
    } finally {
      this.#busy.delete(`${post.id}:delete`);
      t.host.requestUpdate();
    }
    await t.host.updateComplete;
    focusPost(t, post.id);
  }
}
