// `npm run bench:scroll`: bench/thread-scroll.bench.ts in Chromium with production Lit (issue 16), as
// bench/render.mjs does for bench:render (KINDRED_LIT_PROD → the `production` export condition).
// Options: --rates=1 (CPU slowdowns over CDP, e.g. 1,4)  --passes=1 (scrolls per case and rate)  --step=160 (px a frame)
//          --posts=1000. The whole run must end within web-test-runner's 10 minutes (testsFinishTimeout).
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const options = {
  rates: opt('rates')?.split(',').map(Number), passes: opt('passes') && Number(opt('passes')),
  step: opt('step') && Number(opt('step')), posts: opt('posts') && Number(opt('posts')),
};
const rest = args.filter((a) => !/^--(rates|passes|step|posts)=/.test(a));
const child = spawn(process.execPath, ['scripts/test.mjs', '--only=bench/thread-scroll.bench.ts', ...rest],
  {cwd: root, stdio: 'inherit', env: {...process.env, KINDRED_LIT_PROD: '1', KINDRED_BENCH_OPTIONS: JSON.stringify(options)}});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
