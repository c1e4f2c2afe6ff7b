import {expect} from '@open-wc/testing';
import {
  DEFAULT_WEIGHTS, LIST_CAP, MAX_CANDIDATES, candidateQuery, explain, matchesCandidateQuery, regionName,
  runCandidateQuery, scoreCandidates, type MatchSuggestion,
} from '../../src/data/matching.js';
import type {MatchProfile} from '../../src/data/types.js';

function profile(uid: string, patch: Partial<MatchProfile> = {}): MatchProfile {
  return {
    uid, conditions: [], diagnosedBand: null, experiences: [], relationship: null, ageBand: null,
    region: null, languages: [], interests: [], open: true, updatedAt: 0, ...patch,
  };
}

const uids = (list: MatchSuggestion[]) => list.map((s) => s.uid);

// A tiny seeded PRNG (mulberry32) so "random" inputs are the same on every run.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: readonly T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const me = profile('me', {
  conditions: ['type 1 diabetes'], diagnosedBand: '1-3', region: 'wales', languages: ['en', 'cy'],
});

describe('peer matching: scoreCandidates', () => {
  describe('explanations', () => {
    it('explains a match in English with the shared attributes in a fixed order', () => {
      const [s] = scoreCandidates(me, [profile('a', {
        languages: ['cy', 'en'], region: 'wales', diagnosedBand: '1-3', conditions: ['asthma', 'type 1 diabetes'],
      })], {locale: 'en'});
      expect(s.explanation).to.equal('You both: type 1 diabetes · diagnosed 1–3 years ago · Wales · Welsh speakers');
      expect(s.score).to.equal(DEFAULT_WEIGHTS.conditions + DEFAULT_WEIGHTS.diagnosis + DEFAULT_WEIGHTS.region + DEFAULT_WEIGHTS.languages);
      expect(s.shared.map((a) => a.kind)).to.deep.equal(['condition', 'diagnosis', 'region', 'language']);
    });

    it('explains the same match in Welsh, keeping community terms verbatim', () => {
      const [s] = scoreCandidates(me, [profile('a', {
        conditions: ['type 1 diabetes'], diagnosedBand: '1-3', region: 'wales', languages: ['cy'],
      })], {locale: 'cy'});
      expect(s.explanation).to.equal(
        'Mae’r ddau ohonoch: type 1 diabetes · wedi cael diagnosis rhwng 1 a 3 blynedd yn ôl · yng Nghymru · siaradwyr Cymraeg');
    });

    it('names every band, relationship and region phrase in both languages', () => {
      const full = profile('me2', {
        conditions: ['Asthma'], diagnosedBand: 'over-10', experiences: ['biologics'], relationship: 'carer',
        ageBand: '65+', region: 'north-west-england', languages: ['cy'], interests: ['Gardening', 'choirs'],
      });
      const twin = profile('twin', {...full, uid: 'twin', interests: ['choirs', 'gardening ']});
      const [en] = scoreCandidates(full, [twin], {locale: 'en'});
      const [cy] = scoreCandidates(full, [twin], {locale: 'cy'});
      expect(en.explanation).to.equal('You both: Asthma · diagnosed over 10 years ago · biologics · carers or family · '
        + 'aged 65 or over · North West England · Welsh speakers · Gardening · choirs');
      expect(cy.explanation).to.equal('Mae’r ddau ohonoch: Asthma · wedi cael diagnosis dros 10 mlynedd yn ôl · biologics · '
        + 'gofalwyr neu deulu · 65 oed neu’n hŷn · yng Ngogledd-orllewin Lloegr · siaradwyr Cymraeg · Gardening · choirs');

      const young = {...full, diagnosedBand: 'under-1' as const, ageBand: '25-34' as const, relationship: 'patient' as const};
      expect(explain(scoreCandidates(young, [{...young, uid: 'y'}], {locale: 'en'})[0].shared, 'en'))
        .to.contain('diagnosed under a year ago').and.contain('aged 25–34').and.contain('patients');
      expect(explain(scoreCandidates(young, [{...young, uid: 'y'}], {locale: 'cy'})[0].shared, 'cy'))
        .to.contain('wedi cael diagnosis lai na blwyddyn yn ôl').and.contain('rhwng 25 a 34 oed').and.contain('cleifion');
    });

    it('says "a year ahead" as a sentence of its own when the diagnosis band is adjacent', () => {
      const newlyDiagnosed = profile('new', {conditions: ['ME/CFS'], diagnosedBand: 'under-1'});
      const ahead = profile('ahead', {conditions: ['ME/CFS'], diagnosedBand: '1-3'});
      expect(scoreCandidates(newlyDiagnosed, [ahead], {locale: 'en'})[0].explanation)
        .to.equal('You both: ME/CFS. Further along: diagnosed 1–3 years ago.');
      expect(scoreCandidates(newlyDiagnosed, [ahead], {locale: 'cy'})[0].explanation)
        .to.equal('Mae’r ddau ohonoch: ME/CFS. Ymhellach ymlaen: wedi cael diagnosis rhwng 1 a 3 blynedd yn ôl.');
      expect(scoreCandidates(ahead, [newlyDiagnosed], {locale: 'en'})[0].explanation)
        .to.equal('You both: ME/CFS. More recently diagnosed: under a year ago.');
      expect(scoreCandidates(ahead, [newlyDiagnosed], {locale: 'cy'})[0].explanation)
        .to.equal('Mae’r ddau ohonoch: ME/CFS. Diagnosis mwy diweddar: lai na blwyddyn yn ôl.');
      // Nothing else in common: the sentence stands alone.
      expect(scoreCandidates(profile('x', {diagnosedBand: '3-10'}), [profile('y', {diagnosedBand: 'over-10'})], {locale: 'en'})[0]
        .explanation).to.equal('Further along: diagnosed over 10 years ago.');
    });

    it('says "close in age" and names the shared nation for neighbouring age bands and regions', () => {
      const a = profile('a', {ageBand: '35-49', region: 'north-wales'});
      const b = profile('b', {ageBand: '50-64', region: 'south-east-wales'});
      expect(scoreCandidates(a, [b], {locale: 'en'})[0].explanation).to.equal('You both: close in age · Wales');
      expect(scoreCandidates(a, [b], {locale: 'cy'})[0].explanation).to.equal('Mae’r ddau ohonoch: tua’r un oed · yng Nghymru');
    });

    it('maps region codes to names in both languages and shows unknown codes as they are', () => {
      expect(regionName('scotland', 'en')).to.equal('Scotland');
      expect(regionName('scotland', 'cy')).to.equal('Yr Alban');
      expect(regionName('northern-ireland', 'cy')).to.equal('Gogledd Iwerddon');
      expect(regionName('london', 'cy')).to.equal('Llundain');
      expect(regionName('isle-of-man', 'cy')).to.equal('isle-of-man');
      const [s] = scoreCandidates(profile('a', {region: 'Isle-of-Man'}), [profile('b', {region: 'isle-of-man'})], {locale: 'cy'});
      expect(s.explanation).to.equal('Mae’r ddau ohonoch: Isle-of-Man');
    });
  });

  describe('ranking', () => {
    it('does not rely on diagnosis alone: life stage and interests outrank a shared band', () => {
      const mine = profile('me', {diagnosedBand: '1-3', ageBand: '25-34', interests: ['running', 'baking']});
      const sameBand = profile('band', {diagnosedBand: '1-3'});
      const sameLife = profile('life', {ageBand: '25-34', interests: ['baking', 'running']});
      expect(uids(scoreCandidates(mine, [sameBand, sameLife], {locale: 'en'}))).to.deep.equal(['life', 'band']);
    });

    it('breaks equal scores by more shared attributes, then by uid', () => {
      const mine = profile('me', {conditions: ['lupus'], relationship: 'patient', region: 'london'});
      // 5 points from one attribute vs 3 + 2 from two.
      const one = profile('a-one', {conditions: ['lupus']});
      const two = profile('z-two', {relationship: 'patient', region: 'london'});
      const result = scoreCandidates(mine, [one, two], {locale: 'en'});
      expect(result.map((s) => s.score)).to.deep.equal([5, 5]);
      expect(uids(result)).to.deep.equal(['z-two', 'a-one']);

      const clones = ['m', 'b', 'Z', 'a', 'b2'].map((uid) => profile(uid, {conditions: ['lupus']}));
      expect(uids(scoreCandidates(mine, clones, {locale: 'en'}))).to.deep.equal(['Z', 'a', 'b', 'b2', 'm']);
    });

    it('lets community weights change the order, and weight 0 stop matching on an attribute', () => {
      const mine = profile('me', {conditions: ['COPD'], interests: ['fishing'], region: 'scotland'});
      const condition = profile('cond', {conditions: ['copd']});
      const hobby = profile('hobby', {interests: ['Fishing'], region: 'scotland'});
      expect(uids(scoreCandidates(mine, [hobby, condition], {locale: 'en'}))).to.deep.equal(['cond', 'hobby']);
      expect(uids(scoreCandidates(mine, [hobby, condition], {locale: 'en', weights: {interests: 10}})))
        .to.deep.equal(['hobby', 'cond']);

      const noRegion = scoreCandidates(mine, [hobby], {locale: 'en', weights: {region: 0}});
      expect(noRegion[0].explanation).to.equal('You both: fishing');
      expect(noRegion[0].score).to.equal(DEFAULT_WEIGHTS.interests);
      expect(scoreCandidates(mine, [hobby], {locale: 'en', weights: {region: 0, interests: 0}})).to.deep.equal([]);
    });

    it('ignores negative and non-finite weights', () => {
      const mine = profile('me', {conditions: ['COPD']});
      const [s] = scoreCandidates(mine, [profile('a', {conditions: ['COPD']})],
        {locale: 'en', weights: {conditions: -10, diagnosis: Number.NaN, age: Infinity}});
      expect(s.score).to.equal(DEFAULT_WEIGHTS.conditions);
    });

    it('counts at most LIST_CAP shared items of a list but still names them all', () => {
      const many = ['a', 'b', 'c', 'd', 'e'];
      const [s] = scoreCandidates(profile('me', {interests: many}), [profile('x', {interests: [...many].reverse()})], {locale: 'en'});
      expect(s.score).to.equal(LIST_CAP * DEFAULT_WEIGHTS.interests);
      expect(s.explanation).to.equal('You both: a · b · c · d · e');
    });

    it('honours limit, returning the top of the full ranking', () => {
      const mine = profile('me', {conditions: ['x'], region: 'wales', languages: ['cy']});
      const cands = [
        profile('c1', {conditions: ['x'], region: 'wales', languages: ['cy']}),
        profile('c2', {conditions: ['x'], region: 'wales'}),
        profile('c3', {conditions: ['x']}),
        profile('c4', {region: 'wales'}),
      ];
      const all = scoreCandidates(mine, cands, {locale: 'en'});
      expect(uids(all)).to.deep.equal(['c1', 'c2', 'c3', 'c4']);
      expect(scoreCandidates(mine, cands, {locale: 'en', limit: 2})).to.deep.equal(all.slice(0, 2));
      expect(scoreCandidates(mine, cands, {locale: 'en', limit: 0})).to.deep.equal([]);
    });
  });

  describe('adjacent bands', () => {
    it('scores an adjacent diagnosis or age band less than the same band, and a distant one not at all', () => {
      const mine = profile('me', {diagnosedBand: '1-3', ageBand: '35-49'});
      const scoreOf = (p: Partial<MatchProfile>, weights = {}) =>
        scoreCandidates(mine, [profile('x', p)], {locale: 'en', weights})[0]?.score ?? 0;
      expect(scoreOf({diagnosedBand: '1-3'})).to.equal(DEFAULT_WEIGHTS.diagnosis);
      expect(scoreOf({diagnosedBand: 'under-1'})).to.equal(DEFAULT_WEIGHTS.diagnosis * DEFAULT_WEIGHTS.adjacent);
      expect(scoreOf({diagnosedBand: '3-10'})).to.equal(DEFAULT_WEIGHTS.diagnosis * DEFAULT_WEIGHTS.adjacent);
      expect(scoreOf({diagnosedBand: 'over-10'})).to.equal(0);
      expect(scoreOf({ageBand: '35-49'})).to.equal(DEFAULT_WEIGHTS.age);
      expect(scoreOf({ageBand: '50-64'})).to.equal(DEFAULT_WEIGHTS.age * DEFAULT_WEIGHTS.adjacent);
      expect(scoreOf({ageBand: '18-24'})).to.equal(0);
      expect(scoreOf({diagnosedBand: 'under-1'}, {adjacent: 0})).to.equal(0);
      expect(scoreOf({diagnosedBand: 'under-1'}, {adjacent: 5})).to.equal(DEFAULT_WEIGHTS.diagnosis);
    });

    it('gives regions of one nation partial credit and different nations none', () => {
      const mine = profile('me', {region: 'london'});
      const scoreOf = (region: string) => scoreCandidates(mine, [profile('x', {region})], {locale: 'en'})[0]?.score ?? 0;
      expect(scoreOf('london')).to.equal(DEFAULT_WEIGHTS.region);
      expect(scoreOf('england')).to.equal(DEFAULT_WEIGHTS.region * DEFAULT_WEIGHTS.adjacent);
      expect(scoreOf('south-west-england')).to.equal(DEFAULT_WEIGHTS.region * DEFAULT_WEIGHTS.adjacent);
      expect(scoreOf('wales')).to.equal(0);
    });
  });

  describe('exclusions', () => {
    const twin = (uid: string, patch: Partial<MatchProfile> = {}) => profile(uid, {...me, uid, ...patch});

    it('never suggests the member themself, blocked members or existing connections', () => {
      const cands = [twin('me'), twin('blocked'), twin('friend'), twin('ok')];
      expect(uids(scoreCandidates(me, cands, {locale: 'en'}))).to.deep.equal(['blocked', 'friend', 'ok']);
      expect(uids(scoreCandidates(me, cands, {locale: 'en', exclude: {blocked: new Set(['blocked'])}})))
        .to.deep.equal(['friend', 'ok']);
      expect(uids(scoreCandidates(me, cands, {locale: 'en', exclude: {blocked: ['blocked'], connected: ['friend']}})))
        .to.deep.equal(['ok']);
    });

    it('never suggests members who are not open to connections (missing counts as closed)', () => {
      const closed = twin('closed', {open: false});
      const unknown = twin('unknown');
      delete (unknown as Partial<MatchProfile>).open;
      expect(uids(scoreCandidates(me, [closed, unknown, twin('open')], {locale: 'en'}))).to.deep.equal(['open']);
    });

    it('does not suggest members with nothing in common', () => {
      const nothing = profile('nothing', {conditions: ['asthma'], diagnosedBand: 'over-10', languages: ['en'], region: 'scotland'});
      expect(scoreCandidates(me, [nothing], {locale: 'en'})).to.deep.equal([]);
      // Sharing English alone is not remarkable in a UK community.
      expect(scoreCandidates(profile('a', {languages: ['en']}), [profile('b', {languages: ['en']})], {locale: 'en'})).to.deep.equal([]);
      // "other" as relationship says nothing about shared experience.
      expect(scoreCandidates(profile('a', {relationship: 'other'}), [profile('b', {relationship: 'other'})], {locale: 'en'})).to.deep.equal([]);
    });
  });

  describe('missing and messy fields', () => {
    it('copes with null bands, empty lists and fields missing from stored documents', () => {
      const bare = profile('bare');
      const sparse = {uid: 'sparse', open: true, updatedAt: 1, conditions: ['type 1 diabetes']} as unknown as MatchProfile;
      const result = scoreCandidates(me, [bare, sparse], {locale: 'en'});
      expect(uids(result)).to.deep.equal(['sparse']);
      expect(result[0].explanation).to.equal('You both: type 1 diabetes');
      expect(scoreCandidates({uid: 'empty'} as unknown as MatchProfile, [me, sparse], {locale: 'cy'})).to.deep.equal([]);
    });

    it('matches community terms regardless of case and spacing, showing the member’s own spelling', () => {
      const [s] = scoreCandidates(profile('me', {experiences: ['Insulin pump']}),
        [profile('x', {experiences: ['  insulin PUMP ']})], {locale: 'en'});
      expect(s.explanation).to.equal('You both: Insulin pump');
    });

    it('suggests a uid listed twice once, from its newest profile', () => {
      const stale = profile('dup', {conditions: ['type 1 diabetes'], region: 'wales', updatedAt: 1});
      const fresh = profile('dup', {conditions: ['type 1 diabetes'], updatedAt: 2});
      for (const list of [[stale, fresh], [fresh, stale]]) {
        const result = scoreCandidates(me, list, {locale: 'en'});
        expect(result).to.have.length(1);
        expect(result[0].explanation).to.equal('You both: type 1 diabetes');
      }
      // Two copies with the same timestamp: a fixed rule picks one, whatever the order.
      const twinA = profile('dup', {conditions: ['type 1 diabetes'], updatedAt: 5});
      const twinB = profile('dup', {region: 'wales', updatedAt: 5});
      const picked = scoreCandidates(me, [twinA, twinB], {locale: 'en'});
      expect(picked).to.have.length(1);
      expect(scoreCandidates(me, [twinB, twinA], {locale: 'en'})).to.deep.equal(picked);
    });
  });

  describe('determinism', () => {
    const conditions = ['type 1 diabetes', 'type 2 diabetes', 'asthma', 'COPD'];
    const interests = ['walking', 'reading', 'gaming', 'music', 'baking'];
    const regions = ['wales', 'north-wales', 'london', 'scotland', 'north-west-england'];
    const rand = prng(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
    const population = Array.from({length: 300}, (_, i) => profile(`u${String(i).padStart(3, '0')}`, {
      conditions: rand() < 0.8 ? [pick(conditions)] : [],
      diagnosedBand: rand() < 0.8 ? pick(['under-1', '1-3', '3-10', 'over-10'] as const) : null,
      ageBand: rand() < 0.7 ? pick(['18-24', '25-34', '35-49', '50-64', '65+'] as const) : null,
      region: rand() < 0.7 ? pick(regions) : null,
      relationship: pick(['patient', 'carer', null] as const),
      languages: rand() < 0.3 ? ['en', 'cy'] : ['en'],
      interests: interests.filter(() => rand() < 0.3),
      open: rand() < 0.9,
      updatedAt: Math.floor(rand() * 1e6),
    }));
    const viewer = profile('viewer', {conditions: ['type 1 diabetes', 'asthma'], diagnosedBand: '1-3', ageBand: '25-34',
      region: 'wales', relationship: 'patient', languages: ['cy', 'en'], interests: ['music', 'walking']});

    it('gives the same suggestions, in the same order, however the candidates are shuffled', () => {
      deepFreeze(population);
      const reference = scoreCandidates(viewer, population, {locale: 'cy', limit: 25});
      expect(reference).to.have.length(25);
      // Plenty of ties, so the tie-break rule is what is being tested.
      const scores = reference.map((s) => s.score);
      expect(new Set(scores).size).to.be.lessThan(scores.length);
      const shuffle = prng(7);
      for (let round = 0; round < 10; round++) {
        expect(scoreCandidates(viewer, shuffled(population, shuffle), {locale: 'cy', limit: 25})).to.deep.equal(reference);
      }
      for (let i = 1; i < reference.length; i++) {
        const [a, b] = [reference[i - 1], reference[i]];
        expect(a.score > b.score || (a.score === b.score && (a.shared.length > b.shared.length
          || (a.shared.length === b.shared.length && a.uid < b.uid))), `${a.uid} before ${b.uid}`).to.equal(true);
      }
    });
  });
});

describe('peer matching: candidateQuery', () => {
  it('loads a bounded page by the member’s conditions, open profiles only, newest first', () => {
    const q = candidateQuery(profile('me', {conditions: ['asthma', 'COPD', 'asthma'], region: 'wales'}));
    expect(q).to.deep.equal({
      collection: 'matchProfiles',
      where: [{field: 'open', op: '==', value: true}, {field: 'conditions', op: 'array-contains-any', value: ['asthma', 'COPD']}],
      orderBy: {field: 'updatedAt', direction: 'desc'},
      limit: MAX_CANDIDATES,
    });
    expect(MAX_CANDIDATES).to.be.at.most(60);
  });

  it('falls back to region, then to open profiles only, and never exceeds the limit', () => {
    expect(candidateQuery(profile('me', {region: 'wales'})).where)
      .to.deep.equal([{field: 'open', op: '==', value: true}, {field: 'region', op: '==', value: 'wales'}]);
    expect(candidateQuery(profile('me')).where).to.deep.equal([{field: 'open', op: '==', value: true}]);
    expect(candidateQuery(me, {limit: 10_000}).limit).to.equal(MAX_CANDIDATES);
    expect(candidateQuery(me, {limit: 0}).limit).to.equal(1);
    expect(candidateQuery(profile('me', {conditions: Array.from({length: 40}, (_, i) => `c${i}`)})).where[1])
      .to.have.nested.property('value.length', 10);
  });

  it('reads at most the limit from a large community, each an open profile sharing a condition', () => {
    const rand = prng(1);
    const all = Array.from({length: 2000}, (_, i) => profile(`p${i}`, {
      conditions: [rand() < 0.5 ? 'asthma' : 'COPD'], open: rand() < 0.8, updatedAt: Math.floor(rand() * 1e9),
    }));
    const q = candidateQuery(profile('me', {conditions: ['asthma']}));
    const page = runCandidateQuery(q, all);
    expect(page).to.have.length(MAX_CANDIDATES);
    expect(page.every((p) => p.open && p.conditions.includes('asthma') && matchesCandidateQuery(q, p))).to.equal(true);
    for (let i = 1; i < page.length; i++) expect(page[i - 1].updatedAt).to.be.at.least(page[i].updatedAt);
    const newest = all.filter((p) => matchesCandidateQuery(q, p)).map((p) => p.updatedAt).sort((a, b) => b - a)[0];
    expect(page[0].updatedAt).to.equal(newest);
  });
});
