// What scripts/test.mjs tells the page (see web-test-runner.config.mjs testRunnerHtml).
declare global {
  var __KINDRED_TEST__: {emulatorHost: string} | undefined;
}

/** host:port of the Firestore emulator started by `npm test`. Throws when missing: never a silent skip. */
export function emulatorHost(): {host: string; port: number} {
  const hp = globalThis.__KINDRED_TEST__?.emulatorHost;
  if (!hp) throw new Error('No Firestore emulator: run tests through `npm test` (scripts/test.mjs), which starts it.');
  const [host, port] = hp.split(':');
  return {host, port: Number(port)};
}
