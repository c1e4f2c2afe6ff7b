// Guidelines that change (issue 14): when an admin bumps settings.guidelinesVersion, each member agrees to
// the new version before their next post. Pure decisions shared by both stores; firestore.rules decides the
// same (the "issue 14" section: guidelinesAgreed(), called by the post create rule). No Lit, no DOM, no Firebase.
import {KindredError} from './errors.js';
import type {CommunitySettings, PrivateRecord} from './types.js';

/** The field a "please agree again" refusal names, so an element can show the guidelines and ask. */
export const GUIDELINES_FIELD = 'guidelines';

/**
 * True when the member must agree to the current guidelines before posting: their record names an older
 * version. No record (a member an admin script seeded) is not asked, as in the rules.
 */
export function mustAgreeAgain(record: Pick<PrivateRecord, 'guidelines'> | null | undefined, settings: Pick<CommunitySettings, 'guidelinesVersion'>): boolean {
  return !!record && record.guidelines?.version !== settings.guidelinesVersion;
}

/** The refusal a post gets while the member has not agreed to the current guidelines. */
export function guidelinesChanged(version: string): KindredError {
  return new KindredError('permission-denied',
    `The community guidelines have changed (now version ${version}): read them and agree (store.agreeToGuidelines) before you post again.`, GUIDELINES_FIELD);
}

/** Checks the version the member read against the community's current one (the rules refuse any other). */
export function assertCurrentVersion(read: unknown, settings: Pick<CommunitySettings, 'guidelinesVersion'>): void {
  if (typeof read !== 'string' || read !== settings.guidelinesVersion) {
    throw new KindredError('invalid-argument',
      `The guidelines changed again while you were reading (now version ${settings.guidelinesVersion}): read the current version and agree to it.`, 'guidelinesVersion');
  }
}
