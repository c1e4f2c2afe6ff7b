// The host pages in demo/embed/, loaded in an iframe exactly as written except that the script-tag
// bundle (../../dist/cdn/kindred.js) is replaced by its source entry (/src/cdn.ts), so the test needs
// no build. The CSP arrives with the page (a <meta http-equiv>), so the kit runs under it.
import {expect, waitUntil} from '@open-wc/testing';

type HostWindow = Window & typeof globalThis & {cspViolations?: string[]; kindred?: {grantConsent(): void}};

async function openHostPage(name: string): Promise<{frame: HTMLIFrameElement; win: HostWindow; doc: Document}> {
  const source = await (await fetch(`/demo/embed/${name}`)).text();
  expect(source).to.contain('../../dist/cdn/kindred.js');
  const page = source
    .replace('<head>', '<head><base href="/demo/embed/">')
    .replace('../../dist/cdn/kindred.js', '/src/cdn.ts');
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '1000px';
  frame.style.blockSize = '800px';
  frame.title = name;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = page;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  await waitUntil(() => win.customElements.get('kin-community') && win.customElements.get('kin-founder-story-banner'), 'kit loaded', {timeout: 10000});
  return {frame, win, doc: frame.contentDocument!};
}

/** Violations by the page and the kit; the test server's own injected reload socket is not the kit. */
const violations = (win: HostWindow) => (win.cspViolations ?? []).filter((v) => !v.includes('/__web-dev-server')).join(' | ');

const banner = (doc: Document) => doc.querySelector('kin-founder-story-banner')!;
const bannerName = (doc: Document) => banner(doc).shadowRoot?.querySelector('[part="name"]')?.textContent?.trim() ?? '';

describe('host pages (demo/embed)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  describe('strict-csp.html: nonce scripts, no unsafe-inline/eval, Trusted Types required', () => {
    it('waits for the cookie banner, then loads and renders with zero CSP violations', async () => {
      const {win, doc} = await openHostPage('strict-csp.html');
      expect(win.cspViolations, 'the page watches for violations').to.be.an('array');
      expect(violations(win)).to.equal('');

      const root = doc.querySelector('kin-community')!;
      await waitUntil(() => root.shadowRoot?.querySelector('[part="consent"]'), 'consent prompt');
      expect(bannerName(doc)).to.equal('');

      doc.getElementById('accept-all')!.click();
      await waitUntil(() => bannerName(doc) === 'Catrin Hughes', 'founder story after the cookie banner', {timeout: 10000});
      const thread = doc.querySelector('kin-discussion-thread')!;
      await waitUntil(() => (thread.shadowRoot?.textContent ?? '').includes('Mawddach'), 'thread rendered', {timeout: 10000});
      expect(violations(win)).to.equal('');
    });
  });

  describe('hostile-css.html: resets on *, button, a, h1–h6, huge base font, !important', () => {
    // Not font-family: by design the elements use the page's font unless --kin-font-family is set.
    const PROPS = ['display', 'color', 'background-color', 'font-size', 'font-weight', 'line-height',
      'letter-spacing', 'text-transform', 'padding-top', 'padding-left', 'border-top-width', 'border-top-style',
      'border-top-left-radius', 'text-decoration-line', 'outline-style'] as const;

    function snapshot(doc: Document): Record<string, string> {
      const out: Record<string, string> = {};
      const targets: [string, Element | null | undefined][] = [
        ['community', doc.querySelector('kin-community')],
        ['banner', banner(doc)],
        ...[...(banner(doc).shadowRoot?.querySelectorAll('[part]') ?? [])].map((e) => [`banner::part(${e.getAttribute('part')})`, e] as [string, Element]),
      ];
      for (const [name, el] of targets) {
        if (!el) continue;
        const cs = doc.defaultView!.getComputedStyle(el);
        for (const p of PROPS) out[`${name} ${p}`] = cs.getPropertyValue(p);
      }
      return out;
    }

    it('keeps the designed look of the parts, and adds no CSS to the page', async () => {
      const {doc} = await openHostPage('hostile-css.html');
      await waitUntil(() => bannerName(doc) === 'Catrin Hughes', 'founder story', {timeout: 10000});
      const hostile = snapshot(doc);
      // Nothing leaks out: the kit adds no stylesheet to the page (its styles live in shadow roots).
      expect(doc.adoptedStyleSheets.length).to.equal(0);
      expect([...doc.styleSheets].map((s) => (s.ownerNode as Element).id)).to.deep.equal(['hostile']);
      const sheet = doc.getElementById('hostile') as HTMLLinkElement;
      sheet.disabled = true;
      await new Promise((r) => requestAnimationFrame(r));
      const clean = snapshot(doc);
      const differences = Object.keys(clean).filter((k) => clean[k] !== hostile[k]).map((k) => `${k}: ${clean[k]} → ${hostile[k]}`);
      expect(differences, 'computed styles that the host CSS changed').to.deep.equal([]);
    });
  });
});
