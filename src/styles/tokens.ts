// The global design tokens, each with its one fallback. Every element reads a global token through
// this module (`${t.colorPrimary}` inside a `css` template), so an element on a page with no theme
// loaded looks exactly like the default theme, and no two elements can disagree on a fallback.
// themes/default.css sets the same values and every theme sets every colour token
// (test/styles/tokens.test.ts fails when they drift). Each token is a separate binding so that the
// bundler keeps only those a chunk reads.
import {unsafeCSS} from 'lit';

export const colorText = /* @__PURE__ */ unsafeCSS('var(--kin-color-text, #1f2328)');
export const colorTextMuted = /* @__PURE__ */ unsafeCSS('var(--kin-color-text-muted, #4b5563)');
export const colorSurface = /* @__PURE__ */ unsafeCSS('var(--kin-color-surface, #ffffff)');
export const colorSurfaceRaised = /* @__PURE__ */ unsafeCSS('var(--kin-color-surface-raised, #f6f7f9)');
export const colorBorder = /* @__PURE__ */ unsafeCSS('var(--kin-color-border, #d0d7de)');
export const colorBorderStrong = /* @__PURE__ */ unsafeCSS('var(--kin-color-border-strong, #6b7280)');
export const colorPrimary = /* @__PURE__ */ unsafeCSS('var(--kin-color-primary, #0b6e4f)');
export const colorOnPrimary = /* @__PURE__ */ unsafeCSS('var(--kin-color-on-primary, #ffffff)');
export const colorFocus = /* @__PURE__ */ unsafeCSS('var(--kin-color-focus, #1d4ed8)');
export const colorDanger = /* @__PURE__ */ unsafeCSS('var(--kin-color-danger, #b42318)');
export const colorWarning = /* @__PURE__ */ unsafeCSS('var(--kin-color-warning, #b54708)');
export const colorSupport = /* @__PURE__ */ unsafeCSS('var(--kin-color-support, #fff4e5)');
export const radiusS = /* @__PURE__ */ unsafeCSS('var(--kin-radius-s, 4px)');
export const radiusM = /* @__PURE__ */ unsafeCSS('var(--kin-radius-m, 8px)');
export const radiusL = /* @__PURE__ */ unsafeCSS('var(--kin-radius-l, 12px)');
export const radiusPill = /* @__PURE__ */ unsafeCSS('var(--kin-radius-pill, 999px)');
export const spaceXs = /* @__PURE__ */ unsafeCSS('var(--kin-space-xs, 0.375rem)');
export const spaceS = /* @__PURE__ */ unsafeCSS('var(--kin-space-s, 0.5rem)');
export const spaceM = /* @__PURE__ */ unsafeCSS('var(--kin-space-m, 1rem)');
export const spaceL = /* @__PURE__ */ unsafeCSS('var(--kin-space-l, 1.5rem)');
export const fontFamily = /* @__PURE__ */ unsafeCSS('var(--kin-font-family, inherit)');
export const fontMono = /* @__PURE__ */ unsafeCSS('var(--kin-font-mono, ui-monospace, monospace)');
export const fontSize = /* @__PURE__ */ unsafeCSS('var(--kin-font-size, 1rem)');
export const fontSizeHeading = /* @__PURE__ */ unsafeCSS('var(--kin-font-size-heading, 1.375rem)');
export const lineHeight = /* @__PURE__ */ unsafeCSS('var(--kin-line-height, 1.5)');
