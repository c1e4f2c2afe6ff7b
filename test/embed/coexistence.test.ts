import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {deleteApp, initializeApp} from 'firebase/app';
import {connectFirestoreEmulator, doc, getDoc, getFirestore} from 'firebase/firestore';
import '../../src/define.js';
import {LocalStore} from '../../src/data/local/local-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {KinCommunity} from '../../src/components/community/community.js';
import {emulatorHost} from '../support/env.js';
import {FirestoreAdmin, fixtureDocs, pathIn} from '../support/firestore-admin.js';
import {sampleSeed, uniqueCommunityId} from '../support/builders.js';
import './probe.js';

/** The store, counting its open live subscriptions. */
function counting(store: CommunityStore): {store: CommunityStore; open: () => number} {
  let open = 0;
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof key === 'string' && key.startsWith('watch') && typeof value === 'function') {
        return (...args: unknown[]) => {
          const unsub = (value as (...a: unknown[]) => () => void).apply(target, args);
          open++;
          let done = false;
          return () => {
            if (!done) open--;
            done = true;
            unsub();
          };
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {store: wrapped, open: () => open};
}

describe('embedding next to other code', () => {
  it('works beside the host page\'s own [DEFAULT] Firebase app for another project', async () => {
    const {host, port} = emulatorHost();
    const hostApp = initializeApp({projectId: 'demo-host-site', apiKey: 'x', appId: 'x'});
    try {
      const hostDb = getFirestore(hostApp);
      connectFirestoreEmulator(hostDb, host, port);
      // The community must exist: a root naming a missing community shows a set-up error (issue 12).
      await new FirestoreAdmin('demo-kindred-coexist').writeDocs(fixtureDocs(sampleSeed('coexist')));
      const el = await fixture<KinCommunity>(html`<kin-community community="coexist" project-id="demo-kindred-coexist" emulator-host=${`${host}:${port}`}><kin-embed-probe></kin-embed-probe></kin-community>`);
      await waitUntil(() => el.querySelector('kin-embed-probe')!.storeKind === 'firebase', 'kindred store', {timeout: 10000});
      // The host's own app still reads its own project (seeded there; the emulator applies one rules file).
      const hostCommunity = uniqueCommunityId('host');
      await new FirestoreAdmin('demo-host-site').writeDocs(fixtureDocs(sampleSeed(hostCommunity)));
      const snap = await getDoc(doc(hostDb, pathIn(hostCommunity)));
      expect(snap.exists(), 'host app reads its own project').to.equal(true);
      expect(snap.ref.firestore.app.name).to.equal('[DEFAULT]');
      expect(hostApp.options.projectId).to.equal('demo-host-site');
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    } finally {
      await deleteApp(hostApp);
    }
  });

  it('tolerates a second copy of the kit and shares one context with it', async () => {
    // A second instance of the element and context modules (a different URL is a different module).
    const copy = '/src/components/community/community.ts?copy=2';
    const {KinCommunity: SecondCopy} = (await import(/* @vite-ignore */ copy)) as typeof import('../../src/components/community/community.js');
    expect(SecondCopy).not.to.equal(customElements.get('kin-community'));
    expect(() => SecondCopy.define('kin-community')).not.to.throw();
    const ctx = '/src/context/community-context.ts?copy=2';
    const {communityContext} = (await import(/* @vite-ignore */ ctx)) as typeof import('../../src/context/community-context.js');
    const el = await fixture<KinCommunity>(html`<kin-community community="c-copies" store="local"><div></div></kin-community>`);
    const seen = await new Promise<unknown>((resolve) => {
      el.querySelector('div')!.dispatchEvent(new (class extends Event {
        context = communityContext;
        callback = (v: unknown) => resolve(v);
        subscribe = false;
        constructor() { super('context-request', {bubbles: true, composed: true}); }
      })());
    });
    expect(seen, 'context from the other copy').to.have.property('locale', 'en');
  });

  it('cleans up after 50 SPA mount/unmount cycles (subscriptions, window listeners, heap)', async function () {
    this.timeout(60000);
    const communityId = uniqueCommunityId('spa');
    const inner = await LocalStore.open({communityId, persistence: 'memory', seed: sampleSeed(communityId), user: null});
    const {store, open} = counting(inner);
    const outlet = await fixture<HTMLDivElement>(html`<div id="outlet"></div>`);
    let netWindowListeners = 0;
    const add = window.addEventListener, remove = window.removeEventListener;
    window.addEventListener = function (this: Window, ...args: Parameters<typeof add>) { netWindowListeners++; return add.apply(this, args); } as typeof add;
    window.removeEventListener = function (this: Window, ...args: Parameters<typeof remove>) { netWindowListeners--; return remove.apply(this, args); } as typeof remove;
    const heap = () => {
      (globalThis as {gc?: () => void}).gc?.();
      return (performance as unknown as {memory?: {usedJSHeapSize: number}}).memory?.usedJSHeapSize ?? NaN;
    };
    const cycle = async () => {
      const root = document.createElement('kin-community');
      root.setAttribute('community', communityId);
      root.store = store;
      root.innerHTML = '<kin-founder-story-banner></kin-founder-story-banner><kin-discussion-thread></kin-discussion-thread>';
      outlet.append(root);
      await waitUntil(() => open() > 0, 'subscribed while mounted');
      root.remove();
      await root.updateComplete;
      expect(open(), 'subscriptions after unmount').to.equal(0);
    };
    try {
      for (let i = 0; i < 5; i++) await cycle(); // warm-up: module and template caches
      const before = heap();
      const listenersBefore = netWindowListeners;
      for (let i = 0; i < 50; i++) await cycle();
      await new Promise((r) => setTimeout(r, 200));
      const after = heap();
      expect(netWindowListeners - listenersBefore, 'window listeners left behind').to.equal(0);
      console.log(`SPA leak test: 50 cycles, heap ${(before / 1e6).toFixed(2)} MB → ${(after / 1e6).toFixed(2)} MB (${((after - before) / 1e3).toFixed(0)} KB, after a forced GC)`);
      expect(Number.isFinite(before), 'performance.memory available').to.equal(true);
      expect(after - before, 'heap growth over 50 cycles, after a forced GC').to.be.below(2e6);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
      await inner.dispose();
    }
  });
});
