// Issue 18: a directory card shows its everyday actions (view profile, say hello); the rare ones
// (report, block) sit behind one "More" button, reachable by keyboard and screen reader in two steps.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/member-directory/kin-member-directory.js';
import '../../src/components/community/kin-community.js';
import type {KinMemberDirectory} from '../../src/components/member-directory/member-directory.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {T0, DAY, member, sampleSeed, uniqueCommunityId} from '../support/builders.js';

const me = member('me', {pseudonym: 'Myself', listed: false});
const nia = member('nia', {pseudonym: 'Nurse Nia', listed: true, joinedAt: T0 + DAY});

const stores: CommunityStore[] = [];
async function mount(lang = 'en') {
  const id = uniqueCommunityId('dirmenu');
  const store = await LocalStore.open({communityId: id, persistence: 'memory', user: {uid: 'me', anonymous: true}, seed: sampleSeed(id, {members: [me, nia]})});
  stores.push(store);
  const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang=${lang}><kin-member-directory></kin-member-directory></kin-community>`);
  const el = root.querySelector('kin-member-directory') as KinMemberDirectory;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="card"]'), 'cards rendered', {timeout: 5000});
  const card = el.shadowRoot!.querySelector<HTMLElement>('[data-uid="nia"]')!;
  return {el, card, store};
}
const visibleButtons = (card: HTMLElement) => [...card.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.offsetParent !== null);
const focused = (el: KinMemberDirectory) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<kin-member-directory> rare actions menu', () => {
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.dispose()));
  });

  it('shows two everyday actions and a "More" button; report and block are out of sight', async () => {
    const {el, card} = await mount();
    const labels = visibleButtons(card).map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());
    expect(labels).to.deep.equal(['View Nurse Nia’s profile', 'Say hello to Nurse Nia', 'More actions for Nurse Nia']);
    const more = card.querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    expect(more.textContent!.trim()).to.equal('More');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('reaches "Report" in two key presses, and Escape closes the menu back onto its button', async () => {
    const {el, card} = await mount();
    const more = card.querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    more.focus();
    await sendKeys({press: 'Enter'}); // 1: open
    await waitUntil(() => more.getAttribute('aria-expanded') === 'true', 'menu open');
    await waitUntil(() => focused(el)?.textContent?.trim() === 'Report Nurse Nia’s profile', 'focus on the first action');
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => focused(el) === more && more.getAttribute('aria-expanded') === 'false', 'closed onto its button');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused(el)?.textContent?.trim() === 'Report Nurse Nia’s profile', 'open again');
    await sendKeys({press: 'Enter'}); // 2: report
    await waitUntil(() => focused(el)?.id === 'report-reason', 'the report form, focused');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
  });

  it('blocks a member after a clear confirmation, from the keyboard', async () => {
    const {el, card} = await mount();
    const more = card.querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    more.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused(el)?.textContent?.trim() === 'Report Nurse Nia’s profile', 'menu open');
    await sendKeys({press: 'Tab'});
    expect(focused(el)!.textContent!.trim()).to.equal('Block Nurse Nia');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => card.querySelector('.block-confirm'), 'confirmation');
    expect(card.querySelector('.block-confirm')!.textContent).to.contain('They are not told');
    await expect(el).to.be.accessible();
    await sendKeys({press: 'Enter'}); // focus is on "Block"
    await waitUntil(() => card.querySelector('[data-blocked]'), 'blocked notice');
    expect(card.querySelector('[data-blocked]')!.textContent).to.equal('You blocked Nurse Nia.');
    expect(visibleButtons(card).some((b) => b.textContent!.includes('Say hello')), 'no hello to a blocked member').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('speaks Welsh', async () => {
    const {card} = await mount('cy');
    const more = card.querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    expect(more.textContent!.trim()).to.equal('Rhagor');
    expect(more.getAttribute('aria-label')).to.equal('Rhagor o gamau ar gyfer Nurse Nia');
    more.click();
    await waitUntil(() => more.getAttribute('aria-expanded') === 'true', 'open');
    expect(visibleButtons(card).map((b) => b.textContent!.trim())).to.include.members(['Riportio proffil Nurse Nia', 'Blocio Nurse Nia']);
  });
});
