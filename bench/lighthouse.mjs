// `npm run bench:lighthouse`: Lighthouse 12 (mobile, its default simulated Slow 4G and 4× CPU slowdown)
// against the demo's campaign page as `npm start` serves it (gzip, the script-tag bundle, the strict CSP),
// in headless Chromium. Prints Performance / Accessibility / Best practices, the metrics behind them and
// every audit that lost points, so what to fix is in the output (issue 16; goal: each category ≥ 95,
// TBT ≤ 200 ms, CLS 0).
//
// Options: --runs=N (default 3; the median run by performance score is reported), --path=/demo/hub.html
// (another page under demo/), --no-build (use dist/ as it is), --json=FILE (write every run's scores),
// --ab[=REF]: also run REF's build (default main; bench/ab.mjs) interleaved run by run, order alternating, and
// print both sides' medians side by side (the machine's load changes the figures more than most changes do).
// Lighthouse's simulated throttling scales the CPU work it observes: on a busy machine (check `uptime`)
// TBT and the performance score come out worse than on a quiet one; the benchmark index is printed.
import {existsSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadavg} from 'node:os';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import {buildExamples, buildReason, serve} from '../scripts/start.mjs';
import {findChrome} from '../scripts/prerequisites.mjs';
import {abOption, baseline, median as med0} from './ab.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? fallback;
const runs = Math.max(1, Number(option('runs', 3)) || 3);
const path = option('path', '/demo/');
const jsonOut = option('json', null);

if (!args.includes('--no-build')) {
  const reason = buildReason();
  if (reason) {
    console.log(`lighthouse: building (${reason})`);
    const {build} = await import('../scripts/build.mjs');
    await build({quiet: true});
    await buildExamples();
    writeFileSync(join(root, 'dist', '.start-stamp'), `${new Date().toISOString()}\n`);
  }
} else if (!existsSync(join(root, 'dist', 'cdn', 'kindred.js'))) {
  throw new Error('dist/cdn/kindred.js is missing: run without --no-build.');
}

const abRef = abOption(args);
const sides = [{label: 'this branch', dir: root}];
if (abRef) {
  const b = await baseline(abRef);
  sides.push({label: `${abRef} (${b.sha.slice(0, 8)})`, dir: b.dir});
}
for (const side of sides) {
  side.server = await serve({port: 0, dir: side.dir});
  side.url = `http://127.0.0.1:${side.server.address().port}${path}`;
  side.results = [];
  // Compressing happens once per file (cached): do it before the first measured load, not inside it.
  for (const file of [path, '/demo/demo.css', '/demo/demo.js', '/demo/seed.json', '/dist/cdn/kindred.js']) {
    await fetch(`http://127.0.0.1:${side.server.address().port}${file}`, {headers: {'Accept-Encoding': 'br'}}).then((r) => r.arrayBuffer()).catch(() => null);
  }
}
const chromePath = process.env.CHROME_PATH || findChrome();
if (!chromePath) throw new Error('No Chrome or Chromium found: set CHROME_PATH.');

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = {
  'first-contentful-paint': 'FCP', 'largest-contentful-paint': 'LCP', 'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS', 'speed-index': 'SI', interactive: 'TTI',
};

async function audit(url) {
  // A fresh browser (and profile) per run: nothing cached from the run before.
  const chrome = await chromeLauncher.launch({chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']});
  try {
    const load = loadavg()[0];
    const {lhr} = await lighthouse(url, {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES});
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([id, name]) => [name, lhr.audits[id]?.numericValue ?? null]));
    const lost = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) lost.push(`${c}: ${a.id} (score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''}) ${a.title}`);
      }
    }
    // Where the blocking time comes from: the longest main-thread tasks and the scripts' CPU time.
    for (const t of (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 8)) lost.push(`long task ${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms: ${t.url}`);
    for (const b of (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 6)) lost.push(`script CPU ${Math.round(b.total)} ms (evaluation ${Math.round(b.scripting)} ms): ${b.url}`);
    const work = (lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).map((w) => `${w.groupLabel ?? w.group} ${Math.round(w.duration)} ms`);
    if (work.length) lost.push(`main-thread work: ${work.join(', ')}`);
    if (lhr.runWarnings?.length) lost.push(...lhr.runWarnings.map((w) => `warning: ${w}`));
    return {scores, metrics, lost, benchmarkIndex: lhr.environment?.benchmarkIndex ?? null, load};
  } finally {
    await chrome.kill();
  }
}

try {
  for (let i = 0; i < runs; i++) {
    // Interleaved, and the order alternates, so neither side always runs on a warmer or busier machine.
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      const r = await audit(side.url);
      side.results.push(r);
      console.log(`run ${i + 1}/${runs}${sides.length > 1 ? ` [${side.label}]` : ''}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(', ')}; TBT ${Math.round(r.metrics.TBT)} ms, CLS ${r.metrics.CLS?.toFixed(3)}, LCP ${Math.round(r.metrics.LCP)} ms (load average ${r.load.toFixed(1)}, benchmark index ${Math.round(r.benchmarkIndex ?? 0)})`);
    }
  }
} finally {
  for (const side of sides) side.server.close();
}

const version = (await import('lighthouse/package.json', {with: {type: 'json'}})).default.version;
const goal = {performance: '≥ 95', accessibility: '≥ 95', 'best-practices': '≥ 95'};
for (const side of sides) {
  const results = side.results;
  const sorted = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const med = (f) => med0(results.map(f));
  console.log(`\nLighthouse ${version}, mobile, ${side.label}: ${side.url}, ${runs} run(s), compressed as npm start serves it`);
  console.log('| | median | runs | goal |');
  console.log('|---|---|---|---|');
  for (const c of CATEGORIES) console.log(`| ${c} | ${med((r) => r.scores[c])} | ${results.map((r) => r.scores[c]).join(', ')} | ${goal[c]} |`);
  console.log(`| TBT | ${Math.round(med((r) => r.metrics.TBT))} ms | ${results.map((r) => Math.round(r.metrics.TBT)).join(', ')} | ≤ 200 ms |`);
  console.log(`| CLS | ${med((r) => r.metrics.CLS).toFixed(3)} | ${results.map((r) => r.metrics.CLS.toFixed(3)).join(', ')} | 0 |`);
  console.log(`| LCP | ${Math.round(med((r) => r.metrics.LCP))} ms | ${results.map((r) => Math.round(r.metrics.LCP)).join(', ')} | |`);
  console.log(`| FCP | ${Math.round(med((r) => r.metrics.FCP))} ms | ${results.map((r) => Math.round(r.metrics.FCP)).join(', ')} | |`);
  console.log(`| load average | | ${results.map((r) => r.load.toFixed(1)).join(', ')} | |`);
  console.log(`\nAudits that lost points (${side.label}, median run by performance):\n${median.lost.map((l) => `  - ${l}`).join('\n') || '  none'}`);
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(sides.map((s) => ({label: s.label, url: s.url, runs: s.results})), null, 1)}\n`);
