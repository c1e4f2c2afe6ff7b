// Invites instead of hand-written roles (issue 14): pure decisions shared by both stores and the CLI,
// mirrored by the "issue 14" section of firestore.rules. No Lit, no DOM, no Firebase.
//
// An admin invites an email address to a role (a moderator only to 'moderator'); the invitee signs in
// with that address (verified: an email link), joins, and claims the invite once, before it expires.
// On the LocalStore there is no email: whoever opens the copyable link claims it.
import {KindredError} from './errors.js';
import {validateText} from './policy.js';
import {ROLE_NAMES, type RoleName, type RoleRecord} from './types.js';

/** communities/{cid}/invites/{id}. Times in ms. */
export interface Invite {
  /** Unguessable, 16–64 of [A-Za-z0-9_-]; it is the copyable link's token. */
  id: string;
  /** Lower-cased. */
  email: string;
  role: RoleName;
  /** A clinician's verified scope ("Asthma nurse"); null for other roles. */
  clinicianScope: string | null;
  /** The admin's uid, or 'kindred-cli' for invites the set-up command wrote. */
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  claimedBy: string | null;
  claimedAt: number | null;
  revokedBy: string | null;
  /**
   * The invite link (`https:`, carrying `kin-invite=<id>`), when the admin's page gave one: the Cloud Functions
   * email it to the invitee through the Trigger Email extension. Missing / null: nobody is emailed.
   */
  url?: string | null;
}

export interface InviteInput {
  email: string;
  role: RoleName;
  clinicianScope?: string | null;
  /** Days until the invite expires (default 14, 1–30). */
  days?: number;
  /**
   * The `https:` address of the page with `<kin-community-admin>` on it: the invite's link is made from it and
   * emailed to the invitee (when the functions and the Trigger Email extension are deployed).
   */
  link?: string | null;
}

export type InviteState = 'open' | 'claimed' | 'revoked' | 'expired';

export const INVITE_DAYS = {default: 14, min: 1, max: 30} as const;
/** invitedBy of invites written with owner credentials by `npx kindred-kit`. */
export const CLI_INVITER = 'kindred-cli';
/** The query parameter an invite link carries (`?kin-invite=<id>`). */
export const INVITE_PARAM = 'kin-invite';
const ID = /^[A-Za-z0-9_-]{16,64}$/;
// One address, no spaces, a dot in the domain: what firestore.rules validInvite checks.
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const invalid = (field: string, message: string) => new KindredError('invalid-argument', message, field);

export function validateInviteId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) throw invalid('invite', 'This invite link is not complete: copy the whole link from the message and open it again.');
  return id;
}

export function validateEmail(value: unknown): string {
  const email = validateText('email', value, {min: 3, max: 254}).toLowerCase();
  if (!EMAIL.test(email)) throw invalid('email', `"${email}" is not an email address: it needs one @ and a domain, like name@example.org.`);
  return email;
}

export function validateInviteRole(role: unknown): RoleName {
  if (!ROLE_NAMES.includes(role as RoleName)) throw invalid('role', `Choose a role: ${ROLE_NAMES.join(', ')}.`);
  return role as RoleName;
}

/** The normalised invite fields from what an admin typed. */
export function validateInviteInput(input: InviteInput): {email: string; role: RoleName; clinicianScope: string | null; days: number} {
  if (!input || typeof input !== 'object') throw invalid('email', 'An invite needs an email address and a role.');
  const email = validateEmail(input.email);
  const role = validateInviteRole(input.role);
  const clinicianScope = role === 'clinician'
    ? validateText('clinicianScope', input.clinicianScope ?? '', {min: 2, max: 80})
    : null;
  const days = input.days ?? INVITE_DAYS.default;
  if (!Number.isInteger(days) || days < INVITE_DAYS.min || days > INVITE_DAYS.max) {
    throw invalid('days', `An invite lasts ${INVITE_DAYS.min} to ${INVITE_DAYS.max} days.`);
  }
  return {email, role, clinicianScope, days};
}

/** Who may invite to `role`: admins to any role, moderators to 'moderator' only. */
export function mayInvite(myRoles: readonly RoleName[], role: RoleName): boolean {
  return myRoles.includes('admin') || (myRoles.includes('moderator') && role === 'moderator');
}

export function inviteState(invite: Invite, now: number): InviteState {
  if (invite.claimedBy) return 'claimed';
  if (invite.revokedBy) return 'revoked';
  return now < invite.expiresAt ? 'open' : 'expired';
}

/** Why `uid` (with `email`, verified or null) cannot claim `invite` now, or null when they can. */
export function claimRefusal(invite: Invite, uid: string, email: string | null, now: number): KindredError | null {
  const state = inviteState(invite, now);
  if (state === 'claimed') return new KindredError('permission-denied', 'This invite has already been used. Ask an admin for a new one.', 'invite');
  if (state === 'revoked') return new KindredError('permission-denied', 'This invite was withdrawn. Ask an admin for a new one.', 'invite');
  if (state === 'expired') return new KindredError('permission-denied', 'This invite has expired. Ask an admin for a new one.', 'invite');
  if (invite.invitedBy === uid) return new KindredError('permission-denied', 'You cannot claim an invite you made yourself.', 'invite');
  if (email !== null && email !== invite.email) {
    return new KindredError('permission-denied', `This invite is for another email address. Sign in with the address it was sent to.`, 'email');
  }
  return null;
}

/** The roles record after claiming: exactly the invited role added; a clinician's scope verified by the inviter. */
export function claimedRoles(current: RoleRecord, invite: Invite, now: number): RoleRecord {
  const roles = ROLE_NAMES.filter((r) => current.roles.includes(r) || r === invite.role);
  const next: RoleRecord = {...current, roles, grantedBy: `invite:${invite.id}`, updatedAt: now};
  if (invite.role === 'clinician') {
    next.clinicianScope = invite.clinicianScope;
    next.verifiedBy = invite.invitedBy;
    next.verifiedAt = now;
  }
  return next;
}

/** A new unguessable invite id (24 url-safe characters, 144 bits). */
export function newInviteId(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_');
}

/** The invite link: `base` with `?kin-invite=<id>` (other query parameters kept). */
export function inviteLink(base: string, id: string): string {
  const url = new URL(base);
  url.searchParams.set(INVITE_PARAM, id);
  url.hash = '';
  return url.toString();
}

/** The moderation-log entry a claim appends (issue 14): id, and what it records (the claimer is the actor). */
export function claimLogEntry(invite: Pick<Invite, 'id' | 'role' | 'clinicianScope'>): {id: string; action: 'accept-invite'; targetPath: string; reason: string} {
  return {
    id: `invite_${invite.id}`, action: 'accept-invite', targetPath: `invites/${invite.id}`,
    reason: invite.role === 'clinician' && invite.clinicianScope ? `${invite.role}: ${invite.clinicianScope}` : invite.role,
  };
}

/** The stored link of a new invite: `link` + `?kin-invite=<id>`, https only (the rules check the same); null without one. */
export function inviteUrl(link: string | null | undefined, id: string): string | null {
  if (link == null || link === '') return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw invalid('link', `“${link}” is not a web address: use the https:// address of the page with the admin console.`);
  }
  if (url.protocol !== 'https:' || url.username || url.password) throw invalid('link', 'Invite links must be https:// addresses.');
  const out = inviteLink(url.toString(), id);
  if (out.length > 500) throw invalid('link', 'The page address is too long for an invite link (500 characters at most).');
  return out;
}

const INVITE_ROLE_TEXT = {
  en: {admin: 'an admin', moderator: 'a moderator', founder: 'the founder', clinician: 'a verified clinician'},
  cy: {admin: 'yn weinyddwr', moderator: 'yn gymedrolwr', founder: 'yn sylfaenydd', clinician: 'yn glinigydd wedi’i wirio'},
} as const;

/**
 * The invitation email (mail/{id} for the Trigger Email extension): English and Welsh together (the invitee's
 * language is not known yet), the community's name, the role and the link; nothing else. No unsubscribe header:
 * it is one message a person asked an admin for, not a list.
 */
export function inviteMail(invite: Pick<Invite, 'email' | 'role' | 'clinicianScope' | 'expiresAt'> & {url: string}, community: {en: string; cy?: string}):
  {to: string; message: {subject: string; text: string; html: string}} {
  const en = community.en;
  const cy = community.cy || community.en;
  const date = new Date(invite.expiresAt).toISOString().slice(0, 10);
  const scope = invite.role === 'clinician' && invite.clinicianScope ? ` (${invite.clinicianScope})` : '';
  const lines = [
    `You have been invited to help run ${en} as ${INVITE_ROLE_TEXT.en[invite.role]}${scope}.`,
    `Open this link, sign in with this email address (${invite.email}), join the community and accept the invitation. It works once, until ${date}:`,
    invite.url,
    'If you did not expect this, ignore this email: nothing happens unless you accept.',
    '',
    `Rydych wedi cael gwahoddiad i helpu i redeg ${cy} ${INVITE_ROLE_TEXT.cy[invite.role]}${scope}.`,
    `Agorwch y ddolen hon, mewngofnodwch gyda’r cyfeiriad e-bost hwn (${invite.email}), ymunwch â’r gymuned a derbyniwch y gwahoddiad. Mae’n gweithio unwaith, tan ${date}:`,
    invite.url,
    'Os nad oeddech yn disgwyl hyn, anwybyddwch yr e-bost hwn: does dim yn digwydd oni bai eich bod yn derbyn.',
  ];
  const esc = (t: string) => t.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;'})[c]!);
  const html = lines.filter(Boolean).map((l) => (l === invite.url ? `<p><a href="${esc(l)}">${esc(l)}</a></p>` : `<p>${esc(l)}</p>`)).join('\n');
  return {
    to: invite.email,
    message: {subject: `Invitation: help run ${en} / Gwahoddiad: helpu i redeg ${cy}`, text: lines.join('\n'), html},
  };
}
