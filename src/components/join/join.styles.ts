import {css} from 'lit';

export default css`
  form {
    display: grid;
    gap: var(--kin-space-m, 1rem);
    max-inline-size: 40rem;
  }
  .heading {
    font-size: var(--kin-font-size-heading, 1.375rem);
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
  }
  .intro,
  .hint {
    margin: 0;
    color: var(--kin-color-text-muted, #4b5563);
  }
  .hint {
    font-size: 0.9em;
  }
  .field {
    display: grid;
    gap: var(--kin-space-xs, 0.375rem);
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
    margin-block-end: var(--kin-space-xs, 0.375rem);
  }
  .radio,
  .check {
    font-weight: 400;
    display: flex;
    gap: var(--kin-space-s, 0.5rem);
    align-items: flex-start;
  }
  .check input,
  .radio input {
    margin-block-start: 0.3em;
    flex: none;
  }
  input[type='text'],
  input:not([type]) {
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: 1px solid var(--kin-color-border-strong, #6b7280);
    border-radius: var(--kin-radius-s, 4px);
    background: var(--kin-color-surface, #fff);
    color: inherit;
    inline-size: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--kin-color-danger, #b42318);
    border-width: 2px;
  }
  .suggestions,
  .swatches,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kin-space-s, 0.5rem);
  }
  button {
    font: inherit;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--kin-radius-m, 8px);
    border: 1px solid var(--kin-color-border-strong, #6b7280);
    background: var(--kin-color-surface, #fff);
    color: var(--kin-color-text, #1f2328);
    cursor: pointer;
  }
  button.primary {
    background: var(--kin-color-primary, #0b6e4f);
    border-color: var(--kin-color-primary, #0b6e4f);
    color: var(--kin-color-on-primary, #fff);
    font-weight: 600;
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  .chip {
    border-radius: 999px;
    padding-inline: 0.875rem;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--kin-color-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .swatch {
    position: relative;
    display: inline-flex;
  }
  .swatch input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    inline-size: 44px;
    block-size: 44px;
    border-radius: 50%;
    background: hsl(var(--_hue, 200) 45% 32%);
    color: #fff;
    font-weight: 700;
    border: 3px solid transparent;
  }
  .swatch input:checked + .avatar {
    border-color: var(--kin-color-text, #1f2328);
    box-shadow: 0 0 0 2px var(--kin-color-surface, #fff) inset;
  }
  .swatch input:focus-visible + .avatar {
    outline: 3px solid var(--kin-color-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .error {
    color: var(--kin-color-danger, #b42318);
    margin: 0;
    font-weight: 600;
  }
  .joined {
    margin: 0;
  }
  @media (forced-colors: active) {
    .avatar {
      forced-color-adjust: none;
      border-color: CanvasText;
    }
    .swatch input:checked + .avatar {
      border-color: Highlight;
    }
    button.primary {
      border: 2px solid ButtonText;
    }
  }
`;
