// FirebaseStore's community admin (issue 14): settings (one update the community rule checks with
// validSettings) and the team (the roles collection, which moderators may list, plus each one's profile).
import {collection, doc, getDoc, getDocs, updateDoc, type DocumentSnapshot, type Firestore} from 'firebase/firestore';
import {KindredError} from '../errors.js';
import {applyCommunityPatch, type CommunityPatch, type TeamMember} from '../community-admin.js';
import {isSuspended} from '../policy.js';
import type {Community, RoleRecord, SessionUser} from '../types.js';
import {mapFirebaseError} from './errors.js';
import {gone, guard} from '../domain/access.js';
import {communityPath, layout} from '../domain/layout.js';

export interface AdminCtx {
  db: Firestore;
  communityId: string;
  user: SessionUser | null;
  toCommunity(snap: DocumentSnapshot): Community;
  toRoles(snap: DocumentSnapshot): RoleRecord;
}

export async function updateCommunity(c: AdminCtx, patch: CommunityPatch): Promise<Community> {
  if (!c.user) throw guard.adminSignIn();
  const ref = doc(c.db, communityPath(c.communityId));
  try {
    const snap = await getDoc(ref);
    if (!snap.exists()) throw gone.community();
    const current = c.toCommunity(snap);
    const next = applyCommunityPatch(current, patch);
    await updateDoc(ref, {name: next.name, tagline: next.tagline, settings: next.settings});
    return {...current, ...next};
  } catch (e) {
    throw mapFirebaseError(e, 'save the settings');
  }
}

/** Everyone with a role or a suspension: 1 query + 1 read per person (a team is small). */
export async function listTeam(c: AdminCtx): Promise<TeamMember[]> {
  if (!c.user) throw new KindredError('unauthenticated', 'Sign in as an admin to see the team.');
  try {
    const snap = await getDocs(collection(c.db, `${communityPath(c.communityId)}/roles`));
    const records = snap.docs.map((d) => c.toRoles(d)).filter((r) => r.roles.length || isSuspended(r));
    const names = await Promise.all(records.map((r) => getDoc(doc(c.db, `${communityPath(c.communityId)}/${layout.member(r.uid)}`))));
    return records.map((r, i): TeamMember => ({
      uid: r.uid, pseudonym: names[i].exists() ? String(names[i].get('pseudonym')) : null, roles: r.roles, clinicianScope: r.clinicianScope,
      suspendedUntil: r.suspendedUntil, grantedBy: r.grantedBy, updatedAt: r.updatedAt,
    })).sort((a, b) => (a.pseudonym ?? '').localeCompare(b.pseudonym ?? '') || (a.uid < b.uid ? -1 : 1));
  } catch (e) {
    throw mapFirebaseError(e, 'load the team');
  }
}
