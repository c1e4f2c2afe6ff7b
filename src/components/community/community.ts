import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {provide} from '@lit/context';
import type {FirebaseApp} from '../../data/firebase/app-types.js';
import {KinElement} from '../kin-element.js';
import {communityContext, type CommunityContextValue} from '../../context/community-context.js';
import type {CommunityStore, Unsubscribe} from '../../data/store.js';
import {KindredError, toKindredError} from '../../data/errors.js';
import type {Locale} from '../../data/types.js';
import {toLocale} from '../../i18n/messages.js';
import {KinErrorEvent} from '../../events/kin-error.js';
import {KinConsentEvent} from '../../events/consent.js';
import {KinJoinRequestEvent} from '../../events/join.js';
import {LazyController} from '../../controllers/lazy.js';
import {grantConsent, hasConsent, watchConsent} from '../../consent.js';
import {communityMessages} from './community.messages.js';
import {commonMessages} from '../../i18n/common.messages.js';
import {backoffMs, isTransient} from '../../controllers/resend.js';
import {createStore} from './community.config.js';
import communityStyles from './community.styles.js';

// Kept exported from here, where it was first published (`kindred-kit/components/community/community.js`).
export {isPlaceholder} from './community.config.js';

/**
 * The root of a Kindred community: configuration, data store, signed-in session and language for
 * every `kin-*` element inside it.
 *
 * @summary Community root: provides store, session and language to the elements inside it.
 * @tagname kin-community
 * @slot - The Kindred elements (and any host content) of this community.
 * @csspart error - The visible configuration error message.
 * @csspart sign-in - The form asking which address an email sign-in link was sent to (link opened on another device).
 * @csspart join-dialog - The dialog that offers joining when a signed-out visitor acts.
 * @csspart consent - The prompt shown with `consent="required"` until the visitor agrees.
 * @csspart consent-button - The button of that prompt that loads the community.
 * @csspart preview - The "Preview — stored only in this browser" notice shown with a local store.
 * @csspart sign-in-again - Issue 17: the email form "Sign in again" offers a member whose email-link sign-in expired.
 * @csspart storage-notice - Shown when the browser refuses the store's storage (blocked, full, a storage-denied frame): what members do is kept only while the page is open.
 * @csspart session-expired - The notice shown when the member's sign-in on this device ended by itself (expired or revoked), with its "Sign in again" button.
 * @event kin-error - Configuration or loading failed; the message is also shown in place.
 * @event kin-consent - The visitor agreed, through the built-in prompt, to load the community.
 * @cssproperty [--kin-color-danger=#b42318] - Colour of the configuration error.
 * @cssproperty [--kin-color-warning=#b54708] - Border of the notice that the sign-in has expired.
 * @cssproperty [--kin-color-primary=#0b6e4f] - Background of the consent prompt's button.
 * @cssproperty [--kin-color-on-primary=#ffffff] - Text of the consent prompt's button.
 * @cssproperty [--kin-community-reserve=16rem] - With `loading="lazy"`: block size kept for the community so the page does not shift when it loads.
 */
export class KinCommunity extends KinElement {
  static override styles = [KinElement.styles, communityStyles];

  /** Community id (the Firestore document id under `communities/`). */
  @property({reflect: true}) community = '';
  /** Firebase web config: project id. */
  @property({attribute: 'project-id'}) projectId = '';
  /** Firebase web config: API key (public; access is controlled by the security rules). */
  @property({attribute: 'api-key'}) apiKey = '';
  /** Firebase web config: app id. */
  @property({attribute: 'app-id'}) appId = '';
  /** Firebase web config: auth domain. */
  @property({attribute: 'auth-domain'}) authDomain = '';
  /** `local` previews the community with no account or server (data stays in this browser). */
  @property({attribute: 'store'}) storeMode: 'firebase' | 'local' | '' = '';
  /**
   * With `store="local"`: URL of a JSON seed (a whole community as plain objects) used when this
   * browser has no saved data for the community yet.
   */
  @property() seed = '';
  /** With `store="local"` and no seed: the name of the new preview community (defaults to the community id). */
  @property() name = '';
  /**
   * Development only: `host:port` of a Firestore emulator. Combined with `emulator-user`, signs in as
   * that uid with a mock token (no Auth emulator needed).
   */
  @property({attribute: 'emulator-host'}) emulatorHost = '';
  /** Development only: the uid to act as against the emulator. */
  @property({attribute: 'emulator-user'}) emulatorUser = '';
  /**
   * Firebase App Check (issue 17): your reCAPTCHA Enterprise site key. The kit then starts App Check on its
   * Firebase app before any request, so a project that enforces App Check accepts it; the App Check code
   * loads only when this is set. Development: set `self.FIREBASE_APPCHECK_DEBUG_TOKEN` first (debug provider).
   */
  @property({attribute: 'app-check-site-key'}) appCheckSiteKey = '';
  /** Development only: `host:port` of a Firebase Auth emulator, for real sign-in against the emulators. */
  @property({attribute: 'emulator-auth-host'}) emulatorAuthHost = '';
  /**
   * `required`: make no network request and write no storage until the visitor agrees, through the
   * built-in prompt or the host page calling `kindred.grantConsent()` (or `grantConsent()` from the kit).
   */
  @property({reflect: true}) consent: 'required' | '' = '';
  /** `lazy`: load nothing (no store code, no data) until the community comes near the viewport. */
  @property({reflect: true}) loading: 'lazy' | 'eager' = 'eager';
  /** Interface language: `en` or `cy`. Defaults to the nearest `lang` attribute on the page. */
  @property({reflect: true}) override lang = '';

  /** A store supplied by a developer (LocalStore, FirebaseStore or their own); wins over attributes. */
  @property({attribute: false}) store: CommunityStore | null = null;
  /** An initialised Firebase app supplied by a developer instead of the config attributes. */
  @property({attribute: false}) firebaseApp: FirebaseApp | null = null;

  @provide({context: communityContext})
  @state()
  protected context: CommunityContextValue = {store: null, user: null, locale: 'en', error: null};

  /** An email sign-in link was opened on another device: ask which address it was sent to. */
  @state() private signInEmailNeeded = false;
  @state() private signInError = '';
  /** Issue 17: signed out because the sign-in on this device ended by itself (expired or revoked). */
  @state() private sessionExpired = false;
  /** Issue 17 (fault): the browser refused the store's storage; it works in memory for this page only. */
  @state() private storageMemoryOnly = false;
  /** Issue 17 (fault): "Sign in again" for an email-link member: the email form, and what it last did. */
  @state() private signInAgainOpen = false;
  @state() private signInAgainState: '' | 'sending' | 'sent' | 'invalid' | 'failed' = '';
  #storageUnsub: (() => void) | null = null;
  /** Whether the join dialog is open (after a `kin-join-request` from an element inside). */
  @state() private joining = false;
  #lastFocus: HTMLElement | null = null;

  #ownedStore: CommunityStore | null = null;
  #sessionUnsub: Unsubscribe | null = null;
  #langObserver: MutationObserver | null = null;
  #generation = 0;
  #consentUnsub: (() => void) | null = null;
  /** Issue 17: automatic attempts to load the store after a passing failure (the backoff grows with it). */
  #loadAttempt = 0;
  #loadRetry: ReturnType<typeof setTimeout> | null = null;
  /** Lazy loading or consent opened or closed the gate since the last update. */
  #gateChanged = false;
  #lazy = new LazyController(this, {
    enabled: () => this.loading === 'lazy',
    onNear: () => this.#openGate(),
  });

  constructor() {
    super();
    // A signed-out visitor tried to act somewhere inside: offer to join, in place.
    // The event class (not just its name): its module then loads with the root, so the thread's chunk,
    // which shares it, needs no extra chunk on the first view's critical path (issue 16).
    this.addEventListener(KinJoinRequestEvent.eventName, (e) => {
      e.stopPropagation();
      this.#lastFocus = (e.composedPath()[0] as HTMLElement) ?? null;
      // Issue 17 (fault): a member whose email-link sign-in expired gets the email link, not a new account.
      if (this.#offerEmailAgain()) return;
      // The join form loads only when someone first asks to join.
      void import('../join/kin-join.js').then(() => (this.joining = true));
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Follow the page language (e.g. a host's language switcher) when no `lang` is set here.
    this.#langObserver = new MutationObserver(() => this.#updateLocale());
    this.#langObserver.observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
    this.#updateLocale();
    window.addEventListener('kin-catalogue-added', this.#onCatalogue);
    this.#consentUnsub = watchConsent(() => this.#openGate());
    if (this.hasUpdated) this.#openGate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = null;
    window.removeEventListener('kin-catalogue-added', this.#onCatalogue);
    this.#consentUnsub?.();
    this.#consentUnsub = null;
    this.#teardown();
    this.#loadAttempt = 0;
  }

  /** Whether the root may load its store now: near the viewport, and consent given when required. */
  get #mayLoad(): boolean {
    return this.#lazy.near && (this.consent !== 'required' || hasConsent());
  }

  #openGate() {
    this.#gateChanged = true;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.#updateLocale();
    const configKeys = ['community', 'projectId', 'apiKey', 'appId', 'authDomain', 'storeMode', 'store', 'firebaseApp', 'seed', 'name', 'emulatorHost', 'emulatorUser', 'emulatorAuthHost', 'appCheckSiteKey'] as const;
    const gate = this.#gateChanged || changed.has('consent') || changed.has('loading');
    this.#gateChanged = false;
    if (!gate && !configKeys.some((k) => changed.has(k))) return;
    if (this.#mayLoad) {
      void this.#connectStore();
    } else {
      this.#teardown();
      if (this.context.store || this.context.user || this.context.error) this.context = {...this.context, store: null, user: null, error: null};
    }
  }

  /** Issue 18: a charity's catalogue arrived (possibly after this root rendered): speak it if `lang` asks. */
  #onCatalogue = (e: Event) => {
    const lang = (e as CustomEvent<{lang: string}>).detail?.lang;
    this.#updateLocale();
    if (lang === this.context.locale) this.context = {...this.context};
  };

  #updateLocale() {
    const tag = this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    const locale: Locale = toLocale(tag);
    if (locale !== this.context.locale) this.context = {...this.context, locale};
  }

  #teardown() {
    this.#cancelLoadRetry();
    this.sessionExpired = false;
    this.signInAgainOpen = false;
    this.signInAgainState = '';
    this.#generation++;
    this.#sessionUnsub?.();
    this.#sessionUnsub = null;
    this.#storageUnsub?.();
    this.#storageUnsub = null;
    this.storageMemoryOnly = false;
    const owned = this.#ownedStore;
    this.#ownedStore = null;
    if (owned) void owned.dispose();
  }

  async #connectStore() {
    this.#teardown();
    const generation = this.#generation;
    this.context = {...this.context, store: null, user: null, error: null};
    let store: CommunityStore;
    try {
      store = await createStore(this);
    } catch (e) {
      if (generation !== this.#generation) return;
      // Issue 17: a chunk refused by the page's integrity hashes is a set-up problem to name, not a network blip to retry.
      // (integrity.js loads only after a failure; offline, it cannot load either, and the failure is a network one.)
      const error = (await import('../../data/integrity.js').then((m) => m.integrityFailure(e), () => null)) ?? toKindredError(e);
      if (generation !== this.#generation) return;
      this.context = {...this.context, error};
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'configure'));
      this.#scheduleLoadRetry(error);
      return;
    }
    this.#loadAttempt = 0;
    if (generation !== this.#generation) {
      if (store !== this.store) void store.dispose();
      return;
    }
    if (store !== this.store) this.#ownedStore = store;
    this.#sessionUnsub = store.session.watch((user) => {
      this.sessionExpired = !user && store.session.expired === true;
      this.context = {...this.context, store, user};
    });
    this.#storageUnsub = store.watchStorage?.((state) => (this.storageMemoryOnly = state === 'memory-only')) ?? null;
    this.context = {...this.context, store, user: store.session.user, error: null};
    this.#watchExists(store, generation);
    void this.#finishEmailSignIn(store);
  }

  /**
   * Issue 17: the store's code or first data did not arrive (the network dropped, a CDN or server
   * hiccup): try again by itself after a growing delay, and at once when the browser is back online.
   * A set-up mistake is not tried again.
   */
  #scheduleLoadRetry(error: KindredError) {
    this.#cancelLoadRetry();
    if (!isTransient(error) || !this.isConnected) return;
    window.addEventListener('online', this.#retryLoad);
    this.#awaitingOnline = true;
    if (navigator.onLine === false) return;
    this.#loadAttempt++;
    this.#loadRetry = setTimeout(this.#retryLoad, backoffMs(this.#loadAttempt));
  }

  #cancelLoadRetry() {
    if (this.#loadRetry) clearTimeout(this.#loadRetry);
    this.#loadRetry = null;
    // Only a listener this element added is removed (a host page counting its window listeners sees them pair up).
    if (this.#awaitingOnline) window.removeEventListener('online', this.#retryLoad);
    this.#awaitingOnline = false;
  }

  #awaitingOnline = false;

  #retryLoad = () => {
    this.#cancelLoadRetry();
    if (this.isConnected && this.#mayLoad) void this.#connectStore();
  };

  /**
   * Issue 12: a community id that names no community is a set-up error, not an empty page. Only a
   * missing document counts: a members-only community refuses visitors, which is not an error.
   */
  #watchExists(store: CommunityStore, generation: number) {
    const unsub = store.watchCommunity((community) => {
      queueMicrotask(() => unsub());
      // Offline, Firestore answers from an empty cache: that says nothing about the community.
      if (community || generation !== this.#generation || (store.kind !== 'local' && !navigator.onLine)) return;
      const firebase = store.kind !== 'local';
      const error = new KindredError('misconfigured', firebase
        ? `Community "${store.communityId}" does not exist in this Firebase project: check community="…", or create the community and its first admin (README: "Creating a community and its first admin").`
        : `Community "${store.communityId}" has no data in this browser: its seed has no community, or it was erased. Reload the page to start an empty preview.`);
      this.context = {...this.context, error};
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'configure'));
    }, () => queueMicrotask(() => unsub()));
  }

  override render() {
    const m = communityMessages(this.context.locale);
    const {error} = this.context;
    const awaitingConsent = this.consent === 'required' && !hasConsent();
    return html`${awaitingConsent
        ? html`<div class="consent" part="consent" role="group" aria-labelledby="consent-title">
            <p id="consent-title"><strong>${m.consentTitle}</strong></p>
            <p>${m.consentBody}</p>
            <button type="button" part="consent-button" @click=${this.#agree}>${m.consentAgree}</button>
          </div>`
        : nothing}${error && isTransient(error)
        ? html`<div class="error" part="error" role="alert">
            <p>${commonMessages(this.context.locale).error(error.code)}</p>
            <p>${m.retrying}</p>
            <button type="button" @click=${this.#retryLoad}>${commonMessages(this.context.locale).retry}</button>
          </div>`
        : error
        ? html`<div class="error" part="error" role="alert">
            <p><strong>${m.title}</strong></p>
            <p><code>${error.message}</code></p>
          </div>`
        : nothing}${this.signInEmailNeeded
        ? html`<form class="sign-in" part="sign-in" @submit=${this.#submitSignInEmail} aria-labelledby="sign-in-title">
            <p id="sign-in-title"><strong>${m.signInTitle}</strong></p>
            <label for="sign-in-email">${m.signInEmail}</label>
            <input id="sign-in-email" type="email" autocomplete="email" required
              aria-invalid=${this.signInError ? 'true' : 'false'} aria-describedby=${this.signInError ? 'sign-in-error' : nothing} />
            ${this.signInError ? html`<p id="sign-in-error" class="field-error">${this.signInError}</p>` : nothing}
            <button type="submit">${m.signInSubmit}</button>
          </form>`
        : nothing}${this.sessionExpired && !this.context.user
        ? html`<div class="expired" part="session-expired" role="alert">
            <p>${commonMessages(this.context.locale).sessionExpired}</p>
            ${this.signInAgainOpen ? this.#renderSignInAgain(m)
              : html`<button type="button" @click=${this.#signInAgain}>${commonMessages(this.context.locale).signInAgain}</button>`}
          </div>`
        : nothing}${this.context.store?.kind === 'local'
        ? html`<p class="preview" part="preview" role="note">${m.preview}</p>`
        : nothing}${this.storageMemoryOnly
        ? html`<p class="storage-notice" part="storage-notice" role="status">${m.storageMemoryOnly}</p>`
        : nothing}<div class="content" ?hidden=${awaitingConsent}><slot></slot></div>${this.joining
        ? html`<dialog part="join-dialog" aria-label=${m.joinDialog} @close=${this.#closeJoin} @cancel=${this.#closeJoin}>
            <kin-join with-cancel @kin-joined=${this.#closeJoin} @kin-join-cancel=${this.#closeJoin}></kin-join>
          </dialog>`
        : nothing}`;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    // showModal() throws when the root was removed meanwhile (an SPA route change): nothing to open then.
    if (dialog && !dialog.open && dialog.isConnected) dialog.showModal();
  }

  /** The member opened an email sign-in link that points at this page: finish signing them in. */
  async #finishEmailSignIn(store: CommunityStore, email?: string) {
    if (!/[?&]oobCode=/.test(location.search)) return;
    try {
      const user = email ? await store.session.completeSignInLink(email, location.href) : await store.session.completeSignInFromUrl(location.href);
      if (!user) return;
      this.signInEmailNeeded = false;
      this.signInError = '';
      // The one-time code must not stay in the address bar, history or a shared link.
      const url = new URL(location.href);
      for (const p of ['apiKey', 'oobCode', 'mode', 'lang', 'continueUrl', 'tenantId']) url.searchParams.delete(p);
      history.replaceState(history.state, '', url);
    } catch (e) {
      const error = toKindredError(e);
      if (error.code === 'invalid-argument' && error.field === 'email') {
        this.signInEmailNeeded = true;
        this.signInError = email ? error.message : '';
      } else {
        this.signInEmailNeeded = false;
        this.context = {...this.context, error};
        this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'sign-in'));
      }
    }
  }

  #submitSignInEmail = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector('input')!;
    const store = this.context.store;
    if (store && input.value.trim()) void this.#finishEmailSignIn(store, input.value.trim());
  };

  #agree = () => {
    this.dispatchEvent(new KinConsentEvent(this.community));
    grantConsent();
  };

  /**
   * Issue 17: the way back in after a sign-in ended by itself is the join dialog, as for any visitor; for a
   * member who had signed in with an email link, the email link (so they come back to the same account).
   */
  #signInAgain = (e: Event) => {
    this.#lastFocus = e.currentTarget as HTMLElement;
    if (this.#offerEmailAgain()) return;
    void import('../join/kin-join.js').then(() => (this.joining = true));
  };

  /** Opens the email form when the expired sign-in was an email-link account; whether it did. */
  #offerEmailAgain(): boolean {
    const session = this.context.store?.session;
    if (this.context.user || session?.expired !== true || session.expiredSignIn !== 'email') return false;
    this.signInAgainOpen = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#again-email')?.focus());
    return true;
  }

  #renderSignInAgain(m: ReturnType<typeof communityMessages>) {
    const state = this.signInAgainState;
    const invalid = state === 'invalid' || state === 'failed';
    return html`<form class="sign-in" part="sign-in-again" novalidate @submit=${this.#sendSignInAgain} aria-labelledby="again-title">
      <p id="again-title">${m.againIntro}</p>
      <label for="again-email">${m.againEmail}</label>
      <input id="again-email" type="email" autocomplete="email" required aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'again-error' : nothing} />
      ${invalid ? html`<p id="again-error" class="field-error" role="alert">${state === 'invalid' ? m.againInvalid : m.againFailed}</p>` : nothing}
      <p role="status">${state === 'sent' ? m.againSent : ''}</p>
      <button type="submit" aria-disabled=${state === 'sending' ? 'true' : 'false'}>${m.againSend}</button>
    </form>`;
  }

  #sendSignInAgain = async (e: SubmitEvent) => {
    e.preventDefault();
    const store = this.context.store;
    const email = (e.target as HTMLFormElement).querySelector('input')!.value.trim();
    if (!store || this.signInAgainState === 'sending') return;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.signInAgainState = 'invalid';
      return;
    }
    this.signInAgainState = 'sending';
    try {
      // Back to the page they are on: opening the link here finishes the sign-in (#finishEmailSignIn).
      await store.session.sendSignInLink(email, location.href);
      this.signInAgainState = 'sent';
    } catch (err) {
      const error = toKindredError(err);
      this.signInAgainState = error.code === 'invalid-argument' ? 'invalid' : 'failed';
      this.dispatchEvent(new KinErrorEvent(error.code, error.message, 'send-sign-in-link'));
    }
  };

  #closeJoin = () => {
    this.joining = false;
    // Give focus back to what the visitor pressed, so they can carry on where they were.
    const target = this.#lastFocus;
    this.#lastFocus = null;
    if (target?.isConnected) queueMicrotask(() => target.focus());
  };
}
