// Issue 12: every quick start works for a newcomer on the first try. Each test starts where its user
// starts, with nothing saved in this browser for the community (a fresh profile as far as the kit can
// tell: no IndexedDB database, no remembered session) and no seed:
//   - the README's "try it without a Firebase project" HTML snippet, pasted into a plain page;
//   - the README's "from npm" snippet (`LocalStore.open({communityId})`);
//   - the React snippet of docs/embedding.md.
// The snippets run word for word: test/snippets/ holds them as modules, and each test first checks
// that the file is exactly the block the README or the docs show. A visitor then joins and writes the
// first post of the page's new thread, and no kin-error is fired.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {LocalStore} from '../../src/data/local/local-store.js';
import {SESSION_KEY} from '../../src/data/local/session.js';
import {shadowText} from '../support/dom.js';

/** The fenced block of `lang` in a markdown file that contains `marker`. */
async function block(file: string, lang: string, marker: string): Promise<string> {
  const text = await (await fetch(file)).text();
  const blocks = [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  const found = blocks.find((b) => b.includes(marker));
  expect(found, `${file} has a ${lang} block with ${marker}`).to.be.a('string');
  return found!;
}

async function raw(path: string): Promise<string> {
  const response = await fetch(`/__raw__/${path}.txt`);
  expect(response.ok, `${path} is served raw`).to.equal(true);
  return response.text();
}

/** Erases what this browser holds for a community and forgets the session: a first visit. */
async function freshProfile(communityId: string) {
  await LocalStore.reset({communityId, persistence: 'indexeddb'});
  localStorage.removeItem(SESSION_KEY);
}

const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? null;

function input(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

/**
 * A visitor presses Join under the thread, joins through the dialog the root opens, and writes the
 * first post. Works in this page or in an iframe (`doc`).
 */
async function joinAndPost(doc: Document, pseudonym: string, body: string) {
  const root = doc.querySelector('kin-community')!;
  const thread = doc.querySelector('kin-discussion-thread')!;
  await waitUntil(() => shadow(thread)?.querySelector('[part="join"] button'), 'the thread offers Join to a visitor', {timeout: 15000});
  expect(shadowText(thread)).not.to.contain('could not find');
  (shadow(thread)!.querySelector('[part="join"] button') as HTMLButtonElement).click();

  await waitUntil(() => shadow(shadow(root)?.querySelector('kin-join'))?.querySelector('#pseudonym'), 'the join dialog opens', {timeout: 10000});
  const dialog = shadow(root)!.querySelector('dialog')!;
  expect(dialog.open).to.equal(true);
  const join = shadow(shadow(root)!.querySelector('kin-join'))!;
  input(join.querySelector('#pseudonym') as HTMLInputElement, pseudonym);
  const guidelines = join.querySelector('input[name="guidelines"]') as HTMLInputElement;
  guidelines.checked = true;
  guidelines.dispatchEvent(new Event('change', {bubbles: true}));
  (join.querySelector('[part="submit"]') as HTMLButtonElement).click();
  await waitUntil(() => !shadow(root)!.querySelector('dialog'), 'the dialog closes once joined', {timeout: 10000});

  await waitUntil(() => shadow(thread)?.querySelector('textarea#compose'), 'the composer appears for the new member', {timeout: 10000});
  input(shadow(thread)!.querySelector('textarea#compose') as HTMLTextAreaElement, body);
  (shadow(thread)!.querySelector('[part="composer"] [part="submit"]') as HTMLButtonElement).click();
  await waitUntil(() => shadowText(thread).includes(body), 'the first post shows in the thread', {timeout: 10000});
  expect(shadowText(thread)).to.contain(pseudonym);
}

/** The preview is marked, in place, as kept only in this browser. */
function expectPreviewNotice(root: Element) {
  const notice = shadow(root)!.querySelector('[part="preview"]');
  expect(notice?.textContent?.trim()).to.equal('Preview — stored only in this browser');
  expect(shadow(root)!.querySelector('[part="error"]')).to.equal(null);
}

describe('README and docs quick starts, on a first visit with no seed', function () {
  // A whole visit each (load, join, post): generous on a loaded machine.
  this.timeout(90000);
  // Communities these tests saved in this browser: erased afterwards, so later tests (the demo pages use
  // asthma-cymru with a seed) start clean.
  const used: string[] = [];
  afterEach(async () => {
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    for (const id of used.splice(0)) await LocalStore.reset({communityId: id, persistence: 'indexeddb'});
    localStorage.removeItem(SESSION_KEY);
  });

  it('the README "try it without a Firebase project" snippet: a visitor joins and posts the first message', async () => {
    const snippet = await block('/README.md', 'html', 'store="local"');
    expect(snippet).not.to.contain('seed=');
    const id = /community="([^"]+)"/.exec(snippet)![1];
    const unused = `readme-${Date.now().toString(36)}`;
    used.push(unused);
    await freshProfile(unused);
    // Word for word, except that the CDN bundle is its source entry (no build needed) and the id is unused.
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our walk</title></head><body>
<script>window.kinErrors = []; addEventListener('kin-error', (e) => kinErrors.push(e.message), true);</script>
${snippet.replace('https://your-cdn.example/kindred-kit/dist/cdn/kindred.js', '/src/cdn.ts').replace(`community="${id}"`, `community="${unused}"`)}
</body></html>`;
    const frame = document.createElement('iframe');
    frame.style.inlineSize = '900px';
    frame.style.blockSize = '900px';
    frame.title = 'README snippet';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    frame.srcdoc = page;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & {kinErrors: string[]};
    const doc = frame.contentDocument!;
    const root = doc.querySelector('kin-community')!;
    await waitUntil(() => shadow(root)?.querySelector('[part="preview"]'), 'the preview notice', {timeout: 15000});
    expectPreviewNotice(root);

    // The banner is not invisible: it introduces the preview and names the community.
    const banner = doc.querySelector('kin-founder-story-banner')!;
    await waitUntil(() => shadowText(banner).includes('Our Charity'), 'the banner shows the preview', {timeout: 10000});
    expect(shadowText(banner)).to.contain('The first person to join becomes its admin');

    await joinAndPost(doc, 'Gwen from Bangor', 'Hello everyone — the first post of our walk thread.');
    expect(win.kinErrors).to.deep.equal([]);
    // The first member of a preview is its admin: their post carries the badge.
    expect(shadowText(doc.querySelector('kin-discussion-thread'))).to.contain('Admin');
  });

  it('the README "from npm" snippet: LocalStore.open({communityId}) alone, then join and post', async () => {
    const snippet = await block('/README.md', 'ts', "import 'kindred-kit/define.js'");
    expect(await raw('test/snippets/readme-npm.ts'), 'test/snippets/readme-npm.ts is the README snippet').to.equal(snippet);
    used.push('asthma-cymru');
    await freshProfile('asthma-cymru');
    const errors: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @kin-error=${(e: Event & {message: string}) => errors.push(e.message)}>
      <kin-community><kin-discussion-thread thread-key="home"></kin-discussion-thread></kin-community></div>`);
    await import('../snippets/readme-npm.js');
    const root = host.querySelector('kin-community')!;
    await waitUntil(() => shadow(root)?.querySelector('[part="preview"]'), 'the preview notice', {timeout: 15000});
    expectPreviewNotice(root);
    await joinAndPost(document, 'Dewi', 'First post, from the npm quick start.');
    expect(errors).to.deep.equal([]);
    const store = (root as unknown as {store: LocalStore}).store;
    expect((await store.getRoles(store.session.user!.uid))?.roles, 'the first member of a preview is its admin').to.deep.equal(['admin']);
    await store.dispose();
  });

  it('the React snippet of docs/embedding.md: join and post the first message', async () => {
    const snippet = await block('/docs/embedding.md', 'tsx', 'LocalStore.open');
    expect(await raw('test/snippets/embedding-react.tsx'), 'test/snippets/embedding-react.tsx is the docs snippet').to.equal(snippet);
    used.push('asthma-wales');
    await freshProfile('asthma-wales');
    const errors: string[] = [];
    const host = await fixture<HTMLElement>(html`<div @kin-error=${(e: Event & {message: string}) => errors.push(e.message)}></div>`);
    const {App} = await import('../snippets/embedding-react.js');
    const {createElement} = await import('react');
    const {createRoot} = await import('react-dom/client');
    const reactRoot = createRoot(host);
    reactRoot.render(createElement(App));
    try {
      await waitUntil(() => host.querySelector('kin-community') && shadow(host.querySelector('kin-community'))?.querySelector('[part="preview"]'),
        'the preview notice', {timeout: 15000});
      expectPreviewNotice(host.querySelector('kin-community')!);
      await joinAndPost(document, 'Nia', 'First post, from the React quick start.');
      expect(errors).to.deep.equal([]);
    } finally {
      reactRoot.unmount();
    }
  });
});
