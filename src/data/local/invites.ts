// LocalStore's invites (issue 14), as pure operations over the documents, deciding what the "issue 14"
// section of firestore.rules decides, except the email: a LocalStore has no email, so whoever opens the
// copyable link (the invite id) claims it. Extra documents, laid out like Firestore:
//
//   invites/{id}   Invite
import {KindredError} from '../errors.js';
import {hasRole, isSuspended, sanitizeRoles} from '../policy.js';
import {claimLogEntry, claimRefusal, claimedRoles, inviteUrl, inviteState, mayInvite, validateInviteId, validateInviteInput, type Invite, type InviteInput} from '../invites.js';
import type {RoleRecord} from '../types.js';
import {paths, type Db, type Write} from './docs.js';
import type {Ctx} from './engine.js';
import {emptyRoles} from '../domain/members.js';
import {gone, guard} from '../domain/access.js';

export const invitePath = (id: string) => `invites/${id}`;
const DAY = 86400000;

type Result<T> = {result: T; writes: Write[]};
const denied = (message: string) => new KindredError('permission-denied', message);

function requireMember(db: Db, ctx: Ctx, doing: string): string {
  if (!ctx.user) throw guard.signInOnly(doing);
  if (!db.member(ctx.user.uid)) throw denied(`Join the community first, then ${doing}.`);
  if (isSuspended(db.roles(ctx.user.uid), ctx.now)) throw denied('Your membership is suspended: you cannot do this until it ends.');
  return ctx.user.uid;
}

function invites(db: Db): Invite[] {
  const out: Invite[] = [];
  for (const [path, value] of db.docs) if (path.startsWith('invites/')) out.push(value as Invite);
  return out;
}

export function createInvite(db: Db, ctx: Ctx, input: InviteInput, id: string): Result<Invite> {
  const fields = validateInviteInput(input);
  const me = requireMember(db, ctx, 'invite people');
  const roles = db.roles(me)?.roles ?? [];
  if (!mayInvite(roles, fields.role)) {
    throw denied(hasRole(db.roles(me), 'moderator')
      ? 'Moderators can invite other moderators only: ask an admin to invite an admin, founder or clinician.'
      : 'Only admins and moderators can invite people.');
  }
  const invite: Invite = {
    id: validateInviteId(id), email: fields.email, role: fields.role, clinicianScope: fields.clinicianScope, invitedBy: me,
    createdAt: ctx.now, expiresAt: ctx.now + fields.days * DAY, claimedBy: null, claimedAt: null, revokedBy: null,
    // No email here: the link is kept so the console can show it again.
    url: inviteUrl(input.link, validateInviteId(id)),
  };
  return {result: invite, writes: [[invitePath(invite.id), invite]]};
}

/** Moderators read every invite; anyone signed in may open the one their link names. */
export function getInvite(db: Db, ctx: Ctx, id: string): Invite | null {
  validateInviteId(id);
  if (!ctx.user) throw new KindredError('unauthenticated', 'Sign in to see your invitation.');
  return (db.docs.get(invitePath(id)) as Invite | undefined) ?? null;
}

export function listInvites(db: Db, ctx: Ctx): Invite[] {
  const me = ctx.user?.uid;
  if (!me || !db.member(me) || !hasRole(db.roles(me), 'moderator', 'admin')) throw denied('Only admins and moderators can see invites.');
  return invites(db).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

export function claimInvite(db: Db, ctx: Ctx, id: string): Result<RoleRecord> {
  validateInviteId(id);
  const me = requireMember(db, ctx, 'accept the invitation');
  const invite = db.docs.get(invitePath(id)) as Invite | undefined;
  if (!invite) throw gone.invite();
  const refusal = claimRefusal(invite, me, null, ctx.now);
  if (refusal) throw refusal;
  const next = claimedRoles(db.roles(me) ?? emptyRoles(me), invite, ctx.now);
  const member = db.member(me)!;
  const log = claimLogEntry(invite);
  return {
    result: next,
    writes: [
      [invitePath(id), {...invite, claimedBy: me, claimedAt: ctx.now}],
      [paths.roles(me), next],
      [paths.member(me), {...member, badges: sanitizeRoles(next.roles), clinicianScope: next.clinicianScope}],
      // The moderation log records the claim (firestore.rules: the claimer appends it in the claim's batch).
      [`modLog/${log.id}`, {id: log.id, action: log.action, actorId: me, targetPath: log.targetPath, reason: log.reason, at: ctx.now}],
    ],
  };
}

export function revokeInvite(db: Db, ctx: Ctx, id: string): Result<void> {
  validateInviteId(id);
  const me = requireMember(db, ctx, 'withdraw invites');
  const invite = db.docs.get(invitePath(id)) as Invite | undefined;
  if (!invite) throw new KindredError('not-found', 'That invite does not exist.', 'invite');
  const roles = db.roles(me);
  if (!hasRole(roles, 'admin') && !(hasRole(roles, 'moderator') && invite.invitedBy === me)) {
    throw denied('Only an admin, or the moderator who made it, can withdraw an invite.');
  }
  const state = inviteState(invite, ctx.now);
  if (state === 'claimed') throw denied('This invite has been accepted already: remove the role from the team list instead.');
  if (state === 'revoked') return {result: undefined, writes: []};
  return {result: undefined, writes: [[invitePath(id), {...invite, revokedBy: me}]]};
}
