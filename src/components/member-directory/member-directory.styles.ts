import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  :host {
    --_gap: var(--kin-member-directory-gap, ${t.spaceM});
    --_card-bg: var(--kin-member-directory-card-background, ${t.colorSurface});
    --_border: ${t.colorBorder};
    --_primary: ${t.colorPrimary};
    --_muted: ${t.colorTextMuted};
  }
  [part='base'] {
    display: grid;
    gap: var(--_gap);
  }
  .heading {
    font-size: ${t.fontSizeHeading};
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
  }
  .intro,
  .muted {
    margin: 0;
    color: var(--_muted);
  }
  form[role='search'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: end;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
    flex: 1 1 10rem;
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input,
  select,
  textarea {
    padding: 0.5rem 0.625rem;
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
    background: ${t.colorSurface};
    inline-size: 100%;
    min-inline-size: 0;
  }
  button {
    cursor: pointer;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.875rem;
    border-radius: ${t.radiusS};
    border: 1px solid var(--_primary);
    background: ${t.colorSurface};
    color: var(--_primary);
  }
  button.primary {
    background: var(--_primary);
    color: ${t.colorOnPrimary};
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  ul.members {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  ul.members.grid {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  [part~='card'] {
    display: grid;
    gap: ${t.spaceS};
    align-content: start;
    padding: ${t.spaceM};
    border: 1px solid var(--_border);
    border-radius: ${t.radiusM};
    background: var(--_card-bg);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .who {
    display: flex;
    gap: ${t.spaceS};
    align-items: center;
  }
  .avatar {
    flex: none;
    inline-size: 2.75rem;
    block-size: 2.75rem;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 700;
    color: #fff;
    background: hsl(var(--_hue, 200) 55% 32%);
    object-fit: cover;
  }
  .name {
    font-weight: 700;
    margin: 0;
    font-size: 1.05em;
  }
  .badges,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .badge,
  .tag {
    font-size: 0.85em;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
  }
  .badge {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs};
  }
  /* Issue 18: rare actions (report, block) behind "More". */
  .more {
    position: relative;
  }
  .more-button {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    border-color: transparent;
  }
  .more-button[aria-expanded='true'] {
    border-color: var(--_primary);
  }
  .menu {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0.25rem;
    display: grid;
    gap: 0.25rem;
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
    background: ${t.colorSurface};
  }
  .menu[hidden] {
    display: none;
  }
  .menu button {
    inline-size: 100%;
    text-align: start;
    border-color: transparent;
  }
  button.danger {
    border-color: ${t.colorDanger};
    color: ${t.colorDanger};
  }
  .block-confirm {
    display: grid;
    gap: 0.5rem;
  }
  .details {
    border-block-start: 1px solid var(--_border);
    padding-block-start: ${t.spaceS};
    display: grid;
    gap: ${t.spaceXs};
    white-space: pre-line;
  }
  .notice {
    padding: ${t.spaceS} ${t.spaceM};
    border-radius: ${t.radiusS};
    border: 1px solid var(--_border);
    margin: 0;
  }
  .error {
    color: ${t.colorDanger};
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .avatar {
      border: 1px solid CanvasText;
    }
    button.primary {
      border: 1px solid ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
