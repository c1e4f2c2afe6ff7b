import {css} from 'lit';

export default css`
  .toggle {
    font: inherit;
    font-weight: 600;
    color: var(--kin-crisis-help-link, var(--kin-color-primary, #0b6e4f));
    background: none;
    border: 0;
    padding: var(--kin-space-xs, 0.375rem) 0;
    min-block-size: 24px;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .toggle:focus-visible,
  a:focus-visible,
  .panel:focus-visible {
    outline: 3px solid var(--kin-color-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .panel {
    background: var(--kin-crisis-help-background, var(--kin-color-support, #fff4e5));
    color: var(--kin-color-text, #1f2328);
    border-inline-start: 4px solid var(--kin-crisis-help-accent, #b54708);
    border-radius: var(--kin-radius-m, 0.5rem);
    padding: var(--kin-space-m, 1rem);
    display: grid;
    gap: var(--kin-space-s, 0.625rem);
  }
  .panel[hidden] {
    display: none;
  }
  .heading {
    font-size: var(--kin-font-size-heading, 1.25rem);
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
  }
  p {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--kin-space-s, 0.625rem);
  }
  a {
    color: var(--kin-color-link, #0b5394);
    display: inline-block;
    min-block-size: 24px;
    padding-block: 2px;
    overflow-wrap: anywhere;
  }
  .detail {
    display: block;
    color: var(--kin-color-text-muted, #4b5563);
    font-size: 0.95em;
  }
  .offline {
    font-style: italic;
  }
  @media (forced-colors: active) {
    .panel {
      border: 1px solid CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
