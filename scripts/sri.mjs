// Subresource Integrity for the script-tag bundle (issue 17): the sha384 of the entry (dist/cdn/kindred.js)
// and of every chunk it may load, written by the build as dist/cdn/integrity.json, and the paste-this for a
// host page: an import map whose `integrity` section covers every chunk (browsers check each module they
// fetch, the lazy ones too), and the entry's <script> with its own `integrity`.
//
//   node scripts/sri.mjs [--base https://cdn.example/kindred-kit/dist/cdn/] [--dir dist/cdn]
//
// prints the snippet for the base URL the files are served from (the build prints it with a placeholder).
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const PLACEHOLDER_BASE = 'https://your-cdn.example/kindred-kit/dist/cdn/';

/** `sha384-…` of a file's bytes, as browsers compute it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** {'kindred.js': 'sha384-…', 'chunks/x-abc.js': 'sha384-…', …} for every .js file under `dir`. */
export function integrityOf(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) out[relative(dir, p).split('\\').join('/')] = sri(readFileSync(p));
    }
  };
  walk(dir);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a === 'kindred.js' ? -1 : b === 'kindred.js' ? 1 : a.localeCompare(b))));
}

/** The import map (integrity for every chunk, by absolute URL) for files served from `base`. */
export function importMap(integrity, base) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return {imports: {}, integrity: Object.fromEntries(Object.entries(integrity).map(([file, hash]) => [new URL(file, root).href, hash]))};
}

/** The paste-this: the import map first (it must come before any module script), then the entry. */
export function snippet(integrity, base = PLACEHOLDER_BASE) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `<script type="importmap">\n${JSON.stringify(importMap(integrity, root), null, 2)}\n</script>\n` +
    `<script type="module" src="${new URL('kindred.js', root).href}" integrity="${integrity['kindred.js']}" crossorigin="anonymous"></script>\n`;
}

/** Writes dist/cdn/integrity.json and dist/cdn/sri-snippet.html (with the placeholder base). */
export function writeIntegrity(dir) {
  const integrity = integrityOf(dir);
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(integrity, null, 1)}\n`);
  writeFileSync(join(dir, 'sri-snippet.html'), snippet(integrity));
  return integrity;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const dir = resolve(arg('--dir', 'dist/cdn'));
  let integrity;
  try {
    integrity = JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8'));
  } catch {
    console.error(`No ${relative(process.cwd(), join(dir, 'integrity.json'))}: run \`npm run build\` first.`);
    process.exit(1);
  }
  process.stdout.write(snippet(integrity, arg('--base', PLACEHOLDER_BASE)));
}
