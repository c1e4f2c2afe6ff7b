// The demo site as a webmaster ships it: demo/seed.json is a community the real LocalStore serves
// (hub threads, the page-keyed "walk-2026" thread, members, roles, reactions), and the pages load the
// kit by a plain script tag with nothing inline, so they work under a strict Content-Security-Policy.
// (The bundle's size and lazy split are checked by `npm run size`, not here.)
import {expect} from '@open-wc/testing';
import {LocalStore} from '../../src/data/local/local-store.js';
import {threadIdForKey} from '../../src/data/policy.js';
import type {SeedFixture} from '../../src/data/seed.js';
import type {Community, Post} from '../../src/data/types.js';
import {Live} from '../data/store.contract.js';

const COMMUNITY = 'asthma-cymru';
const PAGES = ['index.html', 'hub.html', 'nhs.html', 'account.html', 'builder.html'];

async function loadSeed(): Promise<SeedFixture> {
  const response = await fetch('/demo/seed.json');
  expect(response.ok, 'demo/seed.json is served').to.equal(true);
  return (await response.json()) as SeedFixture;
}

describe('demo site', () => {
  describe('when demo/seed.json is loaded into LocalStore', () => {
    let seed: SeedFixture;
    const stores: LocalStore[] = [];
    const lives: Live<unknown>[] = [];

    const open = async (uid: string | null) => {
      const store = await LocalStore.open({communityId: COMMUNITY, persistence: 'memory', user: uid ? {uid, anonymous: false} : null});
      stores.push(store);
      return store;
    };

    before(async () => {
      seed = await loadSeed();
    });
    beforeEach(async () => {
      await LocalStore.reset({communityId: COMMUNITY, persistence: 'memory'}, seed);
    });
    afterEach(async () => {
      lives.splice(0).forEach((l) => l.stop());
      await Promise.all(stores.splice(0).map((s) => s.dispose()));
      await LocalStore.reset({communityId: COMMUNITY, persistence: 'memory'});
    });

    it('serves the community in English and Welsh with its founder story and Welsh settings', async () => {
      const store = await open(null);
      const live = new Live<Community | null>((next, error) => store.watchCommunity(next, error));
      lives.push(live as Live<unknown>);
      const community = (await live.until((c) => c !== null, 'the community loads'))!;
      expect(community.id).to.equal(COMMUNITY);
      expect(community.languages).to.have.members(['en', 'cy']);
      expect(community.settings).to.include({visibility: 'public', moderation: 'post', nation: 'wales', guidelinesVersion: '2026-01', consentVersion: '2026-01'});
      expect(community.settings.tags.length).to.be.greaterThan(3);
      const story = community.founderStory!;
      expect(story.name).to.equal('Catrin Hughes');
      expect(story.story.en.split('\n\n').length).to.be.greaterThan(2);
      expect(story.story.cy, 'the story is told in Welsh too').to.be.a('string').and.not.equal(story.story.en);
      expect(story.quote.cy).to.be.a('string');
      expect(story.cta?.url).to.match(/^https:\/\//);
    });

    it('lists the three hub threads, newest activity first, without the page-keyed one', async () => {
      const store = await open(null);
      const page = await store.listThreads();
      expect(page.items.map((t) => t.key)).to.deep.equal([null, null, null]);
      expect(page.items).to.have.length(3);
      const times = page.items.map((t) => t.lastActivityAt);
      expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    });

    it('finds the campaign page thread by its key "walk-2026", with replies and reactions', async () => {
      const store = await open(null);
      const id = threadIdForKey('walk-2026');
      const thread = await store.getThread(id);
      expect(thread?.key).to.equal('walk-2026');
      expect(thread?.title).to.equal('Walk for Breath 2026');
      const live = new Live<Post[]>((next, error) => store.watchPosts(id, {limit: 20}, next, error));
      lives.push(live as Live<unknown>);
      const posts = await live.until((p) => p.length > 0, 'the walk thread has posts');
      expect(posts).to.have.length(thread!.postCount);
      expect(posts.some((p) => p.parentId !== null), 'some posts are replies').to.equal(true);
      for (const reply of posts.filter((p) => p.parentId)) {
        const parent = posts.find((p) => p.id === reply.parentId);
        expect(parent?.parentId, `${reply.id} replies to a top-level post`).to.equal(null);
      }
      const first = posts.find((p) => p.id === 'p-walk-1')!;
      expect(first.reactions.heart).to.equal(4);
    });

    it('has about 25 posts across its threads, and each reaction count matches who reacted', () => {
      expect(seed.posts!.length).to.be.within(20, 40);
      for (const post of seed.posts!) {
        const mine = seed.reactions!.filter((r) => r.postId === post.id);
        for (const kind of ['heart', 'hug', 'metoo', 'thanks'] as const) {
          expect(post.reactions[kind], `${post.id} ${kind}`).to.equal(mine.filter((r) => r.kind === kind).length);
        }
      }
    });

    it('has an admin, a moderator, the founder and a verified asthma nurse, and shows their badges', async () => {
      // Roles are readable by moderators only: look as the community's moderator.
      const store = await open('u-megan');
      const nurse = await store.getMember('u-sian');
      expect(nurse?.badges).to.deep.equal(['clinician']);
      expect(nurse?.clinicianScope).to.equal('Asthma nurse');
      expect(nurse?.relationship).to.equal('professional');
      const roles = await Promise.all(['u-rhys', 'u-megan', 'u-catrin', 'u-sian'].map((uid) => store.getRoles(uid)));
      expect(roles.map((r) => r?.roles)).to.deep.equal([['admin'], ['moderator'], ['founder'], ['clinician']]);
      expect(roles[3]?.verifiedBy).to.equal('u-rhys');
      expect(seed.members!.length).to.be.within(8, 12);
      expect(seed.members!.some((m) => !m.listed), 'one member chose not to be listed').to.equal(true);
    });

    it('lets a seeded member see their own reactions in the campaign thread', async () => {
      const store = await open('u-catrin');
      const live = new Live<Set<string>>((next, error) => store.watchMyReactions(threadIdForKey('walk-2026'), next, error));
      lives.push(live as Live<unknown>);
      const keys = await live.until((k) => k.size > 0, 'Catrin has reactions');
      expect([...keys]).to.include('p-walk-1:heart');
    });
  });

  describe('when a page is read as a webmaster wrote it', () => {
    for (const name of PAGES) {
      it(`${name} loads the kit by one script tag and has no inline script, handler or style attribute`, async () => {
        const response = await fetch(`/demo/${name}`);
        expect(response.ok).to.equal(true);
        const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
        const scripts = [...doc.querySelectorAll('script')];
        expect(scripts.every((s) => s.hasAttribute('src')), 'no inline <script>').to.equal(true);
        expect(scripts.map((s) => [s.type, s.getAttribute('src')])).to.deep.include(['module', '../dist/cdn/kindred.js']);
        const all = [...doc.querySelectorAll('*')];
        expect(all.filter((el) => el.hasAttribute('style')).map((el) => el.localName), 'no style attributes').to.deep.equal([]);
        const handlers = all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`));
        expect(handlers, 'no inline event handlers').to.deep.equal([]);
        expect(doc.querySelectorAll('style').length, 'no <style> blocks').to.equal(0);
        const community = doc.querySelector('kin-community');
        expect(community?.getAttribute('community')).to.equal(COMMUNITY);
        expect(community?.getAttribute('store')).to.equal('local');
        expect(doc.querySelectorAll('[data-set-lang="en"], [data-set-lang="cy"]'), 'a language switch').to.have.length(2);
      });
    }
  });
});
