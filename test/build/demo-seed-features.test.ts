// Issue 12 (finding 9): the demo seed shows every feature, and a local preview can be tried as a moderator.
// Starts where charity staff start: the demo pages' own markup (`<kin-community community="asthma-cymru"
// store="local" seed="…/seed.json">`) in a browser whose preview remembers a seeded member, which is what
// the demo pages' `?as=UID` link does (demo/demo.js writes the LocalStore's remembered session).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import '../../src/components/peer-match-card/kin-peer-match-card.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import {SESSION_KEY} from '../../src/data/local/session.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {$, shadowText} from '../support/dom.js';

const COMMUNITY = 'asthma-cymru';

/** As demo/demo.js does for `?as=UID` (and `?as=` to sign out). */
function actAs(uid: string | null) {
  if (uid) localStorage.setItem(SESSION_KEY, JSON.stringify({uid, anonymous: false}));
  else localStorage.removeItem(SESSION_KEY);
}

describe('the demo seed shows every feature (issue 12)', function () {
  this.timeout(60_000);
  let seed: SeedFixture;
  before(async () => {
    seed = (await (await fetch('/demo/seed.json')).json()) as SeedFixture;
  });
  const clean = async () => {
    actAs(null);
    await LocalStore.reset({communityId: COMMUNITY});
  };
  beforeEach(clean);
  afterEach(clean);

  it('has match profiles (health details only with health consent), a held post, an open report and connections', () => {
    const consented = new Set(seed.privates!.filter((p) => p.healthConsent).map((p) => p.uid));
    expect(seed.matchProfiles!.length).to.be.at.least(4);
    for (const m of seed.matchProfiles!) expect(consented.has(m.uid), `${m.uid} gave health consent`).to.equal(true);
    expect(seed.posts!.filter((p) => p.status === 'held')).to.have.length(1);
    expect(seed.reports!.filter((r) => r.status === 'open')).to.have.length(1);
    expect(seed.connections!.map((c) => c.status).sort()).to.deep.equal(['accepted', 'pending']);
  });

  it('?as=u-megan: the moderator\'s queue on the account page has the held post and the report', async () => {
    actAs('u-megan');
    const root = await fixture<HTMLElement>(html`<kin-community community=${COMMUNITY} store="local" seed="/demo/seed.json">
      <kin-moderation-queue heading-level="2"></kin-moderation-queue></kin-community>`);
    const queue = root.querySelector('kin-moderation-queue')!;
    await waitUntil(() => $(queue, '[part="count"]')?.textContent === '2 items to review', 'two items in the queue', {timeout: 15_000});
    expect(shadowText(queue)).to.contain('07700 900123');
    expect(shadowText(queue)).to.contain('mostly a con');
    await expect(queue).to.be.accessible();
  });

  it('?as=u-catrin: the founder\'s peer-match card shows matches and her connections', async () => {
    actAs('u-catrin');
    const root = await fixture<HTMLElement>(html`<kin-community community=${COMMUNITY} store="local" seed="/demo/seed.json">
      <kin-peer-match-card heading-level="2"></kin-peer-match-card></kin-community>`);
    const card = root.querySelector('kin-peer-match-card')!;
    await waitUntil(() => card.shadowRoot!.querySelectorAll('[part="match"]').length > 0, 'matches shown', {timeout: 15_000});
    expect(shadowText(card)).to.not.contain('No matches yet');
    await waitUntil(() => $(card, '[part="connections"]'), 'connections listed', {timeout: 15_000});
    expect($(card, '[part="connections"]')!.textContent).to.contain('Priya M');
    await expect(card).to.be.accessible();
  });

  it('?as=u-gareth: the author sees his held post awaiting review; a visitor does not see it', async () => {
    actAs('u-gareth');
    const root = await fixture<HTMLElement>(html`<kin-community community=${COMMUNITY} store="local" seed="/demo/seed.json">
      <kin-discussion-thread mode="list" thread="t-school-plans"></kin-discussion-thread></kin-community>`);
    const thread = root.querySelector('kin-discussion-thread')!;
    await waitUntil(() => shadowText(thread).includes('07700 900123'), 'the held post, shown to its author', {timeout: 15_000});
    expect($(thread, '[data-post-id="p-school-8"] [part="held"]')).to.not.equal(null);
    root.remove();

    actAs(null);
    await LocalStore.reset({communityId: COMMUNITY});
    const visitorRoot = await fixture<HTMLElement>(html`<kin-community community=${COMMUNITY} store="local" seed="/demo/seed.json">
      <kin-discussion-thread mode="list" thread="t-school-plans"></kin-discussion-thread></kin-community>`);
    const visitorThread = visitorRoot.querySelector('kin-discussion-thread')!;
    await waitUntil(() => shadowText(visitorThread).includes('laminated card'), 'the thread, for a visitor', {timeout: 15_000});
    expect(shadowText(visitorThread)).to.not.contain('07700 900123');
  });
});
