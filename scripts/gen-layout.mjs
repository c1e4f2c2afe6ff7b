// Fills scripts/seed-firestore.mjs' generated section from src/data/domain/layout.ts: the one Firestore
// layout (paths), the seed → documents conversion and the REST value encoding that FirebaseStore, the
// test helpers and the seed script all use. The seed script ships in the package and runs as plain
// JavaScript with no build, so it carries the layout as generated code rather than importing TypeScript.
//   node scripts/gen-layout.mjs          rewrite the section
//   node scripts/gen-layout.mjs --check  exit 1 when the section is out of date (npm test runs this)
import {readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {transform} from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SEED = resolve(root, 'scripts/seed-firestore.mjs');
const SOURCE = resolve(root, 'src/data/domain/layout.ts');
const BEGIN = '// BEGIN GENERATED LAYOUT';
const END = '// END GENERATED LAYOUT';

export async function section() {
  const {code} = await transform(readFileSync(SOURCE, 'utf8'), {loader: 'ts', format: 'esm', target: 'es2022', legalComments: 'none'});
  return [
    `${BEGIN} (issue 13): written by \`node scripts/gen-layout.mjs\` from src/data/domain/layout.ts;`,
    '// `npm test` fails when it is out of date. Change the domain, not these lines.',
    code.trim(),
    END,
  ].join('\n');
}

export function withSection(text, fresh) {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`scripts/seed-firestore.mjs has no "${BEGIN}" … "${END}" section.`);
  return text.slice(0, a) + fresh + text.slice(b + END.length);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = readFileSync(SEED, 'utf8');
  const fresh = withSection(text, await section());
  if (process.argv.includes('--check')) {
    if (fresh !== text) {
      console.error('scripts/seed-firestore.mjs: the generated layout section is out of date: run `node scripts/gen-layout.mjs` and commit it.');
      process.exit(1);
    }
    console.log('scripts/seed-firestore.mjs layout matches src/data/domain/layout.ts.');
  } else {
    writeFileSync(SEED, fresh);
    console.log('scripts/seed-firestore.mjs layout written.');
  }
}
