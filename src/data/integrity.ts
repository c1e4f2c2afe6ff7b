// Issue 17: when the page loads the kit with Subresource Integrity (an import map's `integrity` section,
// docs/embedding.md) and a chunk does not match its hash, the browser refuses it with the same TypeError
// as a dropped connection ("Failed to fetch dynamically imported module: <url>"). Retrying would never
// help, and "check your connection" would mislead: this tells the two apart, only after a load failed.
import {KindredError} from './errors.js';

/** The hash the page's import maps give for `url`, if any. */
function integrityFor(url: string): string | null {
  for (const script of document.querySelectorAll('script[type="importmap"]')) {
    try {
      const map = JSON.parse(script.textContent ?? '{}') as {integrity?: Record<string, string>};
      for (const [key, hash] of Object.entries(map.integrity ?? {})) {
        if (new URL(key, document.baseURI).href === url && typeof hash === 'string') return hash;
      }
    } catch {
      // Not JSON: the browser ignored that map too.
    }
  }
  return null;
}

/**
 * A set-up error when `e` is a module the browser refused because it does not match the page's integrity
 * hash for it (it downloads fine, but not with that hash); null when it is anything else.
 */
export async function integrityFailure(e: unknown): Promise<KindredError | null> {
  if (!(e instanceof TypeError)) return null;
  const url = /https?:\/\/[^\s'"]+\.js\b/.exec(e.message)?.[0];
  const expected = url ? integrityFor(url) : null;
  if (!url || !expected) return null;
  try {
    const plain = await fetch(url, {cache: 'no-store', credentials: 'omit'});
    if (!plain.ok) return null;
  } catch {
    return null; // not reachable: the network after all
  }
  try {
    await fetch(url, {cache: 'no-store', credentials: 'omit', integrity: expected});
    return null; // it matches now: the first failure was the network
  } catch (cause) {
    return new KindredError('misconfigured',
      `The browser refused part of the kit (${url}): it does not match the integrity hash this page gives for it, so it may have been changed. ` +
      'If you run this website, copy the import map and script tag for the release you serve again (docs/embedding.md, `node scripts/sri.mjs`).',
      null, {cause});
  }
}
