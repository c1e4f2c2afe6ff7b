// The self-registering script-tag bundle: `dist/cdn.js` (tsc output of src/cdn.ts) → `dist/cdn/kindred.js`.
// A webmaster pastes `<script type="module" src=".../kindred.js">`; Lit, the root, the banner and crisis
// help load with it, the other elements on first use (src/autoloader.ts), while Firebase and LocalStore stay in chunks fetched by `import()` only when an element first needs
// data (see KinCommunity#createStore). scripts/size.mjs reads `dist/cdn/meta.json` to prove it.
//
// Run through scripts/build.mjs (tsc first). KINDRED_CDN_INPUT / KINDRED_CDN_OUT let a check build a
// throwaway copy elsewhere.
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const input = process.env.KINDRED_CDN_INPUT ?? 'dist/cdn.js';
const dir = process.env.KINDRED_CDN_OUT ?? 'dist/cdn';

// Everything of the Firebase SDK (and the few packages only it uses) goes into one family of chunks.
const FIREBASE_PACKAGES = /[\\/]node_modules[\\/](firebase|@firebase|idb|tslib|@grpc|protobufjs|re2js)[\\/]/;

/**
 * Replaces `process.env.NODE_ENV` (and guards against any other `process.env` read) so the bundle
 * runs in a browser with no bundler-provided `process`. Lit's production build reads none; some
 * packages still test NODE_ENV.
 */
function replaceNodeEnv() {
  return {
    name: 'kindred-node-env',
    transform(code) {
      if (!code.includes('process.env')) return null;
      const out = code
        .replace(/\bprocess\.env\.NODE_ENV\b/g, '"production"')
        .replace(/\btypeof process\b/g, '"undefined"');
      return {code: out, map: null};
    },
  };
}

/**
 * Inlines the design tokens (src/styles/tokens.ts) into the CSS templates that read them:
 * `${t.colorText}` becomes `var(--kin-color-text, #1f2328)` and the import goes. The sources keep
 * one module of tokens; the script-tag bundle keeps plain CSS text, which gzips smaller than a
 * template split at every token.
 */
function inlineTokens() {
  const tokens = Object.fromEntries([...readFileSync(resolve('src/styles/tokens.ts'), 'utf8')
    .matchAll(/export const (\w+) = \/\* @__PURE__ \*\/ unsafeCSS\('([^']+)'\);/g)].map((m) => [m[1], m[2]]));
  return {
    name: 'kindred-inline-tokens',
    transform(code) {
      const imp = /^import \* as (\w+) from '[./]*styles\/tokens\.js';\n/m.exec(code);
      if (!imp) return null;
      const out = code.slice(0, imp.index) + code.slice(imp.index + imp[0].length);
      const inlined = out.replace(new RegExp(`\\$\\{${imp[1]}\\.(\\w+)\\}`, 'g'), (m, name) => {
        if (!(name in tokens)) this.error(`unknown design token ${name}`);
        return tokens[name];
      });
      if (new RegExp(`\\b${imp[1]}\\.`).test(inlined)) this.error('a design token read outside a css template');
      return {code: inlined, map: null};
    },
  };
}

/**
 * Issue 16: a dynamic import also starts fetching the chunks the imported chunk imports statically, as
 * `<link rel="modulepreload">`, so they arrive with it instead of one round trip later. The visitor's
 * path is then two JavaScript steps: kindred.js → the thread chunk and its shared chunks at once (and the
 * REST read). The entry is skipped (it is already running); so is the importing chunk itself.
 * A host page with the build's import map (scripts/sri.mjs) still has every preloaded file checked:
 * the browser takes a modulepreload's integrity from the import map.
 */
const PRELOAD = '__kinPreload';
// A function declaration, appended: hoisted, so the mappings of the code above it stay as they are.
const PRELOAD_HELPER = `function ${PRELOAD}(base,files){if(typeof document>"u")return;for(const f of files){const href=new URL(f,base).href;` +
  `if(document.querySelector(\`link[rel=modulepreload][href="\${href}"]\`))continue;const l=document.createElement("link");` +
  `l.rel="modulepreload";l.href=href;document.head.append(l)}}`;
function preloadDynamicDeps() {
  const needs = new Set();
  return {
    name: 'kindred-preload',
    renderStart() {
      needs.clear();
    },
    renderDynamicImport({chunk, targetChunk, getTargetChunkImports}) {
      if (!targetChunk) return null;
      const deps = (getTargetChunkImports() ?? [])
        .filter((d) => d.type === 'internal' && !d.chunk.isEntry && d.fileName !== chunk.fileName)
        .map((d) => d.resolvedImportPath);
      if (!deps.length) return null;
      needs.add(chunk.fileName);
      return {left: `(${PRELOAD}(import.meta.url,[${deps.join(',')}]),import(`, right: '))'};
    },
    // The helper, once in each chunk that uses it (terser renames it; no global).
    renderChunk(code, chunk) {
      if (!needs.has(chunk.fileName) || !code.includes(PRELOAD)) return null;
      return {code: `${code}\n${PRELOAD_HELPER}\n`, map: null};
    },
  };
}

const shortId = (id) => id.replace(/\\/g, '/').replace(/^.*?\/node_modules\//, 'node_modules/').replace(/^.*?\/dist\//, 'dist/');

/** Writes the chunk graph next to the bundle for scripts/size.mjs (entry, static and lazy imports). */
function chunkGraph() {
  return {
    name: 'kindred-chunk-graph',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks[fileName] = {
          name: item.name,
          isEntry: item.isEntry,
          isDynamicEntry: item.isDynamicEntry,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
          modules: Object.keys(item.modules).map(shortId),
          // Bytes each module contributes before minifying: what to look at when the budget fails.
          renderedLength: Object.fromEntries(Object.entries(item.modules).map(([id, m]) => [shortId(id), m.renderedLength])),
        };
      }
      this.emitFile({type: 'asset', fileName: 'meta.json', source: JSON.stringify({chunks}, null, 1)});
    },
  };
}

export default {
  input: {kindred: resolve(input)},
  // cdn.js exports nothing: let rollup keep the entry a real chunk, not a facade over a shared one.
  preserveEntrySignatures: false,
  plugins: [
    // `browser` picks Firebase's browser builds; no `development` condition, so Lit is its production build.
    nodeResolve({browser: true, exportConditions: ['browser', 'module', 'import', 'production', 'default']}),
    replaceNodeEnv(),
    inlineTokens(),
    preloadDynamicDeps(),
    chunkGraph(),
  ],
  output: {
    dir,
    format: 'es',
    entryFileNames: '[name].js',
    // Readable names: chunks/firebase-[hash].js, chunks/local-store-[hash].js, …
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Issue 16: chunks under ~1.5 KB are merged where rollup can do so without loading code early (two
    // ended up in the entry: Lit's live directive and the guidelines template, +0.5 KB). A visitor's thread
    // then comes in five files at once instead of seven: over HTTP/1.1 a browser opens six per origin, and
    // in bench:first-post (3G) the seventh, the thread chunk itself, waited a round trip for a free one.
    experimentalMinChunkSize: 1500,
    sourcemap: true,
    // Firebase in chunks of its own: `firebase` (app, Firestore and what they share) and `firebase-auth`.
    // Finer splits (app / util / firestore) would be circular chunks: those packages import each other.
    manualChunks(id) {
      // Issue 16: Welsh strings (`*.messages.cy.js`, loaded only on Welsh pages) in chunks of their own,
      // never merged with code an English page needs: the root's (common, community, crisis help), the
      // thread's (with the safety and moderation wording it shows), and one per other element.
      const welsh = /[\\/]([\w-]+)\.messages\.cy\.js$/.exec(id);
      if (welsh) {
        const name = welsh[1];
        if (name === 'common' || name === 'community' || name === 'crisis-help') return 'cy-kindred';
        if (name === 'safety' || name === 'moderation') return 'cy-discussion-thread';
        if (name === 'email-notifications') return 'cy-profile';
        return `cy-${name}`;
      }
      if (!FIREBASE_PACKAGES.test(id)) return undefined;
      // Auth is imported on its own (auth-session.ts) only when someone signs in: keep it apart.
      return /[\\/]node_modules[\\/](@firebase[\\/]auth|firebase[\\/]auth)[\\/]/.test(id) ? 'firebase-auth' : 'firebase';
    },
    plugins: [
      terser({
        ecma: 2022,
        module: true,
        compress: {passes: 2},
        format: {comments: false},
      }),
    ],
  },
  onwarn(warning, warn) {
    // Firebase's ESM builds use `this` at top level in a few helpers; harmless in a module.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
