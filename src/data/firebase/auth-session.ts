// AuthSession over Firebase Auth (loaded lazily: `firebase/auth` is its own chunk; tested against the
// Firebase Auth emulator in test/data/auth-session.test.ts), and a fixed session for the Firestore
// emulator's mock-token mode (no Auth emulator needed).
import type {FirebaseApp} from 'firebase/app';
import {KindredError} from '../errors.js';
import type {AuthSession, Unsubscribe} from '../store.js';
import type {SessionUser} from '../types.js';
import {mapFirebaseError} from './errors.js';
import {hasPersistedAuth} from '../reader/persisted-auth.js';

type AuthModule = typeof import('firebase/auth');
type Auth = import('firebase/auth').Auth;
type User = import('firebase/auth').User;

// The address a sign-in link was sent to, remembered on this device only (the member typed it and asked
// for the link), so opening the link here needs no second prompt. Removed once the link is used.
const EMAIL_KEY = 'kindred:sign-in-email';
const remember = (email: string | null) => {
  try {
    if (email) localStorage.setItem(EMAIL_KEY, email);
    else localStorage.removeItem(EMAIL_KEY);
  } catch { /* storage blocked: the member will be asked for the address */ }
};
const remembered = () => {
  try {
    return localStorage.getItem(EMAIL_KEY);
  } catch {
    return null;
  }
};

const toSessionUser = (u: User | null): SessionUser | null => (u ? {uid: u.uid, anonymous: u.isAnonymous} : null);

// Issue 17: which app had a member signed in on this device, so a sign-in that Firebase Auth drops by
// itself (an expired or revoked session, found when the page opens or when the token is refreshed) is
// told apart from never having signed in, and from signing out.
const signedInKey = (app: FirebaseApp) => `kindred:signed-in:${app.name}`;
// Issue 17 (fault): the marker also says how (an email-link account, or an anonymous one), so "Sign in
// again" offers the email link to the member who had one instead of making them a new anonymous account.
const markSignedIn = (app: FirebaseApp, on: boolean, email = false) => {
  try {
    if (on) localStorage.setItem(signedInKey(app), email ? 'email' : '1');
    else localStorage.removeItem(signedInKey(app));
  } catch { /* storage blocked: an ended sign-in then reads as signed out */ }
};
const signedInBefore = (app: FirebaseApp): 'email' | 'anonymous' | null => {
  try {
    const v = localStorage.getItem(signedInKey(app));
    return v === 'email' ? 'email' : v === '1' ? 'anonymous' : null;
  } catch {
    return null;
  }
};

export class FirebaseAuthSession implements AuthSession {
  user: SessionUser | null = null;
  #listeners = new Set<(user: SessionUser | null) => void>();
  #unsub: Unsubscribe;

  /** The sign-in on this device ended by itself (see AuthSession.expired). */
  expired = false;
  /** Issue 17 (fault): how the member whose sign-in expired had signed in (see AuthSession.expiredSignIn). */
  expiredSignIn: 'email' | 'anonymous' | null = null;
  /** signOut() is under way: the user going away is the member's own doing. */
  #signingOut = false;

  private constructor(private mod: AuthModule, private auth: Auth, private app: FirebaseApp) {
    this.user = toSessionUser(auth.currentUser);
    // A member was signed in here, and Auth, restoring that session, dropped it: it expired or was revoked.
    if (this.user) markSignedIn(app, true, !this.user.anonymous);
    else {
      this.expiredSignIn = signedInBefore(app);
      this.expired = this.expiredSignIn !== null;
    }
    this.#unsub = mod.onAuthStateChanged(auth, (u) => this.#set(toSessionUser(u)));
  }

  /**
   * Loads Firebase Auth and waits for a persisted sign-in to be restored. With `emulatorUrl`
   * (`http://host:port`), talks to a Firebase Auth emulator instead of Google's servers.
   */
  static async create(app: FirebaseApp, emulatorUrl?: string): Promise<FirebaseAuthSession> {
    const mod = await import('firebase/auth');
    // Private by default: a visitor who never signed in on this device gets in-memory persistence,
    // so Auth creates no IndexedDB database just for reading. The first sign-in switches to
    // IndexedDB (see #persist), so the member stays signed in across visits from then on.
    const remembered = await hasPersistedAuth();
    let auth: Auth;
    try {
      auth = mod.initializeAuth(app, {
        persistence: remembered ? [mod.indexedDBLocalPersistence, mod.browserLocalPersistence] : mod.inMemoryPersistence,
      });
    } catch {
      auth = mod.getAuth(app); // another store on the same app initialised it first
    }
    // Stores sharing one app share its Auth, which may be connected once only, before its first call.
    if (emulatorUrl && !auth.emulatorConfig) mod.connectAuthEmulator(auth, emulatorUrl, {disableWarnings: true});
    await auth.authStateReady();
    return new FirebaseAuthSession(mod, auth, app);
  }

  #set(user: SessionUser | null) {
    if (user?.uid === this.user?.uid && user?.anonymous === this.user?.anonymous) return;
    if (user) {
      this.expired = false;
      this.expiredSignIn = null;
      markSignedIn(this.app, true, !user.anonymous);
    } else if (this.user && !this.#signingOut) {
      this.expired = true;
      this.expiredSignIn = this.user.anonymous ? 'anonymous' : 'email';
    }
    this.user = user;
    for (const l of [...this.#listeners]) l(user);
  }

  watch(next: (user: SessionUser | null) => void): Unsubscribe {
    this.#listeners.add(next);
    next(this.user);
    return () => this.#listeners.delete(next);
  }

  /** The member is signing in: from now on remember the session on this device. */
  async #persist() {
    await this.mod.setPersistence(this.auth, this.mod.indexedDBLocalPersistence).catch(() =>
      this.mod.setPersistence(this.auth, this.mod.browserLocalPersistence).catch(() => undefined));
  }

  async signInAnonymously(): Promise<SessionUser> {
    try {
      await this.#persist();
      const cred = await this.mod.signInAnonymously(this.auth);
      this.#set(toSessionUser(cred.user));
      return this.user!;
    } catch (e) {
      throw mapFirebaseError(e, 'sign in');
    }
  }

  async sendSignInLink(email: string, continueUrl: string): Promise<void> {
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) throw new KindredError('invalid-argument', 'That email address does not look right; check it and try again.', 'email');
    try {
      await this.mod.sendSignInLinkToEmail(this.auth, email.trim(), {url: continueUrl, handleCodeInApp: true});
      remember(email.trim());
    } catch (e) {
      throw mapFirebaseError(e, 'send the sign-in link');
    }
  }

  async completeSignInLink(email: string, link: string): Promise<SessionUser> {
    if (!this.mod.isSignInWithEmailLink(this.auth, link)) {
      throw new KindredError('invalid-argument', 'This is not a sign-in link; open the link from your email again.', 'link');
    }
    try {
      await this.#persist();
      const current = this.auth.currentUser;
      // Upgrading the anonymous account keeps the uid, so membership and posts stay theirs.
      const cred = current?.isAnonymous
        ? await this.mod.linkWithCredential(current, this.mod.EmailAuthProvider.credentialWithLink(email.trim(), link))
        : await this.mod.signInWithEmailLink(this.auth, email.trim(), link);
      this.#set(toSessionUser(cred.user));
      remember(null);
      return this.user!;
    } catch (e) {
      // The server's only complaint about a well-formed address here: it is not the one the link was sent to.
      if ((e as {code?: unknown})?.code === 'auth/invalid-email') {
        throw new KindredError('invalid-argument', 'Could not complete the sign-in link: enter the email address the link was sent to.', 'email', {cause: e});
      }
      throw mapFirebaseError(e, 'complete the sign-in link');
    }
  }

  async completeSignInFromUrl(url: string): Promise<SessionUser | null> {
    if (!this.mod.isSignInWithEmailLink(this.auth, url)) return null;
    const email = remembered();
    if (!email) {
      throw new KindredError('invalid-argument', 'This sign-in link was opened on a different device or browser: enter the email address it was sent to.', 'email');
    }
    return this.completeSignInLink(email, url);
  }

  async signInWithToken(token: string): Promise<SessionUser> {
    try {
      await this.#persist();
      const cred = await this.mod.signInWithCustomToken(this.auth, token);
      this.#set(toSessionUser(cred.user));
      return this.user!;
    } catch (e) {
      throw mapFirebaseError(e, 'sign in');
    }
  }

  async signOut(): Promise<void> {
    this.#signingOut = true;
    try {
      await this.mod.signOut(this.auth);
      markSignedIn(this.app, false);
      this.expired = false;
      this.expiredSignIn = null;
      this.#set(null);
    } catch (e) {
      throw mapFirebaseError(e, 'sign out');
    } finally {
      this.#signingOut = false;
    }
  }

  dispose() {
    this.#unsub();
    this.#listeners.clear();
  }
}

/** Emulator mock-token mode: the user is fixed when the store is made. */
export class FixedSession implements AuthSession {
  constructor(readonly user: SessionUser | null) {}
  watch(next: (user: SessionUser | null) => void): Unsubscribe {
    next(this.user);
    return () => {};
  }
  #refuse(): never {
    throw new KindredError('misconfigured', 'This store talks to the Firestore emulator as a fixed test user (emulator-user); sign-in is not available. Remove emulator-host to use Firebase Auth.');
  }
  async signInAnonymously(): Promise<SessionUser> { return this.#refuse(); }
  async sendSignInLink(): Promise<void> { return this.#refuse(); }
  async completeSignInLink(): Promise<SessionUser> { return this.#refuse(); }
  async completeSignInFromUrl(): Promise<SessionUser | null> { return null; }
  async signInWithToken(): Promise<SessionUser> { return this.#refuse(); }
  async signOut(): Promise<void> { return this.#refuse(); }
  dispose() {}
}
