// Issue 17, "an expired sign-in produces a human message and a way back, never a blank element": a member
// (really signed in through the Firebase Auth emulator, real rules) types half a post; their session is
// revoked on the server (what expiry, a password change elsewhere or an admin revoking tokens look like);
// they open the page again. Firebase Auth drops the dead session as it restores it. The community and the
// thread say the sign-in has expired and that what they wrote is kept, with "Sign in again"; signing in
// again (the join dialog) brings the composer back with their words in it. Signing out on purpose says
// nothing of the kind.
import {expect, fixture, html} from '@open-wc/testing';
import type {CommunityStore} from '../../src/data/store.js';
import {AUTH_EMULATOR_PROJECT, authEmulatorHost, authEmulatorReady} from '../support/env.js';
import {signInLinkFor, signInStore, uniqueEmail} from '../support/auth-emulator.js';
import {FirestoreAdmin} from '../support/firestore-admin.js';
import {$, KEY, alice, articleFor, nextCommunityId, post, seed, type} from '../components/discussion-thread.fixture.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';
import {eventuallyWithin, wait} from './fault-helpers.js';
import {shadowText as text} from '../support/dom.js';

const admin = new FirestoreAdmin(AUTH_EMULATOR_PROJECT);

async function forgetSessions() {
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('firebaseLocalStorageDb');
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
  for (const k of Object.keys(localStorage)) if (k.startsWith('firebase:') || k.startsWith('kindred:signed-in:')) localStorage.removeItem(k);
}

/** Revokes every token issued to `uid` so far (Auth emulator, admin REST), as a server-side sign-out does. */
async function revoke(uid: string) {
  const {host, port, projectId} = authEmulatorHost();
  const r = await fetch(`http://${host}:${port}/identitytoolkit.googleapis.com/v1/projects/${projectId}/accounts:update`, {
    method: 'POST', headers: {Authorization: 'Bearer owner', 'Content-Type': 'application/json'},
    body: JSON.stringify({localId: uid, validSince: String(Math.floor(Date.now() / 1000))}),
  });
  if (!r.ok) throw new Error(`revoke: HTTP ${r.status} ${await r.text()}`);
}

function mount(store: CommunityStore) {
  return fixture<HTMLElement>(html`<kin-community .store=${store} lang="en">
    <kin-discussion-thread thread-key=${KEY}></kin-discussion-thread>
  </kin-community>`);
}

describe('faults: the sign-in expires', function () {
  this.timeout(180000);
  const stores: CommunityStore[] = [];
  before(async function () {
    this.timeout(125000);
    await authEmulatorReady();
    await forgetSessions();
    sessionStorage.clear();
  });
  after(async function () {
    this.timeout(60000);
    // A store whose app is mid-sign-in can take long to close: never let cleanup hang the file.
    const settle = (p: Promise<unknown>) => Promise.race([p.catch(() => undefined), wait(10000)]);
    for (const s of stores) await settle(s.dispose());
    await settle(forgetSessions());
  });

  it('says so with Sign in again, keeps the draft, and signing in again brings the words back', async () => {
    const cid = nextCommunityId();
    const fx = seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]);
    await admin.seed(fx);

    // A member signs in and joins, for real.
    const first = await signInStore(cid);
    stores.push(first);
    const user = await first.session.signInAnonymously();
    await first.join({pseudonym: 'Carys', relationship: 'patient', guidelinesVersion: fx.community.settings.guidelinesVersion, healthConsentVersion: null});
    let root = await mount(first);
    let thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => $(thread, 'textarea#compose'), 'the composer', 30000);
    const words = `Half of what I wanted to say ${cid}`;
    type($(thread, 'textarea#compose') as HTMLTextAreaElement, words);
    expect(text(root)).not.to.include('expired');

    // Their session is revoked on the server (a token issued in an earlier second than the revocation).
    await wait(1100);
    await revoke(user.uid);

    // They come back to the page.
    root.remove();
    await first.dispose();
    const second = await signInStore(cid);
    stores.push(second);
    expect(second.session.user, 'Firebase Auth dropped the revoked session').to.equal(null);
    root = await mount(second);
    thread = root.querySelector('kin-discussion-thread')!;
    const notice = await eventuallyWithin(() => root.shadowRoot!.querySelector('[part="session-expired"]'), 'the community says the sign-in expired', 30000)
      .then(() => root.shadowRoot!.querySelector<HTMLElement>('[part="session-expired"]')!);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.include('Your sign-in has expired');
    expect(notice.textContent).to.include('what you wrote is kept on this device');
    await eventuallyWithin(() => articleFor(thread, 'p1') && text(thread).includes('Your sign-in has expired'), 'the thread says so too, with the posts still readable', 30000);
    const threadButton = $(thread, '[part="join"] button')!;
    expect(threadButton.textContent!.trim()).to.equal('Sign in again');
    await expect(root).to.be.accessible();
    await expect(thread).to.be.accessible();

    // Sign in again: the join dialog; afterwards the composer holds their words.
    (notice.querySelector('button') as HTMLButtonElement).click();
    const join = await eventuallyWithin(() => root.shadowRoot!.querySelector('kin-join')?.shadowRoot?.querySelector('input#pseudonym'), 'the join dialog', 30000)
      .then(() => root.shadowRoot!.querySelector('kin-join')!);
    type(join.shadowRoot!.querySelector<HTMLInputElement>('input#pseudonym')!, 'Carys again');
    join.shadowRoot!.querySelector<HTMLInputElement>('input[name="guidelines"]')!.click();
    join.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await eventuallyWithin(() => ($(thread, 'textarea#compose') as HTMLTextAreaElement | null)?.value === words, 'the composer is back with the words typed before', 60000);
    expect(root.shadowRoot!.querySelector('[part="session-expired"]')).to.equal(null);
    expect(text(thread)).not.to.include('expired');
  });

  it('a member who signed in with an email link is offered the link again, never a new anonymous account; the link brings them back to the same account with their words', async () => {
    const cid = nextCommunityId();
    const fx = seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]);
    await admin.seed(fx);
    const page = location.href;
    // A fresh device: the stores of the test before share the Firebase app (and its signed-in Auth).
    for (const s of stores.splice(0)) await s.dispose().catch(() => undefined);
    await forgetSessions();

    // A member joins, then keeps their account with an email link (the profile's "keep your account").
    const first = await signInStore(cid);
    stores.push(first);
    const anon = await first.session.signInAnonymously();
    await first.join({pseudonym: 'Eirlys', relationship: 'patient', guidelinesVersion: fx.community.settings.guidelinesVersion, healthConsentVersion: null});
    const email = uniqueEmail('expired');
    await first.session.sendSignInLink(email, page);
    const kept = await first.session.completeSignInLink(email, await signInLinkFor(email));
    expect([kept.uid, kept.anonymous]).to.deep.equal([anon.uid, false]);
    let root = await mount(first);
    let thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => $(thread, 'textarea#compose'), 'the composer', 30000);
    const words = `What I was saying before it expired ${cid}`;
    type($(thread, 'textarea#compose') as HTMLTextAreaElement, words);

    await wait(1100);
    await revoke(anon.uid);
    root.remove();
    await first.dispose();

    // Back on the page: expired. "Sign in again" (the thread's own button) offers the email link, in place.
    const second = await signInStore(cid);
    stores.push(second);
    expect(second.session.user).to.equal(null);
    expect(second.session.expiredSignIn).to.equal('email');
    root = await mount(second);
    thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => $(thread, '[part="join"] button')?.textContent?.includes('Sign in again'), 'the thread says so', 30000);
    ($(thread, '[part="join"] button') as HTMLButtonElement).click();
    const form = await eventuallyWithin(() => root.shadowRoot!.querySelector('form[part="sign-in-again"]'), 'the email sign-in is offered', 10000)
      .then(() => root.shadowRoot!.querySelector<HTMLFormElement>('form[part="sign-in-again"]')!);
    expect(root.shadowRoot!.querySelector('kin-join'), 'no join dialog: that would make a new account').to.equal(null);
    expect(form.textContent).to.include('same account');
    expect(root.shadowRoot!.activeElement?.id, 'the address field has focus').to.equal('again-email');
    await expect(root).to.be.accessible();

    // A wrong address is told kindly; the right one sends the link. Nobody was signed in meanwhile.
    type(form.querySelector<HTMLInputElement>('#again-email')!, 'not an address');
    form.requestSubmit();
    await eventuallyWithin(() => form.querySelector('#again-error'), 'a clear error', 5000);
    expect(form.querySelector('#again-email')!.getAttribute('aria-invalid')).to.equal('true');
    type(form.querySelector<HTMLInputElement>('#again-email')!, email);
    form.requestSubmit();
    await eventuallyWithin(() => form.textContent!.includes('We have sent you a sign-in link'), 'the link is sent', 20000);
    expect(second.session.user, 'no anonymous account was made').to.equal(null);
    await expect(root).to.be.accessible();

    // They open the link in this browser: the same account, and the words they had typed.
    const link = new URL(await signInLinkFor(email));
    const landing = new URL(page);
    for (const p of ['apiKey', 'oobCode', 'mode', 'lang']) if (link.searchParams.has(p)) landing.searchParams.set(p, link.searchParams.get(p)!);
    root.remove();
    await second.dispose();
    history.replaceState(null, '', landing);
    const third = await signInStore(cid);
    stores.push(third);
    root = await mount(third);
    thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => third.session.user && !third.session.user.anonymous, 'signed in by the link', 30000);
    expect(third.session.user!.uid, 'the same account').to.equal(anon.uid);
    await eventuallyWithin(() => ($(thread, 'textarea#compose') as HTMLTextAreaElement | null)?.value === words, 'the words typed before', 30000);
    expect(root.shadowRoot!.querySelector('[part="session-expired"]')).to.equal(null);
    history.replaceState(null, '', page);
    root.remove();
  });

  it('signing out on purpose is not called expired', async () => {
    const cid = nextCommunityId();
    const fx = seed(cid, [post('p1', alice, {body: 'Hello from Alice'})]);
    await admin.seed(fx);
    const store = await signInStore(cid);
    stores.push(store);
    await store.session.signInAnonymously();
    await store.session.signOut();
    expect(store.session.expired).to.equal(false);
    const again = await signInStore(cid);
    stores.push(again);
    expect(again.session.expired, 'reopened after signing out').to.not.equal(true);
    const root = await mount(again);
    const thread = root.querySelector('kin-discussion-thread')!;
    await eventuallyWithin(() => articleFor(thread, 'p1') && $(thread, '[part="join"]'), 'the thread for a visitor', 30000);
    expect(text(thread)).to.include('Join the community to take part.');
    expect(root.shadowRoot!.querySelector('[part="session-expired"]')).to.equal(null);
  });
});
