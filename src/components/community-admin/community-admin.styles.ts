import {css} from 'lit';

export default css`
  .base {
    display: grid;
    gap: var(--kin-space-m, 1rem);
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
  p {
    margin: 0;
  }
  .panel,
  section,
  form {
    display: grid;
    gap: var(--kin-space-m, 1rem);
    min-inline-size: 0;
  }
  .invitation {
    border: 2px solid var(--kin-color-primary, #0b6e4f);
    border-radius: var(--kin-radius-m, 0.5rem);
    padding: var(--kin-space-m, 1rem);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kin-space-xs, 0.375rem);
    border-block-end: 1px solid var(--kin-color-border, #c9d1d9);
  }
  .tabs [role='tab'] {
    border: 1px solid transparent;
    border-block-end: 3px solid transparent;
    border-radius: var(--kin-radius-s, 0.25rem) var(--kin-radius-s, 0.25rem) 0 0;
    color: var(--kin-color-text, #1f2328);
  }
  .tabs [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--kin-color-primary, #0b6e4f);
    font-weight: 700;
  }
  fieldset {
    border: 1px solid var(--kin-color-border, #c9d1d9);
    border-radius: var(--kin-radius-m, 0.5rem);
    padding: var(--kin-space-m, 1rem);
    display: grid;
    gap: var(--kin-space-s, 0.625rem);
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 var(--kin-space-xs, 0.375rem);
  }
  .field {
    display: grid;
    gap: var(--kin-space-xs, 0.375rem);
    max-inline-size: 36rem;
  }
  label {
    font-weight: 600;
  }
  .check {
    font-weight: 400;
    display: flex;
    gap: var(--kin-space-xs, 0.375rem);
    align-items: baseline;
  }
  button,
  select,
  input,
  textarea,
  .button {
    font: inherit;
    min-block-size: 2.75rem;
  }
  input,
  select,
  textarea {
    inline-size: 100%;
    border: 1px solid var(--kin-color-border-strong, #6b7280);
    border-radius: var(--kin-radius-s, 0.25rem);
    padding: var(--kin-space-xs, 0.375rem);
    background: var(--kin-color-surface, #ffffff);
    color: var(--kin-color-text, #1f2328);
  }
  .check input {
    inline-size: auto;
    min-block-size: 1.25rem;
  }
  button,
  .button {
    border: 1px solid var(--kin-color-primary, #0b6e4f);
    color: var(--kin-color-primary, #0b6e4f);
    background: var(--kin-color-surface, #ffffff);
    border-radius: var(--kin-radius-s, 0.25rem);
    padding: 0 var(--kin-space-m, 1rem);
    cursor: pointer;
    justify-self: start;
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  button.primary {
    background: var(--kin-color-primary, #0b6e4f);
    color: var(--kin-color-on-primary, #ffffff);
  }
  button.link {
    min-block-size: 2.75rem;
    border-color: transparent;
    padding: 0 var(--kin-space-s, 0.625rem);
  }
  .danger {
    color: var(--kin-color-danger, #b42318);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--kin-color-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .error {
    color: var(--kin-color-danger, #b42318);
    font-weight: 600;
  }
  .notice,
  .meta {
    color: var(--kin-color-text-muted, #4b5563);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--kin-space-xs, 0.375rem) var(--kin-space-s, 0.625rem);
    border-block-end: 1px solid var(--kin-color-border, #c9d1d9);
    overflow-wrap: anywhere;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .roles {
    list-style: none;
    padding: 0;
  }
  .copy {
    display: flex;
    gap: var(--kin-space-xs, 0.375rem);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kin-space-s, 0.625rem);
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
    .button,
    fieldset {
      border: 1px solid ButtonText;
    }
    .tabs [role='tab'][aria-selected='true'] {
      border-block-end: 3px solid Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
