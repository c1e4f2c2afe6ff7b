import {defineMessages} from '../../i18n/messages.js';

const en = {
  heading: 'Email notifications',
  hint: 'Emails say only that something happened in the community, never what anyone wrote. You can stop them from any email with one click.',
  how: 'Send me emails',
  off: 'Never',
  immediate: 'As things happen (replies, connection requests, moderation news)',
  daily: 'One daily summary',
  address: 'Email address',
  addressHint: 'Leave empty to use the address you sign in with. Only you and the email service see it.',
  language: 'Language of the emails',
  en: 'English',
  cy: 'Cymraeg (Welsh)',
  save: 'Save email settings',
  saved: 'Email settings saved.',
  badAddress: 'This does not look like an email address: check it, or leave it empty to use your sign-in address.',
};

export const emailNotificationsMessages = defineMessages({en}, 'emailNotifications', () => import('./email-notifications.messages.cy.js'));
export type EmailNotificationsMessages = typeof en;
