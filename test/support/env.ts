// What scripts/test.mjs tells the page (see web-test-runner.config.mjs testRunnerHtml).
declare global {
  var __KINDRED_TEST__: {emulatorHost: string; authEmulatorHost?: string} | undefined;
}

/** host:port of the Firestore emulator started by `npm test`. Throws when missing: never a silent skip. */
export function emulatorHost(): {host: string; port: number} {
  const hp = globalThis.__KINDRED_TEST__?.emulatorHost;
  if (!hp) throw new Error('No Firestore emulator: run tests through `npm test` (scripts/test.mjs), which starts it.');
  const [host, port] = hp.split(':');
  return {host, port: Number(port)};
}

/** The project every Auth emulator request belongs to (scripts/auth-emulator.mjs AUTH_PROJECT_ID). */
export const AUTH_EMULATOR_PROJECT = 'demo-kindred-auth';

/**
 * host:port of the Firebase Auth emulator started by `npm test` (scripts/auth-emulator.mjs) and its
 * project. Throws when missing: never a silent skip. It may still be starting: await
 * `authEmulatorReady()` in a `before` hook.
 */
export function authEmulatorHost(): {host: string; port: number; projectId: string} {
  const hp = globalThis.__KINDRED_TEST__?.authEmulatorHost;
  if (!hp) {
    throw new Error('No Firebase Auth emulator: run tests through `npm test` (scripts/test.mjs), which starts it; ' +
      'it comes with firebase-tools (a devDependency): run `npm ci` if it is missing.');
  }
  const [host, port] = hp.split(':');
  return {host, port: Number(port), projectId: AUTH_EMULATOR_PROJECT};
}

/** Resolves once the Auth emulator answers (it starts beside the tests, in 10-40 s); rejects after `timeoutMs`. */
export async function authEmulatorReady(timeoutMs = 120000): Promise<void> {
  const {host, port} = authEmulatorHost();
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(`http://${host}:${port}/`);
      if (r.ok) return;
    } catch { /* still starting */ }
    if (Date.now() > until) throw new Error(`The Auth emulator on ${host}:${port} did not answer within ${timeoutMs / 1000} s; see the npm test log.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
