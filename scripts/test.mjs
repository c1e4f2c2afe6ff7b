// `npm test`: the whole check, as CI runs it.
//   1. type-check (tsc) and lint (eslint: import bans between layers, lit/wc rules)
//   2. custom-elements.json, README's API tables, the framework types and firestore.rules' generated
//      constants (scripts/gen-rules.mjs) and the seed script's layout (scripts/gen-layout.mjs) must match the source;
//      the build must work and the script-tag entry stay within its gzip budget (scripts/size.mjs)
//      (1 and 2 run as two lanes at once; each step's output is printed whole, with its time)
//   3. start the real Firestore emulator with ./firestore.rules and the Firebase Auth emulator (from
//      firebase-tools; only when the selected tests use it), run every browser test in Chromium
//      against them, stop both. The Auth emulator takes 10-40 s to start, so it is not awaited here:
//      the browser tests start at once and the tests that need it wait for it (test/support/env.ts).
//   4. beside 3, on the same emulator in projects of their own: the Cloud Functions tests (test/functions) and
//      the Node tests (test/**/*.test.mjs: the set-up CLI, the reduced load test, the build checks) under
//      `node --test`; their output is printed once the browser tests end.
// Flags: --only=glob[,glob]  run just those test files;  --no-static  skip steps 1-2 (quick loops).
import {spawn} from 'node:child_process';
import {readFileSync, existsSync, readdirSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {findEmulatorJar, startEmulator} from './emulator.mjs';
import {startAuthEmulator} from './auth-emulator.mjs';
import {startFunctionsRunner} from './functions-runner.mjs';
import {ensurePrerequisites} from './prerequisites.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const noStatic = args.includes('--no-static') || Boolean(only);
const bin = (n) => resolve(root, 'node_modules', '.bin', n);

function run(cmd, cmdArgs, env = {}) {
  return new Promise((res) => {
    const child = spawn(cmd, cmdArgs, {cwd: root, stdio: 'inherit', env: {...process.env, ...env}});
    child.on('exit', (code, signal) => res(code ?? (signal ? 1 : 0)));
  });
}

const t0 = Date.now();
const step = (name) => console.log(`\n== ${name}`);
let failed = false;
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A lane of steps that runs beside other work: each step's output (stdout and stderr, in order) is kept and
 * printed in one piece when the lane's step ends, headed like `step()` and with how long it took, so lanes
 * running at once never interleave their lines. Resolves to whether any step failed.
 */
const stepOutput = new Map();
async function lane(steps, print = (text) => process.stdout.write(text)) {
  let laneFailed = false;
  for (const [name, cmd, cmdArgs, env = {}] of steps) {
    const started = Date.now();
    const {code, out} = await new Promise((res) => {
      const chunks = [];
      const child = spawn(cmd, cmdArgs, {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env}});
      child.stdout.on('data', (d) => chunks.push(d));
      child.stderr.on('data', (d) => chunks.push(d));
      child.on('error', (e) => chunks.push(Buffer.from(`${e.message}\n`)));
      child.on('close', (c, signal) => res({code: c ?? (signal ? 1 : 0), out: Buffer.concat(chunks).toString()}));
    });
    stepOutput.set(name, out);
    print(`\n== ${name} [${secs(Date.now() - started)}${code ? `, FAILED (exit ${code})` : ''}]\n${out.endsWith('\n') || !out ? out : `${out}\n`}`);
    if (code) laneFailed = true;
  }
  return laneFailed;
}

// Issue 12: the README's two commands are the whole set-up. Chrome/Chromium and Java are found (or,
// as root on Debian/Ubuntu, installed) here; otherwise this stops with the one command to run.
const tools = ensurePrerequisites();
process.env.CHROME_PATH = tools.chrome;
if (!process.env.JAVA_HOME && tools.java) process.env.KINDRED_JAVA = tools.java;
if (!findEmulatorJar()) {
  // A contributor's machine without Google's apt package: firebase-tools (a dev dependency) downloads
  // the same JAR into ~/.cache/firebase/emulators, where scripts/emulator.mjs looks for it.
  console.log('No Cloud Firestore emulator found: downloading it (npx firebase-tools setup:emulators:firestore)…');
  await run(bin('firebase'), ['setup:emulators:firestore']);
}

if (!noStatic) {
  // Two lanes at once (CI and this machine have two cores or more; every step is CPU-bound): the type-checks and
  // lint in one, the generated-file checks and the build in the other. Each step's output is printed whole.
  const node = process.execPath;
  const staticT0 = Date.now();
  const cemCheck = resolve(root, 'scripts/cem-check.mjs');
  const lanes = await Promise.all([
    lane([
      ['typecheck (tsc -p tsconfig.json)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
      // The Cloud Functions and their Node tests (issue 15): Node types, no DOM.
      ['typecheck the Cloud Functions (tsc -p functions/tsconfig.json)', bin('tsc'), ['--noEmit', '-p', 'functions/tsconfig.json']],
      ['lint', bin('eslint'), ['src', 'test', 'examples', 'functions/src']],
    ]),
    lane([
      ['prerequisite finder (node --test scripts/prerequisites.test.mjs)', node, ['--test', 'scripts/prerequisites.test.mjs']],
      ['the npm tarball holds what the README names (node --test scripts/pack.test.mjs)', node, ['--test', 'scripts/pack.test.mjs']],
      // Issue 17: advisories in what the kit ships (not the dev tools); says so when it cannot ask.
      ['npm audit --omit=dev: its own test (node --test scripts/audit.test.mjs)', node, ['--test', 'scripts/audit.test.mjs']],
      ['npm audit --omit=dev (node scripts/audit.mjs)', node, ['scripts/audit.mjs']],
      ['custom-elements.json is up to date', node, [cemCheck]],
      ['README API tables are up to date (scripts/api-docs.mjs --check)', node, ['scripts/api-docs.mjs', '--check']],
      ['framework types are up to date (scripts/gen-types.mjs --check)', node, ['scripts/gen-types.mjs', '--check']],
      ['firestore.rules constants are up to date (scripts/gen-rules.mjs)', node, ['scripts/gen-rules.mjs', '--check']],
      ['scripts/seed-firestore.mjs layout is up to date (scripts/gen-layout.mjs)', node, ['scripts/gen-layout.mjs', '--check']],
      ['build and bundle budget (npm run size)', node, ['scripts/size.mjs', '--build']],
    ]),
  ]);
  if (lanes.some(Boolean)) failed = true;
  console.log(`\nstatic checks: ${lanes.some(Boolean) ? 'FAILED' : 'passed'} in ${secs(Date.now() - staticT0)}`);
}

/** The test files --only selects (a small glob: `*`, `**`, `?`), or null for the whole suite. */
function selectedFiles(globs) {
  if (!globs) return null;
  const toRegExp = (g) => new RegExp(`^${g.replace(/^\.\//, '').split(/(\*\*\/|\*\*|\*|\?)/).map((part) =>
    part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]'
      : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('')}$`);
  const res = globs.split(',').map(toRegExp);
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(resolve(root, dir), {withFileTypes: true})) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(rel); } else if (res.some((re) => re.test(rel))) out.push(rel);
    }
  };
  for (const dir of ['test', 'bench']) if (existsSync(resolve(root, dir))) walk(dir);
  return out;
}
const selected = selectedFiles(only);
// test/functions runs in Node (scripts/test-functions.mjs); test/**/*.test.mjs (the set-up CLI, issue 14)
// under `node --test`; everything else in Chromium.
const FUNCTIONS_TEST = /^test\/functions\//;
const isNodeTest = (f) => f.endsWith('.test.mjs') && !FUNCTIONS_TEST.test(f);
const functionFiles = selected ? selected.filter((f) => FUNCTIONS_TEST.test(f)) : null;
const nodeFiles = (selected ?? selectedFiles('test/**/*.test.mjs')).filter(isNodeTest);
const files = selected ? selected.filter((f) => !FUNCTIONS_TEST.test(f) && !isNodeTest(f)) : null;
// Test files that use the Auth emulator name it through test/support/env.ts or test/support/auth-emulator.ts.
const AUTH_USE = /\bauthEmulator(?:Host|Ready)\(|(?:helpers|support)\/auth-emulator\.js/;
const needsAuth = !files || files.some((f) => AUTH_USE.test(readFileSync(resolve(root, f), 'utf8')));

step(`browser tests (Chromium + Firestore emulator${needsAuth ? ' + Auth emulator' : ''})`);
let auth = null;
if (needsAuth) {
  try {
    auth = await startAuthEmulator();
    auth.ready.then((ms) => console.log(`Auth emulator ${auth.host}:${auth.port} ready in ${ms} ms`), () => {});
  } catch (e) {
    console.error(`\n${e.message}`);
    if (process.env.CI) {
      console.error('The sign-in tests need the Auth emulator; with CI=true that is a failure, never a silent skip.');
      process.exit(1);
    }
    console.error('Running without it: the sign-in tests will fail and say why.');
  }
}
let emu;
try {
  emu = await startEmulator();
  console.log(`Firestore emulator ${emu.host}:${emu.port} ready in ${emu.startupMs} ms (${emu.jar})`);
} catch (e) {
  console.error(`\n${e.message}`);
  console.error('The Firebase half of the suite needs the emulator; it is never skipped silently.');
  await auth?.stop();
  process.exit(1);
}
let code = 0;
// The Node half (the Cloud Functions tests, then the Node tests: the set-up CLI, the reduced load test, the
// build checks) runs beside the browser tests, on the same emulator but in projects of its own
// (demo-kindred-functions, demo-kindred-cli, demo-kindred-load-test), so neither sees the other's documents.
// Its output is kept and printed whole once the browser tests end. (It used to run before and after them:
// ~50 s of the suite spent with the browser idle.)
const emulatorHostPort = `${emu.host}:${emu.port}`;
const nodeSteps = [];
if (!functionFiles || functionFiles.length) {
  nodeSteps.push(['Cloud Functions tests (Node + Firestore emulator)', process.execPath, ['scripts/test-functions.mjs', ...(functionFiles ?? [])],
    {FIRESTORE_EMULATOR_HOST: emulatorHostPort}]);
}
if (nodeFiles.length) {
  nodeSteps.push([`node tests (${nodeFiles.join(', ')}; same emulator)`, process.execPath, ['--test', '--test-concurrency=1', ...nodeFiles],
    {KINDRED_EMULATOR_HOST: emulatorHostPort}]);
}
// The rules tests (test/rules: each file in a project of its own, no page state, no server commands) run in a
// second Chromium after the Node tests, in the same side lane, beside the other browser tests: ~2 minutes of
// the suite off its longest lane. KINDRED_BROWSER_LANES=1 runs every browser test in one Chromium instead.
const SIDE_BROWSER = /^test\/rules\//;
const allBrowserFiles = files ?? selectedFiles('test/**/*.test.ts,test/**/*.test.tsx').filter((f) => !FUNCTIONS_TEST.test(f));
const sideFiles = process.env.KINDRED_BROWSER_LANES === '1' ? [] : allBrowserFiles.filter((f) => SIDE_BROWSER.test(f));
const mainFiles = sideFiles.length ? allBrowserFiles.filter((f) => !SIDE_BROWSER.test(f)) : files;
const wtrEnv = (list) => ({
  KINDRED_EMULATOR_HOST: emulatorHostPort,
  KINDRED_AUTH_EMULATOR_HOST: auth ? `${auth.host}:${auth.port}` : '',
  ...(list ? {KINDRED_TEST_FILES: list.join(',')} : {}),
});
if (sideFiles.length && mainFiles.length) {
  nodeSteps.push([`browser tests in a second Chromium (${sideFiles.length} files: test/rules)`, bin('wtr'), ['--config', 'web-test-runner.config.mjs'],
    wtrEnv(sideFiles)]);
}
const sideOnly = sideFiles.length && !mainFiles.length;
const nodeT0 = Date.now();
let nodeEnded = 0;
// Held until the browser tests above have printed theirs, so the two never interleave.
const sideLog = [];
const nodeLane = nodeSteps.length ? lane(nodeSteps, (text) => sideLog.push(text)).finally(() => { nodeEnded = Date.now(); }) : Promise.resolve(false);
let browserMs = 0;
try {
  if (!mainFiles || mainFiles.length || sideOnly) {
    const browserT0 = Date.now();
    // Browser tests that need the Cloud Functions running (issue 15) name the runner's project.
    let runner = null;
    if (!mainFiles || mainFiles.some((f) => /FUNCTIONS_RUNNER_PROJECT/.test(readFileSync(resolve(root, f), 'utf8')))) {
      runner = await startFunctionsRunner(emulatorHostPort);
      console.log('Functions runner ready (test/functions/runner.ts)');
    }
    try {
      code = await run(bin('wtr'), ['--config', 'web-test-runner.config.mjs'], wtrEnv(sideOnly ? sideFiles : mainFiles));
    } finally {
      await runner?.stop();
    }
    browserMs = Date.now() - browserT0;
  }
  if (nodeSteps.length && browserMs) console.log('\n(the steps below ran beside the browser tests above)');
  const sideFailed = await nodeLane;
  process.stdout.write(sideLog.join(''));
  if (sideFailed) failed = true;
  if (nodeSteps.length) {
    console.log(`Side lane (Node tests${sideFiles.length && mainFiles.length ? ', test/rules' : ''}): ${secs(nodeEnded - nodeT0)}${browserMs ? `, beside ${secs(browserMs)} of browser tests` : ''}.`);
  }
} finally {
  await nodeLane.catch(() => undefined);
  await Promise.all([emu.stop(), auth?.stop()]);
}
if (code) failed = true;
if (auth) {
  try {
    await auth.ready;
  } catch (e) {
    console.error(`\n${e.message}`);
    failed = true;
  }
}
// Issue 17: whether the shipped dependencies' advisories were checked, on the last line, where nobody misses it.
const auditOut = [...stepOutput].find(([name]) => name.startsWith('npm audit --omit=dev (node scripts/audit.mjs)'))?.[1] ?? '';
const audit = noStatic ? '' : /NOT checked/.test(auditOut) ? '; npm audit --omit=dev: NOT run (the registry did not answer the audit request; KINDRED_AUDIT=required makes that a failure)'
  : /high or critical advisories/.test(auditOut) ? '; npm audit --omit=dev: FAILED (high or critical advisories, listed above)'
  : /no high or critical advisory/.test(auditOut) ? '; npm audit --omit=dev: ran, no high or critical advisory' : '; npm audit --omit=dev: no verdict (see its step above)';
console.log(`\nnpm test: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s${audit}`);
process.exit(failed ? 1 : 0);
