// Browser tests run in a real Chromium (Debian's `chromium`, or CHROME_PATH) with the real Firestore
// emulator started by scripts/test.mjs, which passes its address in KINDRED_EMULATOR_HOST.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {countReporter} from './scripts/count-reporter.mjs';
import {frameworksPlugin} from './test/frameworks/wtr-frameworks-plugin.mjs';
import {rawSnippetsPlugin} from './scripts/wtr-raw-plugin.mjs';
import {findChrome} from './scripts/prerequisites.mjs';
import {faultPlugin} from './test/support/wtr-fault-plugin.mjs';
import {readsPlugin} from './test/support/wtr-reads-plugin.mjs';
import {mediaPlugin} from './test/support/wtr-media-plugin.mjs';
import {cpuPlugin} from './bench/wtr-cpu-plugin.mjs';

const executablePath = findChrome();
if (!executablePath) {
  throw new Error('No Chrome or Chromium found: run `npm test` (it finds or installs one, or names the command to run), or set CHROME_PATH.');
}
const emulatorHost = process.env.KINDRED_EMULATOR_HOST ?? '';
// The Auth emulator (scripts/auth-emulator.mjs), when the selected tests need it; may still be starting.
const authEmulatorHost = process.env.KINDRED_AUTH_EMULATOR_HOST ?? '';

export default {
  // test/functions/ runs in Node (scripts/test-functions.mjs), not in the browser.
  files: process.env.KINDRED_TEST_FILES ? process.env.KINDRED_TEST_FILES.split(',') : ['test/**/*.test.ts', 'test/**/*.test.tsx', '!test/functions/**'],
  // Dev-mode Lit (the `development` export condition, wtr's default) for tests; production Lit for the
  // render benchmark (bench/render.mjs sets KINDRED_LIT_PROD), so its figures are what a visitor runs.
  nodeResolve: process.env.KINDRED_LIT_PROD ? {exportConditions: ['production']} : true,
  // Background tabs never fire requestAnimationFrame under puppeteer: one page at a time.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  // A run of benchmarks only (bench/*.bench.ts, e.g. `npm run bench:scale`: a 230,000-document seed) may take
  // longer than the suite's 10 minutes; the suite itself keeps that limit.
  testsFinishTimeout: process.env.KINDRED_TEST_FILES?.split(',').every((f) => f.startsWith('bench/')) ? 4 * 3600_000 : 600000,
  testFramework: {config: {timeout: 20000}},
  // tsx + tsconfig's `jsx: react-jsx`: the React example and its test (test/frameworks/).
  plugins: [esbuildPlugin({ts: true, tsx: true, target: 'es2022', tsconfig: 'tsconfig.json'}), frameworksPlugin(), rawSnippetsPlugin(),
    // Network faults over CDP and a private emulator to stop and restart (issue 17: test/faults/).
    faultPlugin(),
    // Billed reads counted on the wire over CDP, priced in rules reads on the emulator (issue 16).
    readsPlugin(),
    // CSS media features over CDP: forced-colors, reduced motion (issue 18: test/components/layout-*.test.ts).
    mediaPlugin(),
    // CPU throttling over CDP for the frame benchmark (issue 16: bench/thread-scroll.bench.ts).
    cpuPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-quic',
          // performance.memory in whole bytes (test/embed/coexistence.test.ts measures the SPA leak test).
          '--enable-precise-memory-info',
          // gc() for the leak tests (test/embed), so heap figures are measured after a real collection.
          '--js-flags=--expose-gc'],
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"></head><body>
<script>
globalThis.__KINDRED_TEST__ = ${JSON.stringify({emulatorHost, authEmulatorHost})};
// Lit dev-mode warnings (other than the notice that dev mode is on) fail the run.
globalThis.litIssuedWarnings = new Set(['dev-mode']);
{
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    warn(...args);
    const text = args.map(String).join(' ');
    if (text.includes('lit.dev/msg')) setTimeout(() => { throw new Error('Lit dev-mode warning: ' + text); });
  };
}
</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  reporters: [defaultReporter(), summaryReporter({flatten: false}), countReporter()],
};
