// A signed-out session that loads Firebase Auth only when the visitor acts (issue 16). A visitor with no
// saved session on this device reads without Auth (35 KB gzip and the wait for `authStateReady` saved);
// the first sign-in call loads it, and from then on every call and every `watch` goes to the real session.
import type {AuthSession, Unsubscribe} from '../store.js';
import type {SessionUser} from '../types.js';

type Session = AuthSession & {dispose(): void};

export class LazyAuthSession implements AuthSession {
  user: SessionUser | null = null;
  #listeners = new Set<(user: SessionUser | null) => void>();
  #real: Promise<Session> | null = null;
  #unsub: Unsubscribe | null = null;
  #disposed = false;

  constructor(private load: () => Promise<Session>) {}

  /** Loads Firebase Auth (once) and follows its user from then on. */
  #session(): Promise<Session> {
    this.#real ??= this.load().then((s) => {
      if (this.#disposed) {
        s.dispose();
        return s;
      }
      this.#loaded = s;
      this.#unsub = s.watch((user) => this.#set(user));
      return s;
    }, (e) => {
      this.#real = null;
      throw e;
    });
    return this.#real;
  }

  /** Issue 17: the loaded session's sign-in ended by itself (AuthSession.expired). */
  get expired(): boolean {
    return this.#loaded?.expired ?? false;
  }

  /** Issue 17 (fault): how the expired sign-in was made (AuthSession.expiredSignIn). */
  get expiredSignIn(): 'email' | 'anonymous' | null {
    return this.#loaded?.expiredSignIn ?? null;
  }
  #loaded: Session | null = null;

  #set(user: SessionUser | null) {
    if (user?.uid === this.user?.uid && user?.anonymous === this.user?.anonymous) return;
    this.user = user;
    for (const l of [...this.#listeners]) l(user);
  }

  watch(next: (user: SessionUser | null) => void): Unsubscribe {
    this.#listeners.add(next);
    next(this.user);
    return () => this.#listeners.delete(next);
  }

  async signInAnonymously(): Promise<SessionUser> {
    return (await this.#session()).signInAnonymously();
  }
  async sendSignInLink(email: string, continueUrl: string): Promise<void> {
    return (await this.#session()).sendSignInLink(email, continueUrl);
  }
  async completeSignInLink(email: string, link: string): Promise<SessionUser> {
    return (await this.#session()).completeSignInLink(email, link);
  }
  async completeSignInFromUrl(url: string): Promise<SessionUser | null> {
    // Only a sign-in link needs Auth; any other address is answered without loading it.
    if (!/[?&]oobCode=/.test(url)) return null;
    return (await this.#session()).completeSignInFromUrl(url);
  }
  async signInWithToken(token: string): Promise<SessionUser> {
    return (await this.#session()).signInWithToken(token);
  }
  async signOut(): Promise<void> {
    if (!this.#real) return;
    return (await this.#session()).signOut();
  }

  dispose() {
    this.#disposed = true;
    this.#unsub?.();
    this.#listeners.clear();
    void this.#real?.then((s) => s.dispose(), () => undefined);
  }
}
