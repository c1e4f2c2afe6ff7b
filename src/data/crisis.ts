// Crisis wording detection (English and Welsh) and UK crisis contacts. Pure: no DOM, no Lit.
//
// Detection only decides whether to *offer* support beside the composer. It never blocks posting and
// never reports the member, so it leans towards offering help: a false positive shows a kind panel,
// a false negative leaves the always-present "Need help now?" link. Everyday idioms ("this queue is
// killing me", "I'm dying to know") are not in the list; negations just before a phrase ("I'm not
// suicidal", "dydw i ddim eisiau marw") cancel it.

// The contacts live in safeguarding.ts (by nation and language, configurable per community); re-exported
// here so existing imports keep working.
export {UK_CRISIS_CONTACTS, crisisContactsFor, type CrisisContact} from './safeguarding.js';

// Phrases, matched on lower-cased text with apostrophes normalised. Welsh mutations are spelled out
// (lladd/ladd, marw/farw, brifo/frifo, diweddu/ddiweddu).
const PHRASES: readonly {lang: 'en' | 'cy'; re: RegExp}[] = [
  {lang: 'en', re: /\b(?:kill|killing|killed|hang|hanging|hurt|hurting|harm|harming|cut|cutting|poison|poisoning)\s+(?:my\s*self|me\s*self)\b/},
  {lang: 'en', re: /\bsuicid(?:e|al)\b(?!\s+(?:prevention|awareness|squad)\b)/},
  {lang: 'en', re: /\bself[\s-]?harm(?:ing|ed)?\b(?!\s+(?:awareness|prevention|training|services?|charity|team|policy)\b)/},
  {lang: 'en', re: /\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b/},
  {lang: 'en', re: /\b(?:want|wanted|wanting|going|wish)\s+(?:to|i\s+was|i\s+were)\s+(?:die|dead)\b/},
  {lang: 'en', re: /\bwanna\s+die\b/},
  {lang: 'en', re: /\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s*(?:was|were|'m|am)\s+(?:gone|dead|not\s+here))\b/},
  {lang: 'en', re: /\bend\s+it\s+all\b/},
  {lang: 'en', re: /\b(?:nobody|no\s*one|no-one)\s+would\s+(?:miss\s+me|care\s+if\s+i)\b/},
  {lang: 'en', re: /\b(?:want|wanted|wanting)\s+to\s+disappear\s+(?:forever|for\s+good)\b/},
  {lang: 'en', re: /\b(?:no|any)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go(?:ing)?\s+on)\b/},
  {lang: 'en', re: /\b(?:can't|cannot|can\s+not)\s+(?:go\s+on(?!\s+(?:the|a|an|my|our|holiday|holidays|with|to|at|in|about|and|that|this\s+(?:trip|course|walk))\b)|do\s+this\s+any\s*more|cope\s+any\s*more|take\s+(?:it|this)\s+any\s*more)\b/},
  {lang: 'en', re: /\bdon't\s+want\s+to\s+(?:be\s+(?:here|alive)|live|wake\s+up)\b/},
  {lang: 'en', re: /\b(?:overdose|overdosing|od)\s+(?:on|tonight|again)\b/},
  {lang: 'en', re: /\b(?:took|take|taking|swallowed)\s+(?:an\s+)?overdose\b/},
  {lang: 'cy', re: /\bl?ladd\s+fy\s*hun\b/},
  {lang: 'cy', re: /(?<!(?:atal|ymwybyddiaeth)\s)\bhunan\s*-?\s*laddiad\b|\bhunanladdol\b/},
  {lang: 'cy', re: /\bhunan\s*-?\s*niweid(?:io|iol)?\b/},
  {lang: 'cy', re: /\b(?:niweidio|[bf]rifo|dorri|torri)\s+fy\s*hun\b/},
  {lang: 'cy', re: /\b(?:eisiau|isio|moyn|am)\s+[mf]arw\b/},
  {lang: 'cy', re: /\bd?dd?iweddu\s+fy\s+mywyd\b/},
  {lang: 'cy', re: /\bfy\s+mywyd\s+i\s+ben\b/},
  {lang: 'cy', re: /\bmethu\s+(?:mynd\s+ymlaen|ymdopi|cario\s+ymlaen)\b/},
  {lang: 'cy', re: /\bg?well\s+(?:eu\s+byd\s+)?hebdda\s+i\b/},
];

// A negation within the few words before a phrase cancels it ("I'm not suicidal").
const NEGATIONS = new Set([
  'not', "don't", 'dont', 'do not', "doesn't", "didn't", 'never', "isn't", "wasn't", "aren't", "won't", 'no longer', 'nor',
  'ddim', 'dim', 'nid', 'nad', 'byth', 'na', 'nac',
]);

export interface CrisisMatch {
  lang: 'en' | 'cy';
  /** The words that matched, as typed (lower-cased). */
  phrase: string;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

function negated(before: string): boolean {
  // Only the current sentence, last four words.
  const sentence = before.split(/[.!?\n;]/).pop() ?? '';
  const words = sentence.trim().split(/\s+/).filter(Boolean).slice(-4);
  for (let i = 0; i < words.length; i++) {
    if (NEGATIONS.has(words[i])) return true;
    if (i + 1 < words.length && NEGATIONS.has(`${words[i]} ${words[i + 1]}`)) return true;
  }
  return false;
}

/** The crisis phrases in `text` that are not negated (empty when none). */
export function findCrisisWording(text: string): CrisisMatch[] {
  if (!text) return [];
  const t = normalise(text);
  const found: CrisisMatch[] = [];
  for (const {lang, re} of PHRASES) {
    const g = new RegExp(re.source, 'g');
    for (let m = g.exec(t); m; m = g.exec(t)) {
      if (!negated(t.slice(0, m.index))) {
        found.push({lang, phrase: m[0]});
        break;
      }
    }
  }
  return found;
}

/** Whether a draft contains crisis wording, so support is offered beside the composer. */
export const hasCrisisWording = (text: string): boolean => findCrisisWording(text).length > 0;
