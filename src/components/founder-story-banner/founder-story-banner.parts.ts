// Templates of <kin-founder-story-banner> (issue 16 split them out of the element): what a story shows
// (text pieces, photo or initials, the date it was told, the excerpt), the loading skeleton and the
// founder's edit form. State and handlers stay in the element.
import {html, nothing, type TemplateResult} from 'lit';
import type {Locale} from '../../data/types.js';
import {formatDate} from '../../i18n/messages.js';
import {initials} from '../../data/pseudonyms.js';
import {founderStoryBannerMessages} from './founder-story-banner.messages.js';

export type FounderStoryVariant = 'banner' | 'card' | 'compact';

/** A piece of text and, when it fell back to English, the language to mark it with. */
export interface Piece {
  text: string;
  lang: Locale | undefined;
}

/** What is shown: page content merged over stored content, field by field. */
export interface View {
  name: string;
  role: Piece | null;
  quote: Piece | null;
  paragraphs: Piece[];
  image: {src: string; alt: Piece} | null;
  /** `join`: opens the community's join dialog instead of following a link (issue 12). */
  cta: {label: Piece; href: string; join?: boolean} | null;
  toldAt: {ms: number; utc: boolean} | null;
  memorial: boolean;
  /** Some stored text was shown in English because the wanted language was missing. */
  fellBack: boolean;
  /** Authoring problems (shown with `dev-warnings`, reported once each as `kin-error`). */
  problems: Problem[];
}

export type Problem = 'missing-alt' | 'bad-image' | 'bad-cta';

export interface Draft {
  name: string;
  role: string;
  quote: string;
  storyEn: string;
  storyCy: string;
  imageUrl: string;
  imageAlt: string;
  ctaLabel: string;
  ctaUrl: string;
  memorial: boolean;
}

export type SlotName = 'story' | 'quote' | 'image' | 'cta';
export const SLOT_NAMES: readonly SlotName[] = ['story', 'quote', 'image', 'cta'];
export const EXCERPT_CHARS = 280;

/** Input ids in the edit form, by the `field` of a validation error. */
export const FIELD_INPUT: Record<string, string> = {
  name: 'f-name', role: 'f-role', quote: 'f-quote', story: 'f-story-en', imageUrl: 'f-image-url',
  imageAlt: 'f-image-alt', 'cta.label': 'f-cta-label', 'cta.url': 'f-cta-url',
};

/** A piece of text, marked with its language when it fell back to English. */
export function text(piece: Piece | null) {
  if (!piece) return nothing;
  return piece.lang ? html`<span lang=${piece.lang}>${piece.text}</span>` : piece.text;
}

/** The photo, or the founder's initials in its place (the same reserved box either way). */
export function media(v: View): TemplateResult {
  if (v.image) {
    return html`<img src=${v.image.src} alt=${v.image.alt.text} lang=${v.image.alt.lang ?? nothing} decoding="async" />`;
  }
  return html`<span class="initials" aria-hidden="true">${initials(v.name)}</span>`;
}

/** "Told on 29 December 2024". */
export function toldDate(t: NonNullable<View['toldAt']>, locale: Locale): TemplateResult {
  const date = new Date(t.ms);
  const when = formatDate(t.ms, locale, {utc: t.utc});
  const iso = t.utc ? date.toISOString().slice(0, 10) : `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return html`<p class="told">${founderStoryBannerMessages(locale).toldOn} <time datetime=${iso}>${when}</time></p>`;
}

/** The story's paragraphs: all when expanded, else the excerpt (none in the compact variant). */
export function storyBody(v: View, variant: string, expanded: boolean): TemplateResult[] {
  const collapsedParas = variant === 'compact' ? [] : v.paragraphs.slice(0, 1);
  const shown = expanded ? v.paragraphs : collapsedParas.map((p) =>
    p.text.length > EXCERPT_CHARS ? {...p, text: `${p.text.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, '')}…`} : p);
  return shown.map((p) => html`<p lang=${p.lang ?? nothing}>${p.text}</p>`);
}

/**
 * The loading state: the photo's box and the text column at the block size the story will take (issue 16:
 * the story arrives without moving what is below; see `--kin-founder-story-banner-reserve`).
 */
export function skeleton(label: string): TemplateResult {
  return html`<div class="skeleton" role="status"><span class="skeleton-media"></span>
    <span class="skeleton-lines"><span class="line"></span><span class="line"></span><span class="line short"></span>
    <span class="visually-hidden">${label}</span></span></div>`;
}

/** A page-supplied photo link: `https:`, or a link on this site; anything else is refused. */
export function pageImageUrl(value: string): string | null {
  try {
    const url = new URL(value, document.baseURI);
    if (url.protocol === 'https:' || (url.origin === location.origin && url.protocol === 'http:')) return url.href;
  } catch {
    // falls through: not a link
  }
  return null;
}
