// LocalStore's community admin (issue 14): settings and the team, deciding what firestore.rules decides
// (the community update rule: admins in good standing; roles readable by moderators).
import {KindredError} from '../errors.js';
import {hasRole, isSuspended} from '../policy.js';
import {applyCommunityPatch, type CommunityPatch, type TeamMember} from '../community-admin.js';
import type {Community, RoleRecord} from '../types.js';
import {paths, type Db, type Write} from './docs.js';
import type {Ctx} from './engine.js';
import {gone, guard} from '../domain/access.js';

const denied = (message: string) => new KindredError('permission-denied', message);

export function updateCommunity(db: Db, ctx: Ctx, patch: CommunityPatch): {result: Community; writes: Write[]} {
  if (!ctx.user) throw guard.adminSignIn();
  const roles = db.roles(ctx.user.uid);
  if (!db.member(ctx.user.uid) || !hasRole(roles, 'admin') || isSuspended(roles, ctx.now)) throw denied('Only an admin can change the community settings.');
  const current = db.community();
  if (!current) throw gone.community();
  const next: Community = {...current, ...applyCommunityPatch(current, patch)};
  return {result: next, writes: [[paths.community, next]]};
}

export function listTeam(db: Db, ctx: Ctx): TeamMember[] {
  const me = ctx.user?.uid;
  if (!me || !db.member(me) || !hasRole(db.roles(me), 'moderator', 'admin')) throw denied('Only admins and moderators can see the team.');
  const out: TeamMember[] = [];
  for (const [path, value] of db.docs) {
    if (!path.startsWith('roles/')) continue;
    const r = value as RoleRecord;
    if (!r.roles.length && !isSuspended(r, ctx.now)) continue;
    out.push({
      uid: r.uid, pseudonym: db.member(r.uid)?.pseudonym ?? null, roles: r.roles, clinicianScope: r.clinicianScope,
      suspendedUntil: r.suspendedUntil, grantedBy: r.grantedBy, updatedAt: r.updatedAt,
    });
  }
  return out.sort((a, b) => (a.pseudonym ?? '').localeCompare(b.pseudonym ?? '') || (a.uid < b.uid ? -1 : 1));
}
