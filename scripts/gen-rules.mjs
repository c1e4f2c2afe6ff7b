// Fills firestore.rules' generated constants section from src/data/domain/limits.ts (RULES_CONSTANTS),
// so the rules and both stores enforce the same limits and enumerations.
//   node scripts/gen-rules.mjs          rewrite the section
//   node scripts/gen-rules.mjs --check  exit 1 when the section is out of date (npm test runs this)
import {readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RULES = resolve(root, 'firestore.rules');
const BEGIN = '    // BEGIN GENERATED CONSTANTS';
const END = '    // END GENERATED CONSTANTS';

/** RULES_CONSTANTS, read from the TypeScript source (bundled in memory; Node 20 runs no TypeScript). */
export async function rulesConstants() {
  const out = await build({
    entryPoints: [resolve(root, 'src/data/domain/limits.ts')], bundle: true, format: 'esm', platform: 'neutral',
    write: false, logLevel: 'silent',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.RULES_CONSTANTS;
}

export function section(constants) {
  const value = (v) => Array.isArray(v) ? `[${v.map((s) => `'${s}'`).join(', ')}]` : String(v);
  return [
    `${BEGIN} (issue 13): written by \`node scripts/gen-rules.mjs\` from`,
    '    // src/data/domain/limits.ts; `npm test` fails when it is out of date. Change the domain, not these lines.',
    ...Object.entries(constants).map(([name, v]) => `    function ${name}() { return ${value(v)}; }`),
    END,
  ].join('\n');
}

export function withSection(rules, constants) {
  const a = rules.indexOf(BEGIN);
  const b = rules.indexOf(END);
  if (a < 0 || b < a) throw new Error(`firestore.rules has no "${BEGIN.trim()}" … "${END.trim()}" section.`);
  return rules.slice(0, a) + section(constants) + rules.slice(b + END.length);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rules = readFileSync(RULES, 'utf8');
  const fresh = withSection(rules, await rulesConstants());
  if (process.argv.includes('--check')) {
    if (fresh !== rules) {
      console.error('firestore.rules: the generated constants section is out of date: run `node scripts/gen-rules.mjs` and commit it.');
      process.exit(1);
    }
    console.log('firestore.rules constants match src/data/domain/limits.ts.');
  } else {
    writeFileSync(RULES, fresh);
    console.log('firestore.rules constants written.');
  }
}
