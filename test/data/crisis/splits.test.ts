// Crisis-wording detection measured on two splits (issue 18), per language:
//   dev       the sentences the detector is tuned on (dev.ts + the issue-7 phrase corpus)
//   held-out  sentences written and committed before the detector was rebuilt, never tuned on
//             (held-out.ts; its fingerprint below proves it has not been edited since)
// Goal on the held-out split: recall >= 95 % and false alarms <= 5 % in each language. The figures
// are printed for both splits so a drop shows up in CI logs.
//
// First held-out run, on the detector as committed in fe4b05b before it had ever seen this split:
//   en recall 77/80 (96.3 %), false alarms 0/80;  cy recall 80/80 (100 %), false alarms 0/80.
// The three English misses showed three general bugs ("I'd" spacing, "look after my…" taken as a sign
// of coming back, "don't know why I'm still here" cancelled as a negation). They were fixed in the next
// commit with *new* dev sentences; from then on the held-out figures are no longer a clean measure of
// sentences never seen. A fresh held-out file, written before further tuning, is the way to re-measure.
import {expect} from '@open-wc/testing';
import {findCrisisWording, hasCrisisWording} from '../../../src/data/crisis.js';
import {MUST_NOT_TRIGGER, MUST_TRIGGER} from '../crisis-corpus.js';
import {DEV} from './dev.js';
import {HELD_OUT, type Sentence} from './held-out.js';

const ISSUE7: Sentence[] = [
  ...MUST_TRIGGER.map((p) => ({...p, crisis: true, kind: 'issue-7'})),
  ...MUST_NOT_TRIGGER.map((p) => ({...p, crisis: false, kind: 'issue-7'})),
];
const SPLITS = {dev: [...DEV, ...ISSUE7], 'held-out': HELD_OUT} as const;
// sha-256 of JSON.stringify(HELD_OUT) as first committed (26dada2). Never update this to make a test pass.
const HELD_OUT_SHA256 = '75cac981de4fae249cba045f3f236b6e0c3d0e760aadf948b0dc9f66af07135c';

function score(sentences: readonly Sentence[], lang: 'en' | 'cy') {
  const crisis = sentences.filter((s) => s.lang === lang && s.crisis);
  const everyday = sentences.filter((s) => s.lang === lang && !s.crisis);
  const missed = crisis.filter((s) => !hasCrisisWording(s.text));
  const falseAlarms = everyday.filter((s) => hasCrisisWording(s.text));
  return {
    crisis: crisis.length, everyday: everyday.length, missed, falseAlarms,
    recall: (crisis.length - missed.length) / crisis.length,
    falseAlarmRate: falseAlarms.length / everyday.length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

describe('crisis wording: dev and held-out splits', () => {
  it('the held-out split is the one committed before tuning (fingerprint)', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(HELD_OUT));
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(digest).to.equal(HELD_OUT_SHA256);
  });

  it('has at least 150 crisis and 150 everyday sentences per language across the two new splits, no overlap', () => {
    for (const lang of ['en', 'cy'] as const) {
      const both = [...DEV, ...HELD_OUT].filter((s) => s.lang === lang);
      expect(both.filter((s) => s.crisis).length, `${lang} crisis`).to.be.at.least(150);
      expect(both.filter((s) => !s.crisis).length, `${lang} everyday`).to.be.at.least(150);
    }
    const held = new Set(HELD_OUT.map((s) => s.text));
    const leaked = SPLITS.dev.filter((s) => held.has(s.text)).map((s) => s.text);
    expect(leaked, 'dev sentences also in the held-out split').to.deep.equal([]);
  });

  for (const split of ['dev', 'held-out'] as const) {
    for (const lang of ['en', 'cy'] as const) {
      it(`${split}, ${lang}: recall >= 95 % and false alarms <= 5 %`, () => {
        const s = score(SPLITS[split], lang);
        console.log(`crisis ${split} ${lang}: recall ${pct(s.recall)} (${s.crisis - s.missed.length}/${s.crisis}), ` +
          `false alarms ${pct(s.falseAlarmRate)} (${s.falseAlarms.length}/${s.everyday})` +
          (s.missed.length ? `\n  missed: ${s.missed.map((m) => `[${m.kind}] ${m.text}`).join(' | ')}` : '') +
          (s.falseAlarms.length ? `\n  false alarms: ${s.falseAlarms.map((m) => `[${m.kind}] ${m.text}`).join(' | ')}` : ''));
        expect(s.recall, `missed: ${s.missed.map((m) => m.text).join(' | ')}`).to.be.at.least(0.95);
        expect(s.falseAlarmRate, `false alarms: ${s.falseAlarms.map((m) => m.text).join(' | ')}`).to.be.at.most(0.05);
      });
    }
  }

  it('says which kind of risk language it found', () => {
    expect(findCrisisWording('I’ve been stockpiling my tablets')[0]).to.include({lang: 'en', kind: 'plan'});
    expect(findCrisisWording('Dw i ddim eisiau byw rhagor')[0]).to.include({lang: 'cy', kind: 'ideation'});
    expect(findCrisisWording('Fyddai neb yn gweld fy eisiau i')[0]).to.include({lang: 'cy', kind: 'burden'});
    expect(findCrisisWording('I cut myself again')[0]).to.include({kind: 'self-harm'});
  });
});
