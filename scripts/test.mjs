// `npm test`: the whole check, as CI runs it.
//   1. type-check (tsc) and lint (eslint: import bans between layers, lit/wc rules)
//   2. custom-elements.json, README's API tables, the framework types and firestore.rules' generated
//      constants (scripts/gen-rules.mjs) and the seed script's layout (scripts/gen-layout.mjs) must match the source;
//      the build must work and the script-tag entry stay within its gzip budget (scripts/size.mjs)
//   3. start the real Firestore emulator with ./firestore.rules and the Firebase Auth emulator (from
//      firebase-tools; only when the selected tests use it), run every browser test in Chromium
//      against them, stop both. The Auth emulator takes 10-40 s to start, so it is not awaited here:
//      the browser tests start at once and the tests that need it wait for it (test/support/env.ts).
//   4. the Node tests (test/**/*.test.mjs: the set-up CLI) under `node --test`, against the same emulator.
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
  step('typecheck');
  if (await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) failed = true;
  // The Cloud Functions and their Node tests (issue 15): Node types, no DOM.
  if (await run(bin('tsc'), ['--noEmit', '-p', 'functions/tsconfig.json'])) failed = true;
  step('prerequisite finder (node --test scripts/prerequisites.test.mjs)');
  if (await run(process.execPath, ['--test', 'scripts/prerequisites.test.mjs'])) failed = true;
  step('the npm tarball holds what the README names (node --test scripts/pack.test.mjs)');
  if (await run(process.execPath, ['--test', 'scripts/pack.test.mjs'])) failed = true;
  // Issue 17: advisories in what the kit ships (not the dev tools); says so when it cannot ask.
  step('npm audit --omit=dev (node scripts/audit.mjs; its own test: node --test scripts/audit.test.mjs)');
  if (await run(process.execPath, ['--test', 'scripts/audit.test.mjs'])) failed = true;
  if (await run(process.execPath, ['scripts/audit.mjs'])) failed = true;
  step('lint');
  if (await run(bin('eslint'), ['src', 'test', 'examples', 'functions/src'])) failed = true;
  step('custom-elements.json is up to date');
  if (await run(bin('cem'), ['analyze', '--outdir', '.cache/cem', '--quiet'])) failed = true;
  else {
    const fresh = readFileSync(resolve(root, '.cache/cem/custom-elements.json'), 'utf8');
    const committed = existsSync(resolve(root, 'custom-elements.json')) ? readFileSync(resolve(root, 'custom-elements.json'), 'utf8') : '';
    if (fresh.trim() !== committed.trim()) {
      console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
      failed = true;
    } else console.log('custom-elements.json matches the source.');
  }
  if (await run(process.execPath, ['scripts/api-docs.mjs', '--check'])) failed = true;
  if (await run(process.execPath, ['scripts/gen-types.mjs', '--check'])) failed = true;
  step('firestore.rules constants are up to date (scripts/gen-rules.mjs)');
  if (await run(process.execPath, ['scripts/gen-rules.mjs', '--check'])) failed = true;
  step('scripts/seed-firestore.mjs layout is up to date (scripts/gen-layout.mjs)');
  if (await run(process.execPath, ['scripts/gen-layout.mjs', '--check'])) failed = true;
  step('build and bundle budget (npm run size)');
  if (await run(process.execPath, ['scripts/size.mjs', '--build'])) failed = true;
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
try {
  if (!functionFiles || functionFiles.length) {
    step('Cloud Functions tests (Node + Firestore emulator)');
    if (await run(process.execPath, ['scripts/test-functions.mjs', ...(functionFiles ?? [])], {
      FIRESTORE_EMULATOR_HOST: `${emu.host}:${emu.port}`,
    })) failed = true;
  }
  if (!files || files.length) {
    // Browser tests that need the Cloud Functions running (issue 15) name the runner's project.
    let runner = null;
    if (!files || files.some((f) => /FUNCTIONS_RUNNER_PROJECT/.test(readFileSync(resolve(root, f), 'utf8')))) {
      runner = await startFunctionsRunner(`${emu.host}:${emu.port}`);
      console.log('Functions runner ready (test/functions/runner.ts)');
    }
    try {
      code = await run(bin('wtr'), ['--config', 'web-test-runner.config.mjs'], {
      KINDRED_EMULATOR_HOST: `${emu.host}:${emu.port}`,
      KINDRED_AUTH_EMULATOR_HOST: auth ? `${auth.host}:${auth.port}` : '',
      ...(files ? {KINDRED_TEST_FILES: files.join(',')} : {}),
      });
    } finally {
      await runner?.stop();
    }
  }
  if (nodeFiles.length) {
    step(`node tests (${nodeFiles.join(', ')}; same emulator)`);
    if (await run(process.execPath, ['--test', '--test-concurrency=1', ...nodeFiles], {KINDRED_EMULATOR_HOST: `${emu.host}:${emu.port}`})) code = 1;
  }
} finally {
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
console.log(`\nnpm test: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
