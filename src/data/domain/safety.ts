// Safety and inclusion (issue 18): content warnings and per-post audience. Pure decisions that both
// stores apply and firestore.rules mirrors (the "Issue 18" section; its value lists come from
// RULES_CONSTANTS in ./limits.ts).
//
// Content warnings. An author may put a warning on their post (a topic from a fixed list, or a short
// custom label); a moderator may add, change or remove one (logged as 'set-warning'). Readers see a
// warned post collapsed behind its warning until they open it; a member may choose, per topic, to always
// collapse (the default), to hide such posts entirely, or to show them open. Visitors get the default.
//
// Audience. In a public community a member chooses, per post, "everyone" or "members only". Visitors
// never receive a members-only post (its text or its author); the rules let a visitor's query ask only
// for `audience == 'everyone'`. A reply is at least as closed as its parent. Visitors learn how many
// members-only posts a thread has from a count (audienceCounts/{tid} on Firestore) so they can be told
// that joining shows more.
import {KindredError} from '../errors.js';
import {validateText} from '../policy-basics.js';

/** Topics a content warning names; `custom` carries a short label of the author's own. */
export const WARNING_TOPICS = ['self-harm', 'suicide', 'eating', 'pregnancy-loss', 'bereavement', 'graphic-medical', 'custom'] as const;
export type WarningTopic = (typeof WARNING_TOPICS)[number];

/** Longest custom warning label. */
export const WARNING_LABEL_MAX = 40;

/** A content warning on a post. `label` is the custom topic's text, and null for the listed topics. */
export interface ContentWarning {
  topic: WarningTopic;
  label: string | null;
}

/** Who may read a post: everyone who may read the community, or its members only. */
export const POST_AUDIENCES = ['everyone', 'members'] as const;
export type PostAudience = (typeof POST_AUDIENCES)[number];

/** What a member wants done with posts warned for a topic. */
export const WARNING_CHOICES = ['collapse', 'hide', 'show'] as const;
export type WarningChoice = (typeof WARNING_CHOICES)[number];
/** A member's choices per topic (missing = collapse); kept in their private record. */
export type WarningPrefs = Partial<Record<WarningTopic, WarningChoice>>;

/** How a reader is shown a post: no warning, collapsed behind it, opened without asking, or not at all. */
export type WarningDisplay = 'plain' | 'collapsed' | 'open' | 'hidden';

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

/** A post's warning as given by a caller: null/undefined for none; throws a readable error otherwise. */
export function validateWarning(value: unknown): ContentWarning | null {
  if (value == null) return null;
  if (typeof value !== 'object') throw invalid('warning', 'warning must be {topic, label} or null.');
  const w = value as {topic?: unknown; label?: unknown};
  if (!WARNING_TOPICS.includes(w.topic as WarningTopic)) {
    throw invalid('warning', `A content warning's topic must be one of ${WARNING_TOPICS.join(', ')}.`);
  }
  const topic = w.topic as WarningTopic;
  if (topic !== 'custom') {
    if (w.label != null && w.label !== '') throw invalid('warning', `Only a custom warning has a label; "${topic}" has its own wording.`);
    return {topic, label: null};
  }
  const label = validateText('warning', w.label ?? '', {min: 1, max: WARNING_LABEL_MAX});
  if (label.includes('\n')) throw invalid('warning', 'A warning label must be on one line.');
  return {topic, label};
}

/** A stored warning, read leniently: anything malformed reads as none (never trusted into the page). */
export function warningOf(value: unknown): ContentWarning | null {
  try {
    return validateWarning(value);
  } catch {
    return null;
  }
}

/** A post's audience as given by a caller: missing = everyone. */
export function validateAudience(value: unknown): PostAudience {
  if (value === undefined || value === null) return 'everyone';
  if (!POST_AUDIENCES.includes(value as PostAudience)) throw invalid('audience', `audience must be one of ${POST_AUDIENCES.join(', ')}.`);
  return value as PostAudience;
}

/** A stored post's audience: missing (posts written before issue 18) = everyone. */
export const audienceOf = (post: {audience?: unknown}): PostAudience => (post.audience === 'members' ? 'members' : 'everyone');

/** A new post's audience: what the author chose, but a reply is at least as closed as its parent. */
export function newPostAudience(chosen: unknown, parent: {audience?: unknown} | null): PostAudience {
  const audience = validateAudience(chosen);
  return parent && audienceOf(parent) === 'members' ? 'members' : audience;
}

/** Whether a reader may receive a post, as far as its audience goes: members always, others public posts only. */
export const audienceAllows = (isMember: boolean, post: {audience?: unknown}): boolean => isMember || audienceOf(post) === 'everyone';

/**
 * Whether a post counts as a members-only post a visitor is told about: members only, and not held
 * (a held post is nobody's but its author's yet). firestore.rules audienceCounts/{tid} uses the same test.
 */
export const countsAsMembersOnly = (post: {audience?: unknown; status: string} | null): boolean =>
  !!post && audienceOf(post) === 'members' && post.status !== 'held';

/** How far a write moves a thread's members-only count (-1, 0 or +1). */
export const membersOnlyDelta = (before: {audience?: unknown; status: string} | null, after: {audience?: unknown; status: string} | null): number =>
  (countsAsMembersOnly(after) ? 1 : 0) - (countsAsMembersOnly(before) ? 1 : 0);

/** A member's warning preferences as given: a map of topic → choice; throws on an unknown topic or choice. */
export function validateWarningPrefs(value: unknown): WarningPrefs {
  if (value == null || typeof value !== 'object' || Array.isArray(value)) throw invalid('warnings', 'warnings must be a map of topic to collapse, hide or show.');
  const out: WarningPrefs = {};
  for (const [topic, choice] of Object.entries(value as Record<string, unknown>)) {
    if (!WARNING_TOPICS.includes(topic as WarningTopic)) throw invalid('warnings', `"${topic}" is not a warning topic (${WARNING_TOPICS.join(', ')}).`);
    if (!WARNING_CHOICES.includes(choice as WarningChoice)) throw invalid('warnings', `The choice for "${topic}" must be collapse, hide or show.`);
    // The default is not stored: the record says only what the member changed.
    if (choice !== 'collapse') out[topic as WarningTopic] = choice as WarningChoice;
  }
  return out;
}

/** How a post with `warning` is shown to a reader with `prefs` (visitors: no prefs, so collapsed). */
export function warningDisplay(warning: ContentWarning | null | undefined, prefs: WarningPrefs | null | undefined): WarningDisplay {
  if (!warning) return 'plain';
  const choice = prefs?.[warning.topic] ?? 'collapse';
  return choice === 'hide' ? 'hidden' : choice === 'show' ? 'open' : 'collapsed';
}

/**
 * A post as both stores hand it out: `warning` only when there is one and `audience` only when it is
 * members only, so posts written before issue 18 (and seeds) compare equal on either store.
 */
export function withSafety<P extends object>(post: P, warning: ContentWarning | null, audience: PostAudience): P & {warning?: ContentWarning; audience?: 'members'} {
  const {warning: _w, audience: _a, ...rest} = post as P & {warning?: unknown; audience?: unknown};
  return {...(rest as P), ...(warning ? {warning} : {}), ...(audience === 'members' ? {audience} : {})};
}
