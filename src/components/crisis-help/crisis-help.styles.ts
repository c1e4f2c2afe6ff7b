import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  .toggle {
    font: inherit;
    font-weight: 600;
    color: var(--kin-crisis-help-link, ${t.colorPrimary});
    background: none;
    border: 0;
    padding: ${t.spaceXs} 0;
    min-block-size: 24px;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .toggle:focus-visible,
  a:focus-visible,
  .panel:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  .panel {
    background: var(--kin-crisis-help-background, ${t.colorSupport});
    color: ${t.colorText};
    border-inline-start: 4px solid var(--kin-crisis-help-accent, #b54708);
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    display: grid;
    gap: ${t.spaceS};
  }
  .panel[hidden] {
    display: none;
  }
  .heading {
    font-size: ${t.fontSizeHeading};
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
  }
  p {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${t.spaceS};
  }
  a {
    color: ${t.colorPrimary};
    display: inline-block;
    min-block-size: 24px;
    padding-block: 2px;
    overflow-wrap: anywhere;
  }
  .detail {
    display: block;
    color: ${t.colorTextMuted};
    font-size: 0.95em;
  }
  .offline {
    font-style: italic;
  }
  @media (forced-colors: active) {
    .panel {
      border: 1px solid CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
