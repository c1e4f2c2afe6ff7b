// Crisis wording detection (English and Welsh) and UK crisis contacts. Pure: no DOM, no Lit.
//
// Detection only decides whether to *offer* support beside the composer. It never blocks posting and
// never reports the member, so it leans towards offering help: a false positive shows a kind panel,
// a false negative leaves the always-present "Need help now?" link. Everyday idioms ("this queue is
// killing me", "I'm dying to know") are not in the list; negations just before a phrase ("I'm not
// suicidal", "dydw i ddim eisiau marw") cancel it.
import type {LocalizedText, Nation} from './types.js';

export interface CrisisContact {
  id: string;
  /** Who to contact ("Samaritans"). */
  name: LocalizedText;
  /** What they offer and when. */
  detail: LocalizedText;
  /** Number as people read it ("116 123"). */
  number: string;
  /** `tel:` or `sms:` URI. */
  href: string;
  /** Text message rather than a call. */
  sms: boolean;
  /** Nations where it applies; null = all of the UK. */
  nations: Nation[] | null;
}

export const UK_CRISIS_CONTACTS: readonly CrisisContact[] = [
  {
    id: 'emergency', number: '999', href: 'tel:999', sms: false, nations: null,
    name: {en: 'Emergency services', cy: 'Gwasanaethau brys'},
    detail: {en: 'If your life or someone else’s is at risk now.', cy: 'Os yw eich bywyd chi neu fywyd rhywun arall mewn perygl nawr.'},
  },
  {
    id: 'nhs111-wales', number: '111', href: 'tel:111', sms: false, nations: ['wales'],
    name: {en: 'NHS 111 Wales – press 2 for mental health', cy: 'GIG 111 Cymru – pwyswch 2 ar gyfer iechyd meddwl'},
    detail: {en: 'Free, 24 hours a day, for urgent mental health help.', cy: 'Am ddim, 24 awr y dydd, am help brys gyda iechyd meddwl.'},
  },
  {
    id: 'nhs111', number: '111', href: 'tel:111', sms: false, nations: ['england'],
    name: {en: 'NHS 111 – press 2 for mental health', cy: 'GIG 111 – pwyswch 2 ar gyfer iechyd meddwl'},
    detail: {en: 'Free, 24 hours a day, for urgent help.', cy: 'Am ddim, 24 awr y dydd, am help brys.'},
  },
  {
    id: 'nhs24', number: '111', href: 'tel:111', sms: false, nations: ['scotland'],
    name: {en: 'NHS 24', cy: 'GIG 24'},
    detail: {en: 'Free, 24 hours a day, for urgent help.', cy: 'Am ddim, 24 awr y dydd, am help brys.'},
  },
  {
    id: 'samaritans', number: '116 123', href: 'tel:116123', sms: false, nations: null,
    name: {en: 'Samaritans', cy: 'Samariaid'},
    detail: {en: 'Free, 24 hours a day, to talk about anything.', cy: 'Am ddim, 24 awr y dydd, i siarad am unrhyw beth.'},
  },
  {
    id: 'samaritans-cy', number: '0808 164 0123', href: 'tel:08081640123', sms: false, nations: null,
    name: {en: 'Samaritans Welsh-language line', cy: 'Llinell Gymraeg y Samariaid'},
    detail: {en: 'Free, in Welsh, 7pm to 11pm every day.', cy: 'Am ddim, yn Gymraeg, 7pm tan 11pm bob dydd.'},
  },
  {
    id: 'shout', number: '85258', href: 'sms:85258', sms: true, nations: null,
    name: {en: 'Shout – text SHOUT', cy: 'Shout – tecstiwch SHOUT'},
    detail: {en: 'Free text support, 24 hours a day.', cy: 'Cymorth am ddim drwy neges destun, 24 awr y dydd.'},
  },
  {
    id: 'call', number: '0800 132 737', href: 'tel:0800132737', sms: false, nations: ['wales'],
    name: {en: 'C.A.L.L. mental health helpline', cy: 'Llinell gymorth iechyd meddwl C.A.L.L.'},
    detail: {en: 'Free, 24 hours a day, for people in Wales.', cy: 'Am ddim, 24 awr y dydd, i bobl yng Nghymru.'},
  },
  {
    id: 'lifeline', number: '0808 808 8000', href: 'tel:08088088000', sms: false, nations: ['northern-ireland'],
    name: {en: 'Lifeline', cy: 'Lifeline'},
    detail: {en: 'Free, 24 hours a day, in Northern Ireland.', cy: 'Am ddim, 24 awr y dydd, yng Ngogledd Iwerddon.'},
  },
];

/** The contacts for a nation, emergency first (all of the UK when no nation is known). */
export function crisisContactsFor(nation: Nation | null | undefined): CrisisContact[] {
  const n = nation ?? 'england';
  return UK_CRISIS_CONTACTS.filter((c) => c.nations === null || c.nations.includes(n));
}

// Phrases, matched on lower-cased text with apostrophes normalised. Welsh mutations are spelled out
// (lladd/ladd, marw/farw, brifo/frifo, diweddu/ddiweddu).
const PHRASES: readonly {lang: 'en' | 'cy'; re: RegExp}[] = [
  {lang: 'en', re: /\b(?:kill|killing|killed|hang|hanging|hurt|hurting|harm|harming|cut|cutting|poison|poisoning)\s+(?:my\s*self|me\s*self)\b/},
  {lang: 'en', re: /\bsuicid(?:e|al)\b(?!\s+(?:prevention|awareness|squad)\b)/},
  {lang: 'en', re: /\bself[\s-]?harm(?:ing|ed)?\b/},
  {lang: 'en', re: /\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b/},
  {lang: 'en', re: /\b(?:want|wanted|wanting|going|wish)\s+(?:to|i\s+was|i\s+were)\s+(?:die|dead)\b/},
  {lang: 'en', re: /\bwanna\s+die\b/},
  {lang: 'en', re: /\bbetter\s+off\s+(?:dead|without\s+me)\b/},
  {lang: 'en', re: /\b(?:no|any)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go(?:ing)?\s+on)\b/},
  {lang: 'en', re: /\b(?:can't|cannot|can\s+not)\s+(?:go\s+on|do\s+this\s+any\s*more|cope\s+any\s*more|take\s+(?:it|this)\s+any\s*more)\b/},
  {lang: 'en', re: /\bdon't\s+want\s+to\s+(?:be\s+(?:here|alive)|live|wake\s+up)\b/},
  {lang: 'en', re: /\b(?:overdose|overdosing|od)\s+(?:on|tonight|again)\b/},
  {lang: 'en', re: /\b(?:took|take|taking|swallowed)\s+(?:an\s+)?overdose\b/},
  {lang: 'cy', re: /\bl?ladd\s+fy\s*hun\b/},
  {lang: 'cy', re: /\bhunan\s*-?\s*laddiad\b|\bhunanladdol\b/},
  {lang: 'cy', re: /\bhunan\s*-?\s*niweid(?:io|iol)?\b/},
  {lang: 'cy', re: /\b(?:niweidio|[bf]rifo|dorri|torri)\s+fy\s*hun\b/},
  {lang: 'cy', re: /\b(?:eisiau|isio|moyn|am)\s+[mf]arw\b/},
  {lang: 'cy', re: /\bd?dd?iweddu\s+fy\s+mywyd\b/},
  {lang: 'cy', re: /\bfy\s+mywyd\s+i\s+ben\b/},
  {lang: 'cy', re: /\bmethu\s+(?:mynd\s+ymlaen|ymdopi|cario\s+ymlaen)\b/},
  {lang: 'cy', re: /\bgwell\s+(?:eu\s+byd\s+)?hebdda\s+i\b/},
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
