import {isWelshWanted, toLocale} from './i18n/messages.js';

// Loads an element's code the first time its tag appears in the page (the pattern of Shoelace's
// autoloader). The script-tag entry stays small however many elements the kit grows, and a page pays
// only for the elements it uses. Properties a framework sets before the code arrives are kept: Lit
// applies them when the element upgrades.

/** Element modules the script-tag bundle loads on first use. */
export const LAZY_ELEMENTS: Record<string, () => Promise<unknown>> = {
  'kin-discussion-thread': () => import('./components/discussion-thread/kin-discussion-thread.js'),
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
  'kin-discussion-thread': () => Promise.all([
    import('./components/discussion-thread/discussion-thread.messages.cy.js'),
    import('./i18n/safety.messages.cy.js'),
    import('./i18n/moderation.messages.cy.js'),
  ]),
};

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
