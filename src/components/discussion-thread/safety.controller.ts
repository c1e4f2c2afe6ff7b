// Issue 18 in <kin-discussion-thread>: content warnings (which warned posts the reader opened, the
// member's choices per topic, the author's or a moderator's warning form) and the visitors' count of
// members-only posts. Decisions come from src/data/domain/safety.ts.
import type {ReactiveController} from 'lit';
import {LiveController} from '../../controllers/live.js';
import type {KindredError} from '../../data/errors.js';
import {toKindredError} from '../../data/errors.js';
import {WARNING_LABEL_MAX, validateWarning, warningDisplay, type ContentWarning, type WarningDisplay, type WarningPrefs, type WarningTopic} from '../../data/domain/safety.js';
import type {CommunityStore} from '../../data/store.js';
import {onWarningPrefs} from '../../data/warning-prefs-signal.js';
import type {Post} from '../../data/types.js';
import {safetyMessages} from '../../i18n/safety.messages.js';
import type {ThreadContext} from './discussion-thread.context.js';

/** The warning form of one post: '' = no warning. */
export interface WarningDraft {
  postId: string;
  topic: WarningTopic | '';
  label: string;
  pending: boolean;
  error: KindredError | null;
  invalid: boolean;
}

export class ThreadSafety implements ReactiveController {
  /** Warned posts the reader chose to open (or to fold again, when their choice is "show open"). */
  readonly toggled = new Set<string>();
  editing: WarningDraft | null = null;
  /** How many members-only posts a visitor cannot see (members: not subscribed). */
  readonly membersOnly: LiveController<number, readonly [CommunityStore | null, string | null, boolean, boolean]>;
  /** The member's choices per topic (read once per store and member). */
  readonly prefs: LiveController<WarningPrefs, readonly [CommunityStore | null, string | null, boolean, boolean]>;

  constructor(private readonly t: ThreadContext) {
    t.host.addController(this);
    this.membersOnly = new LiveController(t.host, {
      // Issue 17: a signed-in reader's membership is known once their profile has answered; until then the
      // count is not asked for (a member would have paid one read for a count they are never shown).
      key: () => [t.store, t.threadId, t.canRead, t.isMember || (!!t.uid && (t.me.status === 'idle' || t.me.status === 'loading'))] as const,
      subscribe: ([store, threadId, canRead, memberOrUnknown], next, error) =>
        store && threadId && canRead && !memberOrUnknown ? store.watchMembersOnlyCount(threadId, next, error) : null,
    });
    this.prefs = new LiveController(t.host, {
      // Issue 17: read once a post someone else wrote carries a warning (until then nothing depends on them, and
      // a member's first view of a thread with no warned post saves the read). Warned posts start folded.
      key: () => [t.store, t.uid, t.isMember, this.#wanted()] as const,
      subscribe: ([store, uid, member, wanted], next) => {
        if (!store || !uid || !member || !wanted) return null;
        let active = true;
        let saved = false;
        // A failure to read them leaves the default (every warned post folded): the safe side.
        store.getPrivateRecord().then((r) => active && !saved && next(r?.warnings ?? {}), () => active && !saved && next({}));
        // Choices saved later on this page (in <kin-profile>) apply at once.
        const off = onWarningPrefs(store, (who, prefs) => {
          if (!active || who !== uid) return;
          saved = true;
          next(prefs);
        });
        return () => {
          active = false;
          off();
        };
      },
    });
  }

  hostUpdate() {}

  /** Whether the member's choices per warning topic matter yet: sticky once a warned post of someone else's was shown. */
  #wantPrefs = false;
  #wanted(): boolean {
    if (!this.#wantPrefs) this.#wantPrefs = !!this.t.feed?.posts.value?.some((p) => p.warning && p.authorId !== this.t.uid);
    return this.#wantPrefs;
  }

  /** How a post is shown to this reader: its own author always sees it open. */
  display(post: Post): WarningDisplay {
    if (!post.warning) return 'plain';
    if (this.t.uid && post.authorId === this.t.uid) return 'open';
    return warningDisplay(post.warning, this.t.isMember ? this.prefs.value : null);
  }

  /** Whether a warned post is folded right now (its default, unless the reader toggled it). */
  folded(post: Post): boolean {
    const d = this.display(post);
    if (d === 'plain') return false;
    const flipped = this.toggled.has(post.id);
    return d === 'collapsed' || d === 'hidden' ? !flipped : flipped;
  }

  toggle(post: Post) {
    if (this.toggled.has(post.id)) this.toggled.delete(post.id);
    else this.toggled.add(post.id);
    this.t.host.requestUpdate();
  }

  /** The warning label shown to readers. */
  label(warning: ContentWarning): string {
    return warning.topic === 'custom' && warning.label ? warning.label : safetyMessages(this.t.locale).topic(warning.topic);
  }

  get isModerator(): boolean {
    const badges = this.t.me.value?.badges ?? [];
    return badges.includes('moderator') || badges.includes('admin');
  }

  openEditor(post: Post) {
    this.editing = this.editing?.postId === post.id ? null : {
      postId: post.id, topic: post.warning?.topic ?? '', label: post.warning?.label ?? '', pending: false, error: null, invalid: false,
    };
    this.t.host.requestUpdate();
  }

  async save(post: Post) {
    const t = this.t;
    const e = this.editing;
    if (!e || e.pending || !t.store || !t.threadId) return;
    e.invalid = e.topic === 'custom' && !e.label.trim();
    if (e.invalid) return t.host.requestUpdate();
    let warning: ContentWarning | null;
    try {
      warning = e.topic ? validateWarning({topic: e.topic, label: e.topic === 'custom' ? e.label.trim().slice(0, WARNING_LABEL_MAX) : null}) : null;
    } catch {
      e.invalid = true;
      return t.host.requestUpdate();
    }
    e.pending = true;
    e.error = null;
    t.host.requestUpdate();
    try {
      await t.store.setContentWarning(t.threadId, post.id, warning);
      this.editing = null;
      t.announce(safetyMessages(t.locale).warningSaved);
    } catch (err) {
      e.pending = false;
      e.error = t.fail(toKindredError(err), 'set-warning');
    }
    t.host.requestUpdate();
  }
}
