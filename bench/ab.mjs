// A/B runs for the page benches (bench:profile, bench:lighthouse; issue 16): a second checkout of another
// git revision (default `main`), with its own dist/ built, served beside this one so both pages are measured
// interleaved in one run, on the same machine load. The checkout is `git archive` of the revision into the
// system's temp folder (kept by commit, so a second run reuses it), with this repository's node_modules linked in.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** `--ab` or `--ab=REF` in `args`: the revision to compare with, or null when not asked. */
export function abOption(args) {
  const arg = args.find((a) => a === '--ab' || a.startsWith('--ab='));
  if (!arg) return null;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'main';
}

/** A built checkout of `ref`: {dir, ref, sha}. Builds it the first time (about a minute). */
export async function baseline(ref = 'main') {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {cwd: root, encoding: 'utf8'}).trim();
  const dir = join(tmpdir(), `kindred-baseline-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'dist', 'cdn', 'kindred.js'))) {
    console.log(`ab: building ${ref} (${sha.slice(0, 12)}) in ${dir}`);
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(dir, {recursive: true});
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C "${dir}"`], {cwd: root, stdio: 'inherit'});
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const {build} = await import(pathToFileURL(join(dir, 'scripts', 'build.mjs')).href);
    await build({quiet: true});
  }
  return {dir, ref, sha};
}

/** The median of numbers (the lower middle one for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}
