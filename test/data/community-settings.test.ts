// Issue 14: the admin console's largest save, through the CommunityStore API on both stores (LocalStore, and
// FirebaseStore on the emulator with the real firestore.rules): every list full and every text at its limit in
// ONE updateCommunity call. It used to pass the stores' validation and then be refused by the rules with a
// generic error (the update rule ran out of its 1,000-expression budget from about 9 banned words on).
// A bad value is refused by both stores with the same field and message, before anything is written.
import {expect} from '@open-wc/testing';
import type {CommunityStore} from '../../src/data/store.js';
import type {Community, CommunitySettings} from '../../src/data/types.js';
import type {CommunityPatch} from '../../src/data/community-admin.js';
import {firebaseHarness, localHarness, member, roles, sampleSeed, uniqueCommunityId, type StoreHarness} from '../support/index.js';
import {expectError} from './store.contract.js';

function worst(x: string): CommunityPatch {
  const tags = Array.from({length: 100}, (_, i) => `${x}${String(i).padStart(3, '0')}-${'t'.repeat(40)}`.slice(0, 40));
  const label = (lang: string) => Object.fromEntries(tags.map((t, i) => [t, `${lang} ${x}${i} ${'l'.repeat(60)}`.slice(0, 60)]));
  const contact = (i: number) => ({
    name: {en: `${x}Helpline ${i} ${'n'.repeat(80)}`.slice(0, 80), cy: `${x}Llinell ${i} ${'n'.repeat(80)}`.slice(0, 80)},
    detail: {en: `${x}Weekdays ${'d'.repeat(200)}`.slice(0, 200), cy: `${x}Dyddiau ${'d'.repeat(200)}`.slice(0, 200)},
    number: '+44 7700 900 123 456', sms: i === 1,
  });
  const settings: Partial<CommunitySettings> = {
    bannedWords: Array.from({length: 500}, (_, i) => `${x}${i} ${'w'.repeat(100)}`.slice(0, 100)),
    tags, tagLabels: {en: label('en'), cy: label('cy')},
    crisisContacts: {extra: [contact(0), contact(1), contact(2)], hide: ['nhs111', 'shout', 'childline']},
    guidelines: {en: `${x}${'Be kind. '.repeat(900)}`.slice(0, 8000).trim(), cy: `${x}${'Byddwch yn garedig. '.repeat(400)}`.slice(0, 8000).trim()},
    moderation: 'first-posts', holdFirstPosts: 100, postIntervalSeconds: 86400, reportsPerHour: 1000, requireEmailSignIn: true, crisisReview: true,
  };
  return {name: {en: `${x}${'N'.repeat(120)}`.slice(0, 120), cy: 'Cymuned'}, tagline: {en: 'T'.repeat(300)}, settings};
}

function read(store: CommunityStore): Promise<Community> {
  return new Promise((resolve, reject) => { const stop = store.watchCommunity((c) => { if (c) { queueMicrotask(stop); resolve(c); } }, reject); });
}

for (const make of [localHarness, () => firebaseHarness('demo-kindred-community-settings')]) {
  const h: StoreHarness = make();
  describe(`community settings on ${h.kind === 'local' ? 'LocalStore' : 'FirebaseStore (emulator, real rules)'} (issue 14)`, function () {
    this.timeout(90000);
    let store: CommunityStore;
    let cid: string;
    beforeEach(async () => {
      cid = uniqueCommunityId('settings');
      await h.seed(sampleSeed(cid, {members: [member('ada', {badges: ['admin']})], roles: [roles('ada', ['admin'])]}));
      store = await h.storeAs(cid, 'ada');
    });
    afterEach(() => h.cleanup());

    it('saves the largest settings in one call, twice, and reads them back', async () => {
      for (const x of ['', 'x']) {
        const patch = worst(x);
        const saved = await store.updateCommunity(patch);
        expect(saved.settings.bannedWords).to.have.length(500);
        const c = await read(store);
        expect(c.name.en).to.equal(patch.name!.en);
        expect(c.settings.bannedWords).to.deep.equal(patch.settings!.bannedWords);
        expect(c.settings.tagLabels).to.deep.equal(patch.settings!.tagLabels);
        expect(c.settings.crisisContacts).to.deep.equal(patch.settings!.crisisContacts);
        expect(c.settings.guidelines).to.deep.equal(patch.settings!.guidelines);
        expect(c.settings).to.include({requireEmailSignIn: true, crisisReview: true});
      }
    });

    it('refuses a bad value with its field and message, writing nothing', async () => {
      const before = await read(store);
      const refuse = async (settings: Partial<CommunitySettings>, field: string, message: RegExp) => {
        const e = await expectError(store.updateCommunity({settings}), 'invalid-argument');
        expect(e.field).to.equal(field);
        expect(e.message).to.match(message);
      };
      await refuse({bannedWords: ['fine', 'bell\u0007']}, 'bannedWords', /contains control characters/);
      await refuse({bannedWords: ['x'.repeat(101)]}, 'bannedWords', /the limit is 100/);
      await refuse({tags: before.settings.tags, tagLabels: {en: {spacers: 'Spacers'}}}, 'tagLabels.en', /not one of the community’s tags/);
      await refuse({tagLabels: {en: {[before.settings.tags[0]]: 5 as unknown as string}}}, 'tagLabels.en', /must be text/);
      await refuse({crisisContacts: {extra: [{name: {en: 'Help'}, detail: {en: ''}, number: 'javascript:alert(1)', sms: false}], hide: []}},
        'crisisContacts.0.number', /is not a phone number/);
      await refuse({requireEmailSignIn: 'yes' as unknown as boolean}, 'requireEmailSignIn', /switched on or off/);
      await refuse({guidelinesVersion: 'g3\nsecond line'}, 'guidelinesVersion', /on one line/);
      expect(await read(store)).to.deep.equal(before);
    });
  });
}
