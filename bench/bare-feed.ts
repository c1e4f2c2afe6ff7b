// Shared by the thread benchmarks (issue 16: bench/thread-render.bench.ts, bench/thread-scroll.bench.ts):
// seed posts, and the bare side — one lit-html template with the markup <kin-discussion-thread> renders
// for a visitor (same tags, attributes, classes and text), nothing else — in a shadow root styled like
// the element's, and a markup dump to check that both sides really render the same thing.
import {html, nothing} from 'lit';
import type {Post} from '../src/data/types.js';
import {threadIdForKey} from '../src/data/policy.js';
import {relativeTime} from '../src/i18n/messages.js';
import {initials} from '../src/data/pseudonyms.js';
import {KinDiscussionThread} from '../src/components/discussion-thread/discussion-thread.js';
import {alice, bob, post} from '../test/components/discussion-thread.fixture.js';

export const KEY = 'bench';
export const TID = threadIdForKey(KEY);
const BASE = Math.floor(Date.now() / 60000) * 60000;

const LONG = 'We tried the spacer with the new inhaler for a fortnight and it made a real difference on the cold mornings. '
  + 'The nurse at the clinic showed us how to count the breaths, which helped more than the leaflet did.';

/** `n` posts, one a minute up to now. `varied`: every seventh post is three long paragraphs (a longer page to scroll). */
export function posts(n: number, {varied = false} = {}): Post[] {
  const t0 = BASE - n * 60000;
  return Array.from({length: n}, (_, i) => post(`b${String(i).padStart(5, '0')}`, i % 2 ? alice : bob, {
    threadId: TID, createdAt: t0 + i * 60000,
    body: varied && i % 7 === 3 ? `Message ${i}: ${LONG}\n\n${LONG}\n\n${LONG}` : `Message ${i}: how are you getting on with the new inhaler?\nSecond line.`,
    reactions: {heart: i % 3, hug: 0, metoo: i % 5 === 0 ? 2 : 0, thanks: 0},
  }));
}

const exactFmt = new Intl.DateTimeFormat('en-GB', {dateStyle: 'medium', timeStyle: 'short'});
const REL: Record<string, string> = {patient: 'Patient', carer: 'Carer or family'};
const BADGE: Record<string, string> = {moderator: 'Moderator'};
const KINDS = ['heart', 'hug', 'metoo', 'thanks'] as const;
const KIND_LABEL = {heart: 'Heart', hug: 'Hug', metoo: 'Me too', thanks: 'Thanks'};

/** The element's feed for a visitor, as one bare lit-html template. */
export function bareFeed(list: Post[], now: number, hasOlder: boolean, icon: (k: string) => unknown) {
  return html`<div class="feed" role="feed" part="feed" aria-busy="false" aria-label="Posts">${list.map((p, i) => html`<article class="post" part="post" data-post-id=${p.id} tabindex="-1" aria-posinset=${i + 1} aria-setsize=${hasOlder ? -1 : list.length} aria-labelledby=${`a-${p.id} t-${p.id}`}>
    <header class="post-header"><span class="avatar initials" part="avatar" aria-hidden="true" .style=${`--_hue: ${p.authorAvatarHue}`}>${initials(p.authorName)}</span>
      <div class="byline"><span class="author" part="post-author" id=${`a-${p.id}`}>${p.authorName}</span><span class="badge" part="badge">${REL[p.authorRelationship]}</span>${p.authorBadges.map((b) => html`<span class="badge role" part="badge">${BADGE[b]}</span>`)}<span class="when" id=${`t-${p.id}`}><time datetime=${new Date(p.createdAt).toISOString()} title=${exactFmt.format(p.createdAt)}>${relativeTime(p.createdAt, 'en', now)}</time></span></div>
    </header>
    <div class="post-body" part="post-body" id=${`pb-${p.id}`}>${p.body.split('\n\n').map((para) => html`<p>${para.split('\n').map((line, j) => html`${j ? html`<br>` : nothing}${line}`)}</p>`)}</div>
    ${KINDS.some((k) => p.reactions[k] > 0) ? html`<div class="reactions" part="reactions" role="group" aria-label="Reactions">${KINDS.filter((k) => p.reactions[k] > 0).map((k) => html`<span class="reaction static" data-kind=${k}>${icon(k)} ${KIND_LABEL[k]} <span class="count">${p.reactions[k]}</span></span>`)}</div>` : nothing}
  </article>`)}</div>`;
}

/** A shadow root styled like the element's, holding a `.base` wrapper the bare template renders into. */
export function bareHost(): {host: HTMLElement; target: HTMLElement} {
  const host = document.createElement('div');
  const root = host.attachShadow({mode: 'open'});
  root.adoptedStyleSheets = KinDiscussionThread.elementStyles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet!));
  const target = document.createElement('div');
  target.className = 'base';
  root.append(target);
  document.body.append(host);
  return {host, target};
}

/** The markup of an element's feed: tags, attributes (in name order) and text; no comments, no whitespace between tags. */
export function markup(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  const attrs = [...el.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('');
  const inner = [...el.childNodes].map(markup).join('').replace(/\s+/g, ' ').replace(/> </g, '><').replace(/^ </, '<').replace(/> $/, '>');
  return `<${el.localName}${attrs}>${inner}</${el.localName}>`;
}

/** Forces style and layout of the whole document (what a frame would have to do before painting). */
export const layout = (el: Element) => el.getBoundingClientRect().height + document.documentElement.offsetHeight;
