// A community's guidelines text (issue 14: written in <kin-community-admin>), shown where members agree to
// it: <kin-join>, and the thread's "agree again" prompt after a version bump. Text only, paragraphs by blank lines.
import {html, nothing, type TemplateResult} from 'lit';
import {pickLocalized} from '../i18n/messages.js';
import type {CommunitySettings, Locale} from '../data/types.js';

/** The guidelines' paragraphs in `locale` (English when there is no Welsh), or nothing when the community wrote none. */
export function guidelinesText(settings: Pick<CommunitySettings, 'guidelines'> | null | undefined, locale: Locale, id?: string): TemplateResult | typeof nothing {
  const g = pickLocalized(settings?.guidelines, locale);
  const paragraphs = g.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (!paragraphs.length) return nothing;
  return html`<div class="guidelines" id=${id ?? nothing} lang=${g.lang}>${paragraphs.map((p) => html`<p>${p}</p>`)}</div>`;
}
