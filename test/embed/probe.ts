// A tiny consumer that shows what the nearest <kin-community> provides, as any kin-* element sees it.
import {LitElement, html} from 'lit';
import {CommunityConsumer} from '../../src/controllers/community-consumer.js';

export class EmbedProbe extends LitElement {
  community = new CommunityConsumer(this);
  override render() {
    return html`<span id="store">${this.community.value?.store?.kind ?? 'none'}</span>`;
  }
  /** The kind of store the probe has (`none` before the root loads one). */
  get storeKind(): string {
    return this.community.value?.store?.kind ?? 'none';
  }
}
if (!customElements.get('kin-embed-probe')) customElements.define('kin-embed-probe', EmbedProbe);

declare global {
  interface HTMLElementTagNameMap {
    'kin-embed-probe': EmbedProbe;
  }
}

/** Resource timing keeps 250 entries by default; a dev server page loads more modules than that. */
export function startCountingRequests(): void {
  performance.setResourceTimingBufferSize(100_000);
  performance.clearResourceTimings();
}

/** URLs the page fetched since startCountingRequests() (scripts, modules, fetch/XHR, images…). */
export function requestedUrls(): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name);
}

/** Every key in cookies, localStorage, sessionStorage and IndexedDB, as `kind:name`. */
export async function storageKeys(): Promise<string[]> {
  const keys: string[] = [];
  for (const c of document.cookie.split(';').map((s) => s.trim()).filter(Boolean)) keys.push(`cookie:${c.split('=')[0]}`);
  for (let i = 0; i < localStorage.length; i++) keys.push(`local:${localStorage.key(i)}`);
  for (let i = 0; i < sessionStorage.length; i++) keys.push(`session:${sessionStorage.key(i)}`);
  for (const db of await indexedDB.databases()) keys.push(`idb:${db.name}`);
  return keys.sort();
}
