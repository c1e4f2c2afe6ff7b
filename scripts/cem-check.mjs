// `npm test` step: custom-elements.json must match the source (cem analyze into .cache/cem, then compare).
import {spawn} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const code = await new Promise((res) => {
  const child = spawn(resolve(root, 'node_modules/.bin/cem'), ['analyze', '--outdir', '.cache/cem', '--quiet'], {cwd: root, stdio: 'inherit'});
  child.on('exit', (c, signal) => res(c ?? (signal ? 1 : 0)));
});
if (code) process.exit(code);
const fresh = readFileSync(resolve(root, '.cache/cem/custom-elements.json'), 'utf8');
const committed = existsSync(resolve(root, 'custom-elements.json')) ? readFileSync(resolve(root, 'custom-elements.json'), 'utf8') : '';
if (fresh.trim() !== committed.trim()) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
  process.exit(1);
}
console.log('custom-elements.json matches the source.');
