import {LitElement, css, type CSSResultGroup, type PropertyValues} from 'lit';
import {ContextRoot} from '@lit/context';
import * as t from '../styles/tokens.js';
import {toLocale, welshMissCount, welshPending, wantWelsh} from '../i18n/messages.js';

/**
 * Base class for every Kindred element: an idempotent `define()` that tolerates a second copy of the
 * kit on the page, and the shared host styles.
 */
export class KinElement extends LitElement {
  static override styles: CSSResultGroup = [
    css`
      /*
       * !important: a host page's global reset (\`* {all: revert}\`, \`body {font-size: 28px !important}\`)
       * matches the host element and would otherwise win over :host. Important declarations in a
       * shadow tree beat the page's, so the element keeps its look; theming goes through the tokens.
       * The font family follows the page unless --kin-font-family is set.
       */
      :host {
        box-sizing: border-box !important;
        display: block !important;
        color: ${t.colorText} !important;
        font-family: ${t.fontFamily};
        font-size: ${t.fontSize} !important;
        line-height: ${t.lineHeight} !important;
        letter-spacing: normal !important;
        text-transform: none !important;
        word-spacing: normal !important;
      }
      :host([hidden]) {
        display: none !important;
      }
      *,
      *::before,
      *::after {
        box-sizing: inherit;
      }
    `,
  ];

  /**
   * Issue 16: Welsh strings arrive in their own modules, only on Welsh pages. An element whose language
   * (its nearest `lang`, across shadow roots, else the page's) is Welsh asks for them before its first
   * render, and no Kindred element renders while Welsh strings it may use are still arriving: a Welsh
   * page never flashes English, and the host keeps its reserved size meanwhile.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.hasUpdated && toLocale(nearestLang(this)) === 'cy') wantWelsh();
    const pending = welshPending();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** A render that still got English for Welsh (the strings were late or failed): render again once they arrive. */
  protected override update(changed: PropertyValues): void {
    const misses = welshMissCount();
    super.update(changed);
    if (welshMissCount() !== misses) void welshPending()?.then(() => this.requestUpdate());
  }

  /**
   * Registers the element under `tagName` unless that name is already taken (by this class, or by
   * another copy of the kit loaded on the same page). Returns the class now registered.
   */
  static define(tagName: string, ctor: CustomElementConstructor = this): CustomElementConstructor {
    attachContextRoot();
    const existing = customElements.get(tagName);
    if (existing) return existing;
    customElements.define(tagName, ctor);
    return ctor;
  }
}

/** The language an element is in: its nearest non-empty `lang` attribute, across shadow roots, else the page's. */
function nearestLang(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const found = node.closest('[lang]:not([lang=""])');
    if (found) return found.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return typeof document === 'undefined' ? '' : document.documentElement.lang;
}

const ROOT_KEY = Symbol.for('kindred.context-root@1');

/**
 * Elements already in the page's HTML upgrade in the order their define files run, so an element can
 * ask for the community context before its `<kin-community>` is defined. A ContextRoot on the document
 * keeps such requests and replays them when the provider appears. Attached once per page, even with
 * two copies of the kit.
 */
function attachContextRoot() {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[ROOT_KEY] || typeof document === 'undefined') return;
  g[ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}
