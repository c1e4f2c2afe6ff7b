import {css} from 'lit';

export default css`
  .base {
    display: grid;
    gap: var(--kin-space-m, 1rem);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--kin-space-s, 0.625rem) var(--kin-space-m, 1rem);
  }
  .heading {
    font-size: var(--kin-font-size-heading, 1.375rem);
    font-weight: 700;
    line-height: 1.25;
  }
  .subheading {
    font-size: 1.1em;
    font-weight: 700;
  }
  .count {
    font-weight: 600;
    background: var(--kin-color-surface-muted, #eef2f1);
    border-radius: var(--kin-radius-pill, 999px);
    padding: 0.1em 0.7em;
  }
  .order {
    margin-inline-start: auto;
    display: flex;
    gap: var(--kin-space-xs, 0.375rem);
    align-items: center;
  }
  .items,
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--kin-space-m, 1rem);
  }
  .item {
    background: var(--kin-moderation-queue-item-background, var(--kin-color-surface, #ffffff));
    border: 1px solid var(--kin-color-border, #c9d1d9);
    border-radius: var(--kin-radius-m, 0.5rem);
    padding: var(--kin-space-m, 1rem);
    display: grid;
    gap: var(--kin-space-s, 0.625rem);
    min-inline-size: 0;
  }
  p {
    margin: 0;
  }
  .meta,
  .label {
    color: var(--kin-color-text-muted, #4b5563);
    font-size: 0.95em;
  }
  .post,
  .context {
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .post {
    border-inline-start: 3px solid var(--kin-color-border, #c9d1d9);
    padding-inline-start: var(--kin-space-s, 0.625rem);
  }
  .context {
    margin: 0;
    padding: var(--kin-space-s, 0.625rem);
    background: var(--kin-color-surface-muted, #eef2f1);
    border-radius: var(--kin-radius-s, 0.25rem);
  }
  .body {
    display: grid;
    gap: var(--kin-space-xs, 0.375rem);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kin-space-s, 0.625rem);
  }
  .form {
    display: grid;
    gap: var(--kin-space-xs, 0.375rem);
    max-inline-size: 32rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kin-space-s, 0.625rem);
  }
  label {
    font-weight: 600;
  }
  button,
  select,
  textarea {
    font: inherit;
    min-block-size: 2.75rem;
  }
  textarea {
    inline-size: 100%;
    border: 1px solid var(--kin-color-border-strong, #6b7280);
    border-radius: var(--kin-radius-s, 0.25rem);
    padding: var(--kin-space-xs, 0.375rem);
  }
  button {
    border: 1px solid var(--kin-color-primary, #0b6e4f);
    color: var(--kin-color-primary, #0b6e4f);
    background: var(--kin-color-surface, #ffffff);
    border-radius: var(--kin-radius-s, 0.25rem);
    padding: 0 var(--kin-space-m, 1rem);
    cursor: pointer;
  }
  button.primary {
    background: var(--kin-color-primary, #0b6e4f);
    color: var(--kin-color-on-primary, #ffffff);
  }
  button.danger {
    border-color: var(--kin-color-danger, #b42318);
    color: var(--kin-color-danger, #b42318);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--kin-color-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .error {
    color: var(--kin-color-danger, #b42318);
    font-weight: 600;
  }
  .suspended {
    font-weight: 600;
  }
  /* Issue 18: a post that carried crisis wording (moderators only). */
  .crisis {
    margin: 0;
    padding: var(--kin-space-xs, 0.375rem) var(--kin-space-s, 0.625rem);
    border-inline-start: 4px solid var(--kin-color-warning, #b54708);
    background: var(--kin-color-support, #fff4e5);
    color: var(--kin-color-text, #1f2937);
  }
  .log .entries {
    gap: var(--kin-space-s, 0.625rem);
  }
  .log li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kin-space-s, 0.625rem);
    align-items: baseline;
  }
  code {
    overflow-wrap: anywhere;
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
    button,
    .item {
      border: 1px solid ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
