// Community health for trustees and funders (issue 14): the figures, their definitions, how they are
// shown (counts under 5 suppressed) and the CSV. Pure: no Lit, no DOM, no Firebase. Both stores compute
// the same definitions; FirebaseStore with aggregation queries, never by reading every document.
export type HealthKey = 'members' | 'newMembers' | 'posts' | 'activePosters' | 'repliedWithin24h' | 'medianFirstReply' | 'openReports' | 'heldPosts';
export const HEALTH_KEYS: readonly HealthKey[] = ['members', 'newMembers', 'posts', 'activePosters', 'repliedWithin24h', 'medianFirstReply', 'openReports', 'heldPosts'];

export const WEEK = 7 * 86400000;
/** Threads started in this window (and at least 24 h ago) count for the reply figures. */
export const REPLY_WINDOW = 28 * 86400000;
export const SUPPRESS_BELOW = 5;

/**
 * One figure. Definitions (both stores):
 *   members            member profiles now
 *   newMembers         profiles with joinedAt in the last 7 days
 *   posts              posts (any status) created in the last 7 days, in hub and page threads (not private pairs)
 *   activePosters      members whose last post (limits/{uid}.lastPostAt) is in the last 7 days; null when the
 *                      community sets no post interval (the kit then keeps no last-post time)
 *   repliedWithin24h   of hub threads started 1–28 days ago, the share (%) whose second post came within 24 h
 *   medianFirstReply   the median hours from a thread's start to its second post, over those threads that have one
 *   openReports        reports with status open
 *   heldPosts          posts waiting in the moderation queue (heldPosts markers)
 */
export interface HealthFigure {
  key: HealthKey;
  value: number | null;
  unit: 'count' | 'percent' | 'hours';
  /** How many threads or members the figure is computed from (for percentages and medians). */
  basis: number | null;
  /** Firestore document reads it cost (aggregations: 1 per 1000 index entries, at least 1); 0 on a LocalStore. */
  reads: number;
}

export interface CommunityHealth {
  at: number;
  figures: HealthFigure[];
}

/** Firestore's billing for one aggregation (count/sum/average): 1 read per 1000 index entries, at least 1. */
export const aggregationReads = (n: number) => Math.max(1, Math.ceil(n / 1000));

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The reply figures from each eligible thread's start and second post time (null: no reply yet). */
export function replyFigures(threads: {createdAt: number; secondPostAt: number | null}[]): {within24h: number | null; medianHours: number | null; basis: number; replied: number} {
  const replied = threads.filter((t) => t.secondPostAt !== null).map((t) => t.secondPostAt! - t.createdAt);
  const within = replied.filter((ms) => ms <= 86400000).length;
  return {
    within24h: threads.length ? Math.round((within / threads.length) * 100) : null,
    medianHours: replied.length ? Math.round((median(replied)! / 3600000) * 10) / 10 : null,
    basis: threads.length,
    replied: replied.length,
  };
}

/** A figure as shown and exported: counts 1–4 (and figures drawn from fewer than 5 threads) are suppressed. */
export function shownValue(f: HealthFigure): {value: number | null; suppressed: boolean} {
  if (f.value === null) return {value: null, suppressed: false};
  if (f.unit === 'count') return f.value > 0 && f.value < SUPPRESS_BELOW ? {value: null, suppressed: true} : {value: f.value, suppressed: false};
  return f.basis !== null && f.basis < SUPPRESS_BELOW ? {value: null, suppressed: true} : {value: f.value, suppressed: false};
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV for a spreadsheet: figure, value (suppressed values as "<5"), unit, basis, reads, time. */
export function healthCsv(h: CommunityHealth, label: (k: HealthKey) => string): string {
  const at = new Date(h.at).toISOString();
  const rows = [['figure', 'value', 'unit', 'reads', 'measured_at']];
  for (const f of h.figures) {
    const shown = shownValue(f);
    rows.push([label(f.key), shown.suppressed ? '<5' : shown.value === null ? '' : String(shown.value), f.unit, String(f.reads), at]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
