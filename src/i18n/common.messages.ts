import {defineMessages} from './messages.js';
import type {KindredErrorCode} from '../data/errors.js';

const en = {
  loading: 'Loading…',
  // Issue 17: a first load still waiting after a few seconds (the server refusing or slow; the SDK retries by itself).
  slowLoading: 'This is taking longer than usual. We are still trying to reach the community and will show it here as soon as it answers: there is no need to reload the page.',
  retry: 'Try again',
  offline: 'You are offline. What you write is kept on this device and sent when you reconnect.',
  reconnecting: 'Reconnecting to the community… What you see may be out of date; what you write is kept and sent once we are back.',
  signedOut: 'Join the community to take part.',
  // Issue 17: the sign-in on this device ended by itself (expired or revoked), not by signing out.
  sessionExpired: 'Your sign-in has expired. Sign in again to take part: what you wrote is kept on this device.',
  signInAgain: 'Sign in again',
  join: 'Join',
  signIn: 'Sign in',
  membersOnly: 'This community is for members only. Join to read and take part.',
  configError: 'This community could not be loaded.',
  communityMissing: 'This community is not set up yet. If you run this website, check the community="…" attribute of <kin-community>.',
  needHelp: 'Need help now?',
  relationship_patient: 'Patient',
  relationship_carer: 'Carer or family',
  relationship_professional: 'Professional',
  relationship_other: 'Member',
  badge_admin: 'Admin',
  badge_moderator: 'Moderator',
  badge_founder: 'Founder',
  badge_clinician: 'Verified clinician',
  error: (code: KindredErrorCode): string => ({
    'permission-denied': 'You do not have permission to do that.',
    'invalid-argument': 'Something you entered is not valid. Check it and try again.',
    'not-found': 'We could not find that. It may have been removed.',
    unavailable: 'We cannot reach the community right now. Check your connection and try again.',
    'rate-limited': 'That was quick! Please wait a few seconds and try again.',
    unauthenticated: 'Please sign in or join first.',
    'already-exists': 'That already exists.',
    misconfigured: 'This community is not set up correctly.',
    internal: 'Something went wrong on our side. Please try again.',
    conflict: 'This was changed somewhere else while you were working on it. Nothing was overwritten.',
  })[code],
};

export const commonMessages = defineMessages({en}, 'common', () => import('./common.messages.cy.js'));
export type CommonMessages = typeof en;
