// Generated pseudonyms, so nobody has to invent a name or give a real one. Pure and deterministic
// given a random source, so tests can pin it.
import type {ContentLocale, Locale} from './types.js';

const WORDS: Record<ContentLocale, {adjectives: string[]; nouns: string[]}> = {
  en: {
    adjectives: ['Quiet', 'Brave', 'Gentle', 'Steady', 'Bright', 'Kind', 'Calm', 'Hopeful', 'Patient', 'Warm', 'Curious', 'Sunny'],
    nouns: ['Heron', 'Otter', 'Wren', 'Fern', 'Harbour', 'Robin', 'Willow', 'Pebble', 'Lantern', 'Meadow', 'Badger', 'Kite'],
  },
  cy: {
    // Welsh puts the adjective after the noun.
    adjectives: ['Tawel', 'Dewr', 'Addfwyn', 'Cyson', 'Disglair', 'Caredig', 'Llonydd', 'Gobeithiol', 'Amyneddgar', 'Cynnes', 'Chwilfrydig', 'Heulog'],
    nouns: ['Crëyr', 'Dyfrgi', 'Dryw', 'Rhedyn', 'Harbwr', 'Robin', 'Helygen', 'Carreg', 'Llusern', 'Dôl', 'Mochyn Daear', 'Barcud'],
  },
};

/** `count` distinct pseudonyms such as "Quiet Heron 42" / "Crëyr Tawel 42". */
export function suggestPseudonyms(locale: Locale, count = 3, random: () => number = Math.random): string[] {
  const {adjectives, nouns} = WORDS[locale as ContentLocale] ?? WORDS.en;
  const out = new Set<string>();
  let guard = 0;
  while (out.size < count && guard++ < 100) {
    const adjective = adjectives[Math.floor(random() * adjectives.length)];
    const noun = nouns[Math.floor(random() * nouns.length)];
    const n = 10 + Math.floor(random() * 90);
    out.add(locale === 'cy' ? `${noun} ${adjective} ${n}` : `${adjective} ${noun} ${n}`);
  }
  return [...out];
}

/**
 * Initials for a generated avatar: the first letters of the first and last words that contain a
 * letter ("Sarah Ann Jones" → "SJ", "Quiet Heron 42" → "QH", "Rhys (volunteer)" → "RV").
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const first = (w: string | undefined) => (w ? [...w.replace(/^[^\p{L}]+/u, '')][0] ?? '' : '');
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return letters.toLocaleUpperCase() || '?';
}

/** A stable hue 0–359 for a uid, for members who did not choose one. */
export function hueFor(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return h % 360;
}
