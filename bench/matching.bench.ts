// Peer-matching benchmark, run in Chromium by `npm run bench:matching`
// (scripts/test.mjs --only=bench/matching.bench.ts). Prints figures with console.log; it asserts only
// that the work was done, never a time, so a slow machine cannot make it fail.
//
// 10,000 match profiles are generated from a seeded PRNG, so every run scores the same community.
// Figures: reads per card view (what candidateQuery lets a store load), and the median time to score
// a 60-candidate page (what a card view does) and all 10,000 profiles (the worst case, never done by
// a store, but it bounds the cost).
import {expect} from '@open-wc/testing';
import {
  AGE_BANDS, DIAGNOSED_BANDS, MAX_CANDIDATES, REGIONS, candidateQuery, matchesCandidateQuery, runCandidateQuery,
  scoreCandidates,
} from '../src/data/matching.js';
import type {ContentLocale, MatchProfile, Relationship} from '../src/data/types.js';

const COMMUNITY_SIZE = 10_000;
const VIEWERS = 20;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONDITIONS = ['type 1 diabetes', 'type 2 diabetes', 'asthma', 'COPD', 'long COVID', 'ME/CFS', 'Crohn’s disease',
  'ulcerative colitis', 'multiple sclerosis', 'epilepsy', 'lupus', 'rheumatoid arthritis'];
const EXPERIENCES = ['insulin pump', 'CGM', 'biologics', 'steroids', 'surgery', 'pulmonary rehab', 'fatigue',
  'returning to work', 'pregnancy', 'clinical trial', 'mental health', 'diet changes'];
const INTERESTS = ['walking', 'reading', 'gaming', 'music', 'baking', 'gardening', 'football', 'knitting', 'photography',
  'rugby', 'choirs', 'cycling', 'films', 'crafts', 'dogs', 'travel'];
const RELATIONSHIPS: (Relationship | null)[] = ['patient', 'patient', 'patient', 'carer', 'professional', null];
const REGION_CODES = Object.keys(REGIONS);

function generate(count: number, seed: number): MatchProfile[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  // Skewed: a few conditions are common, as in a real community.
  const condition = () => CONDITIONS[Math.floor(CONDITIONS.length * rand() * rand())];
  const some = (list: readonly string[], p: number) => list.filter(() => rand() < p);
  return Array.from({length: count}, (_, i) => {
    const conditions = [condition()];
    if (rand() < 0.25) conditions.push(condition());
    return {
      uid: `m${String(i).padStart(5, '0')}`,
      conditions: [...new Set(conditions)],
      diagnosedBand: rand() < 0.85 ? pick(DIAGNOSED_BANDS) : null,
      experiences: some(EXPERIENCES, 0.15),
      relationship: pick(RELATIONSHIPS),
      ageBand: rand() < 0.8 ? pick(AGE_BANDS) : null,
      region: rand() < 0.75 ? pick(REGION_CODES) : null,
      languages: (rand() < 0.25 ? ['en', 'cy'] : ['en']) as ContentLocale[],
      interests: some(INTERESTS, 0.15),
      open: rand() < 0.85,
      updatedAt: 1_700_000_000_000 + Math.floor(rand() * 3e10),
    };
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// performance.now() is coarsened (≈0.1 ms) on a page that is not cross-origin isolated, so a short
// operation is timed over `reps` calls per sample.
function time(samples: number, reps: number, run: (i: number) => void): {median: number; min: number; max: number} {
  for (let i = 0; i < Math.min(samples, 5) * reps; i++) run(i); // warm-up: let the JIT settle
  const per: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) run(s * reps + r);
    per.push((performance.now() - t0) / reps);
  }
  return {median: median(per), min: Math.min(...per), max: Math.max(...per)};
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

describe('peer matching benchmark (10,000 seeded profiles)', () => {
  const t0 = performance.now();
  const community = generate(COMMUNITY_SIZE, 20260601);
  const generateMs = performance.now() - t0;
  const viewers = community.filter((p) => p.open).slice(0, VIEWERS);
  const pages = viewers.map((v) => runCandidateQuery(candidateQuery(v), community));

  it('reports reads per card view', () => {
    const matching = viewers.map((v) => {
      const q = candidateQuery(v);
      return community.filter((p) => matchesCandidateQuery(q, p)).length;
    });
    const reads = pages.map((p) => p.length);
    console.log(`[bench] generated ${COMMUNITY_SIZE} profiles in ${fmt(generateMs)} (seed 20260601)`);
    console.log(`[bench] reads per card view: max ${Math.max(...reads)}, median ${median(reads)} `
      + `(profiles the query could match: median ${median(matching)}, max ${Math.max(...matching)})`);
    expect(Math.max(...reads)).to.be.at.most(MAX_CANDIDATES);
  });

  it('times scoring a 60-candidate page', () => {
    const exclude = {blocked: ['m00001', 'm00002'], connected: ['m00003']};
    let suggested = 0;
    const top3 = time(101, 50, (i) => {
      const k = i % VIEWERS;
      suggested += scoreCandidates(viewers[k], pages[k], {locale: i % 2 ? 'cy' : 'en', limit: 3, exclude}).length;
    });
    const all = time(101, 50, (i) => {
      const k = i % VIEWERS;
      suggested += scoreCandidates(viewers[k], pages[k], {locale: 'en', exclude}).length;
    });
    console.log(`[bench] 60-candidate page, top 3:        median ${fmt(top3.median)} (min ${fmt(top3.min)}, max ${fmt(top3.max)})`);
    console.log(`[bench] 60-candidate page, all explained: median ${fmt(all.median)} (min ${fmt(all.min)}, max ${fmt(all.max)})`);
    expect(suggested).to.be.greaterThan(0);
  });

  it('times scoring all 10,000 profiles', () => {
    let suggested = 0;
    const top3 = time(31, 1, (i) => {
      suggested += scoreCandidates(viewers[i % VIEWERS], community, {locale: 'en', limit: 3}).length;
    });
    const all = time(21, 1, (i) => {
      suggested += scoreCandidates(viewers[i % VIEWERS], community, {locale: 'cy'}).length;
    });
    console.log(`[bench] 10,000 profiles, top 3:          median ${fmt(top3.median)} (min ${fmt(top3.min)}, max ${fmt(top3.max)})`);
    console.log(`[bench] 10,000 profiles, all explained:  median ${fmt(all.median)} (min ${fmt(all.min)}, max ${fmt(all.max)})`);
    console.log(`[bench] user agent: ${navigator.userAgent}`);
    expect(suggested).to.be.greaterThan(0);
  });
});
