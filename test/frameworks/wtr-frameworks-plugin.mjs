// A web-test-runner plugin so the React and Vue example apps run in Chromium as an app would write them:
// - `react`, `react-dom/client`, `react/jsx-runtime` and `vue` are bundled once with esbuild into browser
//   ES modules (React ships CommonJS only; Vue's bundler build reads `process.env.NODE_ENV`), split so
//   that every import shares one React instance;
// - `kindred-kit` and `kindred-kit/…` resolve to the source (`src/`), like tsconfig.json's `paths`;
// - `./app.js` imported from TypeScript resolves to `./app.tsx` when that is the file that exists.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';

const BUNDLED = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client', 'vue'];
const PREFIX = '/__kindred_frameworks__/';
const fileName = (spec) => `${spec.replace(/[^a-z0-9]+/gi, '_')}.js`;

export function frameworksPlugin({rootDir = process.cwd()} = {}) {
  let files;
  // Named exports as Node sees them (CommonJS has no static export list), read in a child process: the
  // modules' dev builds touch `console`, which the runner has replaced while it draws its progress.
  const exportNames = () => JSON.parse(execFileSync(process.execPath, ['-e',
    `const r = require; console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(BUNDLED)}.map((s) => [s, Object.keys(r(s))]))))`,
  ], {cwd: rootDir, encoding: 'utf8'}));

  function bundle() {
    const names = exportNames();
    return build({
      absWorkingDir: rootDir,
      entryPoints: BUNDLED.map((spec) => ({in: `kindred-entry:${spec}`, out: fileName(spec).slice(0, -3)})),
      bundle: true, splitting: true, format: 'esm', target: 'es2022', write: false, logLevel: 'silent',
      outdir: path.join(rootDir, '.cache/wtr-frameworks'),
      define: {
        'process.env.NODE_ENV': '"development"',
        __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      plugins: [{
        name: 'kindred-entries',
        setup(b) {
          b.onResolve({filter: /^kindred-entry:/}, (args) => ({path: args.path.slice('kindred-entry:'.length), namespace: 'kindred-entry'}));
          b.onLoad({filter: /.*/, namespace: 'kindred-entry'}, (args) => {
            const named = names[args.path].filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
            const hasDefault = !args.path.startsWith('vue');
            return {
              resolveDir: rootDir, loader: 'js',
              contents: `import * as m from '${args.path}';\nexport const {${named.join(', ')}} = m;\n` +
                (hasDefault ? 'export default m.default;\n' : ''),
            };
          });
        },
      }],
    }).then((result) => new Map(result.outputFiles.map((f) => [path.basename(f.path), f.text])));
  }

  return {
    name: 'kindred-frameworks',
    resolveImport({source, context}) {
      if (BUNDLED.includes(source)) return PREFIX + fileName(source);
      if (context.path.startsWith(PREFIX)) return source; // chunks import their siblings relatively
      if (source === 'kindred-kit') return '/src/index.ts';
      if (source.startsWith('kindred-kit/')) {
        const rest = source.slice('kindred-kit/'.length);
        // `kindred-kit/local`, `kindred-kit/firebase`: entry points named without an extension.
        return `/src/${/\.[a-z]+$/.test(rest) ? rest.replace(/\.js$/, '.ts') : `${rest}.ts`}`;
      }
      if (source.startsWith('.') && source.endsWith('.js') && /\.tsx?$/.test(context.path)) {
        const tsx = path.join(rootDir, path.dirname(context.path), source.slice(0, -3) + '.tsx');
        if (existsSync(tsx)) return source.slice(0, -3) + '.tsx';
      }
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      files ??= bundle();
      const body = (await files).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : {body, type: 'js'};
    },
  };
}
