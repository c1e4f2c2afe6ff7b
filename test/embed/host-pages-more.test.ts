// Three more host pages of demo/embed/ (issue 8): a site with its own [DEFAULT] Firebase app, two copies
// of the kit on one page, and a single-page app whose router mounts and unmounts the community. As in
// host-pages.test.ts each page is loaded in an iframe exactly as written, except that the script-tag
// bundle (../../dist/cdn/kindred.js) is replaced by its source entry (/src/cdn.ts), so no build is needed.
import {expect, waitUntil} from '@open-wc/testing';
import type {SeedFixture} from '../../src/data/seed.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, fixtureDocs, pathIn} from '../support/firestore-admin.js';
import {sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {shadowText} from '../support/dom.js';

type HostWindow = Window & typeof globalThis & {pageErrors?: string[]; performance: Performance & {memory?: {usedJSHeapSize: number}}};
/* eslint-disable @typescript-eslint/no-explicit-any -- modules imported into the page's realm are untyped here */
type AnyModule = Record<string, any>;

const BUNDLE = '../../dist/cdn/kindred.js';

async function openHostPage(name: string, edit: (page: string) => string = (p) => p): Promise<{win: HostWindow; doc: Document}> {
  const source = await (await fetch(`/demo/embed/${name}`)).text();
  expect(source).to.contain(BUNDLE);
  const page = edit(source.replace('<head>', '<head><base href="/demo/embed/">')).replace(BUNDLE, '/src/cdn.ts');
  const frame = document.createElement('iframe');
  frame.style.inlineSize = '1000px';
  frame.style.blockSize = '800px';
  frame.title = name;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.srcdoc = page;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  await waitUntil(() => win.customElements.get('kin-community'), 'kit loaded', {timeout: 10000});
  return {win, doc: frame.contentDocument!};
}

/**
 * Imports `url` into the host page's own module map (not the test page's): the same URL the page's
 * scripts used gives the same module instance they have.
 */
function importIn(win: Window, url: string): Promise<AnyModule> {
  return (win as unknown as {Function: FunctionConstructor}).Function('u', 'return import(u)')(new URL(url, location.origin).href);
}

const bannerName = (el: Element | null | undefined) => el?.shadowRoot?.querySelector('[part="name"]')?.textContent?.trim() ?? '';

/**
 * waitUntil for the leak test. @open-wc's waitUntil never clears its timeout timer, so each call keeps
 * its predicate (and whatever the predicate's scope holds: an unmounted thread, its whole community
 * subtree, the store and the seeded documents) alive for the full timeout. Over 50 route cycles that
 * alone added ~130 KB per cycle to the heap measured after a forced GC. This one leaves no timer behind.
 */
function settles(predicate: () => boolean, message: () => string, timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeout;
    // One short timer at a time, none left once settled: nothing keeps the predicate afterwards.
    const check = () => {
      let done: boolean;
      try {
        done = predicate();
      } catch (e) {
        reject(e);
        return;
      }
      if (done) resolve();
      else if (performance.now() > deadline) reject(new Error(`Timeout: ${message()}`));
      else setTimeout(check, 20);
    };
    check();
  });
}

async function demoSeed(): Promise<SeedFixture> {
  return (await (await fetch('/demo/seed.json')).json()) as SeedFixture;
}

describe('host pages (demo/embed), continued', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  describe('existing-firebase.html: the site has its own [DEFAULT] Firebase app for another project', () => {
    const GSTATIC = 'https://www.gstatic.com/firebasejs/12.14.0/firebase-app.js';

    /** The URLs the test server gives the kit's `firebase/app` and `firebase/firestore` imports. */
    async function firebaseUrls(): Promise<{app: string; firestore: string}> {
      const served = await (await fetch('/src/data/firebase/firebase-store.ts')).text();
      const url = (pkg: string) => served.match(new RegExp(`from\\s*["']([^"']*/${pkg}/[^"']*)["']`))?.[1];
      const app = url('firebase/app'), firestore = url('firebase/firestore');
      expect(app, 'firebase/app as served to the kit').to.be.a('string');
      expect(firestore, 'firebase/firestore as served to the kit').to.be.a('string');
      return {app: app!, firestore: firestore!};
    }

    it('keeps the host app on its own project while Kindred runs on a named app of its own', async function () {
      this.timeout(30000);
      const {host, port} = emulatorHost();
      const kindredProject = `demo-kin-hostpage-${Date.now().toString(36)}`;
      const seed = await demoSeed();
      await new FirestoreAdmin(kindredProject).writeDocs(fixtureDocs(seed));
      // Something only the host's own project holds (the emulator applies one rules file to every project).
      const hostOnly = uniqueCommunityId('host-only');
      await new FirestoreAdmin('demo-host-site').writeDocs(fixtureDocs(sampleSeed(hostOnly)));

      // The page loads Firebase from its CDN; here the same version comes from node_modules, at the URL the
      // kit's own import resolves to, so host and kit share one Firebase app registry (the npm-build case).
      const urls = await firebaseUrls();
      const script = await (await fetch('/demo/embed/existing-firebase.js')).text();
      expect(script).to.contain(GSTATIC);
      const blob = URL.createObjectURL(new Blob([script.replace(GSTATIC, new URL(urls.app, location.origin).href)], {type: 'text/javascript'}));
      const {win, doc} = await openHostPage('existing-firebase.html', (page) => {
        expect(page).to.contain('./existing-firebase.js').and.to.contain('store="local" seed="../seed.json"');
        return page.replace('./existing-firebase.js', blob)
          .replace('store="local" seed="../seed.json"', `project-id="${kindredProject}" emulator-host="${host}:${port}"`);
      });
      const root = doc.querySelector('kin-community')!;
      try {
        // The host page shows its own app…
        await waitUntil(() => doc.getElementById('host-project')!.textContent === 'demo-host-site', 'host app shown', {timeout: 10000});
        expect(doc.getElementById('host-app')!.textContent).to.equal('[DEFAULT]');
        // …and Kindred reads its community from its own project on the emulator.
        await waitUntil(() => bannerName(doc.querySelector('kin-founder-story-banner')) === 'Catrin Hughes', 'founder story from Firestore', {timeout: 15000});
        const thread = doc.querySelector('kin-discussion-thread')!;
        await waitUntil(() => shadowText(thread).includes('Mawddach'), 'thread from Firestore', {timeout: 15000});
        expect(root.shadowRoot!.querySelector('[part="error"]')).to.equal(null);

        const fbApp = await importIn(win, urls.app);
        const listApps = () => (fbApp.getApps() as {name: string; options: {projectId?: string}}[]).map((a) => `${a.name} → ${a.options.projectId}`);
        // A visitor's first posts may come over REST (issue 16): Kindred's own app exists once the SDK takes over.
        await waitUntil(() => listApps().some((a) => a.startsWith('kindred-')), `Kindred's own Firebase app; apps: ${listApps().join(', ')}`, {timeout: 15000});
        const apps = listApps();
        expect(fbApp.getApp().options.projectId, 'the host default app keeps its project').to.equal('demo-host-site');
        const kindredApps = apps.filter((a) => a.startsWith('kindred-'));
        expect(kindredApps, `apps on the page: ${apps.join(', ')}`).to.have.length(1);
        expect(kindredApps[0]).to.match(new RegExp(`→ ${kindredProject}$`));
        expect(apps).to.include('[DEFAULT] → demo-host-site');

        // The host's default app still works, against its own project only.
        const fs = await importIn(win, urls.firestore);
        const hostDb = fs.getFirestore(fbApp.getApp());
        fs.connectFirestoreEmulator(hostDb, host, port);
        try {
          const own = await fs.getDoc(fs.doc(hostDb, pathIn(hostOnly)));
          expect(own.exists(), 'host reads its own project').to.equal(true);
          expect(own.data().name.en).to.equal('Breathe Easy Wales');
        } finally {
          await fs.terminate(hostDb);
        }
      } finally {
        // Removing the iframe would not disconnect the elements: unmount first, so Kindred closes its app.
        root.remove();
        await waitUntil(async () => {
          const fbApp = await importIn(win, urls.app);
          return !(fbApp.getApps() as {name: string}[]).some((a) => a.name.startsWith('kindred-'));
        }, 'Kindred deletes its own app when the root is removed', {timeout: 10000});
        const fbApp = await importIn(win, urls.app);
        expect((fbApp.getApps() as {name: string}[]).map((a) => a.name), 'the host app is left alone').to.deep.equal(['[DEFAULT]']);
        await fbApp.deleteApp(fbApp.getApp());
        URL.revokeObjectURL(blob);
      }
    });
  });

  describe('two-copies.html: two script tags load the kit twice, several elements', () => {
    const SECOND = `${BUNDLE}?copy=2`;

    it('defines every tag once, renders every element with no error, one context across copies', async function () {
      this.timeout(30000);
      // As with the CDN bundle (whose lazy chunks import ../kindred.js, the first URL), `?copy=2` is a second
      // instance of the entry module: a second Lit, root, banner and crisis help whose define() finds the
      // tags taken. (A second instance of *every* module cannot be served here: wtr rewrites node_modules
      // imports as relative paths, which break under any other URL for src/.)
      const {win, doc} = await openHostPage('two-copies.html', (page) => {
        expect(page).to.contain(SECOND);
        return page.replace(SECOND, '/src/cdn.ts?copy=2');
      });
      expect(win.pageErrors, 'the page counts errors').to.be.an('array');
      const scripts = [...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')).filter((s) => !s?.includes('__web-dev-server'));
      expect(scripts).to.deep.equal(['./two-copies.js', '/src/cdn.ts', '/src/cdn.ts?copy=2']);
      expect(win.performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('/src/cdn.ts?copy=2')), 'the second copy loaded').to.have.length(1);

      await waitUntil(() => bannerName(doc.querySelector('kin-founder-story-banner')) === 'Catrin Hughes', 'banner', {timeout: 10000});
      await waitUntil(() => shadowText(doc.querySelector('kin-discussion-thread')).includes('Mawddach'), 'thread', {timeout: 10000});
      await waitUntil(() => shadowText(doc.querySelector('kin-member-directory')).includes('Join the community to see who is here'), 'member directory (signed out)', {timeout: 10000});
      expect(shadowText(doc.querySelector('kin-crisis-help'))).to.contain('116 123');
      const undefinedTags = [...doc.querySelectorAll(':not(:defined)')].map((e) => e.localName).filter((t) => t.startsWith('kin-'));
      expect(undefinedTags).to.deep.equal([]);
      expect(doc.querySelector('kin-community')!.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      expect(Object.keys(win.kindred ?? {}).sort(), 'one window.kindred').to.deep.equal(['addCatalogue', 'grantConsent', 'hasConsent', 'revokeConsent']);

      // Which copy wins a tag is a race between the copies; prove both directions deterministically with
      // second instances of the root and banner classes, under test-only tag names: a second-copy banner
      // inside a first-copy root, and a first-copy banner inside a second-copy root.
      const first = {root: win.customElements.get('kin-community')!, banner: win.customElements.get('kin-founder-story-banner')!};
      const second = {
        root: (await importIn(win, '/src/components/community/community.ts?copy=2')).KinCommunity,
        banner: (await importIn(win, '/src/components/founder-story-banner/founder-story-banner.ts?copy=2')).KinFounderStoryBanner,
      };
      expect(second.root).not.to.equal(first.root);
      expect(second.banner).not.to.equal(first.banner);
      expect(second.root.define('kin-community'), 'a second define() keeps the first class').to.equal(first.root);
      win.customElements.define('kin-banner-copy-two', second.banner);
      win.customElements.define('kin-community-copy-two', second.root);
      doc.querySelector('main')!.insertAdjacentHTML('beforeend', `
        <kin-community community="asthma-cymru" store="local" seed="../seed.json"><kin-banner-copy-two></kin-banner-copy-two></kin-community>
        <kin-community-copy-two community="asthma-cymru" store="local" seed="../seed.json"><kin-founder-story-banner></kin-founder-story-banner></kin-community-copy-two>`);
      await waitUntil(() => bannerName(doc.querySelector('kin-banner-copy-two')) === 'Catrin Hughes', 'second-copy element served by a first-copy root', {timeout: 10000});
      await waitUntil(() => bannerName(doc.querySelector('kin-community-copy-two kin-founder-story-banner')) === 'Catrin Hughes', 'first-copy element served by a second-copy root', {timeout: 10000});

      await new Promise((r) => setTimeout(r, 300));
      expect(win.pageErrors!.join(' | '), 'uncaught errors and rejections').to.equal('');
      expect(doc.getElementById('error-count')!.textContent).to.equal('0');
      for (const root of doc.querySelectorAll('kin-community, kin-community-copy-two')) root.remove();
    });
  });

  describe('spa.html: a router mounts and unmounts the community', () => {
    it('ends every subscription on each route change; 50 cycles leave no listeners, stores or heap behind', async function () {
      this.timeout(120000);
      const {win, doc} = await openHostPage('spa.html');
      const outlet = doc.getElementById('outlet')!;
      const button = (route: string) => doc.querySelector<HTMLButtonElement>(`[data-route="${route}"]`)!;
      expect(outlet.querySelector('h2')!.textContent).to.equal('Home');

      // Count live subscriptions in the page's own LocalStore module (the one <kin-community> loads):
      // every watch*() and session.watch() until its unsubscribe runs, and stores opened but not disposed.
      const {LocalStore} = await importIn(win, '/src/data/local/local-store.ts');
      const {LocalSession} = await importIn(win, '/src/data/local/session.ts');
      let subscriptions = 0, stores = 0;
      const counted = (proto: any, name: string) => {
        const original = proto[name];
        proto[name] = function (this: unknown, ...args: unknown[]) {
          const unsubscribe = original.apply(this, args);
          subscriptions++;
          let done = false;
          return () => {
            if (!done) subscriptions--;
            done = true;
            unsubscribe();
          };
        };
      };
      for (const name of Object.getOwnPropertyNames(LocalStore.prototype)) if (name.startsWith('watch')) counted(LocalStore.prototype, name);
      counted(LocalSession.prototype, 'watch');
      const open = LocalStore.open, dispose = LocalStore.prototype.dispose;
      LocalStore.open = async (...args: unknown[]) => {
        const store = await open.apply(LocalStore, args);
        stores++;
        return store;
      };
      LocalStore.prototype.dispose = function (this: unknown, ...args: unknown[]) {
        stores--;
        return dispose.apply(this, args);
      };

      let windowListeners = 0, documentListeners = 0;
      const track = (target: EventTarget, change: (n: number) => void) => {
        const add = target.addEventListener, remove = target.removeEventListener;
        target.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) { change(1); return add.apply(this, args); };
        target.removeEventListener = function (this: EventTarget, ...args: Parameters<typeof remove>) { change(-1); return remove.apply(this, args); };
      };
      track(win, (n) => (windowListeners += n));
      track(doc, (n) => (documentListeners += n));

      let firstMount = 0;
      const cycle = async () => {
        const t0 = performance.now();
        button('community').click();
        const thread = outlet.querySelector('kin-discussion-thread');
        expect(thread, 'the community route mounted').to.exist;
        await settles(() => shadowText(thread).includes('Mawddach') && subscriptions > 0, () => 'subscribed and rendered while mounted', 10000);
        if (!firstMount) firstMount = performance.now() - t0;
        expect(stores, 'one store while mounted').to.equal(1);
        button('home').click();
        expect(outlet.querySelector('kin-community'), 'unmounted').to.equal(null);
        await settles(() => subscriptions === 0 && stores === 0, () => `ended after unmount (subscriptions ${subscriptions}, stores ${stores})`, 5000);
      };

      for (let i = 0; i < 5; i++) await cycle(); // warm-up: modules, templates, the seed
      const heap = () => {
        (globalThis as {gc?: () => void}).gc?.(); // one heap for the test page and its iframe
        return win.performance.memory?.usedJSHeapSize ?? NaN;
      };
      const listeners = {window: windowListeners, document: documentListeners};
      const before = heap();
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) await cycle();
      const perCycle = (performance.now() - t0) / 50;
      await new Promise((r) => setTimeout(r, 300));
      const after = heap();
      console.log(`spa.html: 50 route cycles, ${perCycle.toFixed(0)} ms each (first mount ${firstMount.toFixed(0)} ms); ` +
        `heap ${(before / 1e6).toFixed(2)} MB → ${(after / 1e6).toFixed(2)} MB (${((after - before) / 1e3).toFixed(0)} KB, after a forced GC); ` +
        `open subscriptions ${subscriptions}, open stores ${stores}, window listeners ${windowListeners - listeners.window}, document listeners ${documentListeners - listeners.document}`);
      expect(subscriptions, 'live subscriptions after the last unmount').to.equal(0);
      expect(stores, 'stores left open').to.equal(0);
      expect(windowListeners - listeners.window, 'window listeners left behind').to.equal(0);
      expect(documentListeners - listeners.document, 'document listeners left behind').to.equal(0);
      expect(Number.isFinite(before), 'performance.memory available').to.equal(true);
      // Measured after a forced GC (--expose-gc): a root, thread and store kept per cycle would be ~130 KB
      // each (6.5 MB over 50); nothing kept measures well under 0.5 MB.
      expect(after - before, 'heap growth over 50 cycles, after a forced GC').to.be.below(2e6);

      // Back once more: the route still works after 55 cycles, and focus lands on the new content.
      button('community').click();
      await waitUntil(() => shadowText(outlet.querySelector('kin-discussion-thread')).includes('Mawddach'), 'remounted', {timeout: 10000});
      expect(doc.activeElement).to.equal(outlet);
      expect(button('community').getAttribute('aria-current')).to.equal('page');
      expect(doc.title).to.match(/^Community · /);
      button('home').click();
      await waitUntil(() => subscriptions === 0 && stores === 0, 'ended', {timeout: 5000});
    });
  });
});
