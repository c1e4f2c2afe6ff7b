// <kin-peer-match-card> on a seeded in-memory LocalStore: every state with axe, opting in, saying
// hello (and the cancelable path), skipping, answering requests, the private conversation, ending and
// blocking, a connect request from another element, Welsh, and teardown.
import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/peer-match-card/kin-peer-match-card.js';
import type {KinPeerMatchCard} from '../../src/components/peer-match-card/peer-match-card.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {KindredError} from '../../src/data/errors.js';
import type {CommunityStore, MatchProfileInput} from '../../src/data/store.js';
import type {Connection} from '../../src/data/types.js';
import {KinConnectRequestEvent} from '../../src/events/connect-request.js';
import {T0, member, privateRecord, sampleCommunity, sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {nextEvent} from '../support/events.js';
import {$, $$, text, button} from '../support/dom.js';


const profile = (extra: MatchProfileInput = {}): MatchProfileInput => ({
  conditions: ['asthma'], diagnosedBand: '1-3', relationship: 'patient', region: 'north-wales', languages: ['en', 'cy'], open: true, ...extra,
});

let communityId = '';
const stores: CommunityStore[] = [];
async function as(uid: string | null): Promise<LocalStore> {
  const store = await LocalStore.open({communityId, persistence: 'memory', user: uid ? {uid, anonymous: false} : null});
  stores.push(store);
  return store;
}

async function card(store: CommunityStore, attrs = html``): Promise<KinPeerMatchCard> {
  void attrs;
  return fixture<KinPeerMatchCard>(html`<kin-peer-match-card .store=${store}></kin-peer-match-card>`);
}

const until = (el: KinPeerMatchCard, what: string, predicate: () => boolean) =>
  waitUntil(predicate, `${what}; the card shows: ${text(el.shadowRoot!.querySelector('.base'))}`, {timeout: 4000});

function watch(store: CommunityStore): {latest: () => Connection[] | null; stop: () => void} {
  let latest: Connection[] | null = null;
  const stop = store.watchConnections((c) => (latest = c), () => {});
  return {latest: () => latest, stop};
}

describe('<kin-peer-match-card>', () => {
  beforeEach(async () => {
    communityId = uniqueCommunityId('card');
    // Conditions in a match profile are health information: these members gave health consent (issue 12).
    const uids = ['alice', 'bea', 'cai'];
    const community = sampleCommunity(communityId, {settings: {tags: ['asthma', 'COPD']}});
    const consented = uids.map((u) => privateRecord(u, community, {healthConsent: {version: community.settings.consentVersion, at: T0}}));
    const seed = sampleSeed(communityId, {members: uids.map((u) => member(u)), privates: consented}, {settings: {tags: ['asthma', 'COPD']}});
    await LocalStore.reset({communityId, persistence: 'memory'}, seed);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
    await LocalStore.reset({communityId, persistence: 'memory'});
  });

  describe('when signed out', () => {
    it('invites the visitor to join and asks the page to open the join form', async () => {
      const el = await card(await as(null));
      await until(el, 'the join prompt', () => !!button(el, 'Join to find people like you'));
      expect(text(el.shadowRoot!.querySelector('.base'))).to.contain('Join the community to meet people who share your experience.');
      await expect(el).to.be.accessible();
      setTimeout(() => button(el, 'Join to find people like you')!.click());
      expect((await nextEvent(el, 'kin-join-request')).reason).to.equal('connect');
    });
  });

  describe('when loading and when loading fails', () => {
    it('shows loading, then an error with a working retry', async () => {
      const store = await as('alice');
      let fail = true;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const getMatchProfile = async () => {
        await gate;
        if (fail) throw new KindredError('unavailable', 'The test network is down: try again.');
        return store.getMatchProfile();
      };
      // The real store, with a slow and failing getMatchProfile.
      const wrapped = new Proxy(store, {
        get: (target, key) => {
          if (key === 'getMatchProfile') return getMatchProfile;
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as CommunityStore;
      const el = await card(wrapped);
      await until(el, 'loading', () => text($(el, '[role="status"].muted')) === 'Loading…');
      await expect(el).to.be.accessible();
      const errorEvent = nextEvent(el, 'kin-error');
      release();
      expect((await errorEvent).code).to.equal('unavailable');
      await until(el, 'the error', () => !!$(el, '[role="alert"]'));
      expect(text($(el, '[role="alert"]'))).to.contain('cannot reach the community');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Try again')!.click();
      await until(el, 'the invitation after retrying', () => !!button(el, 'Save and find matches'));
    });
  });

  describe('when not opted in', () => {
    it('explains matching and opts in with the form (conditions from the community’s tags)', async () => {
      const bea = await as('bea');
      await bea.setMatchProfile(profile());
      const alice = await as('alice');
      const el = await card(alice);
      await until(el, 'the invitation', () => !!button(el, 'Save and find matches'));
      expect(text(el.shadowRoot!.querySelector('.base'))).to.contain('Only members who also opted in can see what you choose here');
      expect($$<HTMLInputElement>(el, 'input[name="conditions"]').map((i) => i.value)).to.deep.equal(['asthma', 'COPD']);
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, 'input[value="asthma"]')!.click();
      $<HTMLSelectElement>(el, '#f-region')!.value = 'north-wales';
      $<HTMLInputElement>(el, '#f-interests')!.value = 'walking, choirs';
      button(el, 'Save and find matches')!.click();
      await until(el, 'Bea suggested', () => text($(el, '[part="match"]')).includes('Bea'));
      const saved = await alice.getMatchProfile();
      expect(saved).to.include({region: 'north-wales', open: true});
      expect(saved!.conditions).to.deep.equal(['asthma']);
      expect(saved!.interests).to.deep.equal(['walking', 'choirs']);
    });
  });

  describe('when there are no matches yet', () => {
    it('says so kindly and offers to turn matching off', async () => {
      const alice = await as('alice');
      await alice.setMatchProfile(profile());
      const el = await card(alice);
      await until(el, 'no matches', () => text(el.shadowRoot!.querySelector('.base')).includes('No matches yet.'));
      await expect(el).to.be.accessible();
      button(el, 'Turn matching off')!.click();
      await until(el, 'turned off', () => text($(el, '[role="status"][aria-live]')).includes('Matching is off'));
      expect(await alice.getMatchProfile()).to.equal(null);
    });
  });

  describe('when there are matches', () => {
    let alice: LocalStore;
    let bea: LocalStore;
    beforeEach(async () => {
      [alice, bea] = [await as('alice'), await as('bea')];
      const cai = await as('cai');
      await alice.setMatchProfile(profile());
      await bea.setMatchProfile(profile());
      await cai.setMatchProfile(profile({region: null, languages: []}));
    });

    it('shows the best match with why; says hello by keyboard; the request reaches Bea', async () => {
      const el = await card(alice);
      await until(el, 'a match', () => !!$(el, '[part="match"]'));
      const match = $(el, '[part="match"]')!;
      expect(text(match.querySelector('.name'))).to.equal('Bea');
      expect(text(match.querySelector('[part="explanation"]'))).to.equal('You both: asthma · diagnosed 1–3 years ago · patients · North Wales · Welsh speakers');
      expect(text(match)).to.contain('Suggestion 1 of 2');
      await expect(el).to.be.accessible();

      button(el, 'Say hello')!.focus();
      await sendKeys({press: 'Enter'});
      await until(el, 'the hello form', () => el.shadowRoot!.activeElement?.id === 'hello');
      await sendKeys({type: 'Hi Bea, fellow walker here'});
      await expect(el).to.be.accessible();
      const request = nextEvent(el, 'kin-connect-request');
      const changed = nextEvent(el, 'kin-connection-change');
      button(el, 'Send request')!.click();
      expect((await request).uid).to.equal('bea');
      expect(await changed).to.include({connectionId: 'alice_bea', change: 'requested'});
      await until(el, 'the confirmation', () => text($(el, '[role="status"][aria-live]')).includes('Request sent to Bea'));
      const w = watch(bea);
      await waitUntil(() => w.latest()?.length === 1, 'Bea sees the request');
      expect(w.latest()![0]).to.include({requestedBy: 'alice', message: 'Hi Bea, fellow walker here', status: 'pending'});
      w.stop();
    });

    it('sends nothing when the request event is cancelled', async () => {
      const el = await card(alice);
      await until(el, 'a match', () => !!button(el, 'Say hello'));
      el.addEventListener('kin-connect-request', (e) => e.preventDefault());
      button(el, 'Say hello')!.click();
      await until(el, 'the hello form', () => !!button(el, 'Send request'));
      button(el, 'Send request')!.click();
      await aTimeout(50);
      const w = watch(bea);
      await waitUntil(() => w.latest() !== null, 'Bea’s list');
      expect(w.latest()).to.deep.equal([]);
      w.stop();
    });

    it('"show another" moves on and "not now" skips', async () => {
      const el = await card(alice);
      await until(el, 'a match', () => !!$(el, '[part="match"]'));
      button(el, 'Show another')!.click();
      await until(el, 'Cai', () => text($(el, '[part="match"] .name')) === 'Cai');
      button(el, 'Not now')!.click();
      await until(el, 'Bea again, alone', () => text($(el, '[part="match"] .name')) === 'Bea' && !button(el, 'Show another'));
    });
  });

  describe('my connections', () => {
    it('accepts a request, opens the private conversation in place, then ends it without telling why', async () => {
      const [alice, bea] = [await as('alice'), await as('bea')];
      await bea.requestConnection('alice', 'Hello Alice!');
      const el = await card(alice);
      await until(el, 'the incoming request', () => text($(el, '[part="connections"]')).includes('Bea would like to connect'));
      expect(text($(el, '[part="connections"]'))).to.contain('Hello Alice!');
      await expect(el).to.be.accessible();
      const accepted = nextEvent(el, 'kin-connection-change');
      button(el, 'Accept')!.click();
      expect((await accepted).change).to.equal('accepted');
      await until(el, 'connected', () => !!button(el, 'Open conversation'));
      button(el, 'Open conversation')!.click();
      await until(el, 'the private thread', () => !!$(el, 'kin-discussion-thread'));
      const thread = $<KinDiscussionThread>(el, 'kin-discussion-thread')!;
      // The pair's conversation on its own (thread-id): its title, a composer, no hub list and no "back".
      expect(thread.threadId).to.equal('c_alice_bea');
      expect(thread.mode).to.equal('thread');
      expect(thread.hasAttribute('thread'), 'no uid-made id among the attributes').to.equal(false);
      await until(el, 'the conversation, ready to write in', () => text($(thread, '#thread-heading')) === 'Bea · Alice' && !!$(thread, 'textarea#compose'));
      expect($(thread, 'button.back')).to.equal(null);
      expect($(thread, '[part="thread-list"]')).to.equal(null);
      expect(button(el, 'Close conversation')!.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();

      button(el, 'End connection')!.click();
      await until(el, 'the confirmation', () => text(el.shadowRoot!.querySelector('[role="group"]')).includes('They will not be told why'));
      await expect(el).to.be.accessible();
      button(el, 'Yes')!.click();
      await until(el, 'ended', () => text($(el, '.base')).includes('No connections yet.'));
      expect($(el, 'kin-discussion-thread')).to.equal(null);
      const w = watch(bea);
      await waitUntil(() => w.latest() !== null, 'Bea’s list');
      expect(w.latest(), 'the connection is simply gone for Bea').to.deep.equal([]);
      w.stop();
    });

    it('blocks a member from an incoming request', async () => {
      const [alice, bea] = [await as('alice'), await as('bea')];
      await bea.requestConnection('alice');
      const el = await card(alice);
      await until(el, 'the incoming request', () => !!button(el, 'Block'));
      button(el, 'Block')!.click();
      await until(el, 'confirm', () => !!button(el, 'Yes'));
      const blocked = nextEvent(el, 'kin-connection-change');
      button(el, 'Yes')!.click();
      expect((await blocked).change).to.equal('blocked');
      await until(el, 'gone', () => text($(el, '.base')).includes('No connections yet.'));
      await bea.requestConnection('alice').then(() => expect.fail('Bea could ask again'), (e) => expect(e.code).to.equal('permission-denied'));
    });
  });

  it('opens "say hello" for a kin-connect-request fired by another element (the directory)', async () => {
    const alice = await as('alice');
    const el = await card(alice);
    await until(el, 'loaded', () => !!button(el, 'Save and find matches'));
    const directory = document.createElement('div');
    document.body.append(directory);
    directory.dispatchEvent(new KinConnectRequestEvent('cai'));
    directory.remove();
    await until(el, 'the hello form for Cai', () => text($(el, 'label[for="hello"]')) === 'A short hello to Cai (optional)');
    button(el, 'Send request')!.click();
    await until(el, 'sent', () => text($(el, '[role="status"][aria-live]')).includes('Request sent to Cai'));
  });

  it('shows the offline state', async () => {
    const alice = await as('alice');
    const el = await card(alice);
    await until(el, 'loaded', () => !!button(el, 'Save and find matches'));
    window.dispatchEvent(new Event('offline'));
    await until(el, 'offline', () => text($(el, '.base')).includes('You are offline'));
    expect(button(el, 'Save and find matches')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await until(el, 'online again', () => !text($(el, '.base')).includes('You are offline'));
  });

  it('speaks Welsh', async () => {
    const alice = await as('alice');
    const wrapper = await fixture(html`<div lang="cy"><kin-peer-match-card .store=${alice}></kin-peer-match-card></div>`);
    const el = wrapper.querySelector('kin-peer-match-card')!;
    await until(el, 'Welsh', () => !!button(el, 'Cadw a chwilio am bobl'));
    expect(text($(el, '.heading'))).to.equal('Pobl fel chi');
    await expect(el).to.be.accessible();
  });

  it('ends its subscriptions when removed', async () => {
    const el = await card(await as('alice'));
    await until(el, 'loaded', () => el.subscribed && !!button(el, 'Save and find matches'));
    el.remove();
    expect(el.subscribed).to.equal(false);
  });
});
