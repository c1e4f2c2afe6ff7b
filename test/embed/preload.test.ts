// Issue 16: when the script-tag bundle loads a chunk with import(), it starts fetching the chunks that chunk
// imports at the same time (<link rel="modulepreload">, written by rollup.config.mjs), so a visitor's thread
// needs two JavaScript steps (kindred.js → the thread and its shared chunks), not three. And preloading
// keeps Subresource Integrity: a preloaded chunk changed in transit is still refused.
// Needs the build (dist/cdn/): `npm test` builds it in its static part, before the browser tests.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

let CDN = '';
const PLACEHOLDER = 'https://your-cdn.example/kindred-kit/dist/cdn/';

const snippet = async (file: string) => (await (await fetch(`${CDN}${file}`, {cache: 'no-store'})).text()).split(PLACEHOLDER).join(CDN);

/**
 * A plain host page in an iframe loading the built bundle from another origin, optionally with the build's
 * SRI snippet, and optionally with its preload lines for a page with a conversation (before the script).
 */
async function hostPage(communityId: string, sri: boolean, preload = false): Promise<Document> {
  CDN ||= ((await executeServerCommand('kin-cdn')) as {base: string}).base;
  const head = (preload ? await snippet('preload-snippet.html') : '') +
    (sri ? await snippet('sri-snippet.html') : `<script type="module" src="${CDN}kindred.js"></script>`);
  const frame = document.createElement('iframe');
  frame.title = 'Host page';
  frame.style.inlineSize = '900px';
  frame.style.blockSize = '600px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
${head}</head><body>
<kin-community community="${communityId}" store="local"><kin-discussion-thread thread-key="hello"></kin-discussion-thread></kin-community>
</body></html>`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

const resources = (doc: Document) => doc.defaultView!.performance.getEntriesByType('resource') as PerformanceResourceTiming[];

/** The thread chunk's own static imports other than the entry, read from the chunk the browser got. */
async function threadImports(threadUrl: string): Promise<string[]> {
  const code = await (await fetch(threadUrl, {cache: 'no-store'})).text();
  return [...code.matchAll(/from\s*"(\.\/[^"]+\.js)"/g)].map((m) => new URL(m[1], threadUrl).href).filter((u) => !u.endsWith('/kindred.js'));
}

describe('modulepreload: a lazily loaded chunk brings the chunks it imports in the same step', function () {
  this.timeout(60000);
  afterEach(async () => {
    await executeServerCommand('kin-fail-requests', {times: 0});
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('fetches the thread chunk and everything it imports at once, announced as modulepreload links', async () => {
    const doc = await hostPage(`preload-${Date.now().toString(36)}`, false);
    await waitUntil(() => doc.querySelector('kin-discussion-thread')?.shadowRoot?.querySelector('.base'), 'the thread rendered', {timeout: 30000});
    const thread = resources(doc).find((r) => /\/chunks\/kin-discussion-thread-[\w-]+\.js$/.test(r.name));
    expect(thread, 'the thread chunk was fetched').to.exist;
    const deps = await threadImports(thread!.name);
    expect(deps.length, 'the thread chunk imports shared chunks').to.be.greaterThan(0);
    const links = [...doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href);
    for (const dep of deps) {
      expect(links, `a modulepreload link for ${dep}`).to.include(dep);
      const r = resources(doc).find((e) => e.name === dep);
      expect(r, `${dep} was fetched`).to.exist;
      // Requested before the thread chunk had even arrived: the same step, not one round trip later.
      expect(r!.startTime, `${dep} requested before the thread chunk finished arriving`).to.be.below(thread!.responseEnd);
    }
  });

  it('with the build\'s preload lines in the host page, fetches the thread while kindred.js is still arriving (one step)', async () => {
    const doc = await hostPage(`preload-head-${Date.now().toString(36)}`, true, true);
    await waitUntil(() => doc.querySelector('kin-discussion-thread')?.shadowRoot?.querySelector('.base'), 'the thread rendered', {timeout: 30000});
    const entry = resources(doc).find((r) => r.name === `${CDN}kindred.js`);
    const thread = resources(doc).find((r) => /\/chunks\/kin-discussion-thread-[\w-]+\.js$/.test(r.name));
    expect(entry, 'kindred.js was fetched').to.exist;
    expect(thread, 'the thread chunk was fetched').to.exist;
    expect(thread!.startTime, 'the thread chunk was requested before kindred.js had arrived').to.be.below(entry!.responseEnd);
    for (const dep of await threadImports(thread!.name)) {
      const r = resources(doc).find((e) => e.name === dep);
      expect(r, `${dep} was fetched`).to.exist;
      expect(r!.startTime, `${dep} requested before kindred.js had arrived`).to.be.below(entry!.responseEnd);
    }
    // Each line carries its file's integrity hash (the page pasted the SRI snippet too: everything is checked).
    const lines = [...doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"][integrity^="sha384-"]')];
    expect(lines.length).to.be.greaterThan(1);
    expect(doc.head.querySelector('link[rel="preconnect"][href="https://firestore.googleapis.com"][crossorigin]')).to.exist;
  });

  it('still refuses a preloaded chunk changed in transit (the import map\'s integrity applies to it)', async () => {
    CDN ||= ((await executeServerCommand('kin-cdn')) as {base: string}).base;
    // A preloaded chunk with the same exports and one more comment: only its integrity hash can tell.
    const integrity = (await (await fetch(`${CDN}integrity.json`, {cache: 'no-store'})).json()) as Record<string, string>;
    const icons = Object.keys(integrity).find((f) => /^chunks\/icons-[\w-]+\.js$/.test(f));
    expect(icons, 'the build has an icons chunk the thread imports').to.exist;
    const real = await (await fetch(`${CDN}${icons}`, {cache: 'no-store'})).text();
    await executeServerCommand('kin-fail-requests', {pattern: `${CDN}${icons}`, times: 50, body: `${real}\n/* changed in transit */\n`});
    const doc = await hostPage(`preload-sri-${Date.now().toString(36)}`, true);
    const win = doc.defaultView!;
    await waitUntil(() => resources(doc).some((r) => r.name === `${CDN}${icons}`), 'the icons chunk was requested', {timeout: 30000});
    expect([...doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href)).to.include(`${CDN}${icons}`);
    // The community itself loads (its chunks are intact); the thread, which needs the changed chunk, never runs.
    await waitUntil(() => win.customElements.get('kin-community') && doc.querySelector('kin-community')!.shadowRoot, 'the root ran', {timeout: 30000});
    await new Promise((r) => setTimeout(r, 3000));
    expect(win.customElements.get('kin-discussion-thread'), 'the thread did not run with a changed chunk').to.equal(undefined);
  });
});
