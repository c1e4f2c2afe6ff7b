// Issue 12 (finding 5): peer-match conditions are health information. firestore.rules refuses a match
// profile with conditions, time since diagnosis or experiences from a member without health-information
// consent (its "issue 12" section), on the real emulator; LocalStore and FirebaseStore refuse it too.
import {expect} from '@open-wc/testing';
import {assertFails, assertSucceeds} from './rules-unit-testing.js';
import {CONSENT, baseline, ts, type RulesEnv, useRulesEnv} from './rules-fixture.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, fixtureDocs} from '../support/firestore-admin.js';
import {member, privateRecord, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {docIn, pathIn} from './rules-fixture.js';
import {layout} from '../../src/data/domain/layout.js';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);

function profile(uid: string, extra: Record<string, unknown> = {}) {
  return {uid, conditions: ['asthma'], diagnosedBand: '1-3', experiences: ['inhalers'], relationship: 'patient', ageBand: '35-49',
    region: 'north-wales', languages: ['en'], interests: ['walking'], open: true, updatedAt: ts(), ...extra};
}
const NO_HEALTH = {conditions: [], diagnosedBand: null, experiences: []};

function world(cid: string, consenting: string[]): [string, Record<string, unknown>][] {
  const docs = baseline(cid).filter(([p]) => !p.includes('/matchProfiles/'));
  (docs.find(([p]) => p === pathIn(cid))![1] as {settings: {tags: string[]}}).settings.tags = ['asthma'];
  return docs.map(([p, v]): [string, Record<string, unknown>] =>
    (p.includes('/private/') && consenting.includes(p.split('/').pop()!) ? [p, {...v, healthConsent: {version: CONSENT, at: T0}}] : [p, v]));
}

describe('peer matching needs health consent for health details (issue 12)', function () {
  // Eight rules evaluations against the emulator: generous on a loaded machine.
  this.timeout(180000);

  describe('firestore.rules', () => {
    let rt: RulesEnv;
    useRulesEnv('demo-kindred-rules-match-consent', (e) => (rt = e));

    it('refuses conditions, diagnosis or experiences without consent; allows them with it, and matching without them', async () => {
      const cid = 'mc-1';
      await rt.admin.writeDocs(world(cid, ['m2']));
      const m1 = rt.db('member'); // no health consent
      await assertFails(docIn(m1, cid, layout.matchProfile('m1')).set(profile('m1')));
      await assertFails(docIn(m1, cid, layout.matchProfile('m1')).set(profile('m1', {...NO_HEALTH, conditions: ['asthma']})));
      await assertFails(docIn(m1, cid, layout.matchProfile('m1')).set(profile('m1', {...NO_HEALTH, diagnosedBand: 'over-10'})));
      await assertFails(docIn(m1, cid, layout.matchProfile('m1')).set(profile('m1', {...NO_HEALTH, experiences: ['inhalers']})));
      await assertSucceeds(docIn(m1, cid, layout.matchProfile('m1')).set(profile('m1', NO_HEALTH)));
      // Adding a condition later is an update: refused too.
      await assertFails(docIn(m1, cid, layout.matchProfile('m1')).update({conditions: ['asthma'], updatedAt: ts()}));
      const m2 = rt.db('other'); // consented
      await assertSucceeds(docIn(m2, cid, layout.matchProfile('m2')).set(profile('m2')));
    });
  });

  describe('the stores', () => {
    const input = {conditions: ['inhalers'], diagnosedBand: '1-3' as const, experiences: [], languages: ['en' as const], open: true};

    async function expectRefused(p: Promise<unknown>) {
      let caught: {code?: string; message?: string} | null = null;
      try {
        await p;
      } catch (e) {
        caught = e as {code?: string; message?: string};
      }
      expect(caught?.code).to.equal('permission-denied');
      expect(caught?.message).to.contain('health information');
    }

    function seed(cid: string) {
      const s = sampleSeed(cid, {members: [member('nocon'), member('yescon')]});
      s.privates = [privateRecord('nocon', s.community), privateRecord('yescon', s.community, {healthConsent: {version: s.community.settings.consentVersion, at: T0}})];
      return s;
    }

    it('LocalStore', async () => {
      const cid = uniqueCommunityId('mcl');
      const s = seed(cid);
      const tag = s.community.settings.tags[0];
      const no = await LocalStore.open({communityId: cid, seed: s, persistence: 'memory', user: {uid: 'nocon', anonymous: false}});
      const yes = await LocalStore.open({communityId: cid, seed: s, persistence: 'memory', user: {uid: 'yescon', anonymous: false}});
      await expectRefused(no.setMatchProfile({...input, conditions: [tag]}));
      expect(await no.getMatchProfile()).to.equal(null);
      expect((await no.setMatchProfile({languages: ['en'], open: true})).conditions).to.deep.equal([]);
      expect((await yes.setMatchProfile({...input, conditions: [tag]})).conditions).to.deep.equal([tag]);
      await Promise.all([no.dispose(), yes.dispose()]);
    });

    it('FirebaseStore on the emulator', async () => {
      const cid = uniqueCommunityId('mcf');
      const projectId = 'demo-kindred-match-consent';
      const s = seed(cid);
      const tag = s.community.settings.tags[0];
      await new FirestoreAdmin(projectId).writeDocs(fixtureDocs(s));
      const {host, port} = emulatorHost();
      const no = await createFirebaseStore({communityId: cid, config: {projectId, apiKey: 'k', appId: 'a'}, emulator: {host, port, mockUser: {uid: 'nocon'}}});
      try {
        await expectRefused(no.setMatchProfile({...input, conditions: [tag]}));
        expect(await no.getMatchProfile()).to.equal(null);
      } finally {
        await no.dispose();
      }
    });
  });
});
