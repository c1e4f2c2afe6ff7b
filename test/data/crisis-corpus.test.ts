// Precision and recall of crisis-wording detection on the phrase corpus (test/data/crisis-corpus.ts),
// per language and overall. Missing support costs more than a gentle false alarm, so recall has the
// higher bar; precision must stay high enough that the panel keeps meaning something.
import {expect} from '@open-wc/testing';
import {hasCrisisWording} from '../../src/data/crisis.js';
import {MUST_NOT_TRIGGER, MUST_TRIGGER, type CorpusPhrase} from './crisis-corpus.js';

function score(lang?: 'en' | 'cy') {
  const keep = (p: CorpusPhrase) => !lang || p.lang === lang;
  const positives = MUST_TRIGGER.filter(keep);
  const negatives = MUST_NOT_TRIGGER.filter(keep);
  const missed = positives.filter((p) => !hasCrisisWording(p.text)).map((p) => p.text);
  const falseAlarms = negatives.filter((p) => hasCrisisWording(p.text)).map((p) => p.text);
  const tp = positives.length - missed.length;
  const precision = tp / (tp + falseAlarms.length || 1);
  const recall = tp / (positives.length || 1);
  return {positives: positives.length, negatives: negatives.length, precision, recall, missed, falseAlarms};
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('crisis wording phrase corpus', () => {
  it('is big enough to mean something, in both languages', () => {
    expect(MUST_TRIGGER.filter((p) => p.lang === 'en').length).to.be.at.least(30);
    expect(MUST_TRIGGER.filter((p) => p.lang === 'cy').length).to.be.at.least(12);
    expect(MUST_NOT_TRIGGER.filter((p) => p.lang === 'en').length).to.be.at.least(30);
    expect(MUST_NOT_TRIGGER.filter((p) => p.lang === 'cy').length).to.be.at.least(10);
    expect(new Set([...MUST_TRIGGER, ...MUST_NOT_TRIGGER].map((p) => p.text)).size, 'no duplicates').to.equal(MUST_TRIGGER.length + MUST_NOT_TRIGGER.length);
  });

  for (const lang of [undefined, 'en', 'cy'] as const) {
    it(`${lang ?? 'overall'}: recall at least 90% and precision at least 95%`, () => {
      const s = score(lang);
      console.log(`crisis corpus ${lang ?? 'overall'}: precision ${pct(s.precision)}, recall ${pct(s.recall)} ` +
        `(${s.positives} must / ${s.negatives} must-not; missed ${JSON.stringify(s.missed)}; false alarms ${JSON.stringify(s.falseAlarms)})`);
      expect(s.recall, `missed: ${s.missed.join(' | ')}`).to.be.at.least(0.9);
      expect(s.precision, `false alarms: ${s.falseAlarms.join(' | ')}`).to.be.at.least(0.95);
    });
  }
});
