// <kin-community>'s own styles (its notices, consent prompt, join dialog, errors), apart from its logic.
import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  .error {
    border: 2px solid ${t.colorDanger};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    margin-block-end: ${t.spaceM};
    background: ${t.colorSurface};
  }
  .expired {
    border: 2px solid ${t.colorWarning};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    margin-block-end: ${t.spaceM};
    background: ${t.colorSurface};
  }
  .sign-in {
    display: grid;
    gap: ${t.spaceS};
    max-inline-size: 32rem;
    border: 1px solid ${t.colorBorder};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    margin-block-end: ${t.spaceM};
    background: ${t.colorSurface};
  }
  .sign-in p {
    margin: 0;
  }
  .sign-in input {
    font: inherit;
    padding: 0.5rem;
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
  }
  .sign-in button {
    font: inherit;
    justify-self: start;
    min-block-size: 44px;
    padding: 0.5rem 1rem;
    border-radius: ${t.radiusM};
    border: 0;
    background: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
  }
  .field-error {
    color: ${t.colorDanger};
    font-weight: 600;
  }
  dialog {
    max-inline-size: min(42rem, calc(100vw - 2rem));
    border: 0;
    border-radius: ${t.radiusL};
    padding: ${t.spaceL};
    color: ${t.colorText};
    background: ${t.colorSurface};
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .error p {
    margin: 0;
  }
  .error p + p {
    margin-block-start: ${t.spaceXs};
  }
  .preview,
  .storage-notice {
    margin: 0 0 ${t.spaceS};
    padding: ${t.spaceXs} ${t.spaceS};
    border: 1px dashed ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
    color: ${t.colorText};
    background: ${t.colorSurface};
    font-size: 0.875em;
    inline-size: fit-content;
  }
  .error code {
    font-family: ${t.fontMono};
    overflow-wrap: anywhere;
  }
  /* A host page reset (all: revert on every element, display: inline) must not unmake the root. */
  :host {
    display: block !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([loading='lazy']) {
    min-block-size: var(--kin-community-reserve, 16rem);
  }
  .consent {
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    background: ${t.colorSurface};
  }
  .consent p {
    margin: 0 0 ${t.spaceS};
  }
  .consent button {
    font: inherit;
    min-block-size: 44px;
    padding: ${t.spaceS} ${t.spaceM};
    border: 2px solid transparent;
    border-radius: ${t.radiusS};
    color: ${t.colorOnPrimary};
    background: ${t.colorPrimary};
    cursor: pointer;
  }
  .consent button:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .consent button {
      border-color: ButtonText;
    }
  }
`;
