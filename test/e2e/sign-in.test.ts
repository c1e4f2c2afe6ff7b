// Signing in for real, end to end: the elements a member uses (<kin-join>, <kin-profile>) inside
// <kin-community> with a FirebaseStore on the real Firestore emulator and real rules, signed in
// through the real Firebase Auth emulator (no mock tokens). The sign-in email is read from the Auth
// emulator, as the member would open it from their inbox.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/community/kin-community.js';
import '../../src/components/join/kin-join.js';
import '../../src/components/profile/kin-profile.js';
import type {KinCommunity} from '../../src/components/community/community.js';
import type {KinJoin} from '../../src/components/join/join.js';
import type {KinProfile} from '../../src/components/profile/profile.js';
import type {CommunityStore} from '../../src/data/store.js';
import {AUTH_EMULATOR_PROJECT, authEmulatorReady} from '../support/env.js';
import {signInLinkFor, signInStore, uniqueEmail} from '../support/auth-emulator.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {nextEvent} from '../support/events.js';
import {sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {$} from '../support/dom.js';
import {layout} from '../../src/data/domain/layout.js';


describe('signing in for real (Auth emulator + Firestore emulator)', function () {
  const admin = new FirestoreAdmin(AUTH_EMULATOR_PROJECT);
  let cid: string;
  let stores: CommunityStore[] = [];

  before(async function () {
    this.timeout(125000); // the Auth emulator starts beside the tests and may still be starting
    await authEmulatorReady();
  });

  beforeEach(async () => {
    cid = uniqueCommunityId('signin');
    await admin.seed(sampleSeed(cid));
  });

  afterEach(async () => {
    for (const s of stores) if (s.session.user) await s.session.signOut();
    await Promise.all(stores.map((s) => s.dispose()));
    stores = [];
    await admin.removeCommunity(cid);
  });

  async function open() {
    const store = await signInStore(cid);
    stores.push(store);
    return store;
  }

  async function mount(store: CommunityStore) {
    const root = await fixture<KinCommunity>(html`<kin-community .store=${store}>
      <kin-join></kin-join><kin-profile heading-level="3"></kin-profile></kin-community>`);
    return {root, join: root.querySelector<KinJoin>('kin-join')!, profile: root.querySelector<KinProfile>('kin-profile')!};
  }

  it('a visitor joins anonymously, then keeps the account with an email link: same member, nothing lost', async () => {
    const store = await open();
    const {join, profile} = await mount(store);
    await waitUntil(() => $(join, 'form'), 'join form', {timeout: 8000});
    expect(store.session.user).to.equal(null);

    // Join: the first write signs in anonymously, and the rules accept the real token.
    $<HTMLInputElement>(join, '#pseudonym')!.focus();
    await sendKeys({type: 'Patient Kestrel'});
    $<HTMLInputElement>(join, 'input[name="guidelines"]')!.click();
    const joined = nextEvent(join, 'kin-joined');
    $<HTMLButtonElement>(join, 'button[type="submit"]')!.click();
    const {uid} = await joined;
    expect(store.session.user).to.deep.equal({uid, anonymous: true});
    expect((await admin.getRaw(pathIn(cid, layout.member(uid))))?.pseudonym).to.deep.equal({stringValue: 'Patient Kestrel'});

    // Keep the account: the profile offers an email link while the account is anonymous.
    await waitUntil(() => $(profile, '#email'), 'the profile offers to keep the account', {timeout: 8000});
    await expect(profile).to.be.accessible();
    const email = uniqueEmail('kestrel');
    $<HTMLInputElement>(profile, '#email')!.focus();
    await sendKeys({type: email});
    $<HTMLButtonElement>(profile, 'form[aria-labelledby="keep-heading"] button[type="submit"]')!.click();
    await waitUntil(() => $(profile, 'form[aria-labelledby="keep-heading"] [role="status"]')?.textContent?.includes('Check your email'),
      'link sent', {timeout: 8000});

    // The email arrives; its link brings the member back to this page, which completes it.
    const link = await signInLinkFor(email);
    expect(new URL(link).searchParams.get('continueUrl')).to.equal(location.href);
    await store.session.completeSignInLink(email, link);
    expect(store.session.user).to.deep.equal({uid, anonymous: false});

    // Same member: the offer to keep the account is gone, and their profile is still theirs.
    await waitUntil(() => !$(profile, '#email'), 'the profile no longer offers an email link', {timeout: 8000});
    expect($<HTMLInputElement>(profile, '#pseudonym')!.value).to.equal('Patient Kestrel');
    const saved = await store.updateProfile({bio: 'Kept my account.'});
    expect(saved.uid).to.equal(uid);
    await expect(profile).to.be.accessible();
  });

  it('a member signs out from the profile, then signs back in with a link on another device and finds their profile', async () => {
    const email = uniqueEmail('otter');
    const first = await open();
    await first.session.sendSignInLink(email, 'https://charity.example.org/community/');
    const {uid} = await first.session.completeSignInLink(email, await signInLinkFor(email));
    await first.join({pseudonym: 'Calm Otter', relationship: 'patient', guidelinesVersion: 'g-2026-01', healthConsentVersion: null});

    const {profile} = await mount(first);
    await waitUntil(() => $<HTMLInputElement>(profile, '#pseudonym')?.value === 'Calm Otter', 'profile loaded', {timeout: 8000});
    expect($(profile, '#email')).to.equal(null); // already an email account: no offer to keep it
    $<HTMLButtonElement>(profile, '#sign-out')!.click();
    await waitUntil(() => !$(profile, 'form[part="form"]') && $(profile, 'button.primary'), 'signed-out state', {timeout: 8000});
    expect(first.session.user).to.equal(null);
    expect($(profile, 'button.primary')!.textContent).to.match(/join/i);
    await expect(profile).to.be.accessible();
    let refused: unknown = null;
    await first.updateProfile({bio: 'signed out'}).catch((e: unknown) => (refused = e));
    expect((refused as {code?: string} | null)?.code).to.equal('unauthenticated');
    await first.dispose();

    // Another device: a fresh store with nobody signed in.
    const second = await open();
    expect(second.session.user).to.equal(null);
    await second.session.sendSignInLink(email, 'https://charity.example.org/community/');
    const back = await second.session.completeSignInLink(email, await signInLinkFor(email));
    expect(back).to.deep.equal({uid, anonymous: false});
    const again = await fixture<KinCommunity>(html`<kin-community .store=${second}><kin-profile></kin-profile></kin-community>`);
    const profile2 = again.querySelector<KinProfile>('kin-profile')!;
    await waitUntil(() => $<HTMLInputElement>(profile2, '#pseudonym')?.value === 'Calm Otter', 'their profile is back', {timeout: 8000});
    expect((await second.getMember(uid))?.bio).to.equal('');
  });
});

describe('opening an email sign-in link on the page (Auth emulator)', function () {
  const admin = new FirestoreAdmin(AUTH_EMULATOR_PROJECT);
  const original = location.href;
  let stores: CommunityStore[] = [];
  let cid: string;

  before(async function () {
    this.timeout(125000);
    await authEmulatorReady();
  });
  beforeEach(async () => {
    cid = uniqueCommunityId('link');
    await admin.seed(sampleSeed(cid));
  });
  afterEach(async () => {
    history.replaceState(null, '', original);
    for (const s of stores) if (s.session.user) await s.session.signOut();
    await Promise.all(stores.map((s) => s.dispose()));
    stores = [];
    localStorage.removeItem('kindred:sign-in-email');
    await admin.removeCommunity(cid);
  });

  /** Sends a link from one store, then puts the page at the address the member lands on. */
  async function landOnLink(email: string) {
    const sender = await signInStore(cid);
    stores.push(sender);
    await sender.session.sendSignInLink(email, original);
    const link = new URL(await signInLinkFor(email));
    const landing = new URL(original);
    for (const p of ['apiKey', 'oobCode', 'mode', 'lang']) if (link.searchParams.has(p)) landing.searchParams.set(p, link.searchParams.get(p)!);
    history.replaceState(null, '', landing);
    await sender.dispose();
  }

  it('finishes signing in on the same device and removes the one-time code from the address', async function () {
    this.timeout(30000);
    const email = uniqueEmail('same-device');
    await landOnLink(email);
    const store = await signInStore(cid);
    stores.push(store);
    await fixture(html`<kin-community .store=${store}></kin-community>`);
    await waitUntil(() => store.session.user && !store.session.user.anonymous, 'signed in by the link', {timeout: 10000});
    expect(location.search).not.to.contain('oobCode');
  });

  it('asks for the address when the link is opened on another device, then signs in', async function () {
    this.timeout(30000);
    const email = uniqueEmail('other-device');
    await landOnLink(email);
    localStorage.removeItem('kindred:sign-in-email'); // as on another device
    const store = await signInStore(cid);
    stores.push(store);
    const root = await fixture<KinCommunity>(html`<kin-community .store=${store}></kin-community>`);
    await waitUntil(() => $(root, 'form[part="sign-in"]'), 'asked for the address', {timeout: 10000});
    await expect(root).to.be.accessible();
    const input = $<HTMLInputElement>(root, '#sign-in-email')!;
    input.focus();
    await sendKeys({type: email});
    $<HTMLButtonElement>(root, 'form[part="sign-in"] button')!.click();
    await waitUntil(() => store.session.user && !store.session.user.anonymous, 'signed in', {timeout: 10000});
    await waitUntil(() => !$(root, 'form[part="sign-in"]'), 'form gone');
    expect(location.search).not.to.contain('oobCode');
  });
});
