// Why a post is held, told kindly to its author (Post.statusReason codes from policy.initialPostStatus).
// Shared by <kin-discussion-thread> (the author's own held post) and <kin-moderation-queue>.
import {defineMessages} from './messages.js';

const en = {
  holdWhy: (code: string | null): string => ({
    moderation: 'Every post here is read by a moderator first, to keep the community safe.',
    'first-posts': 'A moderator reads new members’ first few posts before they appear. Thank you for your patience.',
    'contact-details': 'It contains an email address or phone number. To keep everyone safe, a moderator checks these before they appear. You may prefer to remove them.',
    links: 'It contains more than two links, so a moderator checks it first.',
    'banned-word': 'It contains a word this community asks a moderator to check first.',
    'crisis-review': 'Thank you for sharing this. A person from our moderation team will read your post soon, before others see it. You are not in trouble. If you need help now, “Need help now?” lists people you can talk to straight away.',
  } as Record<string, string>)[code ?? ''] ?? '',
};

export const moderationMessages = defineMessages({en}, 'moderation', () => import('./moderation.messages.cy.js'));
export type ModerationMessages = typeof en;
