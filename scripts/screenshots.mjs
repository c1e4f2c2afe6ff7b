// Screenshots of the real demo for docs/run-your-community.md (issue 14): serves this folder, opens the
// demo pages in Chromium (puppeteer-core) and saves PNGs under docs/images/. Needs a build (npm run build).
// The demo's local store starts signed in as its seeded admin (u-rhys) through the session it remembers.
//   node scripts/screenshots.mjs
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {findChrome} from './prerequisites.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png'};
const server = createServer(async (req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!path.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(path);
    res.writeHead(200, {'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream'}).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({executablePath: findChrome() ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu']});
const out = (name) => join(root, 'docs', 'images', name);
try {
  const page = await browser.newPage();
  await page.setViewport({width: 1100, height: 900, deviceScaleFactor: 1});
  await page.evaluateOnNewDocument(() => localStorage.setItem('kindred-local:session', JSON.stringify({uid: 'u-rhys', anonymous: false})));
  await page.goto(`${base}/demo/account.html`, {waitUntil: 'networkidle0'});
  const shadowText = (text) => page.waitForFunction((t) => document.querySelector('kin-community-admin')?.shadowRoot?.textContent?.includes(t), {timeout: 30000}, text);
  await shadowText('Save settings');
  const admin = await page.$('kin-community-admin');
  await admin.screenshot({path: out('admin-settings.png')});
  await page.evaluate(() => document.querySelector('kin-community-admin').shadowRoot.querySelector('#tab-team').click());
  await shadowText('Invite someone');
  await page.evaluate(() => {
    const r = document.querySelector('kin-community-admin').shadowRoot;
    const email = r.querySelector('#email');
    email.value = 'nurse.rhian@example.org';
    email.dispatchEvent(new Event('input'));
    r.querySelector('#role').value = 'clinician';
    r.querySelector('#role').dispatchEvent(new Event('change'));
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  await page.evaluate(() => {
    const r = document.querySelector('kin-community-admin').shadowRoot;
    const scope = r.querySelector('#clinicianScope');
    scope.value = 'Asthma nurse';
    scope.dispatchEvent(new Event('input'));
    setTimeout(() => [...r.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Create the invite').click(), 100);
  });
  await shadowText('Invite created for');
  await admin.screenshot({path: out('admin-team.png')});
  await page.evaluate(() => document.querySelector('kin-community-admin').shadowRoot.querySelector('#tab-health').click());
  await shadowText('Download as CSV');
  await admin.screenshot({path: out('admin-health.png')});
  const queue = await page.$('kin-moderation-queue');
  await queue.screenshot({path: out('moderation-queue.png')});

  const builder = await browser.newPage();
  await builder.setViewport({width: 1100, height: 1400, deviceScaleFactor: 1});
  await builder.goto(`${base}/demo/builder.html`, {waitUntil: 'networkidle0'});
  await builder.waitForFunction(() => document.querySelector('[data-preview] kin-discussion-thread')?.shadowRoot?.textContent?.length > 50, {timeout: 30000});
  await builder.screenshot({path: out('embed-builder.png'), fullPage: false});
  console.log('Wrote docs/images/admin-settings.png, admin-team.png, admin-health.png, moderation-queue.png, embed-builder.png');
} finally {
  await browser.close();
  server.close();
}
