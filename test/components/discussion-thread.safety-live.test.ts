// Issue 18, three bugs found in session 2, each from where its user starts, on both stores (LocalStore,
// and FirebaseStore on the real emulator with the real rules):
//   1. a signed-in visitor reading a thread joins from its "join to read" notice and then sees the
//      members-only posts at once (before: the visitors' list until a reload);
//   2. a member changes their content-warning choices in <kin-profile> and the thread open beside it
//      follows at once (before: only after a reload);
//   3. a suspended member can still change those choices (before: the rules refused the save).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import '../../src/components/profile/kin-profile.js';
import type {SeedFixture} from '../../src/data/seed.js';
import {firebaseHarness, localHarness, type StoreHarness} from '../support/index.js';
import {DAY, member, post, privateRecord, roles, sampleCommunity, thread, uniqueCommunityId} from '../support/builders.js';
import {text} from '../support/dom.js';

const inShadow = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const wait = (p: () => unknown, what: string) => waitUntil(p, what, {timeout: 20000, interval: 50});

function world(id: string, extra: Partial<SeedFixture> = {}): SeedFixture {
  const community = sampleCommunity(id);
  const alice = member('alice', {pseudonym: 'Alice'});
  const me = member('me', {pseudonym: 'Wren'});
  const now = Date.now();
  return {
    community,
    members: [alice, me],
    privates: [privateRecord('alice', community), privateRecord('me', community)],
    threads: [thread('t1', {postCount: 3, createdAt: now - 3600000, lastActivityAt: now - 60000})],
    posts: [
      post('t1', 'p1', alice, {body: 'Shared with everyone', createdAt: now - 180000}),
      post('t1', 'p2', alice, {body: 'Only for members', audience: 'members', createdAt: now - 120000}),
      post('t1', 'p3', alice, {body: 'Something heavy', warning: {topic: 'suicide', label: null}, createdAt: now - 60000}),
    ],
    ...extra,
  };
}

for (const make of [localHarness, () => firebaseHarness('demo-kindred-safety-live')]) {
  const harness: StoreHarness = make();
  describe(`issue 18 fixes, live on the page (${harness.kind})`, function () {
    this.timeout(60000);
    afterEach(() => harness.cleanup());

    it('a signed-in visitor who joins from the "join to read" notice sees the members-only post without a reload', async () => {
      const id = uniqueCommunityId('live-join');
      await harness.seed(world(id));
      const store = await harness.storeAs(id, 'newbie');
      const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en">
        <kin-discussion-thread thread-id="t1"></kin-discussion-thread></kin-community>`);
      const el = root.querySelector('kin-discussion-thread')!;
      await wait(() => inShadow(el, 'article[data-post-id="p1"]'), 'the public post');
      await wait(() => inShadow(el, '[part="members-only-notice"]'), 'the visitors’ notice');
      expect(inShadow(el, 'article[data-post-id="p2"]')).to.equal(null);
      expect(el.shadowRoot!.textContent).not.to.contain('Only for members');
      // "Join" in the notice opens the community's join dialog; the visitor joins there.
      [...inShadow(el, '[part="members-only-notice"]')!.querySelectorAll('button')].find((b) => text(b) === 'Join')!.click();
      await wait(() => root.shadowRoot!.querySelector('dialog[open] kin-join'), 'the join dialog');
      const join = root.shadowRoot!.querySelector('kin-join')!;
      await wait(() => inShadow(join, '#pseudonym'), 'the join form');
      const name = inShadow(join, '#pseudonym') as HTMLInputElement;
      name.value = 'New Heron';
      name.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      const agree = inShadow(join, 'input[name="guidelines"]') as HTMLInputElement;
      agree.click();
      (inShadow(join, 'button[part="submit"]') as HTMLButtonElement).click();
      await wait(() => !root.shadowRoot!.querySelector('dialog[open]'), 'the dialog closes once joined');
      // The same thread, not reloaded, now shows the members-only post, and no longer the notice.
      await wait(() => inShadow(el, 'article[data-post-id="p2"]'), 'the members-only post after joining');
      expect(text(inShadow(el, 'article[data-post-id="p2"] [part="post-body"]'))).to.contain('Only for members');
      await wait(() => !inShadow(el, '[part="members-only-notice"]'), 'the notice goes');
    });

    for (const suspended of [false, true]) {
      it(`a${suspended ? ' suspended' : ''} member's new warning choices in the profile reach the thread open beside it`, async () => {
        const id = uniqueCommunityId('live-prefs');
        await harness.seed(world(id, suspended ? {roles: [roles('me', [], {suspendedUntil: Date.now() + DAY, grantedBy: 'alice'})]} : {}));
        const store = await harness.storeAs(id, 'me');
        const root = await fixture<HTMLElement>(html`<kin-community .store=${store} lang="en">
          <kin-discussion-thread thread-id="t1"></kin-discussion-thread><kin-profile></kin-profile></kin-community>`);
        const el = root.querySelector('kin-discussion-thread')!;
        const profile = root.querySelector('kin-profile')!;
        await wait(() => inShadow(el, 'article[data-post-id="p3"] .warning-label'), 'the warned post, folded');
        expect(inShadow(el, 'article[data-post-id="p3"] [part="post-body"]')).to.equal(null);
        await wait(() => inShadow(profile, '[part="warning-prefs"] select[data-topic="suicide"]'), 'the choices in the profile');
        const choose = async (value: string) => {
          const section = inShadow(profile, '[part="warning-prefs"]')!;
          const select = section.querySelector<HTMLSelectElement>('select[data-topic="suicide"]')!;
          select.value = value;
          select.dispatchEvent(new Event('change'));
          section.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
          await wait(() => text(section.querySelector('[role="status"]')) === 'Your choices are saved.' || section.querySelector('[role="alert"]'), 'saved or refused');
          expect(text(section.querySelector('[role="alert"]')), 'no error').to.equal('');
        };
        await choose('hide');
        await wait(() => !inShadow(el, 'article[data-post-id="p3"]'), 'the thread hides the post at once');
        expect(el.shadowRoot!.textContent).not.to.contain('Something heavy');
        await choose('show');
        await wait(() => inShadow(el, 'article[data-post-id="p3"] [part="post-body"]'), 'the thread shows it open at once');
        expect((await store.getPrivateRecord())!.warnings).to.deep.equal({suicide: 'show'});
        await expect(profile).to.be.accessible();
      });
    }
  });
}
