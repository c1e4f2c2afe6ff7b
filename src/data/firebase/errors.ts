// Firebase errors (Firestore and Auth codes) → KindredError codes with a message that says what to do.
import {KindredError, isKindredError} from '../errors.js';

const FIRESTORE: Record<string, [KindredError['code'], string]> = {
  'permission-denied': ['permission-denied', 'You are not allowed to do this here. Join the community, or ask a moderator if you think this is wrong.'],
  'unauthenticated': ['unauthenticated', 'Sign in and try again.'],
  'not-found': ['not-found', 'It no longer exists; refresh to see the latest.'],
  'already-exists': ['already-exists', 'It already exists; refresh to see it.'],
  'invalid-argument': ['invalid-argument', 'Check what you entered and try again.'],
  'out-of-range': ['invalid-argument', 'Check what you entered and try again.'],
  'resource-exhausted': ['rate-limited', 'Too many requests just now; wait a minute and try again.'],
  'unavailable': ['unavailable', 'The community cannot be reached; check your connection and try again.'],
  'deadline-exceeded': ['unavailable', 'The community took too long to answer; check your connection and try again.'],
  'cancelled': ['unavailable', 'The request was interrupted; try again.'],
  'aborted': ['unavailable', 'Someone else changed this at the same moment; try again.'],
  'failed-precondition': ['misconfigured', 'The Firestore database is not set up for this query: deploy firestore.indexes.json (firebase deploy --only firestore).'],
  'unimplemented': ['misconfigured', 'This Firestore feature is not available in this project.'],
};

const AUTH: Record<string, [KindredError['code'], string, string | null]> = {
  'auth/network-request-failed': ['unavailable', 'Sign-in could not reach the server; check your connection and try again.', null],
  'auth/too-many-requests': ['rate-limited', 'Too many sign-in attempts; wait a few minutes and try again.', null],
  'auth/quota-exceeded': ['rate-limited', 'Too many sign-in emails were sent today; try again later.', null],
  'auth/invalid-email': ['invalid-argument', 'That email address does not look right; check it and try again.', 'email'],
  'auth/missing-email': ['invalid-argument', 'Enter your email address.', 'email'],
  'auth/invalid-action-code': ['invalid-argument', 'This sign-in link has already been used or is not valid; ask for a new one.', 'link'],
  'auth/expired-action-code': ['invalid-argument', 'This sign-in link has expired; ask for a new one.', 'link'],
  'auth/invalid-custom-token': ['invalid-argument', 'The sign-in token is not valid; sign in on the site again.', 'token'],
  'auth/custom-token-mismatch': ['misconfigured', 'The sign-in token was made for another Firebase project; check the site configuration.', 'token'],
  'auth/operation-not-allowed': ['misconfigured', 'This sign-in method is turned off: enable it in the Firebase console (Authentication → Sign-in method).', null],
  'auth/admin-restricted-operation': ['misconfigured', 'Anonymous sign-in is turned off: enable it in the Firebase console (Authentication → Sign-in method).', null],
  'auth/unauthorized-domain': ['misconfigured', 'This website is not an authorised domain: add it in the Firebase console (Authentication → Settings).', null],
  'auth/unauthorized-continue-uri': ['misconfigured', 'The sign-in return address is not an authorised domain: add it in the Firebase console.', null],
  'auth/invalid-api-key': ['misconfigured', 'The api-key is not valid: copy it again from the Firebase console (Project settings).', null],
  'auth/credential-already-in-use': ['already-exists', 'That email already has an account; sign out and sign in with it instead.', 'email'],
  'auth/email-already-in-use': ['already-exists', 'That email already has an account; sign out and sign in with it instead.', 'email'],
  'auth/provider-already-linked': ['already-exists', 'This account already has an email address.', 'email'],
  'auth/user-disabled': ['permission-denied', 'This account has been disabled; contact the community organisers.', null],
};

/** Maps anything a Firebase call threw to a KindredError; `action` says what was being done. */
export function mapFirebaseError(e: unknown, action: string): KindredError {
  if (isKindredError(e)) return e;
  const code = typeof (e as {code?: unknown})?.code === 'string' ? (e as {code: string}).code : '';
  const detail = e instanceof Error ? e.message : String(e);
  const auth = AUTH[code];
  if (auth) return new KindredError(auth[0], `Could not ${action}: ${auth[1]}`, auth[2], {cause: e});
  const fs = FIRESTORE[code.replace(/^firestore\//, '')];
  if (fs) {
    const message = fs[0] === 'misconfigured' ? `${fs[1]} (${detail})` : fs[1];
    return new KindredError(fs[0], `Could not ${action}: ${message}`, null, {cause: e});
  }
  return new KindredError('internal', `Could not ${action}: something unexpected went wrong (${detail}). Try again; if it keeps happening, tell the site owner.`, null, {cause: e});
}
