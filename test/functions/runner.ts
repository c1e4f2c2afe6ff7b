// A stand-in for the Cloud Functions emulator (which needs its own Java 21 Firestore emulator here):
// listens to the Firestore emulator with the Admin SDK and runs the functions' real Firestore triggers
// (functions/src/index.ts, through firebase-functions-test) for every change, as Cloud Functions would.
// scripts/test.mjs starts it for the end-to-end tests that say so (test/e2e/notifications.test.ts);
// it serves one project (GCLOUD_PROJECT) and prints "functions-runner ready" once listening.
import functionsTest from 'firebase-functions-test';
import {getApps, initializeApp} from 'firebase-admin/app';
import {getFirestore, type DocumentSnapshot} from 'firebase-admin/firestore';

// With a config (not offline mode's 'not-a-project'), so the triggers and this listener share the project.
const fft = functionsTest({projectId: process.env.GCLOUD_PROJECT});
const fns = await import('../../functions/src/index.js');
if (!getApps().some((a) => a.name === '[DEFAULT]')) initializeApp({projectId: process.env.GCLOUD_PROJECT});
const db = getFirestore();
if (process.env.KINDRED_RUNNER_DEBUG) console.error(`functions-runner: project ${db.databaseId ?? ''} ${JSON.stringify(getApps().map((a) => [a.name, a.options.projectId]))} ${process.env.GCLOUD_PROJECT}`);

type Trigger = {group: string; pattern: RegExp; names: string[]; run: (event: object) => Promise<unknown>; kind: 'written' | 'created' | 'deleted'};
// Issue 17: the counting functions run too (countThreadPosts, countPostReactions), so end-to-end pages meet a
// community whose counts the server keeps, as a deployed one does: the first post or reaction marks it.
const both = (...runs: ((event: object) => Promise<unknown>)[]) => (event: object) => Promise.all(runs.map((r) => r(event)));
const triggers: Trigger[] = [
  {group: 'posts', pattern: /^communities\/([^/]+)\/threads\/([^/]+)\/posts\/([^/]+)$/, names: ['cid', 'tid', 'pid'],
    run: both(fft.wrap(fns.notifyOnPost), fft.wrap(fns.countThreadPosts)), kind: 'written'},
  {group: 'reactions', pattern: /^communities\/([^/]+)\/threads\/([^/]+)\/reactions\/([^/]+)$/, names: ['cid', 'tid', 'rid'], run: fft.wrap(fns.notifyOnReaction), kind: 'created'},
  {group: 'reactions', pattern: /^communities\/([^/]+)\/threads\/([^/]+)\/reactions\/([^/]+)$/, names: ['cid', 'tid', 'rid'], run: fft.wrap(fns.countPostReactions), kind: 'written'},
  {group: 'connections', pattern: /^communities\/([^/]+)\/connections\/([^/]+)$/, names: ['cid', 'id'], run: fft.wrap(fns.notifyOnConnection), kind: 'written'},
  {group: 'reports', pattern: /^communities\/([^/]+)\/reports\/([^/]+)$/, names: ['cid', 'rid'], run: fft.wrap(fns.notifyOnReport), kind: 'created'},
  {group: 'members', pattern: /^communities\/([^/]+)\/members\/([^/]+)$/, names: ['cid', 'uid'], run: fft.wrap(fns.forgetErasedMember), kind: 'deleted'},
];

const missing = (path: string) => fft.firestore.makeDocumentSnapshot({}, path) as DocumentSnapshot;
let seq = 0;
let pending = 0;
for (const t of triggers) {
  const last = new Map<string, DocumentSnapshot>();
  let first = true;
  await new Promise<void>((ready) => {
    db.collectionGroup(t.group).onSnapshot((snap) => {
      if (process.env.KINDRED_RUNNER_DEBUG) console.error(`functions-runner: ${t.group} snapshot ${snap.size} docs, ${snap.docChanges().length} changes`);
      for (const change of snap.docChanges()) {
        const path = change.doc.ref.path;
        const m = t.pattern.exec(path);
        const before = last.get(path) ?? null;
        if (change.type === 'removed') last.delete(path);
        else last.set(path, change.doc);
        if (first || !m) continue;
        const params = Object.fromEntries(t.names.map((n, i) => [n, m[i + 1]]));
        const after = change.type === 'removed' ? null : change.doc;
        let data: unknown;
        if (t.kind === 'written') data = fft.makeChange(before ?? missing(path), after ?? missing(path));
        else if (t.kind === 'created' && change.type === 'added') data = after;
        else if (t.kind === 'deleted' && change.type === 'removed') data = before ?? missing(path);
        else continue;
        pending++;
        if (process.env.KINDRED_RUNNER_DEBUG) console.error(`functions-runner: ${t.group} ${change.type} ${path}`);
        t.run({id: `runner-${++seq}`, data, params})
          .catch((e: unknown) => console.error(`functions-runner: ${t.group} trigger failed:`, e))
          .finally(() => pending--);
      }
      if (first) {
        first = false;
        ready();
      }
    }, (e) => console.error(`functions-runner: listening to ${t.group} failed:`, e));
  });
}
console.log('functions-runner ready');
process.on('SIGTERM', async () => {
  for (let i = 0; i < 50 && pending; i++) await new Promise((r) => setTimeout(r, 100));
  process.exit(0);
});
