// LocalStore's sign-in: anonymous only, a random uid. With IndexedDB persistence the uid is kept in
// localStorage so a reload keeps the same member, but only once the user signs in: nothing is
// stored before that.
import {KindredError} from '../errors.js';
import {newId} from '../policy.js';
import type {AuthSession, Unsubscribe} from '../store.js';
import type {SessionUser} from '../types.js';

export const SESSION_KEY = 'kindred-local:session';

const needsFirebase = (what: string) =>
  new KindredError('unavailable',
    `${what} needs a Firebase project: the local store (store="local") signs in anonymously only. ` +
      'Configure <kin-community> with project-id, api-key, app-id and auth-domain to use it.');

/** Reads a remembered session, without writing anything. */
export function readRememberedUser(): SessionUser | null {
  try {
    const raw = globalThis.localStorage?.getItem(SESSION_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SessionUser>;
    return typeof v.uid === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v.uid) ? {uid: v.uid, anonymous: v.anonymous !== false} : null;
  } catch {
    return null; // storage blocked or unreadable: start signed out
  }
}

export class LocalSession implements AuthSession {
  #user: SessionUser | null;
  #listeners = new Set<(user: SessionUser | null) => void>();

  /**
   * @param remember store the session in localStorage (IndexedDB persistence, not tests)
   * @param onChange called after every change made here (not for `adopt`)
   */
  constructor(initial: SessionUser | null, private remember: boolean, private onChange: (user: SessionUser | null) => void) {
    this.#user = initial;
  }

  get user(): SessionUser | null {
    return this.#user;
  }

  watch(next: (user: SessionUser | null) => void): Unsubscribe {
    this.#listeners.add(next);
    next(this.#user);
    return () => {
      this.#listeners.delete(next);
    };
  }

  async signInAnonymously(): Promise<SessionUser> {
    if (this.#user) return this.#user;
    const user: SessionUser = {uid: newId(), anonymous: true};
    this.#set(user);
    return user;
  }

  async sendSignInLink(_email: string, _continueUrl: string): Promise<void> {
    throw needsFirebase('Email sign-in');
  }

  /** The local preview sends no links, so no page address is ever one. */
  async completeSignInFromUrl(_url: string): Promise<SessionUser | null> {
    return null;
  }

  async completeSignInLink(_email: string, _link: string): Promise<SessionUser> {
    throw needsFirebase('Email sign-in');
  }

  async signInWithToken(_token: string): Promise<SessionUser> {
    throw needsFirebase('Signing in with the host site’s token');
  }

  async signOut(): Promise<void> {
    if (this.#user) this.#set(null);
  }

  /** Takes a change made by another store of this browser (no storage write, no echo). */
  adopt(user: SessionUser | null): void {
    if (user?.uid === this.#user?.uid) return;
    this.#user = user;
    this.#emit();
  }

  dispose(): void {
    this.#listeners.clear();
  }

  #set(user: SessionUser | null) {
    this.#user = user;
    if (this.remember) {
      try {
        if (user) globalThis.localStorage?.setItem(SESSION_KEY, JSON.stringify(user));
        else globalThis.localStorage?.removeItem(SESSION_KEY);
      } catch {
        // Storage blocked: the session lasts for this page only.
      }
    }
    this.#emit();
    this.onChange(user);
  }

  #emit() {
    for (const listener of [...this.#listeners]) listener(this.#user);
  }
}
