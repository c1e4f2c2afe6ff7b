import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  :host {
    --_bg: var(--kin-peer-match-card-background, ${t.colorSurface});
    --_accent: var(--kin-peer-match-card-accent, ${t.colorPrimary});
    --_accent-text: var(--kin-peer-match-card-accent-text, #ffffff);
    --_radius: var(--kin-peer-match-card-radius, ${t.radiusL});
    --_pad: var(--kin-peer-match-card-padding, ${t.spaceL});
    --_muted: ${t.colorTextMuted};
    --_border: ${t.colorBorderStrong};
  }
  .base {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_pad);
    overflow-wrap: anywhere;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .subheading {
    font-size: 1.05em;
    font-weight: 700;
    margin: 1.25rem 0 0.5rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .muted {
    color: var(--_muted);
  }
  .match {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.75rem;
    align-items: start;
    margin-block-end: 0.75rem;
  }
  .avatar {
    inline-size: 3rem;
    block-size: 3rem;
    border-radius: 50%;
    object-fit: cover;
    display: inline-grid;
    place-items: center;
    font-weight: 700;
    color: #ffffff;
    background: hsl(var(--_hue, 200) 45% 32%);
  }
  .name {
    font-weight: 700;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.5rem;
  }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: ${t.radiusM};
    border: 2px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button:disabled {
    opacity: 0.7;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: ${t.radiusM};
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
  }
  legend {
    font-weight: 700;
  }
  label {
    display: block;
    margin-block: 0.25rem;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  input[type='text'],
  select,
  textarea {
    font: inherit;
    display: block;
    inline-size: 100%;
    max-inline-size: 32rem;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: ${t.radiusS};
    background: ${t.colorSurface};
    color: inherit;
  }
  .field {
    margin-block-end: 0.75rem;
  }
  ul.connections {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.connections > li {
    border-block-start: 1px solid var(--_border);
    padding-block: 0.5rem;
  }
  .notice {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.5rem 0.75rem;
    background: ${t.colorSurfaceRaised};
  }
  .error {
    border-inline-start-color: ${t.colorDanger};
  }
  .enter {
    animation: kin-fade-in 200ms ease-out;
  }
  @keyframes kin-fade-in {
    /* Movement only: text keeps full contrast at every frame. */
    from {
      transform: translateY(4px);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .enter {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .base,
    button,
    fieldset {
      border-color: CanvasText;
    }
    button.primary {
      background: ButtonText;
      color: ButtonFace;
    }
    .avatar {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
  }
`;
