import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  [part='base'] {
    display: grid;
    gap: ${t.spaceL};
    max-inline-size: var(--kin-profile-max-width, 40rem);
  }
  form,
  section {
    display: grid;
    gap: ${t.spaceM};
    min-inline-size: 0;
  }
  .heading {
    font-size: ${t.fontSizeHeading};
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
    color: ${t.colorTextMuted};
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
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
    background: ${t.colorSurface};
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
    border-radius: ${t.radiusS};
    border: 1px solid ${t.colorPrimary};
    background: ${t.colorSurface};
    color: ${t.colorPrimary};
    justify-self: start;
    display: inline-flex;
    align-items: center;
  }
  button.primary {
    background: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
  }
  button.danger {
    border-color: ${t.colorDanger};
    color: ${t.colorDanger};
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .error {
    color: ${t.colorDanger};
    margin: 0;
  }
  .ok {
    margin: 0;
  }
  dialog {
    max-inline-size: min(32rem, calc(100vw - 2rem));
    border: 1px solid ${t.colorBorder};
    border-radius: ${t.radiusM};
    padding: ${t.spaceL};
    color: inherit;
    background: ${t.colorSurface};
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
