import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  form {
    display: grid;
    gap: ${t.spaceM};
    max-inline-size: 40rem;
  }
  .heading {
    font-size: ${t.fontSizeHeading};
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
  }
  .intro,
  .hint {
    margin: 0;
    color: ${t.colorTextMuted};
  }
  .hint {
    font-size: 0.9em;
  }
  .field {
    display: grid;
    gap: ${t.spaceXs};
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
    margin-block-end: ${t.spaceXs};
  }
  .radio,
  .check {
    font-weight: 400;
    display: flex;
    gap: ${t.spaceS};
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
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
    background: ${t.colorSurface};
    color: inherit;
    inline-size: 100%;
  }
  input[aria-invalid='true'] {
    border-color: ${t.colorDanger};
    border-width: 2px;
  }
  .suggestions,
  .swatches,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  button {
    font: inherit;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5rem 1rem;
    border-radius: ${t.radiusM};
    border: 1px solid ${t.colorBorderStrong};
    background: ${t.colorSurface};
    color: ${t.colorText};
    cursor: pointer;
  }
  button.primary {
    background: ${t.colorPrimary};
    border-color: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
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
    outline: 3px solid ${t.colorFocus};
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
    border-color: ${t.colorText};
    box-shadow: 0 0 0 2px ${t.colorSurface} inset;
  }
  .swatch input:focus-visible + .avatar {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  .error {
    color: ${t.colorDanger};
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
