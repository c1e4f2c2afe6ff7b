// `node --test scripts/pack.test.mjs` (run by `npm test`): the npm tarball holds what the README's
// Firebase steps say it holds, and those files work from an unpacked copy, away from this repository:
// firebase.json names rules and indexes that are there, demo/seed.json is a community, and the seed
// script runs (it answers with its usage line when given no fixture).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('the packed tarball holds the files the README names, and they work from an empty folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kindred-pack-'));
  try {
    // --ignore-scripts: this checks what is listed; `dist/` itself is built by the size step of npm test.
    const [info] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {cwd: root, encoding: 'utf8'}));
    const files = new Set(info.files.map((f) => f.path));
    for (const f of ['firebase.json', 'firestore.rules', 'firestore.indexes.json', 'scripts/seed-firestore.mjs', 'demo/seed.json']) {
      assert.ok(files.has(f), `${f} is in the tarball`);
    }
    const out = join(dir, 'app');
    execFileSync('mkdir', ['-p', join(out, 'node_modules', 'kindred-kit')]);
    execFileSync('tar', ['-xzf', join(dir, info.filename), '-C', join(out, 'node_modules', 'kindred-kit'), '--strip-components=1']);
    const pkg = join(out, 'node_modules', 'kindred-kit');
    const firebaseJson = JSON.parse(readFileSync(join(pkg, 'firebase.json'), 'utf8'));
    assert.ok(existsSync(join(pkg, firebaseJson.firestore.rules)), 'firebase.json rules file is in the package');
    assert.ok(existsSync(join(pkg, firebaseJson.firestore.indexes)), 'firebase.json indexes file is in the package');
    const seed = JSON.parse(readFileSync(join(pkg, 'demo', 'seed.json'), 'utf8'));
    assert.equal(typeof seed.community?.id, 'string');
    // The README's command, from the app folder: the script loads and explains itself.
    const run = spawnSync(process.execPath, ['node_modules/kindred-kit/scripts/seed-firestore.mjs'], {cwd: out, encoding: 'utf8'});
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /Usage: node scripts\/seed-firestore\.mjs --project ID/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
