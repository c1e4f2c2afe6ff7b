// Issue 16: the lines a host page that shows a conversation may add to its <head> (docs/embedding.md), so a
// visitor's first post needs one JavaScript step instead of two: the browser fetches the thread's chunk and
// the chunks it imports while it fetches kindred.js, and opens the connection to Firestore at once.
//   - preconnect to Firestore (the reader's REST read goes there first; `crossorigin`: it is a CORS request);
//   - modulepreload of the thread chunk and its shared chunks, each with its integrity hash.
// The build writes dist/cdn/preload-snippet.html with the placeholder base; for the real one:
//
//   node scripts/preload.mjs [--base https://cdn.example/kindred-kit/dist/cdn/] [--dir dist/cdn]
import {readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PLACEHOLDER_BASE} from './sri.mjs';

export const FIRESTORE_ORIGIN = 'https://firestore.googleapis.com';

/** The chunks a visitor's thread needs before its first post: the thread chunk, then what it imports (not the entry). */
export function threadChunks(dir) {
  const {chunks} = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  const thread = Object.keys(chunks).find((f) => chunks[f].name === 'kin-discussion-thread');
  if (!thread) throw new Error(`${dir}/meta.json has no kin-discussion-thread chunk: build first.`);
  const out = [thread];
  const visit = (f) => {
    for (const d of chunks[f].imports) {
      if (chunks[d].isEntry || out.includes(d)) continue;
      out.push(d);
      visit(d);
    }
  };
  visit(thread);
  return out;
}

/** The <head> lines for files served from `base`. */
export function preloadSnippet(dir, base = PLACEHOLDER_BASE) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const integrity = JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8'));
  const lines = [`<link rel="preconnect" href="${FIRESTORE_ORIGIN}" crossorigin>`];
  for (const f of threadChunks(dir)) {
    lines.push(`<link rel="modulepreload" href="${new URL(f, root).href}" integrity="${integrity[f]}" crossorigin="anonymous">`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes dist/cdn/preload-snippet.html (with the placeholder base). */
export function writePreload(dir) {
  const text = preloadSnippet(dir);
  writeFileSync(join(dir, 'preload-snippet.html'), text);
  return text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  process.stdout.write(preloadSnippet(resolve(arg('--dir', 'dist/cdn')), arg('--base', PLACEHOLDER_BASE)));
}
