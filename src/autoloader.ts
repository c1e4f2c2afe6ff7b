import {isWelshWanted, toLocale} from './i18n/messages.js';

// Loads an element's code the first time its tag appears in the page (the pattern of Shoelace's
// autoloader). The script-tag entry stays small however many elements the kit grows, and a page pays
// only for the elements it uses. Properties a framework sets before the code arrives are kept: Lit
// applies them when the element upgrades.

/** Element modules the script-tag bundle loads on first use. */
export const LAZY_ELEMENTS: Record<string, () => Promise<unknown>> = {
  'kin-discussion-thread': () => import('./components/discussion-thread/kin-discussion-thread.js'),
  'kin-founder-story-banner': () => import('./components/founder-story-banner/kin-founder-story-banner.js'),
  'kin-join': () => import('./components/join/kin-join.js'),
  'kin-member-directory': () => import('./components/member-directory/kin-member-directory.js'),
  'kin-peer-match-card': () => import('./components/peer-match-card/kin-peer-match-card.js'),
  'kin-profile': () => import('./components/profile/kin-profile.js'),
  'kin-moderation-queue': () => import('./components/moderation-queue/kin-moderation-queue.js'),
  'kin-notifications': () => import('./components/notifications/kin-notifications.js'),
  'kin-community-admin': () => import('./components/community-admin/kin-community-admin.js'),
};

/**
 * Issue 16: on a Welsh page, the Welsh strings of an element on the first view's path are fetched with
 * its code, not one round trip after it (its catalogue would otherwise ask for them when it runs).
 */
const LAZY_WELSH: Record<string, () => Promise<unknown>> = {
  // The build puts the safety and moderation wording's Welsh in the same chunk (rollup.config.mjs).
  'kin-discussion-thread': () => import('./components/discussion-thread/discussion-thread.messages.cy.js'),
  'kin-founder-story-banner': () => import('./components/founder-story-banner/founder-story-banner.messages.cy.js'),
};

// Issue 16: the founder story banner's code loads on first use, often while the visitor already sees the
// page. Until it is defined, its tag keeps the box its loading skeleton (and its usual story) will take,
// so nothing below it moves when it arrives: the same block size, from the same custom properties, as
// founder-story-banner.styles.ts gives `.base` > `.skeleton` (photo box + text reserve, two columns from
// 40rem wide, the card's narrower photo, the compact line). Its light-DOM content stays hidden until then.
// The sheet is adopted by the document while a banner waits and removed once it is defined.
const P = 'var(--kin-founder-story-banner-padding, var(--kin-space-l, 1.5rem))';
const RATIO = 'var(--kin-founder-story-banner-image-ratio, 4 / 5)';
const RESERVE = 'var(--kin-founder-story-banner-reserve, 25rem)';
const B = 'kin-founder-story-banner:not(:defined)';
const BANNER_RESERVE = `${B}{display:flow-root;container-type:inline-size;border-block-start:4px solid transparent}
${B}[memorial]{border-block-start-width:1px}
${B}>*{display:none}
${B}::before,${B}::after{content:"";display:block;margin-inline:${P}}
${B}::before{margin-block:${P} var(--kin-space-l, 1.5rem);aspect-ratio:${RATIO};max-inline-size:20rem}
${B}::after{min-block-size:${RESERVE};margin-block-end:${P}}
${B}[variant=card]::before{max-inline-size:12rem}
@container (min-width: 40rem){${B}:not([variant])::before,${B}[variant=banner]::before{display:none}
${B}:not([variant])::after,${B}[variant=banner]::after{margin-block-start:${P};min-block-size:max(${RESERVE}, calc(16rem / (${RATIO})))}}
${B}[variant=compact]::before{display:none}
${B}[variant=compact]::after{margin:var(--kin-space-s, 0.5rem) var(--kin-space-m, 1rem);min-block-size:max(2.75rem, var(--kin-founder-story-banner-reserve, 2.75rem))}`;
let reserveSheet: CSSStyleSheet | null = null;

function reserveBannerBox(): void {
  if (reserveSheet || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const sheet = (reserveSheet = new CSSStyleSheet());
  sheet.replaceSync(BANNER_RESERVE);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  void customElements.whenDefined('kin-founder-story-banner').then(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}

const requested = new Set<string>();

/** Loads the code of `tag` if the kit has it and it is not defined yet. Resolves when defined. */
export async function load(tag: string): Promise<void> {
  const loader = LAZY_ELEMENTS[tag];
  if (!loader || customElements.get(tag)) return;
  if (!requested.has(tag)) {
    requested.add(tag);
    if (isWelshWanted() || toLocale(document.documentElement.lang) === 'cy') void LAZY_WELSH[tag]?.().catch(() => undefined);
    try {
      await loader();
    } catch (e) {
      requested.delete(tag);
      // A failed chunk (offline, CDN hiccup) is retried the next time the tag is seen.
      console.warn(`Kindred could not load <${tag}>: ${(e as Error).message}`);
      return;
    }
  }
  await customElements.whenDefined(tag);
}

/** Finds undefined kin-* elements in `root` (and `root` itself) and loads their code. */
export function discover(root: Element | Document | DocumentFragment): void {
  const found = new Set<string>();
  if (root instanceof Element && root.localName.startsWith('kin-') && !customElements.get(root.localName)) found.add(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) {
    if (el.localName.startsWith('kin-')) found.add(el.localName);
  }
  if (found.has('kin-founder-story-banner')) reserveBannerBox();
  for (const tag of found) void load(tag);
}

let observer: MutationObserver | null = null;

/** Watches the document for kin-* elements added later (client-side rendering, SPA routes). */
export function startAutoloader(): void {
  if (observer || typeof document === 'undefined') return;
  discover(document);
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  });
  observer.observe(document.documentElement, {subtree: true, childList: true});
}
