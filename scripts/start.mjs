// `npm start`: builds, then serves the demo site on localhost with the script-tag bundle, exactly as a
// webmaster's page loads it (`<script type="module" src="../dist/cdn/kindred.js">`, no build step in
// the page). `npm run start:emulator` (`--emulator`) also starts the real Firestore emulator, seeds
// demo/seed.json into it, and prints links that point the pages at it (demo.js reads `?emulator=`).
//
// Options: --emulator, --no-build (serve the existing dist/), --port=N (default: a free port),
//          --as=UID (the member to act as against the emulator; default the founder), --no-csp.
// Ctrl+C stops the server and the emulator.
//
// The server is a few lines of node:http (no dependency), serves only demo/ and dist/ from the repo
// root, and sends a strict Content-Security-Policy with every page, so the demo proves the kit works
// without inline script or style attributes.
import {createServer} from 'node:http';
import {createReadStream, existsSync, readFileSync, statSync} from 'node:fs';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

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

// Seeding ---------------------------------------------------------------------------------------------

// Fields the Firebase adapter stores as Firestore Timestamps (firestore.rules, DATA MODEL); every other
// number (founderStory.toldAt, counts, hues) stays a number. Mirrors test/helpers/firestore-admin.ts.
const TIME_FIELDS = new Set(['createdAt', 'lastActivityAt', 'joinedAt', 'updatedAt', 'at', 'editedAt', 'approvedAt', 'verifiedAt', 'suspendedUntil']);

/** Firestore REST value of a plain JSON value. */
function toValue(v, key = '') {
  if (v === null || v === undefined) return {nullValue: null};
  if (typeof v === 'boolean') return {booleanValue: v};
  if (typeof v === 'number') {
    if (TIME_FIELDS.has(key)) return {timestampValue: new Date(v).toISOString()};
    return Number.isInteger(v) ? {integerValue: String(v)} : {doubleValue: v};
  }
  if (typeof v === 'string') return {stringValue: v};
  if (Array.isArray(v)) return {arrayValue: {values: v.map((x) => toValue(x))}};
  return {mapValue: {fields: toFields(v)}};
}

function toFields(obj) {
  const fields = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) fields[k] = toValue(v, k);
  return fields;
}

const omit = (obj, ...keys) => Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));

/**
 * Writes a SeedFixture to the emulator with the owner's rule bypass, in the layout of firestore.rules.
 * Used only when scripts/seed-firestore.mjs (the Firebase adapter's own seeder) is not there.
 */
async function seedViaRest({host, port, projectId, fixture}) {
  const base = `projects/${projectId}/databases/(default)/documents`;
  const c = `${base}/communities/${fixture.community.id}`;
  const docs = [[c, omit(fixture.community, 'id')]];
  for (const m of fixture.members ?? []) docs.push([`${c}/members/${m.uid}`, m]);
  for (const p of fixture.privates ?? []) docs.push([`${c}/private/${p.uid}`, p]);
  for (const r of fixture.roles ?? []) docs.push([`${c}/roles/${r.uid}`, r]);
  for (const t of fixture.threads ?? []) docs.push([`${c}/threads/${t.id}`, omit(t, 'id')]);
  for (const p of fixture.posts ?? []) docs.push([`${c}/threads/${p.threadId}/posts/${p.id}`, omit(p, 'id', 'threadId')]);
  for (const r of fixture.reactions ?? []) {
    docs.push([`${c}/threads/${r.threadId}/reactions/${r.postId}_${r.uid}_${r.kind}`, omit(r, 'threadId')]);
  }
  for (const r of fixture.reports ?? []) docs.push([`${c}/reports/${r.id}`, omit(r, 'id')]);
  for (let i = 0; i < docs.length; i += 400) {
    const writes = docs.slice(i, i + 400).map(([name, data]) => ({update: {name, fields: toFields(data)}}));
    const r = await fetch(`http://${host}:${port}/v1/${base}:commit`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: 'Bearer owner'},
      body: JSON.stringify({writes}),
    });
    if (!r.ok) throw new Error(`seeding the emulator failed (HTTP ${r.status}): ${(await r.text()).slice(0, 500)}`);
  }
  return docs.length;
}

/** Seeds with the Firebase adapter's own seeder when it exists, else with the REST fallback above. */
async function seedEmulator({host, port, projectId, fixture}) {
  const seeder = join(root, 'scripts', 'seed-firestore.mjs');
  if (existsSync(seeder)) {
    const mod = await import(pathToFileURL(seeder).href);
    const fn = mod.seedFirestore ?? mod.seedFixture ?? mod.seed ?? mod.default;
    if (typeof fn === 'function') {
      try {
        await fn({host, port, projectId, fixture, emulatorHost: `${host}:${port}`});
        return 'scripts/seed-firestore.mjs';
      } catch (e) {
        console.warn(`start: scripts/seed-firestore.mjs failed (${e.message}); seeding over REST instead.`);
      }
    }
  }
  const n = await seedViaRest({host, port, projectId, fixture});
  return `${n} documents (REST)`;
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
    try {
      const fixture = JSON.parse(readFileSync(join(root, 'demo', 'seed.json'), 'utf8'));
      const how = await seedEmulator({host: emulator.host, port: emulator.port, projectId: PROJECT_ID, fixture});
      console.log(`start: seeded demo/seed.json into project ${PROJECT_ID} with ${how}`);
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
    const q = (uid) => `?emulator=${emulator.host}:${emulator.port}${uid ? `&as=${uid}` : ''}`;
    console.log(`Kindred demo (Firestore emulator): ${origin}/demo/${q(as)}`);
    console.log(`  community hub:  ${origin}/demo/hub.html${q(as)}`);
    console.log(`  NHS-style page: ${origin}/demo/nhs.html${q(as)}`);
    console.log(`  as a moderator: ${origin}/demo/hub.html${q('u-megan')}   signed out: ${origin}/demo/${q('')}`);
  } else {
    console.log(`Kindred demo: ${origin}/demo/`);
    console.log(`  community hub:  ${origin}/demo/hub.html`);
    console.log(`  NHS-style page: ${origin}/demo/nhs.html`);
  }
  console.log('Press Ctrl+C to stop.');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`start: ${e.message}`);
    process.exit(1);
  });
}
