// Helpers for the fault tests (issue 17): real network faults through the wtr plugin
// (test/support/wtr-fault-plugin.mjs) and exact counts read from the emulator over REST.
import {waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {FirestoreAdmin} from '../support/firestore-admin.js';

const nextEvent = (name: 'online' | 'offline') => new Promise<void>((r) => window.addEventListener(name, () => r(), {once: true}));

/**
 * Takes the page offline (CDP) for `forMs`. Resolves once the page saw `offline`; `back` resolves once
 * it saw `online` again. The runner's own channel to the page is cut while offline, so going back is
 * timed on the server, not asked for.
 */
export async function goOffline(forMs: number): Promise<{back: Promise<void>}> {
  const offline = navigator.onLine ? nextEvent('offline') : Promise.resolve();
  const online = nextEvent('online');
  void executeServerCommand('kin-network', {offline: true, forMs}).catch(() => undefined);
  await offline;
  return {back: online};
}

/**
 * Arms a drop: the next Firestore Write request carrying `match` fails as the network goes away
 * (stage `Request`: it never reached the server; `Response`: it did, but the answer was lost), and the
 * page stays offline for `forMs`. Resolves once armed; `dropped` resolves on the page's `offline`, `back` on `online`.
 */
export async function dropOnWrite(match: string, forMs: number, stage: 'Request' | 'Response' = 'Request') {
  await executeServerCommand('kin-drop-on-write', {match, forMs, stage});
  return {dropped: nextEvent('offline'), back: nextEvent('online')};
}

/** Posts of a thread whose body contains `text`, counted on the emulator (owner REST). */
export async function countPosts(admin: FirestoreAdmin, cid: string, text: string): Promise<number> {
  const paths = await admin.communityPaths(cid);
  let n = 0;
  for (const p of paths.filter((x) => /\/posts\/[^/]+$/.test(x))) {
    const raw = await admin.getRaw(p);
    if (JSON.stringify(raw?.body ?? '').includes(text)) n++;
  }
  return n;
}

export function wait(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

export function eventuallyWithin(predicate: () => unknown, message: string, timeout: number) {
  return waitUntil(predicate, message, {timeout, interval: 50});
}
