// Icons the kit ships (issue 18): inline SVG drawn in currentColor, so they need no emoji font, follow
// the text colour and forced-colors (Windows high contrast), and never carry meaning alone - every use
// sits beside a text label, so each icon is aria-hidden.
import {svg, type SVGTemplateResult} from 'lit';
import type {ReactionKind} from '../data/types.js';

const icon = (body: SVGTemplateResult) => svg`<svg class="icon" part="icon" viewBox="0 0 20 20" width="1.1em" height="1.1em"
  aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

const REACTION_ICONS: Record<ReactionKind, SVGTemplateResult> = {
  // a heart
  heart: icon(svg`<path d="M10 16.5 4.2 11a3.6 3.6 0 0 1 5.1-5.1l.7.7.7-.7A3.6 3.6 0 0 1 15.8 11Z"/>`),
  // two arms closing around a small heart
  hug: icon(svg`<path d="M2.5 8.5c0 4.3 3.4 7.5 7.5 7.5s7.5-3.2 7.5-7.5"/><path d="M5.5 8.5c0 2.6 2 4.5 4.5 4.5s4.5-1.9 4.5-4.5"/><path d="M10 10.6 8.3 9a1.1 1.1 0 0 1 1.7-1.4 1.1 1.1 0 0 1 1.7 1.4Z"/>`),
  // a person with a raised hand
  metoo: icon(svg`<circle cx="8" cy="5" r="2.2"/><path d="M4 18v-4.5a4 4 0 0 1 8 0V18"/><path d="M12 11.5 15.5 3"/>`),
  // a flower, for gratitude
  thanks: icon(svg`<circle cx="10" cy="7" r="1.6"/><path d="M10 5.4a2.2 2.2 0 1 1 1.6-3.1 2.2 2.2 0 1 1 1.2 3.9 2.2 2.2 0 1 1-1.2 3.9 2.2 2.2 0 1 1-3.2 0 2.2 2.2 0 1 1-1.2-3.9 2.2 2.2 0 1 1 1.2-3.9A2.2 2.2 0 0 1 10 5.4Z"/><path d="M10 8.6V18"/><path d="M10 14c-1.5-1.6-3.3-2-5-1.6 1 1.8 3 2.4 5 1.6Z"/>`),
};

/** The inline SVG icon for a reaction, aria-hidden: always render its text label beside it. */
export const reactionIcon = (kind: ReactionKind): SVGTemplateResult => REACTION_ICONS[kind];

/** A "more actions" icon (three dots), aria-hidden. */
export const moreIcon = (): SVGTemplateResult => icon(svg`<circle cx="4.5" cy="10" r="1.2" fill="currentColor"/><circle cx="10" cy="10" r="1.2" fill="currentColor"/><circle cx="15.5" cy="10" r="1.2" fill="currentColor"/>`);
