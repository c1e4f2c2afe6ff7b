// Issue 18: content warnings and per-post audience, shared by <kin-discussion-thread> (the composer, the
// collapsed post, the visitors' notice) and <kin-profile> (the member's choices per topic).
import type {WarningChoice, WarningTopic} from '../data/domain/safety.js';
import {defineMessages} from './messages.js';

const en = {
  topic: (topic: WarningTopic): string => ({
    'self-harm': 'Self-harm',
    suicide: 'Suicide',
    eating: 'Eating and food',
    'pregnancy-loss': 'Pregnancy or baby loss',
    bereavement: 'Bereavement',
    'graphic-medical': 'Graphic medical detail',
    custom: 'Something else',
  } as Record<WarningTopic, string>)[topic],
  /** The warning shown on a collapsed post. */
  warningLabel: (label: string): string => `Content warning: ${label}`,
  showPost: 'Show post',
  hidePost: 'Hide post again',
  // composer
  warningField: 'Content warning (optional)',
  warningNone: 'No warning',
  warningCustomLabel: 'Your warning, in a few words',
  warningCustomHint: 'Up to 40 characters, e.g. “Needles”.',
  warningCustomRequired: 'Write the warning in a few words, or choose “No warning”.',
  audienceField: 'Who can read this?',
  audienceEveryone: 'Everyone who visits',
  audienceMembers: 'Members only',
  audienceReplyInherits: 'This reply is for members only, like the post it answers.',
  membersOnlyBadge: 'Members only',
  // the visitors' notice
  membersOnlyNotice: (n: number): string => (n === 1
    ? '1 post is shared with members only. Join to read it.'
    : `${n} posts are shared with members only. Join to read them.`),
  // a post's warning, changed by its author or a moderator
  changeWarning: 'Content warning',
  saveWarning: 'Save warning',
  warningSaved: 'Content warning saved.',
  cancel: 'Cancel',
  // profile
  prefsHeading: 'Posts with content warnings',
  prefsHint: 'Posts with a content warning are shown folded until you open them. For each topic you can also hide them completely, or always show them open.',
  choice: (c: WarningChoice): string => ({collapse: 'Fold until I open it', hide: 'Hide completely', show: 'Show open'} as Record<WarningChoice, string>)[c],
  savePrefs: 'Save these choices',
  prefsSaved: 'Your choices are saved.',
};

export const safetyMessages = defineMessages({en}, 'safety', () => import('./safety.messages.cy.js'));
export type SafetyMessages = typeof en;
