// The Firebase Auth emulator from the test page, over its REST API (it answers CORS): the sign-in
// emails it "sent" (out-of-band codes), and unsigned custom tokens like those a host site's own login
// mints with the Admin SDK. Used by test/data/auth-session.test.ts and test/e2e/sign-in.test.ts.
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {authEmulatorHost, emulatorHost} from './env.js';

interface OobCode {
  email: string;
  oobCode: string;
  oobLink: string;
  requestType: string;
}

/**
 * The link in the newest sign-in email the emulator holds for `email` (what the member clicks).
 * Polls briefly: the code is stored as the send call returns, but never trust one read.
 */
export async function signInLinkFor(email: string, timeoutMs = 5000): Promise<string> {
  const {host, port, projectId} = authEmulatorHost();
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await fetch(`http://${host}:${port}/emulator/v1/projects/${projectId}/oobCodes`);
    if (!r.ok) throw new Error(`Auth emulator oobCodes: HTTP ${r.status} ${(await r.text()).slice(0, 300)}`);
    const {oobCodes = []} = (await r.json()) as {oobCodes?: OobCode[]};
    const mine = oobCodes.filter((c) => c.email === email && c.requestType === 'EMAIL_SIGNIN');
    if (mine.length) return mine[mine.length - 1].oobLink;
    if (Date.now() > until) throw new Error(`No sign-in email for ${email} in the Auth emulator`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * An unsigned (`alg: none`) custom token for `uid`: the Auth emulator accepts these in place of the
 * Admin SDK's signed ones (it checks the audience, not the signature).
 */
export function unsignedCustomToken(uid: string, claims?: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
    iat: now, exp: now + 3600, iss: 'test@example.com', sub: 'test@example.com', uid, ...(claims ? {claims} : {}),
  };
  return `${b64url({alg: 'none', typ: 'JWT'})}.${b64url(payload)}.`;
}

/** An address no other test uses. */
export const uniqueEmail = (who = 'member') => `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.org`;

/** A FirebaseStore on the Firestore emulator that signs in for real through the Auth emulator. */
export function signInStore(communityId: string): Promise<CommunityStore> {
  const auth = authEmulatorHost();
  return createFirebaseStore({
    communityId, config: {projectId: auth.projectId}, emulator: {...emulatorHost(), authHost: `${auth.host}:${auth.port}`},
  });
}
