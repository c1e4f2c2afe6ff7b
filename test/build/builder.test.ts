// The embed builder page (demo/builder.html, issue 14), used as staff would: in a page of its own, with
// the built kit. Choices change the snippet and the live preview; nothing typed becomes markup.
import {expect, waitUntil} from '@open-wc/testing';

async function open(): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.src = '/demo/builder.html';
  frame.style.inlineSize = '1000px';
  frame.style.blockSize = '800px';
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, {once: true}));
  const doc = frame.contentDocument!;
  await waitUntil(() => (doc.querySelector('[data-snippet]') as HTMLTextAreaElement | null)?.value.includes('<kin-community'), 'snippet', {timeout: 15000});
  return doc;
}
const snippet = (doc: Document) => (doc.querySelector('[data-snippet]') as HTMLTextAreaElement).value;
function set(doc: Document, selector: string, value: string | boolean) {
  const el = doc.querySelector(selector) as HTMLInputElement;
  if (typeof value === 'boolean') el.checked = value;
  else el.value = value;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
}

describe('embed builder (demo/builder.html)', function () {
  this.timeout(60000);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('starts with a working snippet and preview on the local store', async () => {
    const doc = await open();
    expect(snippet(doc)).to.contain('<kin-community community="asthma-cymru" store="local">');
    expect(snippet(doc)).to.contain('<kin-founder-story-banner heading-level="2"></kin-founder-story-banner>');
    expect(snippet(doc)).to.contain('<kin-discussion-thread heading-level="2" mode="list"></kin-discussion-thread>');
    await waitUntil(() => doc.querySelector('[data-preview] kin-discussion-thread'), 'preview');
  });

  it('choosing elements, a project, theme, language and a page thread changes both', async () => {
    const doc = await open();
    set(doc, 'input[value="kin-member-directory"]', true);
    set(doc, 'input[value="kin-founder-story-banner"]', false);
    set(doc, '#b-project', 'asthma-charity');
    set(doc, '#b-theme', 'kin-theme-dark');
    set(doc, '#b-lang', 'cy');
    set(doc, '#b-key', 'walk-2026');
    set(doc, '#b-community', 'asthma-wales');
    const s = snippet(doc);
    expect(s).to.contain('<kin-community community="asthma-wales" project-id="asthma-charity" api-key="YOUR-API-KEY" app-id="YOUR-APP-ID" auth-domain="asthma-charity.firebaseapp.com" lang="cy" class="kin-theme-dark">');
    expect(s).to.contain('themes/dark.css');
    expect(s).to.contain('<kin-discussion-thread heading-level="2" thread-key="walk-2026" mode="thread">');
    expect(s).to.contain('<kin-member-directory');
    expect(s).to.not.contain('kin-founder-story-banner');
    const community = doc.querySelector('[data-preview] kin-community')!;
    expect(community.getAttribute('lang')).to.equal('cy');
    expect(community.className).to.equal('kin-theme-dark');
    expect([...community.children].map((e) => e.localName)).to.deep.equal(['kin-discussion-thread', 'kin-member-directory']);
  });

  it('a bad community id is explained, and typed markup never reaches the snippet', async () => {
    const doc = await open();
    set(doc, '#b-community', 'Asthma Wales"><script>');
    expect((doc.querySelector('[data-community-error]') as HTMLElement).hidden).to.equal(false);
    set(doc, '#b-key', '"><img src=x onerror=alert(1)>');
    expect(snippet(doc)).to.not.contain('<script>').and.not.contain('<img');
    expect(snippet(doc)).to.contain('community="your-community-id"');
  });
});
