// `npm run bench:first-post`: how soon a visitor sees the first post of a public community, side by side
// with a baseline page that is one small Lit element making one Firestore REST `runQuery` for the same
// 20 posts (bench/first-post/baseline.js). Figures, printed as a table; nothing here passes or fails.
//
// Set-up, all real: the Cloud Firestore emulator with ./firestore.rules, a public community seeded with 30
// posts in one page thread; a node:http server sending every file gzip-compressed (level 9, as a CDN
// would); headless Chromium through puppeteer-core, a fresh browser context per load (no cache, no
// storage), the HTTP cache disabled, CDP network emulation:
//   Slow 4G: 150 ms RTT, 1.6 Mbps down, 750 kbps up (Lighthouse's mobile throttling)
//   3G:      562.5 ms RTT, 1.44 Mbps down, 675 kbps up
// Pages are interleaved (kindred, kindred with Auth, baseline, then the next run in a rotated order) and
// each figure is the median of --runs (default 5).
//
// "First post visible": the first animation frame in which an <article> of the thread (or of the
// baseline) is in the DOM, as performance.now() from navigation start, read in the page itself.
// "JS before the first post": encodedBodySize (gzip bytes on the wire) of every script resource that
// finished loading before that frame (Resource Timing).
//
// Billed reads per first view (a separate, unthrottled load per page, --reads-wait ms after the first
// post so the SDK's takeover is counted too):
//   documents on the wire: every document in a REST response (a query with no result counts 1, as
//     Firestore bills it) plus every `documentChange` in the Listen channel's stream (read through CDP
//     Network.streamResourceContent), a listen target that delivered nothing counting 1;
//   + the rules' get()/exists() reads: each request the page made is classified (a get of the community
//     document, a query over posts, …), and each kind is replayed once over REST, as the same visitor, in
//     a fresh emulator project seeded the same way; the distinct documents the emulator's rules coverage
//     report (/emulator/v1/projects/P:ruleCoverage) shows get()/exists() reaching in that project are what
//     that kind of request costs in rules reads (Firestore bills each document a request's rules read once).
//
// Options: --dist=DIR   measure another build of dist/cdn (e.g. a copy of the code before a change)
//          --no-build   use dist/cdn as it is   --runs=N   --only=kindred,kindred-auth,baseline
//          --nets=slow4g,3g   --reads-wait=MS   --json   --reads-only (just the billed reads)   --save=FILE.json
import {createServer} from 'node:http';
import {existsSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {extname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {startEmulator} from '../scripts/emulator.mjs';
import {seedFirestore} from '../scripts/seed-firestore.mjs';
import {rulesReadsOf, watchWire} from './billed-reads.mjs';
import {FIRESTORE_ORIGIN, preloadSnippet} from '../scripts/preload.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, def) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? def;
const RUNS = Number(opt('runs', 5));
const READS_WAIT = Number(opt('reads-wait', 4000));
const PROJECT = 'demo-kindred-first-post';
const CID = 'first-post';
const KEY = 'walk-2026';
const POSTS = 30;

const NETS = {
  slow4g: {label: 'Slow 4G (150 ms, 1.6 Mbps)', latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8},
  '3g': {label: '3G (562 ms, 1.44 Mbps)', latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8},
};
const nets = opt('nets', 'slow4g,3g').split(',');

// Build -------------------------------------------------------------------------------------------
let cdnDir = opt('dist') ? resolve(opt('dist')) : join(root, 'dist', 'cdn');
if (!opt('dist') && !args.includes('--no-build')) {
  const {build} = await import('../scripts/build.mjs');
  await build({quiet: true});
}
if (!existsSync(join(cdnDir, 'kindred.js'))) throw new Error(`${cdnDir}/kindred.js is missing: build first (npm run build).`);
const {threadIdForKey} = await import(join(cdnDir, '..', 'data', 'policy.js'));
const TID = threadIdForKey(KEY);

// The baseline element: Lit + one REST call, built with the same rollup + terser settings.
const baselineDir = mkdtempSync(join(tmpdir(), 'kindred-baseline-'));
{
  const {rollup} = await import('rollup');
  const {default: nodeResolve} = await import('@rollup/plugin-node-resolve');
  const {default: terser} = await import('@rollup/plugin-terser');
  const bundle = await rollup({input: join(root, 'bench', 'first-post', 'baseline.js'),
    plugins: [nodeResolve({browser: true, exportConditions: ['browser', 'module', 'import', 'production', 'default']})]});
  await bundle.write({dir: baselineDir, format: 'es', entryFileNames: 'baseline.js', plugins: [terser({ecma: 2022, module: true, compress: {passes: 2}, format: {comments: false}})]});
  await bundle.close();
}

// Emulator and data -------------------------------------------------------------------------------
const emu = await startEmulator();
const emulator = `${emu.host}:${emu.port}`;
const T0 = Math.floor(Date.now() / 60000) * 60000 - 3 * 3600000;
const members = [
  {uid: 'alice', pseudonym: 'Alice Hughes', relationship: 'carer', avatarHue: 120},
  {uid: 'bob', pseudonym: 'Bob Jones', relationship: 'patient', avatarHue: 200},
].map((m) => ({...m, avatarUrl: null, bio: '', tags: [], listed: false, badges: [], clinicianScope: null, joinedAt: T0 - 86400000, pseudonymLower: m.pseudonym.toLowerCase()}));
function fixture(cid = CID) {
  return {
    community: {
      id: cid, name: {en: 'Breathe Easy Cymru'}, tagline: {en: 'Breathe together'}, languages: ['en', 'cy'],
      settings: {visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [], guidelinesVersion: 'g1', consentVersion: 'c1'},
      founderStory: null, createdAt: T0 - 86400000,
    },
    members,
    threads: [{id: TID, key: KEY, title: 'Walk for Breath 2026', authorId: 'alice', authorName: 'Alice Hughes', createdAt: T0, lastActivityAt: T0 + POSTS * 60000, postCount: POSTS, status: 'visible', participants: null}],
    posts: Array.from({length: POSTS}, (_, i) => {
      const m = members[i % 2];
      return {
        id: `p${String(i).padStart(3, '0')}`, threadId: TID, authorId: m.uid, authorName: m.pseudonym, authorRelationship: m.relationship,
        authorAvatarUrl: null, authorAvatarHue: m.avatarHue, authorBadges: [], parentId: null, createdAt: T0 + i * 60000, editedAt: null,
        status: 'visible', statusReason: null, reactions: {heart: i % 3, hug: 0, metoo: i % 2, thanks: 0},
        body: `Post ${i}: I walked the first three miles last year and stopped at Penmaenpool for my inhaler. Anyone else starting from Dolgellau this time?`,
      };
    }),
  };
}
await seedFirestore({project: PROJECT, emulator, fixture: fixture(), replace: true});

// Pages and a gzip server --------------------------------------------------------------------------
const template = readFileSync(join(root, 'bench', 'first-post', 'page.html'), 'utf8');
const kindredBody = (extra) => `<kin-community community="${CID}" project-id="${PROJECT}" api-key="bench" app-id="bench" emulator-host="${emulator}"${extra}>
      <kin-discussion-thread thread-key="${KEY}"></kin-discussion-thread>
    </kin-community>`;
const PAGES = {
  // The visitor path as the emulator runs it without the Auth emulator (no Auth at all).
  kindred: {label: 'Kindred', head: '<script type="module" src="/cdn/kindred.js"></script>', body: kindredBody('')},
  // The production path: Firebase Auth is configured (an Auth emulator address; a visitor with no saved
  // session makes no Auth request, so nothing needs to listen there).
  'kindred-auth': {label: 'Kindred (production path, Auth configured)', head: '<script type="module" src="/cdn/kindred.js"></script>', body: kindredBody(' emulator-auth-host="127.0.0.1:9"')},
  // Issue 16: the same, on a host page that pasted the build's preload lines (scripts/preload.mjs, docs/embedding.md):
  // the thread's chunks fetched beside kindred.js, and the connection to the data's origin (here the emulator) opened early.
  'kindred-preload': {label: 'Kindred, host page with the preload lines', body: kindredBody(''),
    head: () => `${preloadSnippet(cdnDir, `${origin}/cdn/`).replace(FIRESTORE_ORIGIN, `http://${emulator}`)}<script type="module" src="/cdn/kindred.js"></script>`},
  baseline: {label: 'REST baseline', head: '<script type="module" src="/baseline/baseline.js"></script>',
    body: `<rest-baseline base="http://${emulator}" parent="projects/${PROJECT}/databases/(default)/documents/communities/${CID}/threads/${TID}"></rest-baseline>`},
};
const variants = opt('only', Object.keys(PAGES).join(',')).split(',');
const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json'};
const gz = new Map();
const compressed = (key, buf) => {
  if (!gz.has(key)) gz.set(key, gzipSync(buf, {level: 9}));
  return gz.get(key);
};
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let body;
  let type;
  const page = /^\/page\/([\w-]+)$/.exec(url.pathname);
  if (page && PAGES[page[1]]) {
    const head = typeof PAGES[page[1]].head === 'function' ? PAGES[page[1]].head() : PAGES[page[1]].head;
    body = Buffer.from(template.replace('{{HEAD}}', head).replace('{{BODY}}', PAGES[page[1]].body));
    type = TYPES['.html'];
  } else {
    const m = /^\/(cdn|baseline)\/([\w./-]+)$/.exec(url.pathname);
    const file = m && !m[2].includes('..') ? join(m[1] === 'cdn' ? cdnDir : baselineDir, m[2]) : null;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    body = readFileSync(file);
    type = TYPES[extname(file)] ?? 'application/octet-stream';
  }
  const headers = {'Content-Type': type, 'Cache-Control': 'no-store'};
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = compressed(req.url, body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://localhost:${server.address().port}`;

// Browser -----------------------------------------------------------------------------------------
const {default: puppeteer} = await import('puppeteer-core');
const findChromium = () => [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'].filter(Boolean).find((p) => existsSync(p));
const browser = await puppeteer.launch({executablePath: findChromium(), headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-quic']});

// In the page: the first frame with a post in the DOM, and the scripts loaded by then.
const DETECT = () => {
  const find = () => {
    for (const tag of ['kin-discussion-thread', 'rest-baseline']) {
      const el = document.querySelector(tag);
      if (el?.shadowRoot?.querySelector('article')) return true;
    }
    return false;
  };
  const tick = () => {
    if (find()) {
      const t = performance.now();
      const scripts = performance.getEntriesByType('resource').filter((e) => /\.js(\?|$)/.test(e.name));
      window.__firstPost = {t, scripts: scripts.map((e) => ({name: e.name, start: e.startTime, end: e.responseEnd, gzip: e.encodedBodySize, done: e.responseEnd > 0 && e.responseEnd <= t}))};
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function load(variant, net, {countReads = false} = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (args.includes('--verbose')) {
    page.on('console', (m) => process.stderr.write(`  [${variant}] console.${m.type()}: ${m.text()}\n`));
    page.on('pageerror', (e) => process.stderr.write(`  [${variant}] error: ${e.message}\n`));
    page.on('requestfailed', (r) => process.stderr.write(`  [${variant}] failed: ${r.url()} ${r.failure()?.errorText}\n`));
  }
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
  if (net) await cdp.send('Network.emulateNetworkConditions', {offline: false, ...NETS[net], label: undefined});
  const wire = countReads ? watchWire(cdp, `http://${emulator}`) : null;
  await page.evaluateOnNewDocument(DETECT);
  await page.goto(`${origin}/page/${variant}`, {waitUntil: 'domcontentloaded', timeout: 120000});
  await page.waitForFunction(() => window.__firstPost, {timeout: Number(opt('timeout', 120000)), polling: 50});
  const first = await page.evaluate(() => window.__firstPost);
  let reads = null;
  if (wire) {
    await new Promise((r) => setTimeout(r, READS_WAIT));
    reads = await wire.done();
  }
  await context.close();
  return {...first, reads};
}

// Billed reads (bench/billed-reads.mjs) ---------------------------------------------------------------
// Rules reads per kind of request, replayed once into a fresh project seeded like the page's.
const rulesReadsCache = new Map();
let freshN = 0;
async function rulesReads(replay) {
  if (rulesReadsCache.has(replay.kind)) return rulesReadsCache.get(replay.kind);
  const project = `demo-rules-${Date.now().toString(36)}-${++freshN}`;
  await seedFirestore({project, emulator, fixture: fixture(), replace: true});
  const r = await rulesReadsOf(`http://${emulator}`, project, replay);
  await fetch(`http://${emulator}/emulator/v1/projects/${project}/databases/(default)/documents`, {method: 'DELETE'});
  if (args.includes('--verbose')) process.stderr.write(`  rules reads of ${replay.kind} (HTTP ${r.status}): ${r.paths.join(', ') || 'none'}\n`);
  rulesReadsCache.set(replay.kind, r.reads);
  return r.reads;
}

// Run ---------------------------------------------------------------------------------------------
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
try {
  // One warm-up load per page (the JIT and the emulator's first query), not counted.
  for (const v of variants) await load(v, null);
  for (const net of args.includes('--reads-only') ? [] : nets) {
    for (let run = 0; run < RUNS; run++) {
      const order = variants.map((_, i) => variants[(i + run) % variants.length]);
      for (const v of order) {
        const r = await load(v, net);
        ((results[v] ??= {})[net] ??= []).push(r);
        process.stderr.write(`  ${v.padEnd(13)} ${net.padEnd(7)} run ${run + 1}: first post ${r.t.toFixed(0)} ms, JS ${(r.scripts.filter((s) => s.done).reduce((n, s) => n + s.gzip, 0) / 1024).toFixed(1)} KB\n`);
      }
    }
  }
  const reads = {};
  for (const v of variants) {
    const r = await load(v, null, {countReads: true});
    let rules = 0;
    const unknown = [];
    for (const replay of r.reads.replays) rules += await rulesReads(replay);
    reads[v] = {...r.reads, rules, unknown, total: r.reads.docs + rules,
      scripts: r.scripts.filter((s) => s.done).map((s) => `${s.name.replace(origin, '')} ${s.gzip} B`)};
  }

  // Table -------------------------------------------------------------------------------------------
  if (args.includes('--reads-only')) {
    for (const v of variants) console.log(`${v}: ${JSON.stringify(reads[v])}`);
    process.exit(0);
  }
  const jsBefore = (v) => median(Object.values(results[v]).flat().map((r) => r.scripts.filter((s) => s.done).reduce((n, s) => n + s.gzip, 0)));
  const firebaseBefore = (v) => Object.values(results[v]).flat().some((r) => r.scripts.some((s) => s.start < r.t && /firebase/.test(s.name)));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const kin = variants.filter((v) => v !== 'baseline');
  const rows = [['', ...kin.map((v) => PAGES[v].label), 'REST baseline', 'ratio']];
  const base = variants.includes('baseline');
  const ratio = (vals, b) => (base ? vals.map((x) => `${(x / b).toFixed(2)}×`).join(' / ') : '—');
  const js = kin.map(jsBefore);
  rows.push(['JS (gzip) downloaded before the first post is visible', ...js.map(kb), base ? kb(jsBefore('baseline')) : '—', ratio(js, base ? jsBefore('baseline') : 1)]);
  for (const net of nets) {
    const t = kin.map((v) => median(results[v][net].map((r) => r.t)));
    const b = base ? median(results.baseline[net].map((r) => r.t)) : 1;
    rows.push([`time to first post, ${NETS[net].label}`, ...t.map(s), base ? s(b) : '—', ratio(t, b)]);
  }
  rows.push(['billed reads per first view (documents + rules reads)', ...kin.map((v) => `${reads[v].total} (${reads[v].docs} + ${reads[v].rules})`),
    base ? `${reads.baseline.total} (${reads.baseline.docs} + ${reads.baseline.rules})` : '—', '']);
  rows.push(['Firebase chunk requested before the first post', ...kin.map((v) => (firebaseBefore(v) ? 'yes' : 'no')), '—', '']);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  console.log(`\nbench:first-post — ${RUNS} runs per page and network, median; ${POSTS} posts, page of 20; build ${cdnDir}\n`);
  for (const [i, r] of rows.entries()) {
    console.log(`| ${r.map((c, j) => String(c).padEnd(widths[j])).join(' | ')} |`);
    if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
  console.log('\nreads per first view, by page:');
  for (const v of variants) {
    const r = reads[v];
    console.log(`  ${PAGES[v].label}: ${r.total} = ${r.docs} documents on the wire (${r.rest} REST responses, ${r.listenTargets} listen targets, ${r.listenDocs} listen documents) + ${r.rules} rules reads [${r.kinds.join(', ')}]${r.unknown.length ? ` (rules reads not measured for: ${r.unknown.join(', ')})` : ''}`);
    console.log(`    scripts before the first post: ${r.scripts.join(', ')}`);
  }
  if (args.includes('--json')) console.log(JSON.stringify({results, reads}, null, 1));
  const out = opt('save');
  if (out) writeFileSync(out, JSON.stringify({when: new Date().toISOString(), cdnDir, results, reads}, null, 1));
} finally {
  await browser.close();
  server.close();
  await emu.stop();
}

