import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  .base {
    max-inline-size: var(--kin-discussion-thread-max-width, 48rem);
    display: grid;
    gap: ${t.spaceM};
    overflow-wrap: anywhere;
  }
  .heading {
    font-size: ${t.fontSizeHeading};
    font-weight: 700;
    line-height: 1.25;
    margin: 0;
  }
  .composer .heading {
    font-size: 1.125rem;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  p {
    margin: 0;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5rem 0.875rem;
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
  button.danger {
    background: ${t.colorDanger};
    border-color: ${t.colorDanger};
    color: ${t.colorOnPrimary};
  }
  button.link {
    border-color: transparent;
    background: transparent;
    color: ${t.colorPrimary};
    text-decoration: underline;
    padding-inline: 0.5rem;
  }
  button[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  button:focus-visible,
  textarea:focus-visible,
  input:focus-visible,
  summary:focus-visible,
  a:focus-visible,
  article:focus-visible,
  .ack:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  a {
    color: ${t.colorPrimary};
  }
  kin-crisis-help {
    display: block;
  }
  .notice {
    padding: ${t.spaceS};
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusM};
    background: ${t.colorSurface};
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .error {
    color: ${t.colorDanger};
    border-inline-start: 4px solid ${t.colorDanger};
    padding-inline-start: 0.75rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  /* Issue 15: follow toggle; issue 14: the guidelines to agree to again, under the composer */
  .follow {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${t.spaceS};
  }
  .follow-toggle[aria-pressed='true'] {
    border-color: ${t.colorPrimary};
    font-weight: 600;
  }
  .guidelines-again {
    border: 2px solid ${t.colorPrimary};
    border-radius: ${t.radiusM};
    padding: ${t.spaceM};
    display: grid;
    gap: ${t.spaceS};
  }
  .guidelines-again p,
  .guidelines p {
    margin: 0;
  }
  /* A post kept on the device and sent by itself (issue 17). */
  .queued {
    border-inline-start: 4px solid ${t.colorPrimary};
    padding-inline-start: 0.75rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  /* Issue 16: while the first page loads, the feed keeps the block size a page of posts will at least
     take, so the posts arriving do not move the host page's content below the thread (layout shift). */
  .loading {
    min-block-size: var(--kin-discussion-thread-loading-size, 40rem);
  }
  .feed {
    display: grid;
    gap: ${t.spaceM};
  }
  /* Issue 16: the first page's first posts keep the loading reserve until the rest arrive (next task). */
  .feed.partial {
    min-block-size: var(--kin-discussion-thread-loading-size, 40rem);
    align-content: start;
  }
  .post {
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusM};
    background: ${t.colorSurface};
    padding: ${t.spaceM};
    display: grid;
    gap: 0.5rem;
    min-inline-size: 0;
  }
  .replies {
    display: grid;
    gap: 0.75rem;
    margin-inline-start: var(--kin-discussion-thread-reply-indent, 2rem);
  }
  .reply {
    padding: 0.75rem;
  }
  .post-header {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
  }
  .avatar {
    flex: none;
    inline-size: var(--kin-discussion-thread-avatar-size, 2.5rem);
    block-size: var(--kin-discussion-thread-avatar-size, 2.5rem);
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: inline-grid;
    place-items: center;
    font-weight: 700;
    color: #ffffff;
    background: hsl(var(--_hue, 200) 60% 32%);
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
    min-inline-size: 0;
  }
  .author {
    font-weight: 700;
  }
  .badge {
    font-size: 0.8125rem;
    border: 1px solid ${t.colorBorderStrong};
    border-radius: 999px;
    padding: 0 0.5rem;
  }
  .badge.role {
    border-color: ${t.colorPrimary};
    color: ${t.colorPrimary};
  }
  .when,
  .edited,
  .meta,
  .count,
  .hint,
  .context {
    color: ${t.colorTextMuted};
    font-size: 0.9375rem;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .count.over,
  .field-error {
    color: ${t.colorDanger};
    font-weight: 600;
  }
  .post-body {
    display: grid;
    gap: 0.75rem;
  }
  .held {
    font-style: italic;
    border-inline-start: 4px solid ${t.colorBorderStrong};
    padding-inline-start: 0.5rem;
  }
  .placeholder {
    font-style: italic;
    color: ${t.colorTextMuted};
  }
  .reactions,
  .actions,
  .reasons,
  .composer-actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .reaction[aria-pressed='true'] {
    border-color: ${t.colorPrimary};
    border-width: 2px;
    font-weight: 700;
  }
  .reaction.static {
    display: inline-flex;
    gap: 0.25rem;
  }
  /* Issue 18: the kit's own SVG icons (src/components/icons.ts), no emoji font needed. */
  .reaction .icon {
    vertical-align: -0.2em;
    flex: none;
  }
  .report,
  .confirm {
    display: grid;
    gap: 0.5rem;
  }
  .composer {
    display: grid;
    gap: ${t.spaceM};
  }
  .composer .fields {
    display: grid;
    gap: 0.5rem;
    min-inline-size: 0;
  }
  @media (min-width: 48rem) {
    .composer.with-crisis {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  label {
    font-weight: 600;
  }
  textarea,
  input {
    font: inherit;
    inline-size: 100%;
    padding: 0.5rem;
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusM};
    background: ${t.colorSurface};
    color: ${t.colorText};
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: ${t.colorDanger};
    border-width: 2px;
  }
  .composer-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .crisis {
    min-inline-size: 0;
  }
  .show-more {
    justify-self: start;
  }
  .threads {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .thread {
    border-block-end: 1px solid ${t.colorBorderStrong};
    padding-block-end: 0.75rem;
  }
  .thread-title {
    font-weight: 700;
    font-size: 1.125rem;
    padding-inline: 0;
    text-align: start;
  }
  .back {
    justify-self: start;
    padding-inline: 0;
  }
  .new-posts {
    justify-self: center;
  }
  @media (prefers-reduced-motion: no-preference) {
    .new-posts {
      transition: transform 150ms ease-out;
    }
  }
  @media (forced-colors: active) {
    button,
    .badge,
    .post,
    .notice {
      border: 1px solid CanvasText;
    }
    button.primary,
    button.danger {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
    .reaction[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
    .initials {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
    button:focus-visible,
    textarea:focus-visible,
    input:focus-visible,
    a:focus-visible,
    article:focus-visible {
      outline-color: Highlight;
    }
  }

  /* Issue 18: content warnings, audience choices and the visitors' members-only notice. */
  .warning {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid ${t.colorBorderStrong};
    background: ${t.colorSurface};
  }
  .warning-label {
    font-weight: 600;
  }
  .choices,
  .warning-form {
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: grid;
    gap: 0.25rem;
  }
  .audience {
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusM};
    padding: 0.5rem 0.75rem;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  .audience legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .radio {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  input[type='radio'] {
    inline-size: auto;
    margin: 0;
  }
  select {
    font: inherit;
    max-inline-size: 100%;
    padding: 0.5rem;
    border: 1px solid ${t.colorBorderStrong};
    border-radius: ${t.radiusM};
    background: ${t.colorSurface};
    color: ${t.colorText};
  }
  select:focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }
  .badge.audience {
    border-style: dashed;
  }
  @media (forced-colors: active) {
    .warning,
    .audience,
    select {
      border: 1px solid CanvasText;
    }
    select:focus-visible {
      outline-color: Highlight;
    }
  }
`;
