// Finds, starts and stops the real Cloud Firestore emulator (a Java program).
// We start the JVM ourselves rather than through `gcloud` or `firebase-tools`: the gcloud wrapper runs
// Java as a child (killing it orphans the JVM) and firebase-tools 15 refuses Java < 21.
//
// Where the JAR comes from, in order:
//   1. KINDRED_FIRESTORE_EMULATOR_JAR (a path to cloud-firestore-emulator*.jar)
//   2. the Google Cloud SDK package (google-cloud-cli-firestore-emulator)
//   3. firebase-tools' download cache (~/.cache/firebase/emulators), filled by
//      `npx firebase-tools setup:emulators:firestore` on a contributor's machine.
import {spawn, execFileSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {createServer} from 'node:net';
import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

export function findEmulatorJar() {
  const candidates = [];
  if (process.env.KINDRED_FIRESTORE_EMULATOR_JAR) candidates.push(process.env.KINDRED_FIRESTORE_EMULATOR_JAR);
  const sdkRoots = ['/usr/lib/google-cloud-sdk', '/usr/share/google-cloud-sdk', '/opt/google-cloud-sdk',
    join(homedir(), 'google-cloud-sdk')];
  try {
    const gcloud = execFileSync('sh', ['-c', 'command -v gcloud'], {encoding: 'utf8'}).trim();
    if (gcloud) sdkRoots.unshift(resolve(gcloud, '..', '..'));
  } catch { /* gcloud not on PATH */ }
  for (const sdk of sdkRoots) candidates.push(join(sdk, 'platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar'));
  const cache = join(homedir(), '.cache', 'firebase', 'emulators');
  if (existsSync(cache)) {
    for (const f of readdirSync(cache).sort().reverse()) {
      if (/^cloud-firestore-emulator.*\.jar$/.test(f)) candidates.push(join(cache, f));
    }
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const {port} = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the emulator with the project's real rules. Resolves to {host, port, stop()}.
 * Throws with a human message when Java or the JAR is missing.
 */
export async function startEmulator({rules = join(root, 'firestore.rules'), port, quiet = true} = {}) {
  const jar = findEmulatorJar();
  if (!jar) {
    throw new Error(
      'Cloud Firestore emulator not found. Install the Debian package google-cloud-cli-firestore-emulator, ' +
        'or run `npx firebase-tools setup:emulators:firestore`, or set KINDRED_FIRESTORE_EMULATOR_JAR.');
  }
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : process.env.KINDRED_JAVA || 'java';
  port ??= await freePort();
  const host = '127.0.0.1';
  const args = ['-cp', jar, MAIN_CLASS, 'start', `--host=${host}`, `--port=${port}`, `--rules=${rules}`];
  const child = spawn(java, args, {stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit'});
  let stderr = '';
  child.stderr?.on('data', (d) => { stderr += d; if (stderr.length > 20000) stderr = stderr.slice(-10000); });
  let exited = null;
  child.on('exit', (code, signal) => { exited = {code, signal}; });
  child.on('error', (e) => { exited = {code: -1, error: e}; });
  const url = `http://${host}:${port}/`;
  const started = Date.now();
  for (;;) {
    if (exited) {
      throw new Error(`Firestore emulator exited during start-up (${JSON.stringify(exited)}). ` +
        (exited.error ? `Is Java 11+ installed? ${exited.error.message}` : stderr.slice(-2000)));
    }
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() - started > 60000) {
      child.kill('SIGKILL');
      throw new Error(`Firestore emulator did not answer on ${url} within 60 s.\n${stderr.slice(-2000)}`);
    }
    await sleep(100);
  }
  const stop = () => new Promise((res) => {
    if (exited) return res();
    child.once('exit', () => res());
    child.kill('SIGTERM');
    setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 5000).unref();
  });
  return {host, port, pid: child.pid, jar, startupMs: Date.now() - started, stop};
}

// CLI: `node scripts/emulator.mjs` keeps an emulator running until Ctrl+C.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const emu = await startEmulator({port: Number(process.env.PORT) || undefined});
  console.log(`Firestore emulator on ${emu.host}:${emu.port} (pid ${emu.pid}, ready in ${emu.startupMs} ms)`);
  console.log(`FIRESTORE_EMULATOR_HOST=${emu.host}:${emu.port}`);
  const bye = async () => { await emu.stop(); process.exit(0); };
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
}
