// `node --test scripts/prerequisites.test.mjs` (run by `npm test`): how `npm test` finds Chrome and Java,
// and what it does when one is missing, on made-up machines (nothing here is uninstalled to test it).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {findChrome, findJava, isDebianLike, plan} from './prerequisites.mjs';

const only = (...paths) => (p) => paths.includes(p);
const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'ID=fedora\n';

test('CHROME_PATH wins over every usual location', () => {
  assert.equal(findChrome({env: {CHROME_PATH: '/opt/x/chrome', PATH: ''}, platform: 'linux', exists: only('/opt/x/chrome', '/usr/bin/chromium')}), '/opt/x/chrome');
});

test('finds Chromium and Chrome where Linux, macOS and Windows put them', () => {
  assert.equal(findChrome({env: {PATH: '/usr/bin'}, platform: 'linux', exists: only('/usr/bin/chromium')}), '/usr/bin/chromium');
  assert.equal(findChrome({env: {PATH: ''}, platform: 'linux', exists: only('/usr/bin/google-chrome-stable')}), '/usr/bin/google-chrome-stable');
  assert.equal(findChrome({env: {PATH: '/home/me/bin'}, platform: 'linux', exists: only('/home/me/bin/chromium')}), '/home/me/bin/chromium');
  const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  assert.equal(findChrome({env: {HOME: '/Users/me'}, platform: 'darwin', exists: only(mac)}), mac);
  const win = 'C:\\Program Files/Google/Chrome/Application/chrome.exe';
  const found = findChrome({env: {PROGRAMFILES: 'C:\\Program Files'}, platform: 'win32', exists: (p) => p.replaceAll('\\', '/') === win.replaceAll('\\', '/')});
  assert.ok(found?.endsWith('chrome.exe'));
  assert.equal(findChrome({env: {PATH: ''}, platform: 'linux', exists: () => false}), null);
});

test('finds Java through JAVA_HOME or PATH', () => {
  assert.equal(findJava({env: {JAVA_HOME: '/jdk', PATH: '/usr/bin'}, platform: 'linux', exists: only('/jdk/bin/java', '/usr/bin/java')}), '/jdk/bin/java');
  assert.equal(findJava({env: {PATH: '/usr/local/bin:/usr/bin'}, platform: 'linux', exists: only('/usr/bin/java')}), '/usr/bin/java');
  assert.equal(findJava({env: {PATH: '/usr/bin'}, platform: 'linux', exists: () => false}), null);
});

test('root on Debian or Ubuntu installs the Debian package; anyone else gets the one command', () => {
  assert.ok(isDebianLike(DEBIAN) && isDebianLike(UBUNTU) && !isDebianLike(FEDORA));
  assert.deepEqual(plan('chrome', {found: '/usr/bin/chromium', platform: 'linux'}), {action: 'ok', path: '/usr/bin/chromium'});
  assert.equal(plan('chrome', {found: null, platform: 'linux', isRoot: true, osRelease: DEBIAN}).action, 'install');
  assert.equal(plan('chrome', {found: null, platform: 'linux', isRoot: true, osRelease: UBUNTU}).pkg, 'chromium');
  assert.equal(plan('java', {found: null, platform: 'linux', isRoot: true, osRelease: DEBIAN}).pkg, 'default-jre-headless');
  assert.deepEqual(plan('chrome', {found: null, platform: 'linux', isRoot: false, osRelease: DEBIAN}), {action: 'stop', command: 'sudo apt-get install -y chromium'});
  assert.deepEqual(plan('java', {found: null, platform: 'linux', isRoot: false, osRelease: UBUNTU}), {action: 'stop', command: 'sudo apt-get install -y default-jre-headless'});
  assert.equal(plan('chrome', {found: null, platform: 'darwin'}).command, 'brew install --cask chromium');
  assert.equal(plan('chrome', {found: null, platform: 'win32'}).command, 'winget install Google.Chrome');
  assert.equal(plan('chrome', {found: null, platform: 'linux', isRoot: true, osRelease: FEDORA}).action, 'stop');
});
