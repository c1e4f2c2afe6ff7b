// FirebaseStore's Auth session against the real Firebase Auth emulator, with the real Firestore
// emulator and the real firestore.rules behind it: no mock tokens, so the rules see the ID tokens
// that sign-in really produces.
import {expect} from '@open-wc/testing';
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import {isKindredError, type KindredError} from '../../src/data/errors.js';
import type {CommunityStore, JoinInput} from '../../src/data/store.js';
import type {MemberProfile, SessionUser} from '../../src/data/types.js';
import {AUTH_EMULATOR_PROJECT, authEmulatorHost, authEmulatorReady, emulatorHost} from '../support/env.js';
import {signInLinkFor, signInStore, uniqueEmail, unsignedCustomToken} from '../support/auth-emulator.js';
import {FirestoreAdmin, pathIn} from '../support/firestore-admin.js';
import {sampleSeed, uniqueCommunityId} from '../support/builders.js';
import {layout} from '../../src/data/domain/layout.js';

const CONTINUE_URL = 'https://charity.example.org/community/';
const joinInput = (pseudonym: string): JoinInput => ({
  pseudonym, relationship: 'carer', guidelinesVersion: 'g-2026-01', healthConsentVersion: null,
});

async function rejection(p: Promise<unknown>): Promise<KindredError> {
  try {
    await p;
  } catch (e) {
    if (isKindredError(e)) return e;
    throw new Error(`expected a KindredError, got ${String(e)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Every value a watcher has been called with, and a way to wait for the next matching one. */
function record<T>(subscribe: (next: (v: T) => void) => () => void) {
  const values: T[] = [];
  const stop = subscribe((v) => values.push(v));
  const until = async (test: (v: T) => boolean, what: string) => {
    const end = Date.now() + 8000;
    while (!(values.length && test(values[values.length - 1]))) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}; saw ${JSON.stringify(values)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {values, stop, until};
}

describe('FirebaseStore sign-in (Firebase Auth emulator)', function () {
  const admin = new FirestoreAdmin(AUTH_EMULATOR_PROJECT);
  let cid: string;
  let store: CommunityStore | null = null;

  before(async function () {
    this.timeout(125000); // the Auth emulator starts beside the tests and may still be starting
    await authEmulatorReady();
  });

  beforeEach(async () => {
    cid = uniqueCommunityId('auth');
    await admin.seed(sampleSeed(cid));
    store = await signInStore(cid);
  });

  afterEach(async () => {
    if (store?.session.user) await store.session.signOut();
    await store?.dispose();
    store = null;
    await admin.removeCommunity(cid);
  });

  it('starts signed out, with no user restored', () => {
    expect(store!.session.user).to.equal(null);
  });

  describe('anonymous sign-in', () => {
    it('gives an anonymous user whose real ID token the rules accept for joining', async () => {
      const s = store!;
      const seen = record<SessionUser | null>((next) => s.session.watch(next));
      const user = await s.session.signInAnonymously();
      expect(user.anonymous).to.equal(true);
      expect(user.uid).to.be.a('string').and.not.equal('');
      expect(s.session.user).to.deep.equal(user);
      await seen.until((u) => u?.uid === user.uid, 'watch reports the anonymous user');
      expect(seen.values[0]).to.equal(null);
      seen.stop();

      const profile = await s.join(joinInput('Quiet Heron'));
      expect(profile.uid).to.equal(user.uid);
      const raw = await admin.getRaw(pathIn(cid, layout.member(user.uid)));
      expect(raw?.pseudonym).to.deep.equal({stringValue: 'Quiet Heron'});
      expect((await s.getPrivateRecord())?.uid).to.equal(user.uid);
    });
  });

  describe('email link', () => {
    it('upgrades the anonymous account in place: same uid, no longer anonymous, membership kept', async () => {
      const s = store!;
      const anon = await s.session.signInAnonymously();
      await s.join(joinInput('Steady Wren'));
      const email = uniqueEmail('wren');

      await s.session.sendSignInLink(email, CONTINUE_URL);
      const link = await signInLinkFor(email);
      expect(new URL(link).searchParams.get('mode')).to.equal('signIn');
      expect(link).to.include(encodeURIComponent(CONTINUE_URL));

      const seen = record<SessionUser | null>((next) => s.session.watch(next));
      const upgraded = await s.session.completeSignInLink(email, link);
      expect(upgraded).to.deep.equal({uid: anon.uid, anonymous: false});
      expect(s.session.user).to.deep.equal({uid: anon.uid, anonymous: false});
      await seen.until((u) => u?.anonymous === false, 'watch reports the upgraded user');
      seen.stop();

      // What they wrote while anonymous is still theirs, and they can still change it.
      const me = record<MemberProfile | null>((next) => s.watchMe(next, (e) => { throw e; }));
      await me.until((m) => m?.pseudonym === 'Steady Wren', 'watchMe shows the profile written while anonymous');
      me.stop();
      const updated = await s.updateProfile({bio: 'Signed in with my email now.'});
      expect(updated.uid).to.equal(anon.uid);
      expect(updated.bio).to.equal('Signed in with my email now.');
    });

    it('signs a signed-out visitor in with the link, and refuses the same link twice', async () => {
      const s = store!;
      const email = uniqueEmail('visitor');
      await s.session.sendSignInLink(`  ${email} `, CONTINUE_URL);
      const link = await signInLinkFor(email);
      const user = await s.session.completeSignInLink(email, link);
      expect(user.anonymous).to.equal(false);
      await s.session.signOut();

      const again = await rejection(s.session.completeSignInLink(email, link));
      expect(again.code).to.equal('invalid-argument');
      expect(again.field).to.equal('link');
      expect(again.message).to.match(/ask for a new one/);
      expect(s.session.user).to.equal(null);
    });

    it('refuses a malformed email before sending anything, naming the field', async () => {
      const e = await rejection(store!.session.sendSignInLink('not-an-email', CONTINUE_URL));
      expect(e.code).to.equal('invalid-argument');
      expect(e.field).to.equal('email');
      expect(e.message).to.match(/email address does not look right/);
    });

    it('asks for the address the link was sent to when another one is entered', async () => {
      const s = store!;
      const email = uniqueEmail('sent');
      await s.session.sendSignInLink(email, CONTINUE_URL);
      const e = await rejection(s.session.completeSignInLink(uniqueEmail('other'), await signInLinkFor(email)));
      expect(e.code).to.equal('invalid-argument');
      expect(e.field).to.equal('email');
      expect(e.message).to.match(/the email address the link was sent to/);
      expect(s.session.user).to.equal(null);
    });

    it('says a pasted address that is not a sign-in link is not one', async () => {
      const e = await rejection(store!.session.completeSignInLink('x@example.org', 'https://charity.example.org/?mode=other'));
      expect(e.code).to.equal('invalid-argument');
      expect(e.field).to.equal('link');
      expect(e.message).to.match(/not a sign-in link/);
    });

    it('will not attach an email that already has an account to another anonymous account', async () => {
      const s = store!;
      const email = uniqueEmail('taken');
      await s.session.sendSignInLink(email, CONTINUE_URL);
      await s.session.completeSignInLink(email, await signInLinkFor(email));
      await s.session.signOut();

      const anon = await s.session.signInAnonymously();
      await s.session.sendSignInLink(email, CONTINUE_URL);
      const e = await rejection(s.session.completeSignInLink(email, await signInLinkFor(email)));
      expect(e.code).to.equal('already-exists');
      expect(e.message).to.match(/sign out and sign in with it/);
      expect(s.session.user).to.deep.equal({uid: anon.uid, anonymous: true});
    });
  });

  describe('custom token', () => {
    it('signs in as the uid the host site minted, and the rules see that uid', async () => {
      const s = store!;
      const uid = `host-${Math.random().toString(36).slice(2, 10)}`;
      const user = await s.session.signInWithToken(unsignedCustomToken(uid));
      expect(user).to.deep.equal({uid, anonymous: false});
      expect(s.session.user?.uid).to.equal(uid);
      await s.join(joinInput('Host Member'));
      expect((await s.getMember(uid))?.pseudonym).to.equal('Host Member');
    });

    it('maps a token that is not a custom token to invalid-argument on the token field', async () => {
      const e = await rejection(store!.session.signInWithToken('definitely-not-a-jwt'));
      expect(e.code).to.equal('invalid-argument');
      expect(e.field).to.equal('token');
      expect(e.message).to.match(/sign in on the site again/);
      expect(store!.session.user).to.equal(null);
    });
  });

  describe('sign-out', () => {
    it('clears the user, tells every watcher, and the store refuses writes', async () => {
      const s = store!;
      const user = await s.session.signInAnonymously();
      await s.join(joinInput('Brief Visit'));
      const seen = record<SessionUser | null>((next) => s.session.watch(next));
      const me = record<MemberProfile | null>((next) => s.watchMe(next, (e) => { throw e; }));
      await me.until((m) => m?.uid === user.uid, 'watchMe shows the member');

      await s.session.signOut();
      expect(s.session.user).to.equal(null);
      await seen.until((u) => u === null, 'watch reports signed out');
      await me.until((m) => m === null, 'watchMe reports no member');
      seen.stop();
      me.stop();

      const e = await rejection(s.updateProfile({bio: 'after sign-out'}));
      expect(e.code).to.equal('unauthenticated');
      expect(e.message).to.match(/^Sign in/);
      const raw = await admin.getRaw(pathIn(cid, layout.member(user.uid)));
      expect(raw?.bio).to.deep.equal({stringValue: ''});
    });
  });

  describe('configuration', () => {
    it('refuses authHost together with a mock user, saying why', async () => {
      const auth = authEmulatorHost();
      const e = await rejection(createFirebaseStore({
        communityId: cid, config: {projectId: AUTH_EMULATOR_PROJECT},
        emulator: {...emulatorHost(), authHost: `${auth.host}:${auth.port}`, mockUser: {uid: 'alice'}},
      }));
      expect(e.code).to.equal('misconfigured');
      expect(e.message).to.match(/cannot be combined with mockUser/);
    });
  });
});
