// Starts and stops the Firebase Auth emulator, which lives inside firebase-tools (Node, no Java).
//
// We run firebase-tools' AuthEmulator class in a child Node process of our own rather than
// `firebase emulators:start --only auth`: the CLI adds ~5 s of start-up (a remote-config fetch that
// waits for the network, the emulator hub) and claims fixed ports (hub 4400, logging 4500), so two
// runs on one machine collide. The class is the same code the CLI runs; firebase-tools is pinned
// exactly in package.json, so its internal path is stable. Most of the start-up (~15 s) is
// firebase-tools compiling its OpenAPI validators, and cannot be shortened from outside.
//
// The child is the leader of its own process group and stop() signals the whole group.
//
// API: startAuthEmulator({port?, projectId?}) → {host, port, projectId, pid, ready, stop()}.
//   `ready` resolves (to the start-up time in ms) once the emulator answers, or rejects with a human
//   message; callers that can overlap the wait with other work (scripts/test.mjs) do not await it first.
// CLI: `node scripts/auth-emulator.mjs` keeps one running until Ctrl+C.
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {freePort} from './emulator.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const here = fileURLToPath(import.meta.url);
export const AUTH_PROJECT_ID = 'demo-kindred-auth';
const ENTRY = 'firebase-tools/lib/emulator/auth/index.js';

/** Path of firebase-tools' AuthEmulator module, or null when firebase-tools is not installed. */
export function findAuthEmulator() {
  try {
    return createRequire(resolve(root, 'package.json')).resolve(ENTRY);
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns the Auth emulator on a free loopback port. Throws at once (with what to do) when firebase-tools
 * is missing; start-up failures reject `ready`.
 */
export async function startAuthEmulator({port, projectId = AUTH_PROJECT_ID, timeoutMs = 120000} = {}) {
  const entry = findAuthEmulator();
  if (!entry) {
    throw new Error('Firebase Auth emulator not found: it comes with firebase-tools, a devDependency. ' +
      'Run `npm ci` (or `npm install`) in the repository, then try again.');
  }
  port ??= await freePort();
  const host = '127.0.0.1';
  const started = Date.now();
  const child = spawn(process.execPath, [here, '--child', entry, host, String(port), projectId], {
    detached: true, // its own process group, so stop() reaches anything it starts
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {...process.env, FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true'},
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; if (stderr.length > 20000) stderr = stderr.slice(-10000); });
  let exited = null;
  child.on('exit', (code, signal) => { exited = {code, signal}; });
  child.on('error', (e) => { exited = {code: -1, error: e}; });

  const killGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  const url = `http://${host}:${port}/`;
  const ready = (async () => {
    for (;;) {
      if (exited) throw new Error(`Auth emulator exited during start-up (${JSON.stringify(exited)}):\n${stderr.slice(-2000)}`);
      try {
        const r = await fetch(url);
        if (r.ok && (await r.json())?.authEmulator?.ready) return Date.now() - started;
      } catch { /* not listening yet */ }
      if (Date.now() - started > timeoutMs) {
        killGroup('SIGKILL');
        throw new Error(`Auth emulator did not answer on ${url} within ${timeoutMs / 1000} s.\n${stderr.slice(-2000)}`);
      }
      await sleep(200);
    }
  })();
  ready.catch(() => {}); // observed by the caller; never an unhandled rejection here

  const stop = () => new Promise((res) => {
    if (exited) return res();
    child.once('exit', () => res());
    killGroup('SIGTERM');
    setTimeout(() => { if (!exited) killGroup('SIGKILL'); }, 3000).unref();
  });
  return {host, port, projectId, pid: child.pid, ready, stop, stderr: () => stderr};
}

// Child mode: run the emulator in this process until signalled.
async function child([entry, host, port, projectId]) {
  const {AuthEmulator, SingleProjectMode} = createRequire(import.meta.url)(entry);
  const emu = new AuthEmulator({host, port: Number(port), projectId, singleProjectMode: SingleProjectMode.NO_WARNING});
  await emu.start();
  const bye = () => { emu.stop().finally(() => process.exit(0)); setTimeout(() => process.exit(0), 2000).unref(); };
  process.on('SIGTERM', bye);
  process.on('SIGINT', bye);
}

if (process.argv[1] && resolve(process.argv[1]) === here) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    child(args.slice(1)).catch((e) => {
      console.error(e?.stack ?? String(e));
      process.exit(1);
    });
  } else {
    const emu = await startAuthEmulator({port: Number(process.env.PORT) || undefined});
    try {
      const ms = await emu.ready;
      console.log(`Auth emulator on ${emu.host}:${emu.port} for project ${emu.projectId} (pid ${emu.pid}, ready in ${ms} ms)`);
      console.log(`FIREBASE_AUTH_EMULATOR_HOST=${emu.host}:${emu.port}`);
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
    const bye = async () => { await emu.stop(); process.exit(0); };
    process.on('SIGINT', bye);
    process.on('SIGTERM', bye);
  }
}
