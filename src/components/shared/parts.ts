// The template parts every element shows people and their words with: an author's avatar, a time, a
// post's text. One copy, so a member looks and reads the same in the thread, the directory, the
// peer-match card, the moderation queue and notifications. User text only ever reaches the DOM as text
// bindings (escaped by Lit); links come from src/data/text.ts, which admits only https: URLs.
import {html, nothing, type TemplateResult} from 'lit';
import {parseText} from '../../data/text.js';
import {isHttpsUrl} from '../../data/policy-basics.js';
import type {Locale, Post} from '../../data/types.js';
import {exactTime, relativeTime} from '../../i18n/messages.js';
import {initials} from '../../data/pseudonyms.js';

/** Whose avatar: a pseudonym, an optional picture URL and the hue of the generated one. */
export interface AvatarOf {
  name: string;
  url?: string | null;
  hue: number;
}

/** A person's https avatar, or a generated initials avatar in their hue. Decorative: the name is beside it. */
export function avatar({name, url, hue}: AvatarOf): TemplateResult {
  if (url && isHttpsUrl(url)) {
    return html`<img class="avatar" part="avatar" src=${url} alt="" width="40" height="40" loading="lazy" referrerpolicy="no-referrer" />`;
  }
  const h = Number.isFinite(hue) ? Math.round(hue) % 360 : 200;
  // A property binding (CSSOM), not styleMap: styleMap's first render writes a style attribute, which a
  // strict CSP (style-src without 'unsafe-inline') blocks. Proven by test/embed/host-pages.test.ts.
  return html`<span class="avatar initials" part="avatar" aria-hidden="true" .style=${`--_hue: ${h}`}>${initials(name)}</span>`;
}

/** The author of a post (or a thread) as an avatar. */
export function authorAvatar(post: Pick<Post, 'authorName' | 'authorAvatarUrl' | 'authorAvatarHue'>): TemplateResult {
  return avatar({name: post.authorName, url: post.authorAvatarUrl, hue: post.authorAvatarHue});
}

/** Paragraphs, line breaks and https: links; everything else verbatim text. */
export function body(text: string): TemplateResult {
  return html`${parseText(text).map(
    (para) => html`<p>${para.map(
      (line, i) => html`${i > 0 ? html`<br />` : nothing}${line.map((t) =>
        t.kind === 'link' ? html`<a href=${t.href} rel="noopener noreferrer nofollow ugc" target="_blank">${t.text}</a>` : t.text,
      )}`,
    )}</p>`,
  )}`;
}

/** Relative time ("3 minutes ago") with the exact time in `datetime` and `title`. */
export function time(ms: number, locale: Locale, now = Date.now()): TemplateResult {
  // English and Welsh are formatted by the kit without Intl (issue 16); other languages' formatters are cached.
  const exactText = exactTime(ms, locale);
  return html`<time datetime=${new Date(ms).toISOString()} title=${exactText}>${relativeTime(ms, locale, now)}</time>`;
}
