// FirebaseStore's invites (issue 14). Each write is shaped as the "issue 14" section of firestore.rules
// expects: an invite with server times; a claim as one batch of the invite, the claimer's own roles doc
// (grantedBy 'invite:<id>') and their badges. The email check is the rules' (the sign-in token's verified
// address); the store adds a readable refusal first where it can tell.
import {
  Timestamp, collection, doc, getDoc, onSnapshot, orderBy, query, serverTimestamp, writeBatch, updateDoc, setDoc,
  type DocumentSnapshot, type Firestore,
} from 'firebase/firestore';
import {KindredError} from '../errors.js';
import {claimLogEntry, claimRefusal, claimedRoles, inviteUrl, mayInvite, validateInviteId, validateInviteInput, newInviteId, type Invite, type InviteInput} from '../invites.js';
import {sanitizeRoles} from '../policy.js';
import type {OnError, Unsubscribe} from '../store.js';
import type {RoleRecord, SessionUser} from '../types.js';
import {emptyRoles} from '../domain/members.js';
import {mapFirebaseError} from './errors.js';
import {gone, guard} from '../domain/access.js';
import {communityPath} from '../domain/layout.js';
import {setBadges} from './badges.js';

const DAY = 86400000;

export interface InvitesCtx {
  db: Firestore;
  communityId: string;
  user: SessionUser | null;
  toRoles(snap: DocumentSnapshot): RoleRecord;
}

const ref = (c: InvitesCtx, ...segments: string[]) => doc(c.db, [communityPath(c.communityId), ...segments].join('/'));
const ms = (v: unknown) => (v instanceof Timestamp ? v.toMillis() : typeof v === 'number' ? v : null);

function toInvite(snap: DocumentSnapshot): Invite {
  const d = snap.data({serverTimestamps: 'estimate'}) ?? {};
  return {
    id: snap.id, email: String(d.email ?? ''), role: d.role, clinicianScope: d.clinicianScope ?? null, invitedBy: String(d.invitedBy ?? ''),
    createdAt: ms(d.createdAt) ?? 0, expiresAt: ms(d.expiresAt) ?? 0, claimedBy: d.claimedBy ?? null,
    claimedAt: ms(d.claimedAt), revokedBy: d.revokedBy ?? null, url: typeof d.url === 'string' ? d.url : null,
  };
}

function requireUser(c: InvitesCtx, doing: string): SessionUser {
  if (!c.user) throw guard.signInOnly(doing);
  return c.user;
}

async function run<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapFirebaseError(e, action);
  }
}

export async function createInvite(c: InvitesCtx, input: InviteInput): Promise<Invite> {
  const fields = validateInviteInput(input);
  const user = requireUser(c, 'invite people');
  const mine = await run('invite', () => getDoc(ref(c, 'roles', user.uid)));
  if (!mayInvite(mine.exists() ? c.toRoles(mine).roles : [], fields.role)) {
    throw new KindredError('permission-denied', fields.role !== 'moderator' && mine.exists() && c.toRoles(mine).roles.includes('moderator')
      ? 'Moderators can invite other moderators only: ask an admin to invite an admin, founder or clinician.'
      : 'Only admins and moderators can invite people.');
  }
  const id = newInviteId();
  const url = inviteUrl(input.link, id);
  const expiresAt = Date.now() + fields.days * DAY;
  await run('send the invite', () => setDoc(ref(c, 'invites', id), {
    email: fields.email, role: fields.role, clinicianScope: fields.clinicianScope, invitedBy: user.uid, createdAt: serverTimestamp(),
    expiresAt: Timestamp.fromMillis(expiresAt), claimedBy: null, claimedAt: null, revokedBy: null, ...(url ? {url} : {}),
  }));
  return {id, email: fields.email, role: fields.role, clinicianScope: fields.clinicianScope, invitedBy: user.uid, createdAt: Date.now(), expiresAt, claimedBy: null, claimedAt: null, revokedBy: null, url};
}

export async function getInvite(c: InvitesCtx, id: string): Promise<Invite | null> {
  validateInviteId(id);
  requireUser(c, 'see your invitation');
  const snap = await run('open the invitation', () => getDoc(ref(c, 'invites', id)));
  return snap.exists() ? toInvite(snap) : null;
}

export function watchInvites(c: InvitesCtx, next: (invites: Invite[]) => void, error: OnError): Unsubscribe {
  return onSnapshot(query(collection(c.db, `${communityPath(c.communityId)}/invites`), orderBy('createdAt', 'desc')),
    (snap) => next(snap.docs.map(toInvite)), (e) => error(mapFirebaseError(e, 'load the invites')));
}

export async function claimInvite(c: InvitesCtx, id: string): Promise<RoleRecord> {
  validateInviteId(id);
  const user = requireUser(c, 'accept the invitation');
  return run('accept the invitation', async () => {
    const [inviteSnap, memberSnap, rolesSnap] = await Promise.all([
      getDoc(ref(c, 'invites', id)).catch((e: unknown) => {
        if ((e as {code?: string})?.code === 'permission-denied') return null;
        throw e;
      }),
      getDoc(ref(c, 'members', user.uid)), getDoc(ref(c, 'roles', user.uid)),
    ]);
    if (!memberSnap.exists()) throw new KindredError('permission-denied', 'Join the community first, then accept the invitation.');
    // Unreadable: the invite is for an address this sign-in does not have (or not verified).
    if (!inviteSnap) {
      throw new KindredError('permission-denied', 'This invite is for another email address. Sign in with the address it was sent to (with the emailed sign-in link).', 'email');
    }
    if (!inviteSnap.exists()) throw gone.invite();
    const invite = toInvite(inviteSnap);
    const refusal = claimRefusal(invite, user.uid, null, Date.now());
    if (refusal) throw refusal;
    const before = rolesSnap.exists() ? c.toRoles(rolesSnap) : emptyRoles(user.uid);
    const next = claimedRoles(before, invite, Date.now());
    const batch = writeBatch(c.db);
    batch.update(ref(c, 'invites', id), {claimedBy: user.uid, claimedAt: serverTimestamp()});
    // Only what the claim changes (stored times are kept exactly: the rules compare them).
    const changes: Record<string, unknown> = {roles: next.roles, grantedBy: next.grantedBy, updatedAt: serverTimestamp()};
    if (invite.role === 'clinician') Object.assign(changes, {clinicianScope: next.clinicianScope, verifiedBy: next.verifiedBy, verifiedAt: serverTimestamp()});
    if (rolesSnap.exists()) batch.update(ref(c, 'roles', user.uid), changes);
    else batch.set(ref(c, 'roles', user.uid), {uid: user.uid, clinicianScope: null, verifiedBy: null, verifiedAt: null, suspendedUntil: null, ...changes});
    batch.update(ref(c, 'members', user.uid), {badges: sanitizeRoles(next.roles), clinicianScope: next.clinicianScope});
    setBadges(batch, c.db, c.communityId, user.uid, next);
    // The moderation log records the claim (the "issue 14" modLog rule: only in the claim's own batch).
    const log = claimLogEntry(invite);
    batch.set(ref(c, 'modLog', log.id), {action: log.action, actorId: user.uid, targetPath: log.targetPath, reason: log.reason, at: serverTimestamp()});
    await batch.commit();
    return next;
  });
}

export async function revokeInvite(c: InvitesCtx, id: string): Promise<void> {
  validateInviteId(id);
  const user = requireUser(c, 'withdraw invites');
  await run('withdraw the invite', () => updateDoc(ref(c, 'invites', id), {revokedBy: user.uid}));
}
