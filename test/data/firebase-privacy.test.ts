// Private by default on Firebase: reading a public community writes no Kindred or Auth storage; the
// first sign-in (a step the member takes) starts keeping the session on this device.
// The Firebase SDK's own daily heartbeat record (IndexedDB `firebase-heartbeat-database`) is written
// as soon as it talks to a server and cannot be switched off from outside: README "Privacy" says so,
// and consent="required" keeps Firebase from loading at all until the visitor agrees.
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import type {CommunityStore} from '../../src/data/store.js';
import {authEmulatorHost, authEmulatorReady, emulatorHost} from '../support/env.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {sampleSeed, uniqueCommunityId} from '../support/builders.js';

const databases = async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n !== 'firebase-heartbeat-database');

describe('FirebaseStore privacy (Auth emulator + Firestore emulator)', function () {
  this.timeout(125000);
  const stores: CommunityStore[] = [];
  let admin: FirestoreAdmin;
  let cid: string;
  before(async () => {
    // One browser profile serves every test file: start this origin clean, as a first visit is.
    await Promise.all((await indexedDB.databases()).map((d) => new Promise((res) => {
      const req = indexedDB.deleteDatabase(d.name!);
      req.onsuccess = req.onerror = req.onblocked = res;
    })));
    localStorage.clear();
    sessionStorage.clear();
    await authEmulatorReady();
    admin = new FirestoreAdmin(authEmulatorHost().projectId);
    cid = uniqueCommunityId('privacy');
    await admin.seed(sampleSeed(cid));
  });
  after(async () => {
    for (const s of stores) if (s.session.user) await s.session.signOut();
    await Promise.all(stores.map((s) => s.dispose()));
    await admin.removeCommunity(cid);
  });
  const open = async () => {
    const auth = authEmulatorHost();
    const store = await createFirebaseStore({communityId: cid, config: {projectId: auth.projectId, apiKey: 'demo-key', appId: 'demo-app'}, emulator: {...emulatorHost(), authHost: `${auth.host}:${auth.port}`}});
    stores.push(store);
    return store;
  };

  it('a visitor reading the community leaves no storage, cookie or Auth database behind', async () => {
    expect(await databases()).to.deep.equal([]);
    const store = await open();
    const community = await new Promise((res, rej) => store.watchCommunity((c) => c && res(c), rej));
    expect(community).to.have.property('id', cid);
    await new Promise((r) => setTimeout(r, 500));
    expect(await databases()).to.deep.equal([]);
    expect(localStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
  });

  it('keeps the session on this device from the first sign-in, and restores it on the next visit', async () => {
    const store = await open();
    const user = await store.session.signInAnonymously();
    expect(await databases()).to.include('firebaseLocalStorageDb');
    await store.dispose();
    stores.splice(stores.indexOf(store), 1);
    const again = await open();
    expect(again.session.user?.uid).to.equal(user.uid);
  });
});
