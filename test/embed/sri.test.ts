// Issue 17: a host page loads the built script-tag bundle from another origin with Subresource Integrity on,
// pasting the build's own snippet (dist/cdn/sri-snippet.html: an import map whose `integrity` covers every
// chunk, and the entry's <script integrity crossorigin>) with only the base URL changed. It works; and a
// chunk changed in transit (as a compromised CDN would serve it) is refused by the browser, and the page
// says so plainly instead of "check your connection" and retrying for ever.
// Needs the build (dist/cdn/): `npm test` builds it in its static part, before the browser tests.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {shadowText} from '../support/dom.js';

// Another origin: a plain static server for dist/cdn on a port of its own (test/support/wtr-fault-plugin.mjs,
// `kin-cdn`), serving the built files byte for byte with CORS, as a CDN does.
let CDN = '';
const PLACEHOLDER = 'https://your-cdn.example/kindred-kit/dist/cdn/';

async function hostPage(communityId: string): Promise<{frame: HTMLIFrameElement; doc: Document}> {
  CDN ||= ((await executeServerCommand('kin-cdn')) as {base: string}).base;
  const snippet = await (await fetch(`${CDN}sri-snippet.html`, {cache: 'no-store'})).text();
  expect(snippet, 'the build wrote the paste-this').to.contain(`${PLACEHOLDER}kindred.js" integrity="sha384-`);
  const frame = document.createElement('iframe');
  frame.title = 'Host page';
  frame.style.inlineSize = '900px';
  frame.style.blockSize = '600px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
${snippet.split(PLACEHOLDER).join(CDN)}</head><body>
<kin-community community="${communityId}" store="local"><kin-discussion-thread thread-key="hello"></kin-discussion-thread></kin-community>
</body></html>`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
  document.body.append(frame);
  await loaded;
  return {frame, doc: frame.contentDocument!};
}


/** What the host page got, for a failure message: defined tags, files fetched from the CDN origin, the root's text. */
function whatHappened(doc: Document): string {
  const win = doc.defaultView!;
  const files = win.performance.getEntriesByType('resource').filter((r) => r.name.startsWith(CDN))
    .map((r) => `${r.name.slice(CDN.length)} (${(r as PerformanceResourceTiming).responseStatus ?? '?'})`);
  return `kin-community defined: ${Boolean(win.customElements.get('kin-community'))}; from ${CDN}: ${files.join(', ') || 'nothing'}; ` +
    `root says: "${shadowText(doc.querySelector('kin-community')).slice(0, 300)}"`;
}

async function until(doc: Document, predicate: () => unknown, what: string) {
  try {
    await waitUntil(predicate, what, {timeout: 30000});
  } catch {
    throw new Error(`${what}: timed out. ${whatHappened(doc)}`);
  }
}

describe('Subresource Integrity: the script-tag bundle from another origin', function () {
  this.timeout(60000);
  afterEach(async () => {
    await executeServerCommand('kin-fail-requests', {times: 0});
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('loads with every file checked: the entry, the local store chunk and the lazily loaded thread', async () => {
    const {doc} = await hostPage(`sri-ok-${Date.now().toString(36)}`);
    const root = doc.querySelector('kin-community')!;
    await until(doc, () => shadowText(root).includes('Preview — stored only in this browser'), 'the community loaded its store');
    await until(doc, () => doc.defaultView!.customElements.get('kin-discussion-thread') && doc.querySelector('kin-discussion-thread')!.shadowRoot,
      'the thread’s own chunk loaded (autoloader)');
    // The files really came from the other origin, each with an integrity hash in the map.
    const map = JSON.parse(doc.querySelector('script[type="importmap"]')!.textContent!) as {integrity: Record<string, string>};
    const loaded = doc.defaultView!.performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.startsWith(CDN));
    expect(loaded.length).to.be.greaterThan(2);
    for (const url of loaded) expect(map.integrity[url], url).to.match(/^sha384-/);
  });

  it('refuses a chunk changed in transit, and says so plainly, without retrying', async () => {
    // Every request for the local store's chunk is answered with other JavaScript.
    CDN ||= ((await executeServerCommand('kin-cdn')) as {base: string}).base;
    await executeServerCommand('kin-fail-requests', {pattern: `${CDN}chunks/local-store-*.js`, times: 50, body: 'export const tampered = true;\n'});
    const {doc} = await hostPage(`sri-bad-${Date.now().toString(36)}`);
    const root = doc.querySelector('kin-community')!;
    await until(doc, () => shadowText(root).includes('could not be loaded'), 'the community says it could not be loaded');
    const said = shadowText(root);
    expect(said).to.include('does not match the integrity hash');
    expect(said).to.include('docs/embedding.md');
    expect(said, 'not mistaken for the network').not.to.include('keep trying');
    expect(shadowText(root)).not.to.include('Preview — stored only in this browser');
    const tries = (await executeServerCommand('kin-failed-count')) as number;
    await new Promise((r) => setTimeout(r, 5000));
    expect((await executeServerCommand('kin-failed-count')) as number, 'no retry loop').to.equal(tries);
  });
});
