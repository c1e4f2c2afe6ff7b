// Issue 13's boundaries, each proved by a check that fails when it regresses (`node --test`, run by npm test):
//   - ESLint: src/data/local and src/data/firebase never import each other, src/data/domain imports
//     neither, and the data-layer bans add up (a folder's own block does not drop the Lit/Firebase bans).
//   - package.json: the public entry points only; no deep `./data/*` export of the internal modules.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ESLint} from 'eslint';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const eslint = new ESLint({cwd: root});

/** The messages of the import bans for `source` imported by a module at `file` (relative to the root). */
async function bans(file, source) {
  const [result] = await eslint.lintText(`import '${source}';\n`, {filePath: resolve(root, file)});
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('src/data/firebase may not import src/data/local, nor local import firebase', async () => {
  assert.match((await bans('src/data/firebase/x.ts', '../local/members.js')).join('\n'), /never imports src\/data\/local/);
  assert.match((await bans('src/data/firebase/deep/x.ts', '../../local/engine.js')).join('\n'), /never imports src\/data\/local/);
  assert.match((await bans('src/data/local/x.ts', '../firebase/firebase-store.js')).join('\n'), /never imports src\/data\/firebase/);
  assert.match((await bans('src/data/local/x.ts', 'firebase/firestore')).join('\n'), /Only src\/data\/firebase imports Firebase/);
});

test('src/data/domain decides without importing a store, Firebase or Lit', async () => {
  assert.match((await bans('src/data/domain/x.ts', '../local/engine.js')).join('\n'), /never imports a store/);
  assert.match((await bans('src/data/domain/x.ts', '../firebase/moderation.js')).join('\n'), /never imports a store/);
  assert.match((await bans('src/data/domain/x.ts', 'firebase/firestore')).join('\n'), /Only src\/data\/firebase imports Firebase/);
  assert.match((await bans('src/data/domain/x.ts', 'lit')).join('\n'), /never imports Lit/);
});

test('the data-layer bans add up: local and firebase keep the Lit and element bans', async () => {
  for (const dir of ['local', 'firebase']) {
    assert.match((await bans(`src/data/${dir}/x.ts`, 'lit')).join('\n'), /never imports Lit/, `${dir} importing lit`);
    assert.match((await bans(`src/data/${dir}/x.ts`, '../../components/join/join.js')).join('\n'), /never imports elements/, `${dir} importing an element`);
  }
});

test('what the stores share is allowed: both import the domain', async () => {
  assert.deepEqual(await bans('src/data/firebase/x.ts', '../domain/layout.js'), []);
  assert.deepEqual(await bans('src/data/local/x.ts', '../domain/connections.js'), []);
  assert.deepEqual(await bans('src/data/firebase/x.ts', 'firebase/firestore'), []);
});

test('package.json exports the public entry points only, never the internal data modules', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const keys = Object.keys(pkg.exports);
  for (const entry of ['.', './define.js', './local', './firebase']) assert.ok(keys.includes(entry), `${entry} is exported`);
  const deep = keys.filter((k) => /(^|\/)data(\/|$)/.test(k) || /dist\/data/.test(JSON.stringify(pkg.exports[k])));
  assert.deepEqual(deep, [], 'no export reaches src/data (dist/data) directly');
});

test('test helpers have one home: a suite defining its own `$` or `button` is refused, test/support may', async () => {
  const lint = async (file, code) => (await eslint.lintText(code, {filePath: resolve(root, file)}))[0].messages
    .filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  const copy = "const $ = (el: Element, s: string) => el.shadowRoot!.querySelector(s);\nfunction button() { return null; }\nexport {$, button};\n";
  const refused = await lint('test/components/x.test.ts', copy);
  assert.equal(refused.length, 2, refused.join('\n'));
  assert.match(refused[0], /Import this helper from test\/support/);
  assert.deepEqual(await lint('test/support/x.ts', copy), []);
});
