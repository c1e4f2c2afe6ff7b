// Issue 14: invitation emails. An admin's console (or `npx kindred-kit invite --link …`) stores the invite's
// link on the invite; this sends it to the invited address through the Trigger Email extension (mail/{id}).
// The text is src/data/invites.ts inviteMail: the community's name, the role and the link, English and Welsh.
import type {Firestore} from 'firebase-admin/firestore';
import {INVITE_PARAM, inviteMail, type Invite} from '../../src/data/invites.js';
import {isEmailAddress} from '../../src/data/domain/notifications.js';
import type {Community} from '../../src/data/types.js';
import {dataOf} from './deliver.js';

export const inviteMailRef = (db: Firestore, cid: string, id: string) => db.doc(`mail/invite~${cid}~${id}`);

/**
 * Writes the invitation email for a new invite, once (a retried event finds it and writes nothing). Nothing is
 * sent for an invite without an https link naming it, already claimed or withdrawn, or of a missing community.
 * Returns whether a mail document was written.
 */
export async function onInvite(db: Firestore, cid: string, id: string, invite: Invite | null): Promise<boolean> {
  if (!invite || invite.claimedBy || invite.revokedBy || typeof invite.url !== 'string' || !isEmailAddress(invite.email)) return false;
  let url: URL;
  try {
    url = new URL(invite.url);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.searchParams.get(INVITE_PARAM) !== id) return false;
  const community = dataOf<Community>(await db.doc(`communities/${cid}`).get());
  if (!community) return false;
  const mail = inviteMail({...invite, url: url.toString()}, community.name);
  try {
    await inviteMailRef(db, cid, id).create({...mail, kindred: {communityId: cid, kind: 'invite', inviteId: id}});
    return true;
  } catch (e) {
    if ((e as {code?: number}).code === 6) return false; // ALREADY_EXISTS: a retry
    throw e;
  }
}
