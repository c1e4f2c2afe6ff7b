// <kin-community>'s configuration: the store its attributes describe, the seed file of a local store, the
// emulator host, and the Firebase values checked before any network request (issue 12).
import {KindredError} from '../../data/errors.js';
import type {SeedFixture} from '../../data/seed.js';
import type {KinCommunity} from './community.js';
import type {CommunityStore} from '../../data/store.js';
import type {FirebaseStoreOptions} from '../../data/firebase/firebase-store.js';
import {createReaderStore} from '../../data/reader/reader-store.js';
import {firstThread, readerPathFits} from './reader-path.js';

/** Loads a local store's seed file (JSON), naming the file in every failure. */
export async function loadSeed(url: string): Promise<SeedFixture> {
  let response: Response;
  try {
    response = await fetch(new URL(url, document.baseURI));
  } catch (e) {
    throw new KindredError('misconfigured', `The seed file ${url} could not be fetched: ${(e as Error).message}`);
  }
  if (!response.ok) throw new KindredError('misconfigured', `The seed file ${url} could not be loaded (HTTP ${response.status}).`);
  try {
    return (await response.json()) as SeedFixture;
  } catch {
    throw new KindredError('misconfigured', `The seed file ${url} is not valid JSON.`);
  }
}

export function parseEmulatorHost(value: string): {host: string; port: number} | null {
  if (!value.trim()) return null;
  const m = /^([A-Za-z0-9.[\]:-]+):(\d{2,5})$/.exec(value.trim());
  if (!m) throw new KindredError('misconfigured', `emulator-host="${value}" must look like 127.0.0.1:8080.`);
  return {host: m[1], port: Number(m[2])};
}

export const CONFIG_ATTRIBUTES = ['community', 'store', 'seed', 'project-id', 'api-key', 'app-id', 'auth-domain', 'emulator-host'];

type ConfigAttr = 'project-id' | 'api-key' | 'app-id' | 'auth-domain';

function toProp(attr: ConfigAttr): 'projectId' | 'apiKey' | 'appId' | 'authDomain' {
  return ({'project-id': 'projectId', 'api-key': 'apiKey', 'app-id': 'appId', 'auth-domain': 'authDomain'} as const)[attr];
}

const WHERE = 'copy it from the Firebase console (Project settings → General → Your apps → SDK setup and configuration)';

/** Values pasted from documentation rather than from the console: "…", "...", "YOUR_API_KEY", "<api key>". */
export function isPlaceholder(value: string): boolean {
  return /…|\.\.\.|^<.*>$|^\$\{.*\}$|^x+$|^(your|my)[-_ ]?(firebase|project|api|app|auth|key|id|domain)|change[-_ ]?me|placeholder|^todo$|^tbd$|^api[-_ ]?key$|^app[-_ ]?id$|^project[-_ ]?id$/i.test(value.trim());
}

const FORMATS: Record<ConfigAttr, {test: RegExp; what: string}> = {
  'project-id': {test: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, what: 'a project id is 6–30 lower-case letters, digits and hyphens, like "asthma-cymru-prod"'},
  'api-key': {test: /^AIza[0-9A-Za-z_-]{35}$/, what: 'a web API key is 39 characters starting "AIza"'},
  'app-id': {test: /^\d+:\d+:web:[0-9a-f]+$/, what: 'a web app id looks like "1:1234567890:web:abc123def456"'},
  'auth-domain': {test: /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, what: 'an auth domain is a host name like "asthma-cymru-prod.firebaseapp.com"'},
};

/**
 * Issue 12: placeholder, missing and malformed Firebase values are named before any network request,
 * each with how to fix it. Against an emulator only the project id is needed.
 */
export function checkFirebaseConfig(el: KinCommunity, emulator: boolean) {
  const value = (a: ConfigAttr) => (el[toProp(a)] || el.getAttribute(a) || '').trim();
  const needed: ConfigAttr[] = emulator ? ['project-id'] : ['project-id', 'api-key', 'app-id'];
  const placeholders = (['project-id', 'api-key', 'app-id', 'auth-domain'] as const).filter((a) => value(a) && isPlaceholder(value(a)));
  const missing = needed.filter((a) => !value(a));
  if (missing.length || placeholders.length) {
    const parts = [
      missing.length ? `add ${missing.map((m) => `${m}="…"`).join(', ')}` : '',
      placeholders.length ? `replace the placeholder ${placeholders.map((p) => `${p}="${value(p)}"`).join(', ')} with your project’s real value${placeholders.length > 1 ? 's' : ''}` : '',
    ].filter(Boolean);
    throw new KindredError('misconfigured',
      `Firebase configuration is incomplete: ${parts.join('; ')} on <kin-community> (${WHERE}). To try the kit without a Firebase project, use store="local" instead.`);
  }
  if (emulator) return;
  const bad = (['project-id', 'api-key', 'app-id', 'auth-domain'] as const).filter((a) => value(a) && !FORMATS[a].test.test(value(a)));
  if (bad.length) {
    throw new KindredError('misconfigured',
      `Firebase configuration is invalid: ${bad.map((b) => `${b}="${value(b)}" (${FORMATS[b].what})`).join('; ')}. Check <kin-community> against your Firebase web app config (${WHERE}).`);
  }
}

/**
 * The store a `<kin-community>`'s attributes and properties describe: its own `store`, a local preview
 * store, the REST reader path for a visitor (issue 16) or the Firebase store, loaded on demand.
 */
export async function createStore(el: KinCommunity): Promise<CommunityStore> {
  if (el.store) return el.store;
  // A bare <kin-community> is how the npm quick start begins: the app sets `.store` a moment later
  // (after `await LocalStore.open(…)`). Wait briefly before calling that a misconfiguration.
  if (!el.firebaseApp && !CONFIG_ATTRIBUTES.some((a) => el.hasAttribute(a))) await new Promise((r) => setTimeout(r, 2000));
  const communityId = el.community.trim();
  if (!communityId) {
    throw new KindredError('misconfigured', 'Add a community="…" attribute to <kin-community> naming your community.');
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(communityId)) {
    throw new KindredError('misconfigured', `community="${communityId}" is not a valid community id: use letters, digits, "-" and "_".`);
  }
  if (el.storeMode === 'local' || (!el.firebaseApp && !el.projectId && !el.apiKey && el.storeMode !== 'firebase')) {
    if (el.storeMode !== 'local') {
      throw new KindredError('misconfigured',
        'No data store is configured. Add project-id, api-key, app-id and auth-domain from your Firebase project, or store="local" for a preview that keeps data in this browser only.');
    }
    const {LocalStore} = await import('../../data/local/local-store.js');
    return LocalStore.open({communityId, name: el.name.trim() || undefined, seed: el.seed ? await loadSeed(el.seed) : undefined});
  }
  if (!el.firebaseApp) checkFirebaseConfig(el, !!el.emulatorHost.trim());
  const emulator = parseEmulatorHost(el.emulatorHost);
  const options: FirebaseStoreOptions = {
    communityId,
    emulator: emulator
      ? el.emulatorAuthHost
        ? {...emulator, authHost: el.emulatorAuthHost.trim()}
        : {...emulator, mockUser: el.emulatorUser ? {uid: el.emulatorUser} : null}
      : undefined,
    app: el.firebaseApp ?? undefined,
    // Issue 17: App Check (reCAPTCHA Enterprise), loaded only when the attribute is set.
    appCheckSiteKey: el.appCheckSiteKey.trim() || undefined,
    config: el.firebaseApp ? undefined : {
      projectId: el.projectId.trim(), apiKey: el.apiKey.trim() || 'emulator', appId: el.appId.trim() || 'emulator',
      authDomain: el.authDomain.trim() || `${el.projectId.trim()}.firebaseapp.com`,
    },
  };
  let resume: typeof import('../../data/firebase/resume.js').resumePosts | null = null;
  const full = () => Promise.all([import('../../data/firebase/firebase-store.js'), import('../../data/firebase/resume.js')])
    .then(([m, r]) => {
      resume = r.resumePosts;
      return m.createFirebaseStore(options);
    });
  // Issue 16: a visitor with no saved session sees the first view from two REST reads made at once,
  // before the Firebase SDK arrives; the SDK takes over after first paint (or when the visitor acts).
  // With App Check on, every read must carry its token: the reader's plain REST reads would be refused.
  if (!el.firebaseApp && !el.appCheckSiteKey.trim() && (await readerPathFits(el.emulatorUser.trim()))) {
    return createReaderStore({
      communityId, projectId: el.projectId.trim() || 'demo-kindred', apiKey: el.apiKey.trim(),
      emulator: emulator ?? undefined, thread: firstThread(el), full,
      resume: (store, page, threadId, next, error, onThread) => resume?.(store, page, threadId, next, error, onThread) ?? null,
    });
  }
  return import('../../data/firebase/firebase-store.js').then((m) => m.createFirebaseStore(options));
}
