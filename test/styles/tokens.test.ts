// Design tokens: every global token an element reads falls back to the value themes/default.css sets,
// every colour token an element reads is set by every theme, and the dark theme's secondary text is
// readable (WCAG AA, measured on the rendered element, not by reading CSS).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import * as tokens from '../../src/styles/tokens.js';
import {alice, disposeStores, nextCommunityId, openStore, post, ready, render, seed} from '../components/discussion-thread.fixture.js';

const GLOBAL = /^--kin-(color|space|radius|font|line)-/;
const THEMES = ['default', 'dark', 'nhs', 'high-contrast'];

type Manifest = {modules: {declarations?: {tagName?: string; cssProperties?: {name: string; default?: string}[]}[]}[]};

async function fetchText(path: string) {
  const response = await fetch(path);
  expect(response.ok, path).to.equal(true);
  return response.text();
}

/** `--kin-x: value` declarations of each rule block of a theme sheet. */
function themeBlocks(css: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of m[1].matchAll(/(--kin-[a-z0-9-]+)\s*:\s*([^;]+);/g)) decls.set(d[1], d[2].trim());
    if (decls.size) blocks.push(decls);
  }
  return blocks;
}

/** Every `var(--kin-…)` read in the CSS the elements ship: [token, fallback or null, tag]. */
async function reads(): Promise<[string, string | null, string][]> {
  const manifest = JSON.parse(await fetchText('/custom-elements.json')) as Manifest;
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter((t): t is string => !!t);
  expect(tags.length).to.be.greaterThan(8);
  const out: [string, string | null, string][] = [];
  for (const tag of tags) {
    const ctor = customElements.get(tag) as unknown as {elementStyles: {cssText?: string; styleSheet?: CSSStyleSheet}[]} | undefined;
    expect(ctor, `${tag} is defined by define.js`).to.exist;
    const css = ctor!.elementStyles.map((s) => s.cssText ?? [...s.styleSheet!.cssRules].map((r) => r.cssText).join('\n')).join('\n');
    // Innermost first: a component token's fallback is itself a global var().
    for (const m of css.matchAll(/var\((--kin-[a-z0-9-]+)\s*(?:,\s*((?:[^()]|\([^()]*\))*))?\)/g)) out.push([m[1], m[2]?.trim() ?? null, tag]);
    for (const m of css.matchAll(/var\((--kin-[a-z0-9-]+)\s*,\s*var\((--kin-[a-z0-9-]+)\s*,\s*([^()]*)\)\s*\)/g)) out.push([m[2], m[3].trim(), tag]);
  }
  return out;
}

describe('design tokens (src/styles/tokens.ts)', () => {
  afterEach(() => disposeStores());

  it('the token module and themes/default.css agree on every value', async () => {
    const [defaults] = themeBlocks(await fetchText('/src/themes/default.css'));
    const module = new Map(Object.values(tokens).map((css) => {
      const m = /^var\((--kin-[a-z-]+), (.+)\)$/.exec(css.cssText);
      expect(m, css.cssText).to.exist;
      return [m![1], m![2]];
    }));
    expect([...module.entries()].sort()).to.deep.equal([...defaults.entries()].sort());
  });

  it('every global token an element reads falls back to the default theme value', async () => {
    const [defaults] = themeBlocks(await fetchText('/src/themes/default.css'));
    const all = await reads();
    const global = all.filter(([name]) => GLOBAL.test(name));
    expect(global.length).to.be.greaterThan(100);
    const wrong = global.filter(([name, fallback]) => fallback !== defaults.get(name))
      .map(([name, fallback, tag]) => `${tag}: ${name} falls back to ${fallback} (default.css: ${defaults.get(name) ?? 'unset'})`);
    expect([...new Set(wrong)]).to.deep.equal([]);
  });

  it('the documented defaults (@cssproperty) of global tokens are the default theme values', async () => {
    const [defaults] = themeBlocks(await fetchText('/src/themes/default.css'));
    const manifest = JSON.parse(await fetchText('/custom-elements.json')) as Manifest;
    const wrong = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.cssProperties ?? [])
      .filter((p) => GLOBAL.test(p.name) && p.default !== undefined && p.default !== defaults.get(p.name))
      .map((p) => `${d.tagName}: ${p.name}=${p.default} (default.css: ${defaults.get(p.name) ?? 'unset'})`));
    expect(wrong).to.deep.equal([]);
  });

  it('every colour token an element reads is set by every theme', async () => {
    const read = new Set((await reads()).map(([name]) => name).filter((n) => n.startsWith('--kin-color-')));
    expect(read.size).to.be.greaterThan(5);
    const missing: string[] = [];
    for (const theme of THEMES) {
      for (const [i, block] of themeBlocks(await fetchText(`/src/themes/${theme}.css`)).entries()) {
        for (const name of read) if (!block.has(name)) missing.push(`${theme}.css block ${i + 1} does not set ${name}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('the dark theme: times and counts in the thread pass WCAG AA contrast', async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/src/themes/dark.css';
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, {once: true}));
    document.head.append(link);
    await loaded;
    try {
      const s = seed(nextCommunityId(), [post('p1', alice)]);
      const wrapper = await fixture<HTMLDivElement>(html`<div class="kin-theme-dark"></div>`);
      const el = await render(await openStore(s, 'alice'));
      wrapper.append(el.closest('kin-community')!);
      await ready(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.when'), 'a post time');
      const bg = parse(getComputedStyle(wrapper).backgroundColor);
      expect(bg, 'the dark surface').to.deep.equal([22, 27, 34]);
      for (const selector of ['.when', '.count']) {
        const node = el.shadowRoot!.querySelector(selector);
        if (!node) continue;
        const ratio = contrast(parse(getComputedStyle(node).color), bg);
        expect(ratio, `${selector} contrast on the dark surface`).to.be.at.least(4.5);
      }
    } finally {
      link.remove();
    }
  });
});

function parse(color: string): number[] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  expect(m, color).to.exist;
  return [Number(m![1]), Number(m![2]), Number(m![3])];
}

function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
