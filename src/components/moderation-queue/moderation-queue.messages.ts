import {defineMessages} from '../../i18n/messages.js';
import type {ModerationAction} from '../../data/store.js';
import type {ReportReason} from '../../data/types.js';

const en = {
  heading: 'Moderation queue',
  count: (n: number) => (n === 1 ? '1 item to review' : `${n} items to review`),
  /** Issue 17: a full page is shown; there may be more. */
  countMore: (n: number) => `${n === 1 ? '1 item' : `${n} items`} shown; there may be more`,
  showMore: 'Show more items',
  loadingMore: 'Loading more…',
  noMore: 'No more items to review.',
  order: 'Show',
  newest: 'Newest first',
  oldest: 'Oldest first',
  empty: 'Nothing to review. Reports and held posts will appear here as they arrive.',
  notModerator: 'Only moderators and admins can see the moderation queue.',
  signedOut: 'Sign in as a moderator to see the moderation queue.',
  noCommunity: 'The moderation queue needs a community: place it inside <kin-community>.',
  report: 'Report',
  held: 'Held post',
  reportReason: (reason: ReportReason) => ({
    harm: 'Could cause harm', crisis: 'Someone may be in danger', abuse: 'Abusive or unkind', spam: 'Spam or advertising',
    misinformation: 'Misleading health information', privacy: 'Shares private information', other: 'Something else',
  })[reason] ?? reason,
  holdReason: (code: string | null) => ({
    moderation: 'Every post is reviewed in this community', 'banned-word': 'Contains a word on the community’s list',
    'first-posts': 'One of a new member’s first posts', 'contact-details': 'Contains an email address or phone number',
    links: 'Contains more than two links', 'crisis-review': 'Crisis wording: a person reads it first',
  } as Record<string, string>)[code ?? ''] ?? code ?? '',
  details: 'Reporter’s note',
  inThread: (title: string) => `In “${title}”`,
  replyTo: 'In reply to',
  by: (name: string) => `By ${name}`,
  profileReport: (name: string) => `Profile of ${name}`,
  postGone: 'This post no longer exists.',
  hiddenNow: 'Hidden now',
  suspendedUntil: (date: string) => `Suspended until ${date}`,
  suspendedIndefinitely: 'Suspended until lifted',
  approve: 'Approve',
  hide: 'Hide…',
  restore: 'Restore',
  dismiss: 'Dismiss report',
  suspend: 'Suspend author…',
  suspendMember: 'Suspend member…',
  lift: 'Lift suspension',
  reason: 'Reason (shown in place of the post)',
  suspendReason: 'Reason (for the log)',
  duration: 'For how long',
  days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  untilLifted: 'Until lifted',
  confirmHide: 'Hide post',
  confirmSuspend: 'Suspend',
  cancel: 'Cancel',
  reasonRequired: 'Give a reason: members see it in place of the hidden post.',
  suspendReasonRequired: 'Give a reason for the log.',
  working: 'Working…',
  done: (action: ModerationAction) => ({
    approve: 'Post approved.', hide: 'Post hidden.', restore: 'Post restored.', 'dismiss-report': 'Report dismissed.',
    suspend: 'Member suspended.', 'lift-suspension': 'Suspension lifted.', 'clear-crisis': 'Marked as read.',
  })[action],
  // Issue 18: crisis wording, shown to moderators only.
  crisisItem: 'Crisis wording in a published post',
  crisisFlag: 'Crisis wording',
  crisisKinds: (kinds: readonly string[]) => kinds.map((k) => ({
    ideation: 'thoughts of suicide', plan: 'a plan or means', 'self-harm': 'self-harm', hopelessness: 'hopelessness',
    burden: 'feeling a burden', farewell: 'a farewell',
  } as Record<string, string>)[k] ?? k).join(', '),
  crisisAdvice: 'The author was shown crisis contacts as they wrote. Consider reaching out to them kindly.',
  clearCrisis: 'Mark as read',
  log: 'Moderation log',
  logEmpty: 'No actions yet.',
  logAction: (action: string) => ({
    approve: 'Approved', hide: 'Hid', restore: 'Restored', 'dismiss-report': 'Dismissed a report', suspend: 'Suspended',
    'lift-suspension': 'Lifted a suspension', 'clear-crisis': 'Read a crisis flag', 'grant-role': 'Granted a role', 'revoke-role': 'Revoked a role', 'approve-story': 'Approved the founder story',
    'accept-invite': 'Accepted an invite',
  } as Record<string, string>)[action] ?? action,
  // Issue 12: what an action was about, in words (never a raw document path).
  logPost: (title: string | null) => (title ? `a post in “${title}”` : 'a post'),
  logMember: (name: string | null) => name ?? 'a member',
  logReport: 'a report',
  logBy: (name: string) => `by ${name}`,
  offline: 'You are offline. Moderation actions need a connection; the queue updates when you reconnect.',
};

export const moderationQueueMessages = defineMessages({en}, 'moderationQueue', () => import('./moderation-queue.messages.cy.js'));
export type ModerationQueueMessages = typeof en;
