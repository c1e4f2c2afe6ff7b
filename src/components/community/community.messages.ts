import {defineMessages} from '../../i18n/messages.js';

const en = {
  title: 'This community could not be loaded. If you run this website, check its set-up:',
  joinDialog: 'Join the community',
  signInTitle: 'Finish signing in',
  signInEmail: 'The email address the sign-in link was sent to',
  signInSubmit: 'Sign in',
  consentTitle: 'Load the community?',
  consentBody:
    'This community is not loaded yet. Loading it connects to the community’s service and, if you take part, keeps your sign-in on this device. Nothing is loaded or stored until you agree.',
  consentAgree: 'Load the community',
  preview: 'Preview — stored only in this browser',
  // Issue 17: the community's code or data did not arrive (network, server); tried again with backoff.
  retrying: 'We will keep trying by ourselves; you can also try now.',
  // Issue 17 (fault): IndexedDB blocked, full or denied in this frame: the store goes on in memory.
  // Issue 17 (fault): "Sign in again" for a member who had signed in with an email link.
  againIntro: 'You signed in with your email address. We will email you a link to sign in again, so you come back to the same account.',
  againEmail: 'Your email address',
  againSend: 'Email me a sign-in link',
  againSent: 'We have sent you a sign-in link. Open it in this browser to carry on where you were.',
  againInvalid: 'Enter your email address, like name@example.org.',
  againFailed: 'We could not send the link just now. Check the address and try again.',
  storageMemoryOnly: 'This browser is not letting this page save on your device (its storage is blocked or full), so what you do here is kept only while this page stays open.',
};
export const communityMessages = defineMessages({en}, 'community', () => import('./community.messages.cy.js'));
export type CommunityMessages = typeof en;
