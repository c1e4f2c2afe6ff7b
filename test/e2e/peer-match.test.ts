// End to end on the Firestore emulator with the real firestore.rules (issue 6): two members opt in
// through <kin-peer-match-card>, Alice sees Bea as her match and says hello, Bea accepts in her card,
// and both open the private conversation and read each other's posts. A third member cannot read it.
// Each FirebaseStore acts as its own uid on its own `<uid>.localhost` host (6 connections per host).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/peer-match-card/kin-peer-match-card.js';
import type {KinPeerMatchCard} from '../../src/components/peer-match-card/peer-match-card.js';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {Post} from '../../src/data/types.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {T0, member, privateRecord, sampleCommunity, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {Live, expectError} from '../data/store.contract.js';
import {button, text} from '../support/dom.js';

const PROJECT = 'demo-kindred-e2e-match';
const until = (el: Element, what: string, predicate: () => boolean) =>
  waitUntil(predicate, `${what}; the card shows: ${text(el.shadowRoot!.querySelector('.base'))}`, {timeout: 15000, interval: 100});

describe('peer matching end to end (Firestore emulator)', function () {
  this.timeout(90000);
  const admin = new FirestoreAdmin(PROJECT);
  const stores: CommunityStore[] = [];
  const as = async (cid: string, uid: string) => {
    const store = await createFirebaseStore({
      communityId: cid, config: {projectId: PROJECT}, emulator: {host: `${uid}.localhost`, port: emulatorHost().port, mockUser: {uid}},
    });
    stores.push(store);
    return store;
  };
  after(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
    await admin.clear();
  });

  async function optIn(el: KinPeerMatchCard, region: string) {
    await until(el, 'the invitation', () => !!button(el, 'Save and find matches'));
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="asthma"]')!.click();
    el.shadowRoot!.querySelector<HTMLSelectElement>('#f-region')!.value = region;
    el.shadowRoot!.querySelector<HTMLInputElement>('#f-interests')!.value = 'walking';
    button(el, 'Save and find matches')!.click();
  }

  it('two members match, one says hello, the other accepts, both talk in a thread only they can read', async () => {
    const cid = uniqueCommunityId('e2e-match');
    // Conditions in a match profile are health information: these members gave health consent (issue 12).
    const consented = sampleCommunity(cid, {settings: {tags: ['asthma', 'COPD']}});
    await admin.seed(sampleSeed(cid, {members: ['alice', 'bea', 'cai'].map((u) => member(u)),
      privates: ['alice', 'bea', 'cai'].map((u) => privateRecord(u, consented, {healthConsent: {version: consented.settings.consentVersion, at: T0}}))},
    {settings: {tags: ['asthma', 'COPD']}}));
    const [alice, bea, cai] = [await as(cid, 'alice'), await as(cid, 'bea'), await as(cid, 'cai')];

    const beaCard = await fixture<KinPeerMatchCard>(html`<kin-peer-match-card .store=${bea}></kin-peer-match-card>`);
    await optIn(beaCard, 'north-wales');
    await until(beaCard, 'no matches yet for Bea', () => text(beaCard.shadowRoot!.querySelector('.base')).includes('No matches yet.'));

    const aliceCard = await fixture<KinPeerMatchCard>(html`<kin-peer-match-card .store=${alice}></kin-peer-match-card>`);
    await optIn(aliceCard, 'north-wales');
    await until(aliceCard, 'Bea suggested', () => text(aliceCard.shadowRoot!.querySelector('[part="match"] .name')) === 'Bea');
    expect(text(aliceCard.shadowRoot!.querySelector('[part="explanation"]'))).to.equal('You both: asthma · North Wales · walking');
    await expect(aliceCard).to.be.accessible();
    button(aliceCard, 'Say hello')!.click();
    await until(aliceCard, 'the hello form', () => !!aliceCard.shadowRoot!.querySelector('#hello'));
    const hello = aliceCard.shadowRoot!.querySelector<HTMLTextAreaElement>('#hello')!;
    hello.value = 'Hi Bea, I walk too';
    hello.dispatchEvent(new Event('input'));
    button(aliceCard, 'Send request')!.click();
    await until(aliceCard, 'waiting for Bea', () => text(aliceCard.shadowRoot!.querySelector('[part="connections"]')).includes('Waiting for Bea to reply'));

    await until(beaCard, 'Alice’s request', () => text(beaCard.shadowRoot!.querySelector('[part="connections"]')).includes('Alice would like to connect'));
    expect(text(beaCard.shadowRoot!.querySelector('[part="connections"]'))).to.contain('Hi Bea, I walk too');
    button(beaCard, 'Accept')!.click();
    await until(beaCard, 'connected', () => !!button(beaCard, 'Open conversation'));
    await until(aliceCard, 'connected for Alice', () => !!button(aliceCard, 'Open conversation'));

    // Both open the private conversation in place; what one writes, the other reads.
    // (A thread already open shows later posts behind "N new posts"; Bea opens hers after Alice wrote.)
    button(aliceCard, 'Open conversation')!.click();
    await until(aliceCard, 'the thread element', () => !!aliceCard.shadowRoot!.querySelector('kin-discussion-thread'));
    const first = await alice.createPost({id: alice.newId(), threadId: 'c_alice_bea', body: 'So glad you said yes!'});
    button(beaCard, 'Open conversation')!.click();
    await until(beaCard, 'Bea’s thread element', () => !!beaCard.shadowRoot!.querySelector('kin-discussion-thread'));
    const beaThread = beaCard.shadowRoot!.querySelector('kin-discussion-thread')!;
    await waitUntil(() => text(beaThread.shadowRoot).includes('So glad you said yes!'), 'Bea’s card shows Alice’s private post', {timeout: 15000}).catch((e) => { throw new Error(`${e.message}: ${text(beaThread.shadowRoot)}`); });
    const reply = await bea.createPost({id: bea.newId(), threadId: 'c_alice_bea', body: 'Me too. Walk on Saturday?'});
    const aliceSees = new Live<Post[]>((n, e) => alice.watchPosts('c_alice_bea', {limit: 20}, n, e));
    await aliceSees.until((p) => p.map((x) => x.id).join() === [first.id, reply.id].join(), 'Alice reads Bea’s reply', 15000);
    aliceSees.stop();

    await expectError(cai.getThread('c_alice_bea'), 'permission-denied');
    await expectError(new Live<Post[]>((n, e) => cai.watchPosts('c_alice_bea', {limit: 20}, n, e)).failure(15000).then((e) => Promise.reject(e)), 'permission-denied');
  });
});
