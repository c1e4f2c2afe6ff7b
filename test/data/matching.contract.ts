// The peer matching and connections contract (issue 6), run against LocalStore and against
// FirebaseStore on the real emulator with the real firestore.rules. Decisions pinned here (see
// src/data/connections.ts): opting in = having a match profile; the pair's connection id is
// `${smaller}_${larger}`; declining, ending and blocking all make the connection disappear from the
// other member's list (never "declined" or "blocked"); an ended pair is never suggested or requested
// again; accepting creates a private thread only the pair can read.
import {expect} from '@open-wc/testing';
import type {SeedFixture} from '../../src/data/seed.js';
import type {CommunityStore, MatchProfileInput} from '../../src/data/store.js';
import type {Connection, Post} from '../../src/data/types.js';
import {T0, member, privateRecord, sampleCommunity, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import type {StoreHarness} from './contract-harness.js';
import {Live, expectError} from './store.contract.js';

const VISITOR = ['unauthenticated', 'permission-denied'] as const;
const TAGS = ['asthma', 'COPD', 'inhalers'];

const profile = (extra: MatchProfileInput = {}): MatchProfileInput => ({
  conditions: ['asthma'], diagnosedBand: '1-3', relationship: 'patient', region: 'north-wales', languages: ['en', 'cy'],
  interests: ['walking'], open: true, ...extra,
});

function seed(id: string, extraMembers: string[] = []): SeedFixture {
  // Conditions in a match profile are health information: these members gave health consent (issue 12).
  const uids = ['alice', 'bea', 'cai', 'dai', ...extraMembers];
  const community = sampleCommunity(id, {settings: {tags: TAGS}});
  return sampleSeed(id, {
    members: uids.map((uid) => member(uid)),
    privates: uids.map((uid) => privateRecord(uid, community, {healthConsent: {version: community.settings.consentVersion, at: T0}})),
  }, {settings: {tags: TAGS}});
}

export function runMatchingContract(harness: () => StoreHarness) {
  const kind = harness().kind;

  describe(`CommunityStore matching and connections contract (${kind})`, function () {
    this.timeout(30000);
    let h: StoreHarness;
    let id: string;
    const watchers: Live<unknown>[] = [];

    async function setup(extraMembers: string[] = []) {
      await h.seed(seed(id, extraMembers));
      return (uid: string | null) => h.storeAs(id, uid);
    }
    function live<T>(subscribe: ConstructorParameters<typeof Live<T>>[0]): Live<T> {
      const w = new Live<T>(subscribe);
      watchers.push(w as Live<unknown>);
      return w;
    }
    const connections = (store: CommunityStore) => live<Connection[]>((n, e) => store.watchConnections(n, e));

    beforeEach(() => {
      h = harness();
      id = uniqueCommunityId('match');
    });
    afterEach(async () => {
      for (const w of watchers.splice(0)) w.stop();
      await h.cleanup();
    });

    describe('match profiles (opt-in)', () => {
      it('opting in stores the profile; turning matching off deletes it', async () => {
        const as = await setup();
        const alice = await as('alice');
        expect(await alice.getMatchProfile()).to.equal(null);
        const saved = await alice.setMatchProfile(profile({interests: ['walking', 'walking', ' choirs ']}));
        expect(saved).to.include({uid: 'alice', diagnosedBand: '1-3', region: 'north-wales', open: true});
        expect(saved.interests, 'trimmed, without duplicates').to.deep.equal(['walking', 'choirs']);
        const stored = await alice.getMatchProfile();
        expect({...stored!, updatedAt: 0}).to.deep.equal({...saved, updatedAt: 0});
        await alice.removeMatchProfile();
        expect(await alice.getMatchProfile()).to.equal(null);
      });

      it('refuses conditions outside the community’s list, towns as regions, visitors and non-members', async () => {
        const as = await setup();
        const alice = await as('alice');
        await expectError(alice.setMatchProfile(profile({conditions: ['flu']})), 'invalid-argument', 'conditions');
        await expectError(alice.setMatchProfile(profile({region: 'Cardiff'})), 'invalid-argument', 'region');
        await expectError(alice.setMatchProfile(profile({interests: ['x'.repeat(41)]})), 'invalid-argument', 'interests');
        await expectError((await as(null)).setMatchProfile(profile()), 'unauthenticated');
        await expectError((await as('stranger')).setMatchProfile(profile()), 'permission-denied');
        expect(await alice.getMatchProfile()).to.equal(null);
      });
    });

    describe('findMatches', () => {
      it('needs the member’s own opt-in', async () => {
        const as = await setup();
        const bea = await as('bea');
        await bea.setMatchProfile(profile());
        await expectError((await as('alice')).findMatches(), 'permission-denied');
        await expectError((await as(null)).findMatches(), VISITOR as unknown as ('unauthenticated' | 'permission-denied')[]);
      });

      it('suggests open members with something in common, best first, with the card’s profile bits and an explanation', async () => {
        const as = await setup();
        const [alice, bea, cai, dai] = await Promise.all([as('alice'), as('bea'), as('cai'), as('dai')]);
        await alice.setMatchProfile(profile());
        await bea.setMatchProfile(profile({interests: ['walking']}));
        await cai.setMatchProfile(profile({diagnosedBand: 'over-10', region: null, languages: [], interests: []}));
        await dai.setMatchProfile(profile({open: false}));
        const matches = await alice.findMatches({limit: 5});
        expect(matches.map((m) => m.uid), 'not herself, not a closed profile').to.deep.equal(['bea', 'cai']);
        expect(matches[0].member).to.deep.equal({uid: 'bea', pseudonym: 'Bea', avatarUrl: null, avatarHue: 200, relationship: 'patient'});
        expect(matches[0].explanation).to.equal('You both: asthma · diagnosed 1–3 years ago · patients · North Wales · Welsh speakers · walking');
        expect(matches[0].score).to.be.greaterThan(matches[1].score);
        const cy = await alice.findMatches({limit: 1, locale: 'cy'});
        expect(cy[0].explanation).to.match(/^Mae’r ddau ohonoch: asthma/);
      });
    });

    describe('connections', () => {
      it('double opt-in: a request is pending for both; accepting opens a thread only the pair can read', async () => {
        const as = await setup();
        const [alice, bea, cai] = await Promise.all([as('alice'), as('bea'), as('cai')]);
        await alice.setMatchProfile(profile());
        await bea.setMatchProfile(profile());
        const request = await alice.requestConnection('bea', 'Hello from a fellow walker');
        expect(request).to.include({id: 'alice_bea', requestedBy: 'alice', status: 'pending', message: 'Hello from a fellow walker', threadId: null});
        expect(request.members).to.deep.equal(['alice', 'bea']);
        expect((await alice.requestConnection('bea', 'again')).message, 'a retried request returns the first').to.equal('Hello from a fellow walker');

        const beaSees = connections(bea);
        const incoming = await beaSees.until((c) => c.length === 1, 'Bea sees the request');
        expect(incoming[0]).to.include({id: 'alice_bea', status: 'pending', requestedBy: 'alice'});
        await expectError(alice.respondToConnection('alice_bea', true), 'permission-denied');
        await expectError(cai.respondToConnection('alice_bea', true), ['not-found', 'permission-denied']);

        const accepted = await bea.respondToConnection('alice_bea', true);
        expect(accepted).to.include({status: 'accepted', threadId: 'c_alice_bea'});
        const aliceSees = connections(alice);
        await aliceSees.until((c) => c.length === 1 && c[0].status === 'accepted' && c[0].threadId === 'c_alice_bea', 'Alice sees it accepted');

        const thread = await alice.getThread('c_alice_bea');
        expect(thread?.participants).to.deep.equal(['alice', 'bea']);
        await expectError(cai.getThread('c_alice_bea'), 'permission-denied');
        expect((await alice.listThreads()).items.map((t) => t.id), 'never in the hub list').to.not.include('c_alice_bea');
        const hello = await alice.createPost({id: alice.newId(), threadId: 'c_alice_bea', body: 'So glad you said yes'});
        const posts = live<Post[]>((n, e) => bea.watchPosts('c_alice_bea', {limit: 20}, n, e));
        await posts.until((p) => p.some((x) => x.id === hello.id), 'Bea reads Alice’s private post');
        await expectError(cai.createPost({id: cai.newId(), threadId: 'c_alice_bea', body: 'Let me in'}), 'permission-denied');
        expect((await alice.findMatches()).map((m) => m.uid), 'a connection is not suggested again').to.not.include('bea');
      });

      it('declining is silent: the request just disappears for the sender, who cannot ask again', async () => {
        const as = await setup();
        const [alice, bea] = await Promise.all([as('alice'), as('bea')]);
        await alice.requestConnection('bea');
        const aliceSees = connections(alice);
        await aliceSees.until((c) => c.length === 1, 'pending');
        const declined = await bea.respondToConnection('alice_bea', false);
        expect(declined.status).to.equal('ended');
        await aliceSees.until((c) => c.length === 0, 'the request is gone for Alice');
        await expectError(alice.requestConnection('bea', 'please?'), 'permission-denied');
      });

      it('either member ends a connection; blocking someone never connected hides each from the other', async () => {
        const as = await setup();
        const [alice, bea, dai] = await Promise.all([as('alice'), as('bea'), as('dai')]);
        await Promise.all([alice.setMatchProfile(profile()), dai.setMatchProfile(profile())]);
        await alice.requestConnection('bea');
        await bea.respondToConnection('alice_bea', true);
        const beaSees = connections(bea);
        await beaSees.until((c) => c.length === 1, 'connected');
        await alice.endConnection('alice_bea');
        await beaSees.until((c) => c.length === 0, 'ended: gone for Bea');

        expect((await alice.findMatches()).map((m) => m.uid)).to.include('dai');
        await dai.blockMember('alice');
        expect((await alice.findMatches()).map((m) => m.uid), 'Alice no longer sees Dai').to.not.include('dai');
        expect((await dai.findMatches()).map((m) => m.uid), 'nor Dai Alice').to.not.include('alice');
        await expectError(alice.requestConnection('dai'), 'permission-denied');
        const aliceSees = connections(alice);
        expect(await aliceSees.until(() => true, 'Alice’s list'), 'nothing tells Alice').to.deep.equal([]);
      });

      it('refuses requests to oneself, to non-members, from visitors, and floods beyond the daily limit', async () => {
        const extra = Array.from({length: 11}, (_, i) => `m${String(i).padStart(2, '0')}`);
        const as = await setup(extra);
        const alice = await as('alice');
        await expectError(alice.requestConnection('alice'), 'invalid-argument', 'uid');
        await expectError(alice.requestConnection('nobody'), ['not-found', 'permission-denied']);
        await expectError((await as(null)).requestConnection('bea'), VISITOR as unknown as ('unauthenticated' | 'permission-denied')[]);
        for (const uid of extra.slice(0, 10)) await alice.requestConnection(uid);
        await expectError(alice.requestConnection(extra[10]), 'rate-limited');
      });
    });
  });
}
