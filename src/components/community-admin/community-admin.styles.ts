import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  .base {
    display: grid;
    gap: ${t.spaceM};
  }
  .heading {
    font-size: ${t.fontSizeHeading};
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
    gap: ${t.spaceM};
    min-inline-size: 0;
  }
  .invitation {
    border: 2px solid ${t.colorPrimary};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs};
    border-block-end: 1px solid ${t.colorBorder};
  }
  .tabs [role='tab'] {
    border: 1px solid transparent;
    border-block-end: 3px solid transparent;
    border-radius: ${t.radiusS} ${t.radiusS} 0 0;
    color: ${t.colorText};
  }
  .tabs [role='tab'][aria-selected='true'] {
    border-block-end-color: ${t.colorPrimary};
    font-weight: 700;
  }
  fieldset {
    border: 1px solid ${t.colorBorder};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    display: grid;
    gap: ${t.spaceS};
    min-inline-size: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 ${t.spaceXs};
  }
  .field {
    display: grid;
    gap: ${t.spaceXs};
    max-inline-size: 36rem;
  }
  label {
    font-weight: 600;
  }
  .check {
    font-weight: 400;
    display: flex;
    gap: ${t.spaceXs};
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
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
    padding: ${t.spaceXs};
    background: ${t.colorSurface};
    color: ${t.colorText};
  }
  .check input {
    inline-size: auto;
    min-block-size: 1.25rem;
  }
  button,
  .button {
    border: 1px solid ${t.colorPrimary};
    color: ${t.colorPrimary};
    background: ${t.colorSurface};
    border-radius: ${t.radiusS};
    padding: 0 ${t.spaceM};
    cursor: pointer;
    justify-self: start;
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  button.primary {
    background: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
  }
  button.link {
    min-block-size: 2.75rem;
    border-color: transparent;
    padding: 0 ${t.spaceS};
  }
  .danger {
    color: ${t.colorDanger};
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
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  .error {
    color: ${t.colorDanger};
    font-weight: 600;
  }
  .notice,
  .meta,
  .hint {
    color: ${t.colorTextMuted};
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: ${t.spaceXs} ${t.spaceS};
    border-block-end: 1px solid ${t.colorBorder};
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
    gap: ${t.spaceXs};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
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
