// `npm start`: builds, then serves the demo site on localhost with the script-tag bundle, exactly as a
// webmaster's page loads it (`<script type="module" src="../dist/cdn/kindred.js">`, no build step in
// the page). `npm run start:emulator` (`--emulator`) also starts the real Firestore emulator, seeds
// demo/seed.json into it, and prints links that point the pages at it (demo.js reads `?emulator=`).
//
// Options: --emulator, --no-build (serve the existing dist/), --port=N (default: a free port),
//          --as=UID (the member to act as against the emulator; default the founder), --no-csp,
//          --auth (with --emulator: also the Auth emulator, so visitors sign in for real instead of --as).
// Ctrl+C stops the server and the emulator.
//
// The server is a few lines of node:http (no dependency), serves only demo/ and dist/ from the repo
// root, and sends a strict Content-Security-Policy with every page, so the demo proves the kit works
// without inline script or style attributes.
import {createServer} from 'node:http';
import {createReadStream, existsSync, readFileSync, statSync} from 'node:fs';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');

const PROJECT_ID = 'demo-kindred';
const SERVED = ['demo', 'dist'];
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
function contentSecurityPolicy(connect = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
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

/** A static file server for demo/ and dist/ under the repo root. Resolves to the listening server. */
export function serve({port = 0, csp = contentSecurityPolicy()} = {}) {
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
    const file = normalize(join(root, pathname));
    const top = file.slice(root.length + 1).split(sep)[0];
    if (!file.startsWith(root + sep) || !SERVED.includes(top) || pathname.includes('\0')) return send(404, 'Not found');
    let path = file;
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path) || !statSync(path).isFile()) {
      const hint = top === 'dist' ? ' (run `npm run build`)' : '';
      return send(404, `Not found: ${pathname}${hint}`);
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Content-Length': statSync(path).size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (type.startsWith('text/html') && csp) headers['Content-Security-Policy'] = csp;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(path).pipe(res);
  });
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(port, '127.0.0.1', () => res(server));
  });
}

// CLI ---------------------------------------------------------------------------------------------

async function main() {
  if (!flag('no-build')) {
    const {build} = await import('./build.mjs');
    await build();
  } else if (!existsSync(join(root, 'dist', 'cdn', 'kindred.js'))) {
    throw new Error('dist/cdn/kindred.js is missing: run without --no-build (or `npm run build`).');
  }

  let emulator = null;
  let auth = null;
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

  const connect = [];
  if (flag('emulator')) {
    const {startEmulator} = await import('./emulator.mjs');
    emulator = await startEmulator();
    stops.push(() => emulator.stop());
    console.log(`start: Firestore emulator on ${emulator.host}:${emulator.port} (ready in ${emulator.startupMs} ms)`);
    connect.push(`http://${emulator.host}:${emulator.port}`, `ws://${emulator.host}:${emulator.port}`);
    if (flag('auth')) {
      // Real sign-in (anonymous, email link) through firebase-tools' Auth emulator: slower to start.
      const {startAuthEmulator} = await import('./auth-emulator.mjs');
      auth = await startAuthEmulator({projectId: PROJECT_ID});
      stops.push(() => auth.stop());
      await auth.ready;
      console.log(`start: Auth emulator on ${auth.host}:${auth.port}`);
      connect.push(`http://${auth.host}:${auth.port}`);
    }
    try {
      const fixture = JSON.parse(readFileSync(join(root, 'demo', 'seed.json'), 'utf8'));
      const {seedFirestore} = await import('./seed-firestore.mjs');
      const n = await seedFirestore({project: PROJECT_ID, emulator: `${emulator.host}:${emulator.port}`, fixture, replace: true});
      console.log(`start: seeded demo/seed.json into project ${PROJECT_ID} (${n} documents)`);
    } catch (e) {
      await stopAll(1);
      throw e;
    }
  }

  const port = Number(option('port') ?? process.env.PORT ?? 0);
  const server = await serve({port, csp: flag('no-csp') ? null : contentSecurityPolicy(connect)});
  stops.unshift(() => new Promise((res) => server.close(() => res())));
  const origin = `http://localhost:${server.address().port}`;
  console.log('');
  if (emulator) {
    const as = option('as') ?? 'u-catrin';
    const q = (uid) => `?emulator=${emulator.host}:${emulator.port}${auth ? `&auth=${auth.host}:${auth.port}` : uid ? `&as=${uid}` : ''}`;
    console.log(`Kindred demo (Firestore emulator): ${origin}/demo/${q(as)}`);
    console.log(`  community hub:  ${origin}/demo/hub.html${q(as)}`);
    console.log(`  NHS-style page: ${origin}/demo/nhs.html${q(as)}`);
    console.log(`  your account:   ${origin}/demo/account.html${q(as)}`);
    console.log(`  as a moderator: ${origin}/demo/hub.html${q('u-megan')}   signed out: ${origin}/demo/${q('')}`);
  } else {
    console.log(`Kindred demo: ${origin}/demo/`);
    console.log(`  community hub:  ${origin}/demo/hub.html`);
    console.log(`  NHS-style page: ${origin}/demo/nhs.html`);
    console.log(`  your account:   ${origin}/demo/account.html`);
  }
  console.log('Press Ctrl+C to stop.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`start: ${e.message}`);
    process.exit(1);
  });
}
