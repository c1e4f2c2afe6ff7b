// Starts test/functions/runner.ts (the functions' real Firestore triggers, run on every change in the
// Firestore emulator for one project) for the end-to-end notification tests. Resolves once it listens.
import {build} from 'esbuild';
import {spawn} from 'node:child_process';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The project the runner serves; end-to-end tests that need the functions use it (test/e2e/notifications.test.ts). */
export const FUNCTIONS_RUNNER_PROJECT = 'demo-kindred-e2e-notify';

export async function startFunctionsRunner(emulatorHost) {
  const outfile = resolve(root, '.cache/functions-runner/runner.mjs');
  await build({entryPoints: [resolve(root, 'test/functions/runner.ts')], outfile, bundle: true, packages: 'external', platform: 'node',
    format: 'esm', target: 'node20', logLevel: 'warning'});
  const child = spawn(process.execPath, [outfile], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env, FIRESTORE_EMULATOR_HOST: emulatorHost, GCLOUD_PROJECT: FUNCTIONS_RUNNER_PROJECT,
      KINDRED_SITE_URL: 'https://asthma.example.org/community',
      KINDRED_UNSUBSCRIBE_URL: 'https://europe-west2-demo-kindred.cloudfunctions.net/unsubscribe',
      KINDRED_UNSUBSCRIBE_SECRET: 'e2e-secret-0123456789abcdef',
    },
  });
  await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('The functions runner did not start within 90 s.')), 90000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('functions-runner ready')) {
        clearTimeout(timer);
        res();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`The functions runner exited (${code}) before it was ready.`));
    });
  });
  child.stdout.pipe(process.stdout);
  return {
    stop: () => new Promise((res) => {
      if (child.exitCode !== null) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
    }),
  };
}
