// `npm run bench:render`: bench/thread-render.bench.ts in Chromium with production Lit (issue 16).
// The test runner resolves Lit's `development` build by default; KINDRED_LIT_PROD switches
// web-test-runner.config.mjs to the `production` export condition, and the bench refuses dev mode.
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(process.execPath, ['scripts/test.mjs', '--only=bench/thread-render.bench.ts', ...process.argv.slice(2)],
  {cwd: root, stdio: 'inherit', env: {...process.env, KINDRED_LIT_PROD: '1'}});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
