// Access (issue 13): one set of guards and one set of messages for both stores. A store loads the
// signed-in user, their member document and roles, and asks here; firestore.rules decides the same
// (signedIn / isMember / canWrite / isMod) and the parity suites hold the two together.
//
// Messages say what to do next. `doing` completes "before you …" / "cannot … until": a short verb
// phrase such as 'post', 'answer a connection request'.
import {KindredError} from '../errors.js';
import {isModerator, isSuspended} from '../policy.js';
import type {MemberProfile, RoleRecord, SessionUser} from '../types.js';

export const denied = (message: string) => new KindredError('permission-denied', message);
export const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);
export const notFound = (message: string, field: string | null = null) => new KindredError('not-found', message, field);

/** What a guard needs to know about the caller, loaded by the store. */
export interface Caller {
  user: SessionUser | null;
  /** The caller's member document, or null when they have not joined (or erased). */
  member: MemberProfile | null;
  roles: RoleRecord | null;
  now: number;
}

// The guards' sentences: the same words on every store.
export const guard = {
  signIn: (doing: string) => new KindredError('unauthenticated', `Sign in and join the community before you ${doing}.`),
  signInOnly: (doing: string) => new KindredError('unauthenticated', `Sign in to ${doing}.`),
  membersOnly: (doing: string) => denied(`Only members can ${doing}: join the community first.`),
  suspended: (doing: string, until: number) =>
    denied(`Your membership is suspended until ${new Date(until).toISOString()}: you can read, but not ${doing}, until then.`),
  moderatorSignIn: () => new KindredError('unauthenticated', 'Sign in as a moderator to moderate.'),
  notModerator: () => denied('Only moderators and admins can see the moderation queue and act on it.'),
  moderatorSuspended: () => denied('Your own membership is suspended: you cannot moderate until it ends.'),
  adminSignIn: () => new KindredError('unauthenticated', 'Sign in as an admin to change the settings.'),
};

/** Signed in (no membership needed). */
export function requireSignedIn(user: SessionUser | null, doing: string): SessionUser {
  if (!user) throw guard.signIn(doing);
  return user;
}

/** A member (suspended or not): reading members-only things, ending a connection, blocking. */
export function requireMember(c: Caller, doing: string): {user: SessionUser; me: MemberProfile} {
  const user = requireSignedIn(c.user, doing);
  if (!c.member) throw guard.membersOnly(doing);
  return {user, me: c.member};
}

/** A member in good standing: every write that adds content or moves another member's state. */
export function requireWriter(c: Caller, doing: string): {user: SessionUser; me: MemberProfile} {
  const out = requireMember(c, doing);
  if (isSuspended(c.roles, c.now)) throw guard.suspended(doing, c.roles!.suspendedUntil!);
  return out;
}

/** A moderator or admin who is a member; `writing` also refuses a suspended one. */
export function requireModerator(c: Caller, writing: boolean): SessionUser {
  if (!c.user) throw guard.moderatorSignIn();
  if (!c.member || !isModerator(c.roles)) throw guard.notModerator();
  if (writing && isSuspended(c.roles, c.now)) throw guard.moderatorSuspended();
  return c.user;
}

// Sentences both stores say about documents that are missing or in the wrong state. One place, so a
// wording change is made once (issue 13 found 18 of these written in both stores).
export const gone = {
  post: () => notFound('That post no longer exists.'),
  report: () => notFound('That report no longer exists.'),
  memberNotHere: () => notFound('That member is not in this community.'),
  personNotMember: () => notFound('That person is not a member of this community.'),
  community: () => notFound('This community does not exist.'),
  noMembershipToErase: () => notFound('There is no membership to erase: you have not joined this community.'),
  invite: () => notFound('This invite does not exist: check the link, or ask an admin for a new one.', 'invite'),
  connection: () => notFound('This connection no longer exists.'),
  otherMember: () => notFound('This member is no longer in the community.'),
  requestAnswered: () => notFound('This request is no longer waiting for an answer.'),
};

export const notifyMessages = {
  signInToRead: () => new KindredError('unauthenticated', 'Sign in to see your notifications.'),
  signInToFollow: () => new KindredError('unauthenticated', 'Sign in and join the community to follow a conversation.'),
  signInForEmail: () => new KindredError('unauthenticated', 'Sign in to choose your email notifications.'),
  followNotBoolean: () => invalid('follow', 'follow must be true or false.'),
  badReadIds: () => invalid('ids', 'markNotificationsRead needs a list of ids or "all".'),
};

// What a signed-out caller is told, per write (issue 13: one sentence for both stores; a store asks
// before it reads anything, the domain's decision asks again).
export const signInFirst = {
  post: 'Sign in and join the community before you post.',
  edit: 'Sign in to edit your post.',
  delete: 'Sign in to delete your post.',
  react: 'Sign in and join the community to react.',
  report: 'Sign in and join the community to report something.',
  profile: 'Sign in to change your profile.',
  join: 'Sign in first (session.signInAnonymously() needs no email), then join.',
} as const;

/** The signed-in user, or `unauthenticated` with the sentence for `what`. */
export function signedIn(user: SessionUser | null, what: keyof typeof signInFirst): SessionUser {
  if (!user) throw new KindredError('unauthenticated', signInFirst[what]);
  return user;
}
