import {css} from 'lit';

export default css`
  [part='base'] {
    display: grid;
    gap: var(--kin-space-l, 1.5rem);
    max-inline-size: var(--kin-profile-max-width, 40rem);
  }
  form,
  section {
    display: grid;
    gap: var(--kin-space-m, 1rem);
    min-inline-size: 0;
  }
  .heading {
    font-size: var(--kin-font-size-heading, 1.375rem);
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
  }
  .subheading {
    font-weight: 700;
    font-size: 1.1em;
    margin: 0;
  }
  .hint,
  .muted {
    margin: 0;
    color: var(--kin-color-text-muted, #4b5563);
    font-size: 0.95em;
  }
  .field {
    display: grid;
    gap: 0.375rem;
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
  }
  .radio,
  .check {
    font-weight: 400;
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input:not([type='radio']):not([type='checkbox']),
  select,
  textarea {
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--kin-color-border-strong, #6b7280);
    border-radius: var(--kin-radius-s, 4px);
    background: var(--kin-color-surface, #fff);
    inline-size: 100%;
    min-inline-size: 0;
  }
  .swatches {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .swatch {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .avatar {
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 700;
    color: #fff;
    background: hsl(var(--_hue, 200) 55% 32%);
  }
  button,
  a.button {
    cursor: pointer;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.875rem;
    border-radius: var(--kin-radius-s, 4px);
    border: 1px solid var(--kin-color-primary, #0b6e4f);
    background: var(--kin-color-surface, #fff);
    color: var(--kin-color-primary, #0b6e4f);
    justify-self: start;
    display: inline-flex;
    align-items: center;
  }
  button.primary {
    background: var(--kin-color-primary, #0b6e4f);
    color: var(--kin-color-on-primary, #fff);
  }
  button.danger {
    border-color: var(--kin-color-danger, #b42318);
    color: var(--kin-color-danger, #b42318);
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--kin-color-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .error {
    color: var(--kin-color-danger, #b42318);
    margin: 0;
  }
  .ok {
    margin: 0;
  }
  dialog {
    max-inline-size: min(32rem, calc(100vw - 2rem));
    border: 1px solid var(--kin-color-border, #d0d7de);
    border-radius: var(--kin-radius-m, 8px);
    padding: var(--kin-space-l, 1.5rem);
    color: inherit;
    background: var(--kin-color-surface, #fff);
  }
  @media (forced-colors: active) {
    .avatar,
    button.primary {
      border: 1px solid CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
