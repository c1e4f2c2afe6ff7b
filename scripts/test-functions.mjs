// Runs the Cloud Functions tests (test/functions/**/*.test.ts) in Node against the Firestore emulator
// that scripts/test.mjs started (FIRESTORE_EMULATOR_HOST): esbuild compiles each file (packages stay
// imports, resolved from node_modules) and `node --test` runs them one at a time.
//   node scripts/test-functions.mjs [files…]     (default: every test/functions test)
import {build} from 'esbuild';
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, rmSync} from 'node:fs';
import {basename, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
if (!process.env.FIRESTORE_EMULATOR_HOST) {
  console.error('test-functions: FIRESTORE_EMULATOR_HOST is not set: run through `npm test` (scripts/test.mjs), which starts the emulator.');
  process.exit(1);
}
const dir = resolve(root, 'test/functions');
const files = process.argv.slice(2).length ? process.argv.slice(2).map((f) => resolve(root, f))
  : existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => resolve(dir, f)) : [];
const out = resolve(root, '.cache/functions-test');
rmSync(out, {recursive: true, force: true});
const built = [];
for (const file of files) {
  const outfile = resolve(out, basename(file).replace(/\.ts$/, '.mjs'));
  await build({entryPoints: [file], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20',
    sourcemap: 'inline', logLevel: 'warning'});
  built.push(outfile);
}
const code = await new Promise((res) => {
  const child = spawn(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=1', ...built], {
    cwd: root, stdio: 'inherit',
    env: {...process.env, GCLOUD_PROJECT: process.env.GCLOUD_PROJECT ?? 'demo-kindred-functions'},
  });
  child.on('exit', (c, signal) => res(c ?? (signal ? 1 : 0)));
});
process.exit(code);
