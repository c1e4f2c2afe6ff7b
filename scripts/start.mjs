// `npm start`: builds, then serves the demo site on localhost with the script-tag bundle, exactly as a
// webmaster's page loads it (`<script type="module" src="../dist/cdn/kindred.js">`, no build step in
// the page). `npm run start:emulator` (`--emulator`) also starts the real Firestore emulator, seeds
// demo/seed.json into it, and prints links that point the pages at it (demo.js reads `?emulator=`).
//
// Options: --emulator, --no-build (serve the existing dist/), --build (build even when dist/ is up to
//          date), --port=N (default: a free port), --as=UID (the member to act as against the emulator;
//          default the founder), --no-csp, --auth (with --emulator: also the Auth emulator, so visitors
//          sign in for real instead of --as).
// Ctrl+C stops the server and the emulator.
//
// Issue 12: a start with nothing changed takes seconds. dist/ is rebuilt only when a source it is made
// from is newer than the last build (dist/.start-stamp); the emulators start while the build runs; every
// demo page, host page and example is printed with a link, and in the local preview `?as=UID` links
// act as the seeded moderator, admin or founder (demo/demo.js).
//
// The server is a few lines of node:http (no dependency), serves only demo/ and dist/ from the repo
// root, and sends a strict Content-Security-Policy with every page, so the demo proves the kit works
// without inline script or style attributes.
import {createServer} from 'node:http';
import {brotliCompressSync, constants as zlib, gzipSync} from 'node:zlib';
import {createReadStream, existsSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');

const PROJECT_ID = 'demo-kindred';
const SERVED = ['demo', 'dist', 'examples'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** The policy a careful host site would send; `connect` adds the emulator's origin. */
function contentSecurityPolicy(connect = [], scripts = []) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// A page's own additions to the policy, as that site would send them: the page that shows Kindred beside
// the site's own Firebase loads Firebase from Google's CDN (demo/embed/existing-firebase.js), so its site
// lists that origin for scripts and for Firebase's own requests.
const PAGE_POLICY = {
  '/demo/embed/existing-firebase.html': {scripts: ['https://www.gstatic.com'], connect: ['https://*.googleapis.com']},
};

/** Types worth compressing (text); images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const compressedCache = new Map();
/**
 * A file's compressed bytes, as a CDN's static compression makes them (brotli at its best quality, or gzip
 * level 9), cached until the file changes.
 */
function compressed(path, encoding) {
  const mtime = statSync(path).mtimeMs;
  const key = `${encoding}:${path}`;
  const hit = compressedCache.get(key);
  if (hit && hit.mtime === mtime) return hit.body;
  const raw = readFileSync(path);
  const body = encoding === 'br'
    ? brotliCompressSync(raw, {params: {[zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length}})
    : gzipSync(raw, {level: 9});
  compressedCache.set(key, {mtime, body});
  return body;
}

/** What the browser accepts, best first: brotli, then gzip (as CDNs choose), or null. */
export function pickEncoding(acceptEncoding = '') {
  const accepted = new Map(String(acceptEncoding).split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return [name, q === undefined ? 1 : Number(q)];
  }));
  for (const name of ['br', 'gzip']) if ((accepted.get(name) ?? accepted.get('*') ?? 0) > 0) return name;
  return null;
}

/** The bundle's content-hashed chunks (dist/cdn/chunks/name-HASH.js, and their maps): they never change. */
const HASHED = /^\/dist\/cdn\/chunks\/[^/]+-[A-Za-z0-9_-]{8}\.js(\.map)?$/;

/**
 * A static file server for demo/ and dist/ under the repo root (or `dir`, another checkout: the benches'
 * A/B runs serve main's build beside this one). Resolves to the listening server.
 */
export function serve({port = 0, csp = contentSecurityPolicy(), connect = [], dir = root} = {}) {
  const server = createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', ...headers});
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed', {Allow: 'GET, HEAD'});
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    if (pathname === '/' || pathname === '/demo') return send(302, 'Found', {Location: '/demo/'});
    const file = normalize(join(dir, pathname));
    const top = file.slice(dir.length + 1).split(sep)[0];
    if (!file.startsWith(dir + sep) || !SERVED.includes(top) || pathname.includes('\0')) return send(404, 'Not found');
    let path = file;
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path) || !statSync(path).isFile()) {
      const hint = top === 'dist' ? ' (run `npm run build`)' : '';
      return send(404, `Not found: ${pathname}${hint}`);
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const stat = statSync(path);
    // Issue 16: cached as a CDN serves a build: hashed chunks for a year (a new build has new names), every
    // other file revalidated on each use (an unchanged file is a 304 with no body), so edits show at once.
    const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    const headers = {
      'Content-Type': type,
      'Content-Length': stat.size,
      'Cache-Control': HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      'Last-Modified': stat.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (type.startsWith('text/html') && csp) {
      const extra = PAGE_POLICY[pathname];
      headers['Content-Security-Policy'] = extra ? contentSecurityPolicy([...connect, ...extra.connect], extra.scripts) : csp;
    }
    if (COMPRESSIBLE.test(type)) headers.Vary = 'Accept-Encoding';
    const match = String(req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim());
    if (match.includes(etag) || match.includes('*')) {
      delete headers['Content-Length'];
      res.writeHead(304, headers);
      return res.end();
    }
    // Issue 16: text compressed as a CDN would send it (brotli, else gzip, when the browser accepts it), so
    // what the demo downloads, and what Lighthouse and bench/ measure on it, is what production sends.
    const encoding = COMPRESSIBLE.test(type) ? pickEncoding(req.headers['accept-encoding']) : null;
    if (encoding) {
      const body = compressed(path, encoding);
      headers['Content-Encoding'] = encoding;
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(path).pipe(res);
  });
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, '127.0.0.1', () => res(server));
  });
}

// Incremental start (issue 12) ----------------------------------------------------------------------

const STAMP = join(root, 'dist', '.start-stamp');
/** What dist/ is made from: a change in any of these needs a build. */
const INPUTS = ['src', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'examples'];

/** The newest modification time (ms) of a file or of any file under a folder. */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist/ must be built again, or null when it is up to date with its sources. */
export function buildReason(dir = root) {
  const stamp = join(dir, 'dist', '.start-stamp');
  if (!existsSync(join(dir, 'dist', 'cdn', 'kindred.js'))) return 'dist/ has no build yet';
  if (!existsSync(stamp)) return 'dist/ was not built by npm start';
  const built = statSync(stamp).mtimeMs;
  const changed = INPUTS.find((p) => newestMtime(join(dir, p)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Bundles examples/react and examples/vue into runnable pages' scripts (dist/examples/), `kindred-kit` from src/. */
export async function buildExamples() {
  const {build: esbuild} = await import('esbuild');
  const alias = {
    'kindred-kit/define.js': join(root, 'src', 'define.ts'),
    'kindred-kit/local': join(root, 'src', 'local.ts'),
    'kindred-kit': join(root, 'src', 'index.ts'),
  };
  await esbuild({
    entryPoints: {react: join(root, 'examples', 'react', 'main.tsx'), vue: join(root, 'examples', 'vue', 'main.ts')},
    outdir: join(root, 'dist', 'examples'), bundle: true, format: 'esm', target: 'es2022', minify: true, splitting: true,
    jsx: 'automatic', logLevel: 'warning', alias,
    // package.json's "sideEffects" names dist/ files; from src/ the define files must still register.
    ignoreAnnotations: true,
    // Vue's runtime-only build, and React's production build (as an app's bundler would choose).
    define: {'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false'},
    tsconfigRaw: {compilerOptions: {experimentalDecorators: false, useDefineForClassFields: true}},
  });
}

/** Every page `npm start` serves, as [label, path] pairs: the demo site, the embed host pages, the examples. */
export function pages(dir = root) {
  const html = (sub) => (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.html')).sort() : []);
  return [
    ...html('demo').map((f) => ['demo', `/demo/${f === 'index.html' ? '' : f}`]),
    ...html('demo/embed').map((f) => ['host page', `/demo/embed/${f}`]),
    ...['react', 'vue'].filter((x) => existsSync(join(dir, 'examples', x, 'index.html'))).map((x) => ['example', `/examples/${x}/`]),
  ];
}

// CLI ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const stops = [];
  let stopping = false;
  const stopAll = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // The build and the emulators at once: nothing of one waits for the other.
  const building = (async () => {
    if (flag('no-build')) {
      if (!existsSync(join(root, 'dist', 'cdn', 'kindred.js'))) throw new Error('dist/cdn/kindred.js is missing: run without --no-build (or `npm run build`).');
      return;
    }
    const reason = flag('build') ? '--build' : buildReason();
    if (!reason) {
      console.log(`start: dist/ is up to date with src/ (built ${new Date(statSync(STAMP).mtimeMs).toLocaleString()}); no build needed (--build forces one)`);
      return;
    }
    console.log(`start: building (${reason})`);
    const {build} = await import('./build.mjs');
    await build();
    await buildExamples();
    writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  })();

  let emulator = null;
  let auth = null;
  const connect = [];
  const emulators = (async () => {
    if (!flag('emulator')) return;
    const {startEmulator} = await import('./emulator.mjs');
    const authStarting = flag('auth') ? import('./auth-emulator.mjs').then(({startAuthEmulator}) => startAuthEmulator({projectId: PROJECT_ID})) : null;
    emulator = await startEmulator();
    stops.push(() => emulator.stop());
    console.log(`start: Firestore emulator on ${emulator.host}:${emulator.port} (ready in ${emulator.startupMs} ms)`);
    connect.push(`http://${emulator.host}:${emulator.port}`, `ws://${emulator.host}:${emulator.port}`);
    const fixture = JSON.parse(readFileSync(join(root, 'demo', 'seed.json'), 'utf8'));
    const {seedFirestore} = await import('./seed-firestore.mjs');
    const n = await seedFirestore({project: PROJECT_ID, emulator: `${emulator.host}:${emulator.port}`, fixture, replace: true});
    console.log(`start: seeded demo/seed.json into project ${PROJECT_ID} (${n} documents)`);
    if (authStarting) {
      // Real sign-in (anonymous, email link) through firebase-tools' Auth emulator: the slowest part.
      auth = await authStarting;
      stops.push(() => auth.stop());
      await auth.ready;
      console.log(`start: Auth emulator on ${auth.host}:${auth.port}`);
      connect.push(`http://${auth.host}:${auth.port}`);
    }
  })();
  try {
    await Promise.all([building, emulators]);
  } catch (e) {
    await Promise.allSettled([building, emulators]);
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw e;
  }

  const port = Number(option('port') ?? process.env.PORT ?? 0);
  const server = await serve({port, csp: flag('no-csp') ? null : contentSecurityPolicy(connect), connect});
  stops.unshift(() => new Promise((res) => server.close(() => res())));
  const origin = `http://localhost:${server.address().port}`;
  console.log('');
  let query = () => '';
  if (emulator) {
    const as = option('as') ?? 'u-catrin';
    const base = `?emulator=${emulator.host}:${emulator.port}`;
    query = (uid = as) => `${base}${auth ? `&auth=${auth.host}:${auth.port}` : uid ? `&as=${uid}` : ''}`;
    console.log(`Kindred demo (Firestore emulator${auth ? ' + Auth emulator: visitors sign in for real' : `, signed in as ${as}`}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  } else {
    console.log(`Kindred demo (local preview: data stays in this browser), ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  }
  for (const [label, path] of pages()) console.log(`  ${label.padEnd(10)} ${origin}${path}${path.startsWith('/demo/') ? query() : ''}`);
  // The moderator's and admin's screens are on the account page (queue, community admin).
  const account = `${origin}/demo/account.html`;
  if (emulator) {
    // A mock sign-in as the seeded moderator, even with --auth (whose visitors are new anonymous members).
    const mock = (uid) => `?emulator=${emulator.host}:${emulator.port}&as=${uid}`;
    console.log(`  as the moderator (queue):   ${account}${mock('u-megan')}`);
    console.log(`  as an admin (team, invites): ${account}${mock('u-rhys')}`);
    console.log(`  signed out:                 ${origin}/demo/?emulator=${emulator.host}:${emulator.port}`);
  } else {
    console.log(`  as the moderator (queue):   ${account}?as=u-megan`);
    console.log(`  as an admin (team, invites): ${account}?as=u-rhys`);
    console.log(`  as the founder (matches):   ${origin}/demo/hub.html?as=u-catrin`);
    console.log(`  signed out again:           ${origin}/demo/?as=`);
  }
  console.log('Press Ctrl+C to stop.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`start: ${e.message}`);
    process.exit(1);
  });
}
