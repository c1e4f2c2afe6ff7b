// `npm run bench:profile`: where the main thread's long tasks go on a demo page (issue 16: Lighthouse's TBT).
// Serves dist/ like `npm start` (gzip, strict CSP), loads the page in headless Chromium with Lighthouse's
// mobile conditions applied over CDP (4× CPU slowdown, Slow 4G: 150 ms RTT, 1.6 Mbps; 412×823 viewport),
// records a Chrome trace (devtools.timeline + the V8 sampling profiler) until the page is quiet, and prints
// every main-thread task over 50 ms with: when it ran, what kind of work it was (script, style, layout,
// paint…), and the functions that took its time (self time of the V8 samples inside it, mapped through the
// bundle's source maps to src/ files and lines). Nothing passes or fails; the output says what to split.
//
// Options: --path=/demo/ (any page under demo/)  --cpu=4  --runs=1  --quiet-ms=3000 (stop after this long with
//          no task over 50 ms)  --no-build (use dist/ as it is)  --trace=FILE (keep the raw trace)  --top=8
//          --ab[=REF]: also profile REF's build (default main; bench/ab.mjs), interleaved run by run (the order
//          alternates), and print both sides' medians (blocking time, tasks over 50 ms, longest) side by side
//          --summary (with --ab: only the per-run lines and the table, not every task)
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadavg} from 'node:os';
import puppeteer from 'puppeteer-core';
import {buildExamples, buildReason, serve} from '../scripts/start.mjs';
import {findChrome} from '../scripts/prerequisites.mjs';
import {abOption, baseline, median} from './ab.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? fallback;
const path = option('path', '/demo/');
const cpu = Number(option('cpu', 4));
const runs = Number(option('runs', 1));
const quietMs = Number(option('quiet-ms', 3000));
const top = Number(option('top', 8));
const traceOut = option('trace', null);
const abRef = abOption(args);
const summaryOnly = args.includes('--summary');

if (!args.includes('--no-build')) {
  const reason = buildReason();
  if (reason) {
    console.log(`profile: building (${reason})`);
    const {build} = await import('../scripts/build.mjs');
    await build({quiet: true});
    await buildExamples();
    writeFileSync(join(root, 'dist', '.start-stamp'), `${new Date().toISOString()}\n`);
  }
}

// --- source maps (VLQ decoding, enough for "which file and line is this generated position") ------------
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
function decodeMappings(mappings) {
  const lines = [];
  let src = 0;
  let oLine = 0;
  let oCol = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segs = [];
    let gCol = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let v = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64[ch];
        v += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(v & 1 ? -(v >>> 1) : v >>> 1);
          v = 0;
          shift = 0;
        }
      }
      gCol += vals[0];
      if (vals.length >= 4) {
        src += vals[1];
        oLine += vals[2];
        oCol += vals[3];
        if (vals.length >= 5) name += vals[4];
        segs.push([gCol, src, oLine, oCol, vals.length >= 5 ? name : -1]);
      }
    }
    lines.push(segs);
  }
  return lines;
}
const maps = new Map();
/** Which checkout serves which origin (A/B runs serve two). */
const dirs = new Map();
function mapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let m = null;
  const p = url && new URL(url).pathname;
  const base = (url && dirs.get(new URL(url).origin)) ?? root;
  const file = p && join(base, p.replace(/^\//, ''));
  if (file && existsSync(`${file}.map`)) {
    const raw = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    m = {sources: raw.sources.map((s) => resolve(join(file, '..'), s).replace(`${root}/`, '').replace(/^dist\//, 'dist/')), names: raw.names, lines: decodeMappings(raw.mappings)};
  }
  maps.set(url, m);
  return m;
}
/** "src/file.ts:line" (the tsc output's own map is not followed: dist/*.js lines sit next to the .ts ones). */
function where(frame) {
  const {url, lineNumber, columnNumber, functionName} = frame;
  if (!url) return functionName || '(native)';
  const m = mapFor(url);
  const short = url.replace(/^https?:\/\/[^/]+\//, '');
  if (!m) return `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  const segs = m.lines[lineNumber] ?? [];
  let hit = null;
  for (const s of segs) {
    if (s[0] <= columnNumber) hit = s;
    else break;
  }
  if (!hit) return `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  const name = hit[4] >= 0 ? m.names[hit[4]] : functionName;
  return `${name || functionName || '(anonymous)'} ${m.sources[hit[1]].replace(/^.*node_modules\//, 'node_modules/')}:${hit[2] + 1}`;
}

// --- the trace ------------------------------------------------------------------------------------------
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler', 'loading', 'toplevel'];
const KIND = {
  EvaluateScript: 'script', FunctionCall: 'script', 'v8.compile': 'compile', 'v8.compileModule': 'compile', 'v8.evaluateModule': 'script',
  TimerFire: 'script', FireAnimationFrame: 'script', EventDispatch: 'script', RunMicrotasks: 'script', V8Execute: 'script',
  UpdateLayoutTree: 'style', ParseAuthorStyleSheet: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint',
  ParseHTML: 'parse HTML', MinorGC: 'GC', MajorGC: 'GC', 'V8.GCScavenger': 'GC',
};

function analyse(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'ParseHTML'));
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const nav = onMain.find((e) => e.name === 'ParseHTML')?.ts ?? onMain.find((e) => e.ph === 'X')?.ts ?? 0;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 50000).sort((a, b) => a.ts - b.ts);
  const inner = onMain.filter((e) => e.ph === 'X' && e.name !== 'RunTask' && KIND[e.name]);

  // V8 samples, in trace time: Profile / ProfileChunk events of the main thread's profiler (same pid).
  const samples = [];
  const nodes = new Map();
  const chunks = events.filter((e) => e.pid === main.pid && (e.name === 'Profile' || e.name === 'ProfileChunk'));
  const clock = new Map();
  for (const e of chunks) {
    if (e.name === 'Profile') {
      clock.set(e.id, e.args.data.startTime);
      continue;
    }
    const cp = e.args.data.cpuProfile ?? {};
    for (const n of cp.nodes ?? []) nodes.set(`${e.id}:${n.id}`, {frame: n.callFrame, parent: n.parent != null ? `${e.id}:${n.parent}` : null});
    let t = clock.get(e.id) ?? 0;
    const deltas = e.args.data.timeDeltas ?? [];
    (cp.samples ?? []).forEach((id, i) => {
      t += deltas[i] ?? 0;
      samples.push({t, node: `${e.id}:${id}`, tid: e.tid});
    });
    clock.set(e.id, t);
  }
  samples.sort((a, b) => a.t - b.t);
  const interval = samples.length > 1 ? (samples.at(-1).t - samples[0].t) / samples.length : 0;

  const ms = (us) => `${Math.round(us / 1000)} ms`;
  const out = [];
  let tbt = 0;
  for (const task of tasks) {
    tbt += Math.max(0, task.dur - 50000);
    const end = task.ts + task.dur;
    const kinds = {};
    // Top-level work inside the task only (nested events of the same kind are not counted twice).
    const within = inner.filter((e) => e.ts >= task.ts && e.ts + e.dur <= end + 1);
    within.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let coveredTo = 0;
    for (const e of within) {
      if (e.ts < coveredTo) continue;
      kinds[KIND[e.name]] = (kinds[KIND[e.name]] ?? 0) + e.dur;
      coveredTo = e.ts + e.dur;
    }
    const self = new Map();
    const byFile = new Map();
    for (const s of samples) {
      if (s.t < task.ts || s.t > end) continue;
      const n = nodes.get(s.node);
      if (!n || ['(idle)', '(root)'].includes(n.frame.functionName)) continue;
      const label = n.frame.url ? where(n.frame) : `${n.frame.functionName || '(anonymous)'}`;
      self.set(label, (self.get(label) ?? 0) + 1);
      // Inclusive time per source file (each file once per sample).
      const seen = new Set();
      for (let x = n; x; x = x.parent ? nodes.get(x.parent) : null) {
        if (!x.frame.url) continue;
        const file = where(x.frame).split(' ').at(-1).replace(/:\d+$/, '');
        if (seen.has(file)) continue;
        seen.add(file);
        byFile.set(file, (byFile.get(file) ?? 0) + 1);
      }
    }
    const fmtTop = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, c]) => `      ${ms(c * interval).padStart(7)}  ${k}`).join('\n');
    out.push(`  task ${ms(task.dur)} at ${ms(task.ts - nav)} (after the first HTML parse): ${Object.entries(kinds).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
    if (self.size) out.push(`    self time (V8 samples, ~${(interval / 1000).toFixed(2)} ms each):\n${fmtTop(self)}`, `    inclusive, by source file:\n${fmtTop(byFile)}`);
  }
  return {text: out.join('\n'), count: tasks.length, tbt, longest: tasks.length ? Math.max(...tasks.map((t) => t.dur)) : 0};
}

const sides = [{label: 'this branch', dir: root}];
if (abRef) {
  const b = await baseline(abRef);
  sides.push({label: `${abRef} (${b.sha.slice(0, 8)})`, dir: b.dir});
}
for (const side of sides) {
  side.server = await serve({port: 0, dir: side.dir});
  side.origin = `http://127.0.0.1:${side.server.address().port}`;
  side.url = `${side.origin}${path}`;
  side.results = [];
  dirs.set(side.origin, side.dir);
}
const executablePath = process.env.CHROME_PATH || findChrome();

async function profile(url) {
  const browser = await puppeteer.launch({executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']});
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true});
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
    await cdp.send('Network.emulateNetworkConditions', {offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8});
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: cpu});
    // Long tasks seen by the page itself, to know when it has gone quiet.
    await page.evaluateOnNewDocument(() => {
      globalThis.__lastLong = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) globalThis.__lastLong = e.startTime + e.duration;
      }).observe({type: 'longtask', buffered: true});
    });
    const load = loadavg()[0];
    await page.tracing.start({categories: CATEGORIES});
    await page.goto(url, {waitUntil: 'load', timeout: 120000});
    for (let quiet = 0; quiet < quietMs;) {
      await new Promise((res) => setTimeout(res, 500));
      const since = await page.evaluate(() => performance.now() - globalThis.__lastLong);
      quiet = since;
    }
    const buf = Buffer.from(await page.tracing.stop());
    const trace = JSON.parse(buf.toString('utf8'));
    if (traceOut) writeFileSync(sides.length > 1 ? traceOut.replace(/(\.json)?$/, `-${dirs.get(new URL(url).origin) === root ? 'branch' : 'base'}$1`) : traceOut, buf);
    return {...analyse(trace), load};
  } finally {
    await browser.close();
  }
}

try {
  for (let r = 0; r < runs; r++) {
    // Interleaved, and the order alternates, so neither side always runs on a warmer or busier machine.
    const order = r % 2 ? [...sides].reverse() : sides;
    for (const side of order) {
      const a = await profile(side.url);
      side.results.push(a);
      const head = `run ${r + 1}/${runs}${sides.length > 1 ? ` [${side.label}]` : ''}: ${side.url}, ${cpu}× CPU, Slow 4G, 412×823 — ${a.count} task(s) over 50 ms, longest ${Math.round(a.longest / 1000)} ms, blocking time ${Math.round(a.tbt / 1000)} ms (all tasks; load average ${a.load.toFixed(1)})`;
      console.log(summaryOnly ? head : `\n${head}\n${a.text}`);
    }
  }
} finally {
  for (const side of sides) side.server.close();
}

if (sides.length > 1 || runs > 1) {
  const ms = (us) => `${Math.round(us / 1000)} ms`;
  console.log(`\nbench:profile ${path}, ${cpu}× CPU + Slow 4G, 412×823, ${runs} run(s) per side${sides.length > 1 ? ', interleaved' : ''}; medians (every run in brackets)`);
  console.log('| | blocking time (tasks > 50 ms) | tasks > 50 ms | longest task | load average |');
  console.log('|---|---|---|---|---|');
  for (const side of sides) {
    const rs = side.results;
    console.log(`| ${side.label} | ${ms(median(rs.map((x) => x.tbt)))} (${rs.map((x) => Math.round(x.tbt / 1000)).join(', ')}) | ${median(rs.map((x) => x.count))} (${rs.map((x) => x.count).join(', ')}) | ${ms(median(rs.map((x) => x.longest)))} | ${rs.map((x) => x.load.toFixed(1)).join(', ')} |`);
  }
}
