// Issue 12 (finding 11, rest): the moderation log says what an action was about in words (the thread's
// title, the member's name, who did it), never a raw document path; community tags read as labels
// ("Adult onset"), not ids ("adult-onset"); a member's own free-text tag stays as they wrote it.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/moderation-queue/kin-moderation-queue.js';
import '../../src/components/member-directory/kin-member-directory.js';
import '../../src/components/peer-match-card/kin-peer-match-card.js';
import type {KinModerationQueue} from '../../src/components/moderation-queue/moderation-queue.js';
import {tagLabel} from '../../src/i18n/tags.js';
import {explain} from '../../src/data/matching.js';
import {T0, alice, bob, cara, disposeStores, nextCommunityId, openStore, post, seed} from './discussion-thread.fixture.js';
import {button, shadowText} from '../support/dom.js';


describe('issue 12: labels people read', () => {
  afterEach(disposeStores);

  it('the moderation log names the thread and the moderator, in English and Welsh, with no document path', async () => {
    const world = seed(nextCommunityId(), [
      post('p1', cara, {body: 'First time here', createdAt: T0}),
      post('p3', alice, {body: 'Call me on 07700 900123', status: 'held', statusReason: 'contact-details', createdAt: T0 + 60_000}),
    ]);
    const store = await openStore(world, 'bob');
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"><kin-moderation-queue></kin-moderation-queue></kin-community>`);
    const queue = root.querySelector('kin-moderation-queue') as KinModerationQueue;
    await waitUntil(() => queue.shadowRoot!.querySelector('li[part="item"]'), 'the held post in the queue');
    button(queue.shadowRoot!.querySelector('li[part="item"]')!, 'Approve')!.click();
    const log = () => queue.shadowRoot!.querySelector('[part="log"] li')?.textContent?.replace(/\s+/g, ' ') ?? '';
    await waitUntil(() => log().includes('Approved a post in “Walk 2026” by Bob Jones'), 'a log entry in words', {timeout: 5000});
    expect(log()).to.not.contain('threads/');
    expect(log()).to.not.contain('posts/');
    expect(bob.pseudonym).to.equal('Bob Jones');
    await expect(queue).to.be.accessible();

    root.setAttribute('lang', 'cy');
    await waitUntil(() => log().includes('Cymeradwyodd neges yn “Walk 2026” gan Bob Jones'), 'the same entry in Welsh', {timeout: 5000});
  });

  it('community tags read as labels in the directory, and a member\'s own tag stays as written', async () => {
    const world = seed(nextCommunityId());
    world.community.settings.tags = ['adult-onset', 'cold-weather'];
    world.members = [
      {...alice, listed: true, tags: ['adult-onset', 'my-own-words']},
      {...bob, listed: true, tags: ['cold-weather']},
      cara,
    ];
    const store = await openStore(world, 'cara');
    const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en"><kin-member-directory></kin-member-directory></kin-community>`);
    const dir = root.querySelector('kin-member-directory')!;
    await waitUntil(() => shadowText(dir).includes('Alice Hughes'), 'the directory');
    const tags = [...dir.shadowRoot!.querySelectorAll('.tag')].map((t) => t.textContent!.trim());
    expect(tags).to.include.members(['Adult onset', 'my-own-words', 'Cold weather']);
    expect(tags).to.not.include('adult-onset');
    const options = [...dir.shadowRoot!.querySelectorAll('#tag option')].map((o) => o.textContent!.trim());
    expect(options).to.include.members(['Adult onset', 'Cold weather']);
    await expect(dir).to.be.accessible();
  });

  it('tagLabel and the match explanation read tag ids as words', () => {
    expect(tagLabel('adult-onset', ['adult-onset'])).to.equal('Adult onset');
    expect(tagLabel('asthma', ['asthma'])).to.equal('Asthma');
    expect(tagLabel('adult-onset', []), 'not a community tag: the member\'s words').to.equal('adult-onset');
    expect(tagLabel('ME/CFS', ['ME/CFS']), 'a tag that is not an id is shown as written').to.equal('ME/CFS');
    expect(explain([{kind: 'condition', value: 'adult-onset', points: 5}], 'en')).to.equal('You both: adult onset');
  });
});
