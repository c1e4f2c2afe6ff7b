// Shadow-DOM queries for element tests (issue 13: one home instead of a copy in each test file).
// `host` is an element whose shadow root is searched, or a root (ShadowRoot, document) searched as is.

type Host = Element | ParentNode;
const rootOf = (host: Host): ParentNode => (host as Element).shadowRoot ?? host;

/** The first match in the host's shadow root. */
export const $ = <T extends Element = HTMLElement>(host: Host, selector: string): T | null => rootOf(host).querySelector<T>(selector);

/** Every match in the host's shadow root. */
export const $$ = <T extends Element = HTMLElement>(host: Host, selector: string): T[] => [...rootOf(host).querySelectorAll<T>(selector)];

/** A node's text with white space folded and trimmed ('' for none). */
export const text = (node: Node | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Everything an element's shadow root says, white space folded ('' for no element yet). */
export const shadowText = (el: Element | null | undefined): string => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

/** The button whose text is `label` in the host's shadow root, or null. */
export const button = (host: Host, label: string): HTMLButtonElement | null =>
  $$<HTMLButtonElement>(host, 'button').find((b) => text(b) === label) ?? null;
