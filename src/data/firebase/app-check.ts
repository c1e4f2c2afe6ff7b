// Issue 17: Firebase App Check, an option. With a reCAPTCHA Enterprise site key, the Firebase app gets App
// Check before its first request, so a project that enforces App Check accepts the kit's Firestore and Auth
// calls. `firebase/app-check` (and Google's reCAPTCHA script, which it loads) is fetched only when a key is
// set. For development, set `self.FIREBASE_APPCHECK_DEBUG_TOKEN` (true, or a debug token registered in the
// Firebase console) before the kit loads: the SDK then uses its debug provider instead of reCAPTCHA.
import type {FirebaseApp} from 'firebase/app';

const started = new WeakMap<FirebaseApp, string>();

/** The site key App Check was started with on `app`, if any (tests, and to refuse a second key). */
export function appCheckSiteKey(app: FirebaseApp): string | null {
  return started.get(app) ?? null;
}

/** Starts App Check on `app` with the reCAPTCHA Enterprise provider (once per app). */
export async function startAppCheck(app: FirebaseApp, siteKey: string): Promise<void> {
  if (started.has(app)) return;
  started.set(app, siteKey);
  const m = await import('firebase/app-check');
  m.initializeAppCheck(app, {provider: new m.ReCaptchaEnterpriseProvider(siteKey), isTokenAutoRefreshEnabled: true});
}
