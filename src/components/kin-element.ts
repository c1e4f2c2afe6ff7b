import {LitElement, css, type CSSResultGroup} from 'lit';
import {ContextRoot} from '@lit/context';
import * as t from '../styles/tokens.js';

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
