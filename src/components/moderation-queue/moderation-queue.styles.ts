import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  .base {
    display: grid;
    gap: ${t.spaceM};
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${t.spaceS} ${t.spaceM};
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
  .count {
    font-weight: 600;
    background: ${t.colorSurfaceRaised};
    border-radius: ${t.radiusPill};
    padding: 0.1em 0.7em;
  }
  .order {
    margin-inline-start: auto;
    display: flex;
    gap: ${t.spaceXs};
    align-items: center;
  }
  .items,
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${t.spaceM};
  }
  .item {
    background: var(--kin-moderation-queue-item-background, ${t.colorSurface});
    border: 1px solid ${t.colorBorder};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    display: grid;
    gap: ${t.spaceS};
    min-inline-size: 0;
  }
  p {
    margin: 0;
  }
  .meta,
  .label {
    color: ${t.colorTextMuted};
    font-size: 0.95em;
  }
  .post,
  .context {
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .post {
    border-inline-start: 3px solid ${t.colorBorder};
    padding-inline-start: ${t.spaceS};
  }
  .context {
    margin: 0;
    padding: ${t.spaceS};
    background: ${t.colorSurfaceRaised};
    border-radius: ${t.radiusS};
  }
  .body {
    display: grid;
    gap: ${t.spaceXs};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  .form {
    display: grid;
    gap: ${t.spaceXs};
    max-inline-size: 32rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  label {
    font-weight: 600;
  }
  button,
  select,
  textarea {
    font: inherit;
    min-block-size: 2.75rem;
  }
  textarea {
    inline-size: 100%;
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusS};
    padding: ${t.spaceXs};
  }
  button {
    border: 1px solid ${t.colorPrimary};
    color: ${t.colorPrimary};
    background: ${t.colorSurface};
    border-radius: ${t.radiusS};
    padding: 0 ${t.spaceM};
    cursor: pointer;
  }
  button.primary {
    background: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
  }
  button.danger {
    border-color: ${t.colorDanger};
    color: ${t.colorDanger};
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  .error {
    color: ${t.colorDanger};
    font-weight: 600;
  }
  .suspended {
    font-weight: 600;
  }
  /* Issue 18: a post that carried crisis wording (moderators only). */
  .crisis {
    margin: 0;
    padding: ${t.spaceXs} ${t.spaceS};
    border-inline-start: 4px solid ${t.colorWarning};
    background: ${t.colorSupport};
    color: ${t.colorText};
  }
  .log .entries {
    gap: ${t.spaceS};
  }
  .log li {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: baseline;
  }
  code {
    overflow-wrap: anywhere;
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
    .item {
      border: 1px solid ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
