// `npm test` needs a Chrome or Chromium and a Java runtime (the Cloud Firestore emulator is a JAR).
// This finds both where they usually live on Linux, macOS and Windows (or CHROME_PATH / JAVA_HOME).
// When one is missing and we run as root on Debian or Ubuntu, it installs Debian's package with
// apt-get and says so; otherwise it stops with the one command to run. The decisions are pure
// functions of what they are given (`plan…`), so scripts/prerequisites.test.mjs checks them on
// made-up machines without uninstalling anything here.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {delimiter, join} from 'node:path';

/** Where Chrome or Chromium usually is, most specific first. */
export function chromeCandidates({env = process.env, platform = process.platform} = {}) {
  const list = [env.CHROME_PATH];
  if (platform === 'darwin') {
    for (const base of ['/Applications', join(env.HOME ?? '', 'Applications')]) {
      list.push(`${base}/Google Chrome.app/Contents/MacOS/Google Chrome`, `${base}/Chromium.app/Contents/MacOS/Chromium`,
        `${base}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`);
    }
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]) {
      if (base) list.push(join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(base, 'Chromium', 'Application', 'chrome.exe'));
    }
  } else {
    list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium', '/opt/google/chrome/chrome');
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) list.push(join(dir, name));
    }
  }
  return list.filter(Boolean);
}

/** The first Chrome or Chromium that exists, or null. */
export function findChrome({env = process.env, platform = process.platform, exists = existsSync} = {}) {
  return chromeCandidates({env, platform}).find((p) => exists(p)) ?? null;
}

/** A Java runtime: JAVA_HOME's, else `java` on PATH; null when there is none. */
export function findJava({env = process.env, platform = process.platform, exists = existsSync} = {}) {
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  const list = [env.JAVA_HOME && join(env.JAVA_HOME, 'bin', exe), ...(env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, exe))];
  return list.filter(Boolean).find((p) => exists(p)) ?? null;
}

/** Whether this is Debian, Ubuntu or a derivative, from /etc/os-release text. */
export function isDebianLike(osRelease) {
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease ?? '');
}

const PACKAGES = {chrome: 'chromium', java: 'default-jre-headless'};
const WHAT = {chrome: 'Chrome or Chromium (the browser tests run in it)', java: 'Java (the Cloud Firestore emulator runs on it)'};

/**
 * What to do about a missing tool: `{action: 'ok'}`, `{action: 'install', command}` (root on
 * Debian/Ubuntu) or `{action: 'stop', command}` (the one command for the person to run).
 */
export function plan(tool, {found, platform = process.platform, isRoot = false, osRelease = ''}) {
  if (found) return {action: 'ok', path: found};
  const pkg = PACKAGES[tool];
  if (platform === 'linux' && isDebianLike(osRelease)) {
    const command = `apt-get install -y ${pkg}`;
    return isRoot ? {action: 'install', command: `apt-get update && ${command}`, pkg} : {action: 'stop', command: `sudo ${command}`};
  }
  const commands = {
    chrome: {darwin: 'brew install --cask chromium', win32: 'winget install Google.Chrome', other: 'install Chromium with your package manager, or set CHROME_PATH=/path/to/chrome'},
    java: {darwin: 'brew install openjdk@21', win32: 'winget install EclipseAdoptium.Temurin.21.JRE', other: 'install a Java 11+ runtime with your package manager, or set JAVA_HOME'},
  };
  return {action: 'stop', command: commands[tool][platform] ?? commands[tool].other};
}

function osReleaseText() {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/**
 * Makes sure both tools are there (installing them where allowed); returns their paths or exits
 * with the command to run.
 */
export function ensurePrerequisites({log = console.log, error = console.error} = {}) {
  const osRelease = osReleaseText();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const out = {};
  for (const tool of ['chrome', 'java']) {
    const find = () => (tool === 'chrome' ? findChrome() : findJava());
    let step = plan(tool, {found: find(), isRoot, osRelease});
    if (step.action === 'install') {
      log(`No ${WHAT[tool]} found: installing Debian's ${step.pkg} package (${step.command})…`);
      const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
      const ok = spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${step.pkg}`], {stdio: 'inherit', env}).status === 0;
      step = ok ? plan(tool, {found: find(), isRoot, osRelease}) : {action: 'stop', command: step.command};
      if (step.action === 'ok') log(`Installed ${step.path}.`);
    }
    if (step.action !== 'ok') {
      error(`No ${WHAT[tool]} found. Run:\n\n  ${step.command}\n\nthen \`npm test\` again.`);
      process.exit(1);
    }
    out[tool] = step.path;
  }
  return out;
}
