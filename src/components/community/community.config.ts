// <kin-community>'s configuration: the seed file of a local store, the emulator host, and the Firebase
// values checked before any network request (issue 12).
import {KindredError} from '../../data/errors.js';
import type {SeedFixture} from '../../data/seed.js';
import type {KinCommunity} from './community.js';

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
