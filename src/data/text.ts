// Plain text → paragraphs, lines and tokens for rendering. Pure: no DOM, no Lit. The element renders
// every token as text (Lit escapes it); only tokens of kind `link` become anchors, and a link token is
// made only for an absolute `https:` URL without credentials. Everything else (javascript:, data:,
// http:, "www.") stays text.

export type TextToken = {kind: 'text'; text: string} | {kind: 'link'; text: string; href: string};
/** A line is a list of tokens. */
export type TextLine = TextToken[];
/** A paragraph is a list of lines (single line breaks inside it). */
export type TextParagraph = TextLine[];

// `https://` up to whitespace; trailing punctuation is trimmed below.
const URL_RE = /https:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'"’”)\]}>]+$/;

function safeHttps(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Splits one line into text and `https:` link tokens. */
export function tokenizeLine(line: string): TextLine {
  const tokens: TextLine = [];
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const prev = tokens[tokens.length - 1];
    if (prev && prev.kind === 'text') prev.text += text;
    else tokens.push({kind: 'text', text});
  };
  for (let m = URL_RE.exec(line); m; m = URL_RE.exec(line)) {
    let raw = m[0];
    // Keep a closing bracket that balances an opening one inside the URL (Wikipedia-style links).
    let trail = TRAILING.exec(raw)?.[0] ?? '';
    if (trail.startsWith(')') && (raw.match(/\(/g)?.length ?? 0) > (raw.slice(0, raw.length - trail.length).match(/\)/g)?.length ?? 0)) {
      trail = trail.slice(1);
    }
    raw = raw.slice(0, raw.length - trail.length);
    const href = raw.length > 'https://'.length ? safeHttps(raw) : null;
    push(line.slice(last, m.index));
    if (href) tokens.push({kind: 'link', text: raw, href});
    else push(raw);
    push(trail);
    last = m.index + m[0].length;
  }
  URL_RE.lastIndex = 0;
  push(line.slice(last));
  return tokens;
}

/**
 * Paragraphs separated by blank lines, lines by single line breaks. Line endings are normalised;
 * leading and trailing blank lines are dropped; text inside a line is kept verbatim.
 */
export function parseText(body: string): TextParagraph[] {
  const text = body.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '');
  if (!text.trim()) return [];
  return text
    .split(/\n[ \t]*\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n').map(tokenizeLine));
}

/** The text back from tokens (for tests and round trips). */
export function tokensToText(paragraphs: TextParagraph[]): string {
  return paragraphs.map((p) => p.map((line) => line.map((t) => t.text).join('')).join('\n')).join('\n\n');
}
