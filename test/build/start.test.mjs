// Issue 12 (finding 13): `npm start` starts in seconds when nothing changed, prints every demo page, host
// page and example, serves existing-firebase.html under a policy that page's own site would send, and the
// examples are apps one can open. Node's test runner (npm test runs test/**/*.test.mjs).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync, existsSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildExamples, buildReason, pages, serve} from '../../scripts/start.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** A checkout with a built dist/ whose sources are `age` seconds older than the build stamp. */
function checkout() {
  const dir = mkdtempSync(join(tmpdir(), 'kindred-start-'));
  for (const d of ['src/data', 'dist/cdn', 'examples']) mkdirSync(join(dir, d), {recursive: true});
  for (const f of ['src/data/types.ts', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'dist/cdn/kindred.js']) writeFileSync(join(dir, f), '');
  const old = Date.now() / 1000 - 3600;
  for (const f of ['src/data/types.ts', 'src/data', 'src', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'examples']) utimesSync(join(dir, f), old, old);
  return dir;
}

test('a second start with nothing changed needs no build; a changed source does', () => {
  const dir = checkout();
  try {
    assert.match(buildReason(dir), /not built by npm start/);
    writeFileSync(join(dir, 'dist', '.start-stamp'), 'now\n');
    assert.equal(buildReason(dir), null, 'nothing changed since the stamp: no build');
    const later = Date.now() / 1000 + 5;
    utimesSync(join(dir, 'src', 'data', 'types.ts'), later, later);
    assert.equal(buildReason(dir), 'src changed since the last build');
    rmSync(join(dir, 'dist', 'cdn', 'kindred.js'));
    assert.equal(buildReason(dir), 'dist/ has no build yet');
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('lists every demo page, every host page in demo/embed and both examples', () => {
  const listed = pages().map(([, path]) => path);
  const embed = readdirSync(join(root, 'demo', 'embed')).filter((f) => f.endsWith('.html'));
  assert.ok(embed.length >= 5);
  for (const f of embed) assert.ok(listed.includes(`/demo/embed/${f}`), `host page ${f} is printed`);
  for (const f of ['/demo/', '/demo/hub.html', '/demo/account.html', '/demo/nhs.html', '/examples/react/', '/examples/vue/']) {
    assert.ok(listed.includes(f), `${f} is printed`);
  }
});

test('serves existing-firebase.html with its site\'s Firebase CDN allowed, and every other page under the strict policy', async () => {
  const server = await serve({port: 0});
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const csp = async (path) => (await fetch(`${base}${path}`)).headers.get('content-security-policy');
    assert.match(await csp('/demo/embed/existing-firebase.html'), /script-src 'self' https:\/\/www\.gstatic\.com;/);
    assert.match(await csp('/demo/embed/strict-csp.html'), /script-src 'self';/);
    assert.match(await csp('/demo/'), /script-src 'self';/);
    const example = await fetch(`${base}/examples/react/`);
    assert.equal(example.status, 200);
    assert.match(await example.text(), /\.\.\/\.\.\/dist\/examples\/react\.js/);
  } finally {
    await new Promise((res) => server.close(res));
  }
});

test('bundles the React and Vue examples into scripts their pages load', async () => {
  await buildExamples();
  for (const name of ['react', 'vue']) assert.ok(existsSync(join(root, 'dist', 'examples', `${name}.js`)), `dist/examples/${name}.js`);
});

test('serves text compressed when the browser accepts it (brotli, else gzip), and caches like a CDN (issue 16)', async () => {
  const server = await serve({port: 0});
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const {request} = await import('node:http');
    const {brotliDecompressSync, gunzipSync} = await import('node:zlib');
    const {readFileSync, readdirSync} = await import('node:fs');
    const get = (path, encoding, more = {}) => new Promise((res, rej) => {
      request(`${base}${path}`, {headers: {...(encoding ? {'Accept-Encoding': encoding} : {}), ...more}}, (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => res({status: r.statusCode, headers: r.headers, body: Buffer.concat(chunks)}));
      }).on('error', rej).end();
    });
    const page = readFileSync(join(root, 'demo', 'index.html'));
    // What Chromium sends: brotli is chosen, as CDNs do.
    const br = await get('/demo/index.html', 'gzip, deflate, br, zstd');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(Number(br.headers['content-length']), br.body.length, 'length of the compressed bytes');
    assert.ok(br.body.length < page.length / 2, `compressed: ${br.body.length} of ${page.length} bytes`);
    assert.deepEqual(brotliDecompressSync(br.body), page, 'the same page once decompressed');
    const zipped = await get('/demo/index.html', 'gzip, deflate');
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(zipped.body), page, 'the same page once unzipped');
    const refused = await get('/demo/index.html', 'br;q=0, gzip');
    assert.equal(refused.headers['content-encoding'], 'gzip', 'q=0 refuses an encoding');
    const plain = await get('/demo/index.html');
    assert.equal(plain.headers['content-encoding'], undefined, 'no compression for a client that did not ask for it');
    assert.deepEqual(plain.body, page);
    const svg = await get('/demo/logo.svg', 'gzip');
    assert.equal(svg.headers['content-encoding'], 'gzip');

    // Pages and the unhashed entry are revalidated each time; unchanged, they come back as a 304 with no body.
    assert.equal(plain.headers['cache-control'], 'no-cache');
    assert.ok(plain.headers.etag, 'an ETag to revalidate with');
    const again = await get('/demo/index.html', 'br', {'If-None-Match': plain.headers.etag});
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    // The bundle's content-hashed chunks never change under their name: cached for a year.
    const chunk = readdirSync(join(root, 'dist', 'cdn', 'chunks')).find((f) => f.endsWith('.js'));
    assert.ok(chunk, 'a built chunk (npm run build)');
    const cached = await get(`/dist/cdn/chunks/${chunk}`, 'br');
    assert.equal(cached.status, 200);
    assert.equal(cached.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await get('/dist/cdn/kindred.js', 'br')).headers['cache-control'], 'no-cache', 'the entry keeps its name across builds');
  } finally {
    server.close();
  }
});
