import {css} from 'lit';

export default css`
  :host {
    display: inline-block !important;
    position: relative;
  }
  .base {
    position: relative;
  }
  .bell {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    border: 1px solid var(--kin-color-border, #c9d1d9);
    border-radius: var(--kin-radius-pill, 999px);
    background: var(--kin-color-surface, #ffffff);
    color: var(--kin-color-text, #1f2328);
    cursor: pointer;
  }
  .count {
    position: absolute;
    inset-block-start: -0.35rem;
    inset-inline-end: -0.35rem;
    min-inline-size: 1.4rem;
    padding: 0 0.35rem;
    border-radius: var(--kin-radius-pill, 999px);
    background: var(--kin-notifications-count-background, var(--kin-color-danger, #b42318));
    color: #ffffff;
    font-size: 0.8rem;
    font-weight: 700;
    line-height: 1.4rem;
    text-align: center;
  }
  .panel {
    position: absolute;
    z-index: 10;
    inset-inline-end: 0;
    margin-block-start: var(--kin-space-xs, 0.375rem);
    inline-size: min(var(--kin-notifications-panel-width, 22rem), calc(100vw - 2rem));
    max-block-size: 70vh;
    overflow: auto;
    display: grid;
    gap: var(--kin-space-s, 0.625rem);
    padding: var(--kin-space-m, 1rem);
    background: var(--kin-color-surface, #ffffff);
    border: 1px solid var(--kin-color-border, #c9d1d9);
    border-radius: var(--kin-radius-m, 0.5rem);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
  }
  .panel[hidden] {
    display: none;
  }
  .heading {
    font-size: 1.125em;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  .notice,
  .meta,
  .reason {
    color: var(--kin-color-text-muted, #4b5563);
  }
  .off {
    border-inline-start: 4px solid var(--kin-color-warning, #b54708);
    padding-inline-start: var(--kin-space-s, 0.625rem);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--kin-space-xs, 0.375rem);
  }
  .item {
    display: grid;
    gap: 0.15rem;
    padding: var(--kin-space-s, 0.625rem);
    border-radius: var(--kin-radius-s, 0.375rem);
    border: 1px solid transparent;
  }
  .item.unread {
    background: var(--kin-color-surface-muted, #eef2f1);
    border-color: var(--kin-color-border, #c9d1d9);
  }
  .item.unread .text {
    font-weight: 700;
  }
  .open {
    color: var(--kin-color-primary, #0b6e4f);
    text-align: start;
    font: inherit;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-decoration: underline;
  }
  .meta {
    font-size: 0.9em;
  }
  .mark,
  .mark-all,
  .error button {
    justify-self: start;
    font: inherit;
    font-size: 0.9em;
    padding: 0.25rem 0.6rem;
    border-radius: var(--kin-radius-s, 0.375rem);
    border: 1px solid var(--kin-color-primary, #0b6e4f);
    background: var(--kin-color-surface, #ffffff);
    color: var(--kin-color-primary, #0b6e4f);
    cursor: pointer;
  }
  .error {
    color: var(--kin-color-danger, #b42318);
  }
  .bell:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--kin-color-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .count,
    .item.unread {
      border: 1px solid CanvasText;
    }
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
