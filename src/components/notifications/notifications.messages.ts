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

const cy: typeof en = {
  heading: 'Hysbysiadau',
  bell: (n: number) => (n === 0 ? 'Hysbysiadau' : `Hysbysiadau, ${n > 199 ? '200 neu fwy' : n} heb eu darllen`),
  markAll: 'Marcio’r cyfan wedi’u darllen',
  markOne: 'Marcio wedi’i ddarllen',
  unread: 'Heb ei ddarllen',
  empty: 'Dim hysbysiadau eto. Bydd atebion i’ch negeseuon a newyddion o sgyrsiau rydych yn eu dilyn yn ymddangos yma.',
  signedOut: 'Mewngofnodwch ac ymunwch â’r gymuned i gael hysbysiadau.',
  noCommunity: 'Mae angen cymuned ar hysbysiadau: rhowch yr elfen hon y tu mewn i <kin-community>.',
  notSwitchedOn: 'Nid yw hysbysiadau wedi’u troi ymlaen ar gyfer y gymuned hon eto. Defnyddiwch y Cloud Functions (y ffolder functions/, `firebase deploy --only functions`) i’w troi ymlaen. Dim ond gweinyddwyr sy’n gweld y neges hon.',
  offline: 'Rydych all-lein: bydd hysbysiadau newydd yn ymddangos pan fyddwch yn ailgysylltu.',
  allRead: 'Marciwyd pob hysbysiad wedi’i ddarllen.',
  reply: 'Mae rhywun wedi ateb eich neges',
  threadPost: 'Neges newydd mewn sgwrs rydych yn ei dilyn',
  reaction: (n: number, kind: ReactionKind) => {
    const what = {heart: 'wedi anfon calon', hug: 'wedi anfon cwtsh', metoo: 'wedi dweud “fi hefyd”', thanks: 'wedi diolch'}[kind] ?? 'wedi ymateb';
    return `${n === 1 ? 'Mae 1 person' : `Mae ${n} o bobl`} ${what} i’ch neges`;
  },
  connectionRequest: 'Hoffai rhywun gysylltu â chi',
  connectionAccepted: 'Derbyniwyd eich cais i gysylltu',
  postApproved: 'Cymeradwywyd eich neges a gall pawb ei gweld nawr',
  postHidden: 'Cuddiodd cymedrolwr eich neges',
  reason: (r: string) => `Rheswm: ${r}`,
  report: 'Adroddiad newydd i’w adolygu',
  heldPost: 'Mae neges yn aros i’w hadolygu',
  more: (n: number) => `a ${n} arall`,
};

export const notificationsMessages = defineMessages({en, cy}, 'notifications');
export type NotificationsMessages = typeof en;
