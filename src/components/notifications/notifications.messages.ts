import {defineMessages} from '../../i18n/messages.js';
import type {ReactionKind} from '../../data/types.js';

const en = {
  heading: 'Notifications',
  bell: (n: number) => (n === 0 ? 'Notifications' : n === 1 ? 'Notifications, 1 unread' : `Notifications, ${n > 199 ? '200 or more' : n} unread`),
  markAll: 'Mark all as read',
  markOne: 'Mark as read',
  unread: 'Unread',
  empty: 'No notifications yet. Replies to your posts and news from conversations you follow will appear here.',
  signedOut: 'Sign in and join the community to get notifications.',
  noCommunity: 'Notifications need a community: place this element inside <kin-community>.',
  notSwitchedOn: 'Notifications are not switched on for this community yet. Deploy the Cloud Functions (the functions/ folder, `firebase deploy --only functions`) to turn them on. Only admins see this message.',
  offline: 'You are offline: new notifications will appear when you reconnect.',
  allRead: 'All notifications marked as read.',
  reply: 'Someone replied to your post',
  threadPost: 'New post in a conversation you follow',
  reaction: (n: number, kind: ReactionKind) => {
    const what = {heart: 'sent a heart', hug: 'sent a hug', metoo: 'said “me too”', thanks: 'said thanks'}[kind] ?? 'reacted';
    return `${n === 1 ? '1 person' : `${n} people`} ${what} to your post`;
  },
  connectionRequest: 'Someone would like to connect with you',
  connectionAccepted: 'Your connection request was accepted',
  postApproved: 'Your post was approved and everyone can now see it',
  postHidden: 'A moderator hid your post',
  reason: (r: string) => `Reason: ${r}`,
  report: 'New report to review',
  heldPost: 'A post is waiting for review',
  more: (n: number) => `and ${n} more`,
};

export const notificationsMessages = defineMessages({en}, 'notifications', () => import('./notifications.messages.cy.js'));
export type NotificationsMessages = typeof en;
