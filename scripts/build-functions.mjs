// Builds functions/lib/index.js, the code `firebase deploy --only functions` uploads: functions/src plus
// the shared decision code from src/data (domain) in one ES module, with firebase-admin and
// firebase-functions left as imports (functions/package.json installs them on Cloud Functions).
// Prints the bundle size: what a cold start loads besides those two packages.
import {build} from 'esbuild';
import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outfile = resolve(root, 'functions/lib/index.js');
await build({
  entryPoints: [resolve(root, 'functions/src/index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['firebase-admin', 'firebase-admin/*', 'firebase-functions', 'firebase-functions/*'],
  minify: process.argv.includes('--minify'),
  legalComments: 'none',
  logLevel: 'warning',
});
const code = readFileSync(outfile);
console.log(`functions/lib/index.js: ${(code.length / 1024).toFixed(1)} KB (${(gzipSync(code).length / 1024).toFixed(1)} KB gzip)`);
