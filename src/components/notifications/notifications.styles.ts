import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  :host {
    display: inline-block !important;
    position: relative;
  }
  .base {
    position: relative;
  }
  .bell {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-inline-size: 2.75rem;
    min-block-size: 2.75rem;
    border: 1px solid ${t.colorBorder};
    border-radius: ${t.radiusPill};
    background: ${t.colorSurface};
    color: ${t.colorText};
    cursor: pointer;
  }
  .count {
    position: absolute;
    inset-block-start: -0.35rem;
    inset-inline-end: -0.35rem;
    min-inline-size: 1.4rem;
    padding: 0 0.35rem;
    border-radius: ${t.radiusPill};
    background: var(--kin-notifications-count-background, ${t.colorDanger});
    color: #ffffff;
    font-size: 0.8rem;
    font-weight: 700;
    line-height: 1.4rem;
    text-align: center;
  }
  .panel {
    position: absolute;
    z-index: 10;
    inset-inline-end: 0;
    margin-block-start: ${t.spaceXs};
    inline-size: min(var(--kin-notifications-panel-width, 22rem), calc(100vw - 2rem));
    max-block-size: 70vh;
    overflow: auto;
    display: grid;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    background: ${t.colorSurface};
    border: 1px solid ${t.colorBorder};
    border-radius: ${t.radiusM};
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
  }
  .panel[hidden] {
    display: none;
  }
  .heading {
    font-size: 1.125em;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  .notice,
  .meta,
  .reason {
    color: ${t.colorTextMuted};
  }
  .off {
    border-inline-start: 4px solid ${t.colorWarning};
    padding-inline-start: ${t.spaceS};
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${t.spaceXs};
  }
  .item {
    display: grid;
    gap: 0.15rem;
    padding: ${t.spaceS};
    border-radius: ${t.radiusS};
    border: 1px solid transparent;
  }
  .item.unread {
    background: ${t.colorSurfaceRaised};
    border-color: ${t.colorBorder};
  }
  .item.unread .text {
    font-weight: 700;
  }
  .open {
    color: ${t.colorPrimary};
    text-align: start;
    font: inherit;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-decoration: underline;
  }
  .meta {
    font-size: 0.9em;
  }
  .mark,
  .mark-all,
  .error button {
    justify-self: start;
    font: inherit;
    font-size: 0.9em;
    padding: 0.25rem 0.6rem;
    border-radius: ${t.radiusS};
    border: 1px solid ${t.colorPrimary};
    background: ${t.colorSurface};
    color: ${t.colorPrimary};
    cursor: pointer;
  }
  .error {
    color: ${t.colorDanger};
  }
  .bell:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
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
    .count,
    .item.unread {
      border: 1px solid CanvasText;
    }
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
