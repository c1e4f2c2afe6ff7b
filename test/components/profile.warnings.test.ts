// <kin-profile>'s "Posts with content warnings" section (issue 18): per topic, fold (the default), hide
// completely or show open; saved in the member's private record, and the thread then follows it.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/profile/kin-profile.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import type {KinProfile} from '../../src/components/profile/profile.js';
import type {KinDiscussionThread} from '../../src/components/discussion-thread/discussion-thread.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {member, post, privateRecord, sampleCommunity, sampleSeed, thread, uniqueCommunityId} from '../support/builders.js';
import {$} from '../support/dom.js';


describe('<kin-profile> content warning choices (issue 18)', () => {
  const stores: CommunityStore[] = [];
  afterEach(() => Promise.all(stores.splice(0).map((s) => s.dispose())));

  async function mount(lang = 'en') {
    const id = uniqueCommunityId('profwarn');
    const community = sampleCommunity(id);
    const other = member('other', {pseudonym: 'Robin'});
    const seed = sampleSeed(id, {
      members: [member('me', {pseudonym: 'Wren'}), other], privates: [privateRecord('me', community)],
      threads: [thread('t1', {postCount: 2})],
      posts: [
        post('t1', 'p1', other, {body: 'Plain news about the walk', createdAt: Date.now() - 60000}),
        post('t1', 'p2', other, {body: 'Something heavy', warning: {topic: 'suicide', label: null}, createdAt: Date.now() - 30000}),
      ],
    });
    const store = await LocalStore.open({communityId: id, persistence: 'memory', user: {uid: 'me', anonymous: false}, seed});
    stores.push(store);
    const el = await fixture<KinProfile>(html`<div lang=${lang}><kin-profile .store=${store}></kin-profile></div>`).then((d) => d.querySelector('kin-profile')!);
    await waitUntil(() => $(el, '[part="warning-prefs"]'), 'warning section', {timeout: 5000});
    return {el, store};
  }

  for (const [lang, heading, hide, saved] of [
    ['en', 'Posts with content warnings', 'Hide completely', 'Your choices are saved.'],
    ['cy', 'Negeseuon â rhybuddion cynnwys', 'Cuddio’n llwyr', 'Mae eich dewisiadau wedi’u cadw.'],
  ] as const) {
    it(`starts folded for every topic; hiding one topic is saved and the thread then hides it (${lang})`, async () => {
      const {el, store} = await mount(lang);
      const section = $(el, '[part="warning-prefs"]')!;
      expect(section.querySelector('[role="heading"]')!.textContent).to.equal(heading);
      const suicide = section.querySelector<HTMLSelectElement>('select[data-topic="suicide"]')!;
      expect(suicide.value).to.equal('collapse');
      await expect(el).to.be.accessible();
      suicide.value = 'hide';
      suicide.dispatchEvent(new Event('change'));
      expect(suicide.selectedOptions[0].textContent!.trim()).to.equal(hide);
      section.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => section.querySelector('[role="status"]')?.textContent === saved, 'saved', {timeout: 5000});
      expect((await store.getPrivateRecord())!.warnings).to.deep.equal({suicide: 'hide'});
      await expect(el).to.be.accessible();
      // The thread, opened afterwards, leaves the suicide-warned post out entirely.
      const t = await fixture<KinDiscussionThread>(html`<kin-discussion-thread thread-id="t1" .store=${store}></kin-discussion-thread>`);
      await waitUntil(() => $(t, 'article[data-post-id="p1"]'), 'thread loaded', {timeout: 5000});
      // (until the member's choices are read, the post is folded: the safe side)
      await waitUntil(() => !$(t, 'article[data-post-id="p2"]'), 'the warned post hidden', {timeout: 5000});
      expect(t.shadowRoot!.textContent).not.to.contain('Something heavy');
    });
  }
});
