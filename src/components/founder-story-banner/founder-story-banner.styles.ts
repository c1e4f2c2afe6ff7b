import {css} from 'lit';
import * as t from '../../styles/tokens.js';

export default css`
  :host {
    container-type: inline-size;
    --_bg: var(--kin-founder-story-banner-background, #fdf6ee);
    --_accent: var(--kin-founder-story-banner-accent, #b4235a);
    --_accent-text: var(--kin-founder-story-banner-accent-text, #ffffff);
    --_radius: var(--kin-founder-story-banner-radius, ${t.radiusL});
    --_pad: var(--kin-founder-story-banner-padding, ${t.spaceL});
    --_ratio: var(--kin-founder-story-banner-image-ratio, 4 / 5);
    --_muted: ${t.colorTextMuted};
  }
  :host([memorial]),
  .memorial {
    --_bg: var(--kin-founder-story-banner-memorial-background, #f3f4f6);
    --_accent: var(--kin-founder-story-banner-memorial-accent, #4b5563);
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .base {
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: var(--_pad);
    border-block-start: 4px solid var(--_accent);
    overflow-wrap: anywhere;
  }
  .base.memorial {
    border-block-start-width: 1px;
  }
  /* Nothing visible when there is no story anywhere: only the empty slot's own content. */
  .base.state-empty {
    background: none;
    padding: 0;
    border: 0;
  }

  .layout,
  .skeleton {
    display: grid;
    gap: ${t.spaceL};
    grid-template-columns: 1fr;
  }
  @container (min-width: 40rem) {
    .banner .layout,
    .banner .skeleton {
      grid-template-columns: minmax(10rem, 16rem) 1fr;
      align-items: start;
    }
  }
  .card .media,
  .card .skeleton-media {
    max-inline-size: 12rem;
  }

  /* Space for the photo is reserved before it loads: no layout shift. */
  .media,
  .skeleton-media {
    display: block;
    aspect-ratio: var(--_ratio);
    inline-size: 100%;
    max-inline-size: 20rem;
    border-radius: calc(var(--_radius) - 4px);
    overflow: hidden;
    background: color-mix(in srgb, var(--_accent) 14%, #ffffff);
  }
  .media img,
  .media ::slotted(img) {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .memorial .media img {
    filter: saturate(0.6);
  }
  .initials {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    font-size: clamp(2rem, 12cqi, 4rem);
    font-weight: 600;
    letter-spacing: 0.05em;
    color: var(--_accent);
  }

  .text > * {
    margin-block: 0 ${t.spaceS};
  }
  .name {
    font-size: var(--kin-founder-story-banner-name-size, 1.5rem);
    line-height: 1.25;
    font-weight: 700;
    margin-block-end: ${t.spaceXs};
  }
  .memorial .name {
    font-weight: 600;
  }
  .role {
    color: var(--_muted);
  }
  .quote {
    margin-inline: 0;
    padding-inline-start: ${t.spaceM};
    border-inline-start: 4px solid var(--_accent);
    font-size: var(--kin-founder-story-banner-quote-size, 1.375rem);
    line-height: 1.35;
    font-style: italic;
  }
  .memorial .quote {
    border-inline-start-width: 2px;
    font-size: 1.125rem;
  }
  .story p,
  .story ::slotted(*) {
    margin-block: 0 ${t.spaceS};
  }
  /* Collapsed: only the first page paragraph (the excerpt) shows; the rest is out of the a11y tree too. */
  .story.collapsed ::slotted(:nth-child(n + 2 of [slot='story'])) {
    display: none;
  }
  .compact .story.collapsed {
    display: none;
  }
  .told,
  .note {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  button,
  .cta {
    font: inherit;
    min-block-size: 44px;
    min-inline-size: 44px;
    border-radius: ${t.radiusM};
    padding: 0.5rem 1rem;
    cursor: pointer;
  }
  button {
    border: 1px solid currentColor;
    background: ${t.colorSurface};
    color: ${t.colorText};
  }
  .more {
    border-color: transparent;
    background: none;
    padding-inline: 0;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    color: var(--_accent);
  }
  .cta {
    display: inline-flex;
    align-items: center;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    text-decoration: none;
  }
  .cta:hover {
    text-decoration: underline;
  }
  .memorial .cta {
    background: transparent;
    color: var(--_accent);
    border: 1px solid currentColor;
    font-weight: 500;
  }
  :focus-visible {
    outline: 3px solid ${t.colorFocus};
    outline-offset: 2px;
  }

  /* Compact: one line (name, role) and a link. */
  .compact.base {
    padding: ${t.spaceS} ${t.spaceM};
  }
  .compact .layout {
    grid-template-columns: 2.75rem 1fr;
    gap: ${t.spaceS};
    align-items: center;
  }
  .compact .media {
    aspect-ratio: 1;
    border-radius: 50%;
  }
  .compact .initials {
    font-size: 1rem;
  }
  .compact .text {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: ${t.spaceS};
  }
  .compact .text > * {
    margin: 0;
  }
  .compact .name {
    font-size: 1rem;
  }
  .compact .quote,
  .compact .fallback {
    display: none;
  }
  .compact .story {
    flex-basis: 100%;
  }

  .warnings {
    border: 2px dashed ${t.colorDanger};
    padding: ${t.spaceS} ${t.spaceL};
    color: ${t.colorDanger};
    background: #ffffff;
  }
  .error p {
    margin-block-start: 0;
  }
  .edit {
    margin-block-start: ${t.spaceS};
  }

  .skeleton .line {
    display: block;
    block-size: 1rem;
    margin-block-end: 0.75rem;
    border-radius: 4px;
    background: color-mix(in srgb, var(--_accent) 12%, #ffffff);
  }
  .skeleton .line.short {
    inline-size: 60%;
  }
  /* Issue 16: the skeleton's text column and the story's keep the same block size (the story's usual
     height at that width), so the story arriving does not move what is below the banner. */
  .base {
    --_reserve: var(--kin-founder-story-banner-reserve, 25rem);
  }
  .compact {
    --_reserve: var(--kin-founder-story-banner-reserve, 2.75rem);
  }
  .skeleton-lines {
    display: block;
  }
  .skeleton-lines,
  .layout > .text {
    min-block-size: var(--_reserve);
  }
  .compact .skeleton {
    grid-template-columns: 2.75rem 1fr;
    gap: ${t.spaceS};
    align-items: center;
  }
  .compact .skeleton-media {
    inline-size: 2.75rem;
    aspect-ratio: 1;
    border-radius: 50%;
  }
  .compact .skeleton .line:not(:first-child) {
    display: none;
  }
  .compact .skeleton .line {
    margin: 0;
  }

  .editor {
    display: grid;
    gap: ${t.spaceS};
    max-inline-size: 48rem;
  }
  .form-title {
    font-weight: 700;
    margin: 0;
  }
  .form-error:empty {
    display: none;
  }
  .form-error {
    color: ${t.colorDanger};
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field input,
  .field textarea {
    font: inherit;
    padding: 0.5rem;
    border: 1px solid #6b7280;
    border-radius: 4px;
    inline-size: 100%;
    background: #ffffff;
    color: #1f2328;
  }
  [aria-invalid='true'] {
    border-color: ${t.colorDanger};
    border-width: 2px;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: start;
  }
  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  .save {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton .line {
      animation: pulse 1.6s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
  }

  @media (forced-colors: active) {
    .base {
      border: 1px solid CanvasText;
    }
    .base.state-empty {
      border: 0;
    }
    .media,
    .skeleton-media,
    .skeleton .line {
      border: 1px solid CanvasText;
      background: Canvas;
    }
    .initials,
    .more {
      color: CanvasText;
    }
    .quote {
      border-inline-start-color: CanvasText;
    }
    .cta {
      background: ButtonFace;
      color: LinkText;
      border: 1px solid LinkText;
    }
    button {
      border-color: ButtonText;
    }
    .memorial .media img {
      filter: none;
    }
  }
`;
