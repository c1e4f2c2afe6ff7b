// `npm run build`: a clean `dist/` from the sources.
//   1. tsc -p tsconfig.build.json → dist/**/*.js + .d.ts (ES modules; `lit`, `@lit/*` and `firebase`
//      stay bare imports) for npm users and bundlers.
//   2. rollup (rollup.config.mjs) → dist/cdn/kindred.js, the self-registering script-tag bundle, with
//      Firebase and LocalStore in lazily loaded chunks under dist/cdn/chunks/.
// `--no-clean` keeps the old dist/ (faster when only checking).
import {spawnSync} from 'node:child_process';
import {cpSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {rollup} from 'rollup';

export const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function run(cmd, args) {
  const r = spawnSync(cmd, args, {cwd: root, stdio: 'inherit'});
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (exit ${r.status}).`);
}

/** Builds dist/ and dist/cdn/. Resolves to the rollup output (chunks and assets). */
export async function build({clean = true, quiet = false} = {}) {
  const log = quiet ? () => {} : (msg) => console.log(msg);
  const started = Date.now();
  if (clean) rmSync(join(root, 'dist'), {recursive: true, force: true});
  log('build: tsc -p tsconfig.build.json');
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')]);
  // The optional theme token sheets ship as plain CSS beside the modules (dist/themes/*.css).
  cpSync(join(root, 'src', 'themes'), join(root, 'dist', 'themes'), {recursive: true});

  log('build: rollup -c rollup.config.mjs');
  const prev = process.cwd();
  process.chdir(root);
  try {
    const {default: config} = await import(pathToFileURL(join(root, 'rollup.config.mjs')).href + `?t=${Date.now()}`);
    const warnings = [];
    const bundle = await rollup({...config, onwarn: (w) => config.onwarn ? config.onwarn(w, (x) => warnings.push(x)) : warnings.push(w)});
    const {output} = await bundle.write(config.output);
    await bundle.close();
    for (const w of warnings) console.warn(`rollup: ${w.message}`);
    const chunks = output.filter((o) => o.type === 'chunk');
    log(`build: dist/cdn/ ${chunks.length} chunk(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Issue 17: Subresource Integrity for the entry and every chunk (scripts/sri.mjs, docs/embedding.md).
    const {writeIntegrity} = await import('./sri.mjs');
    const integrity = writeIntegrity(resolve(root, config.output.dir));
    log(`build: dist/cdn/integrity.json (${Object.keys(integrity).length} files); kindred.js ${integrity['kindred.js']}`);
    log('build: paste-this with SRI: dist/cdn/sri-snippet.html, or `node scripts/sri.mjs --base <where dist/cdn is served>`');
    // Issue 16: optional <head> lines for a page with a conversation (preconnect + the thread's chunks).
    const {writePreload} = await import('./preload.mjs');
    writePreload(resolve(root, config.output.dir));
    log('build: for a page with a conversation, also: dist/cdn/preload-snippet.html, or `node scripts/preload.mjs --base <…>`');
    return output;
  } finally {
    process.chdir(prev);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build({clean: !process.argv.includes('--no-clean')});
  } catch (e) {
    console.error(`build failed: ${e.message}`);
    process.exit(1);
  }
}
