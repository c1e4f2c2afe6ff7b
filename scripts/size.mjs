// `npm run size`: gzip size of the script-tag bundle, and the budget check.
//
// Uses dist/cdn/ when it is newer than every source file (else builds; `--build` always builds), then
// prints the gzip bytes of the entry, of every lazily loaded chunk, and of what each kind of page
// loads. Fails (exit 1) when:
//   - what loads before first paint (kindred.js + its static imports) is over BUDGET_ENTRY_GZIP;
//   - anything of Firebase or LocalStore loads before an element asks for data (no lazy split);
//   - an element with a define file under src/components/ is neither defined by the entry nor
//     registered with its autoloader (then it loads on first use, from its own lazy chunk);
//   - `process.env` is left in any chunk (a browser has no `process`);
//   - issue 16: a visitor's first post needs more than MAX_STEPS sequential JavaScript downloads
//     (kindred.js, then the thread chunk with the chunks it imports, preloaded by rollup.config.mjs).
// It also lists, per kind of visit (visitor / member / moderator), the chunks loaded and their gzip bytes.
// `--json` prints the figures as JSON too. Figures only: nothing here times anything.
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync, brotliCompressSync, constants} from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cdn = join(root, 'dist', 'cdn');
const metaFile = join(cdn, 'meta.json');

/** Budget for everything a page loads before first paint, with every element defined. */
export const BUDGET_ENTRY_GZIP = 40 * 1024;
/** Issue 16's goal for the JavaScript before a visitor's first post (entry + thread + reader); printed, not enforced yet. */
export const GOAL_VISITOR_GZIP = 50 * 1024;
/** Issue 16: sequential JavaScript steps to a visitor's first post (kindred.js → thread chunk + its imports). */
export const MAX_STEPS = 3;

const LAZY_ONLY = [
  {label: 'Firebase SDK', test: /(^|\/)node_modules\/(firebase|@firebase)\//},
  {label: 'FirebaseStore', test: /\/data\/firebase\/firebase-store\.js$/},
  {label: 'LocalStore', test: /\/data\/local\/local-store\.js$/},
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isFresh() {
  if (!existsSync(metaFile)) return false;
  const built = statSync(metaFile).mtimeMs;
  const inputs = ['src', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
  return inputs.every((p) => newestMtime(join(root, p)) < built);
}

const gzip = (buf) => gzipSync(buf, {level: 9}).length;
const brotli = (buf) => brotliCompressSync(buf, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Tag names that src/components/<name>/kin-*.ts define files register. */
function expectedTags() {
  const dir = join(root, 'src', 'components');
  const tags = [];
  for (const folder of readdirSync(dir)) {
    const sub = join(dir, folder);
    if (!statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub)) {
      const m = /^(kin-[a-z0-9-]+)\.ts$/.exec(f);
      if (m) tags.push(m[1]);
    }
  }
  return tags.sort();
}

/** Measures dist/cdn/ from meta.json. Returns {chunks, scenarios, failures}. */
export function measure() {
  const {chunks} = JSON.parse(readFileSync(metaFile, 'utf8'));
  const files = Object.keys(chunks);
  const bytes = new Map(files.map((f) => [f, readFileSync(join(cdn, f))]));
  const size = new Map(files.map((f) => [f, {raw: bytes.get(f).length, gzip: gzip(bytes.get(f)), brotli: brotli(bytes.get(f))}]));

  const closure = (start) => {
    const seen = new Set();
    const visit = (f) => {
      if (seen.has(f)) return;
      seen.add(f);
      for (const i of chunks[f].imports) visit(i);
    };
    start.forEach(visit);
    return seen;
  };
  const sum = (set, key) => [...set].reduce((n, f) => n + size.get(f)[key], 0);

  const entry = files.find((f) => chunks[f].isEntry);
  if (!entry) throw new Error('dist/cdn/meta.json names no entry chunk; rebuild with `npm run build`.');
  const firstPaint = closure([entry]);
  const failures = [];

  const scenarios = [{label: 'first paint, static content only (kindred.js + static imports)', files: firstPaint}];
  // A lazily loaded chunk brings its static imports, and whatever lazy chunk had to load first to import it.
  const lazyPath = (f, seen = new Set()) => {
    seen.add(f);
    const parent = files.find((p) => !seen.has(p) && chunks[p].dynamicImports.includes(f) && !chunks[p].imports.includes(f));
    if (!parent || parent === entry) return [f];
    return [...lazyPath(parent, seen), f];
  };
  const lazy = files.filter((f) => chunks[f].isDynamicEntry && !firstPaint.has(f))
    .map((f) => ({f, path: lazyPath(f)}))
    .sort((a, b) => a.path.length - b.path.length || a.f.localeCompare(b.f));
  for (const {f, path} of lazy) {
    const first = chunks[path[0]].name.startsWith('kin-') ? 'when its tag first appears in the page' : 'when an element first needs data';
    const when = path.length === 1 ? first : `later, after ${path.slice(0, -1).map((p) => chunks[p].name).join(' → ')}`;
    scenarios.push({label: `+ ${chunks[f].name}, ${when}`, files: closure([entry, ...path])});
  }

  const gzipFirstPaint = sum(firstPaint, 'gzip');
  if (gzipFirstPaint > BUDGET_ENTRY_GZIP) {
    failures.push(`first-paint JavaScript is ${gzipFirstPaint} B gzip, over the budget of ${BUDGET_ENTRY_GZIP} B (${kb(BUDGET_ENTRY_GZIP)}).`);
  }
  for (const f of firstPaint) {
    for (const m of chunks[f].modules) {
      const hit = LAZY_ONLY.find((l) => l.test.test(m));
      if (hit) failures.push(`${hit.label} (${m}) loads before first paint via ${f}; it must be reached only by import().`);
    }
  }
  const firstPaintCode = [...firstPaint].map((f) => bytes.get(f).toString('utf8')).join('\n');
  const missing = expectedTags().filter((tag) => !firstPaintCode.includes(`"${tag}"`) && !firstPaintCode.includes(`'${tag}'`) && !firstPaintCode.includes(`\`${tag}\``));
  if (missing.length) failures.push(`neither defined by kindred.js nor registered with its autoloader (src/cdn.ts, src/autoloader.ts): ${missing.join(', ')}`);
  for (const f of files) {
    if (bytes.get(f).toString('utf8').includes('process.env')) failures.push(`${f} still reads process.env.`);
  }

  // Issue 16: what each kind of visit loads, and in how many sequential JavaScript steps.
  const byName = (name) => files.find((f) => chunks[f].name === name);
  /**
   * Sequential downloads until `target` (a dynamic import of `importer`) can run, when `loaded` is already
   * there: 1 for the chunk itself and the chunks it imports directly if the importer preloads them
   * (its code names them in a modulepreload call), else one more step per level of static imports.
   */
  const stepsTo = (importer, target, loaded) => {
    const code = bytes.get(importer).toString('utf8');
    const preloaded = new Set([...closure([target])].filter((d) => d !== target && code.includes(d.split('/').pop())));
    const depth = (f, seen) => {
      let n = 0;
      for (const d of chunks[f].imports) {
        if (loaded.has(d) || seen.has(d)) continue;
        // A chunk the importer preloads is already on its way in the first step, whoever imports it.
        n = Math.max(n, (preloaded.has(d) ? 0 : 1) + depth(d, new Set([...seen, d])));
      }
      return n;
    };
    return 1 + depth(target, new Set([target]));
  };
  const visit = (label, chain, note) => {
    const set = new Set(firstPaint);
    let steps = 1;
    let importer = entry;
    const critical = [];
    for (const name of chain) {
      const f = byName(name);
      if (!f) return null;
      if (critical.length === 0 || note === 'sequence') steps += stepsTo(importer, f, set);
      critical.push(f);
      for (const c of closure([f])) set.add(c);
      importer = f;
    }
    return {label, files: [...set].sort((a, b) => (a === entry ? -1 : b === entry ? 1 : size.get(b).gzip - size.get(a).gzip)),
      gzip: sum(set, 'gzip'), steps};
  };
  const paths = [
    visit('visitor, public community: JavaScript before the first post', ['kin-discussion-thread']),
    visit('visitor, after first paint (the SDK takes over; no Auth)', ['kin-discussion-thread', 'firebase-store', 'resume']),
    visit('member with a saved session (thread, member\'s parts, SDK, Auth, composer\'s crisis check)', ['kin-discussion-thread', 'thread-member', 'firebase-store', 'firebase-auth', 'crisis']),
    visit('moderator (the member\'s set + the moderation queue)', ['kin-discussion-thread', 'thread-member', 'firebase-store', 'firebase-auth', 'crisis', 'kin-moderation-queue']),
  ].filter(Boolean);
  const visitor = paths[0];
  if (visitor && visitor.steps > MAX_STEPS) {
    failures.push(`a visitor's first post needs ${visitor.steps} sequential JavaScript steps, more than ${MAX_STEPS}: preload what the thread chunk imports (rollup.config.mjs preloadDynamicDeps).`);
  }

  // The biggest contributors to first paint (bytes before minifying), to guide a fix when over budget.
  const contributors = [...firstPaint].flatMap((f) => Object.entries(chunks[f].renderedLength ?? {}))
    .map(([module, bytes]) => ({module, bytes}))
    .sort((a, b) => b.bytes - a.bytes);
  const groups = new Map();
  for (const {module, bytes} of contributors) {
    const m = /^dist\/components\/([^/]+)\//.exec(module) ?? /^(node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(module) ?? /^dist\/([^/]+)\//.exec(module);
    const key = m ? m[1] : module;
    groups.set(key, (groups.get(key) ?? 0) + bytes);
  }

  return {
    entry,
    contributors: [...groups].map(([group, bytes]) => ({group, bytes})).sort((a, b) => b.bytes - a.bytes),
    chunks: files.map((f) => ({file: f, kind: chunks[f].isEntry ? 'entry' : chunks[f].isDynamicEntry ? 'lazy (import())' : firstPaint.has(f) ? 'static import' : 'lazy (shared)', ...size.get(f)})),
    scenarios: scenarios.map((s) => ({label: s.label, files: [...s.files], raw: sum(s.files, 'raw'), gzip: sum(s.files, 'gzip'), brotli: sum(s.files, 'brotli')})),
    paths: paths.map((p) => ({...p, files: p.files.map((f) => ({file: f, gzip: size.get(f).gzip}))})),
    tags: expectedTags(),
    budget: BUDGET_ENTRY_GZIP,
    failures,
  };
}

function pad(cells, widths) {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

function printTable(result) {
  const widths = [64, 16, 10, 10, 10];
  console.log(pad(['chunk', 'loaded', 'raw B', 'gzip B', 'brotli B'], widths));
  for (const c of result.chunks) console.log(pad([`dist/cdn/${c.file}`, c.kind, c.raw, c.gzip, c.brotli], widths));
  console.log('');
  console.log(pad(['what a page loads', '', 'raw B', 'gzip B', 'brotli B'], widths));
  for (const s of result.scenarios) console.log(pad([s.label, '', s.raw, s.gzip, s.brotli], widths));
  console.log('');
  const total = result.contributors.reduce((n, c) => n + c.bytes, 0) || 1;
  console.log('chunks per kind of visit (gzip B; issue 16):');
  for (const p of result.paths) {
    const goal = p === result.paths[0] ? `, goal ${GOAL_VISITOR_GZIP} B: ${p.gzip <= GOAL_VISITOR_GZIP ? 'met' : 'not met'}; ${p.steps} sequential JS step(s) (at most ${MAX_STEPS})` : '';
    console.log(`  ${p.label}: ${p.gzip} B (${kb(p.gzip)})${goal}`);
    console.log(`    ${p.files.map((f) => `${f.file.replace(/^chunks\//, '')} ${f.gzip}`).join(' + ')}`);
  }
  console.log('');
  console.log('first paint by source (bytes before minifying, share):');
  for (const c of result.contributors.slice(0, 12)) {
    console.log(`  ${c.group.padEnd(40)} ${String(c.bytes).padStart(8)}  ${((100 * c.bytes) / total).toFixed(1).padStart(5)}%`);
  }
  console.log('');
  const fp = result.scenarios[0];
  console.log(`budget: first paint ${fp.gzip} B gzip (${kb(fp.gzip)}) of ${result.budget} B (${kb(result.budget)}), ` +
    `elements defined: ${result.tags.join(', ') || '(none)'}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--build') || !isFresh()) {
    const {build} = await import('./build.mjs');
    try {
      await build();
    } catch (e) {
      console.error(`size: build failed: ${e.message}`);
      process.exit(1);
    }
  } else {
    console.log('size: using the fresh build in dist/cdn/ (pass --build to rebuild)');
  }
  const result = measure();
  printTable(result);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 1));
  if (result.failures.length) {
    for (const f of result.failures) console.error(`size: FAIL ${f}`);
    process.exit(1);
  }
  console.log('size: OK');
}
