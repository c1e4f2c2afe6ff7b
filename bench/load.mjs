// `npm run bench:load` (issue 17): a viral campaign thread, on the real Cloud Firestore emulator with the
// real firestore.rules, through the kit's own FirebaseStore (src/data/firebase/firebase-store.ts bundled for
// Node with esbuild: the same createPost, setReaction and watchPosts a browser runs).
//
//   - W writers (default 50): separate Firebase apps, each signed in as its own member (by default with a
//     real Auth-emulator token from an anonymous sign-in; --mock-auth uses the Firestore emulator's mock
//     tokens instead), post into one thread for S seconds at a combined R posts/s (default 60 s, 10/s). The
//     schedule is fixed (writer i posts at i/R, i/R + W/R, …), so a slow answer does not lower the offered rate.
//   - M reactors (default 200), each its own member, join during the run and react to one post (heart;
//     every third also hug), spread evenly over the run.
//   - V readers (default 20), each its own member, watch the thread live (store.watchPosts, limit 50).
//
// Afterwards, read as the owner over REST (bypassing the rules) and checked:
//   1. every post any writer saw confirmed exists exactly once (its id, and its body nowhere else);
//   2. no post whose write was refused exists;
//   3. the thread's postCount equals a recount of its visible posts, its lastActivityAt equals the newest
//      visible post's createdAt, and every reaction count on every post equals a recount of reaction docs;
//   4. every reader ends with the same list in the same order, and it is the newest 50 of the recount.
// Printed: attempts, error rate, write p50/p95 (createPost called → resolved), reader lag p50/p95 (a post's
// server createdAt → the reader's snapshot that first holds it; one clock: the emulator runs on this machine),
// and how many writes the thread document took per second at most (what a real Firestore limits to ~1/s).
//
// Issue 17: by default the thread's counts are kept by the counting Cloud Function (functions/src/counts.ts),
// whose handler runs in this process from an Admin SDK listener on the posts (the Functions emulator cannot run
// here); a post is then a single-document create. Issue 17 (s5): likewise the reacted post's counts are kept by
// the reaction counting function (functions/src/reaction-counts.ts), run in-process from a listener on the
// thread's reactions; a reaction is then a single-document write. --counts=client is the old design (every
// post's batch writes the thread document, every reaction's batch the post), for comparison.
//
// Options: --writers=N --seconds=S --rate=R --reactors=N --readers=N --counts=server|client --mock-auth --json --verbose (the SDK's logs)
//          --emulator=HOST:PORT (else KINDRED_EMULATOR_HOST, else one is started)
// The reduced asserting form runs in `npm test`: test/load/load.test.mjs calls runLoad() below.
import {build} from 'esbuild';
import {mkdirSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {seedFirestore} from '../scripts/seed-firestore.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

let storeModule = null;
/** The kit's FirebaseStore, bundled for Node (firebase/* stays external: node_modules' own Node build). */
export async function loadStoreModule() {
  if (storeModule) return storeModule;
  const dir = join(root, '.cache', 'load');
  mkdirSync(dir, {recursive: true});
  const out = join(dir, `firebase-store-${process.pid}.mjs`);
  await build({entryPoints: [join(root, 'src/data/firebase/firebase-store.ts')], bundle: true, platform: 'node', format: 'esm',
    packages: 'external', outfile: out, target: 'node20', logLevel: 'error'});
  storeModule = await import(out);
  rmSync(out, {force: true}); // one file per process: loaded, it is no longer needed
  return storeModule;
}

const functionModules = new Map();
/** A Cloud Function's code (functions/src/<name>.ts: the thread counts, the reaction counts), bundled for Node like the store. */
async function loadFunctionModule(name) {
  if (functionModules.has(name)) return functionModules.get(name);
  const dir = join(root, '.cache', 'load');
  mkdirSync(dir, {recursive: true});
  const out = join(dir, `${name}-${process.pid}.mjs`);
  await build({entryPoints: [join(root, `functions/src/${name}.ts`)], bundle: true, platform: 'node', format: 'esm',
    packages: 'external', outfile: out, target: 'node20', logLevel: 'error'});
  const mod = await import(out);
  rmSync(out, {force: true});
  functionModules.set(name, mod);
  return mod;
}

/**
 * Issue 17: the counting function, run in this process (the Functions emulator cannot run on this machine):
 * an Admin SDK listener on the thread's posts calls the trigger's own handler (countPostChange) for every
 * change, with the change's commit time, as Cloud Functions would deliver it. The community is marked first,
 * as the function does the first time it runs for it. Returns stop() (waits for the calls in flight).
 */
async function startCounter({emulator, project, cid}) {
  process.env.FIRESTORE_EMULATOR_HOST = emulator;
  const {countPostChange, markCountsKeptByServer} = await loadFunctionModule('counts');
  // Issue 17 (s5): the reaction counting function (functions/src/reaction-counts.ts), run the same way.
  const {countReactionChange, markReactionCountsKeptByServer} = await loadFunctionModule('reaction-counts');
  const {initializeApp, deleteApp} = await import('firebase-admin/app');
  const {getFirestore} = await import('firebase-admin/firestore');
  const app = initializeApp({projectId: project}, `load-counter-${Date.now()}`);
  const adb = getFirestore(app);
  await markCountsKeptByServer(adb, cid);
  await markReactionCountsKeptByServer(adb, cid);
  const inFlight = new Set();
  const newStats = () => ({calls: 0, counted: 0, covered: 0, errors: []});
  const stats = newStats();
  const reactionStats = newStats();
  /** Runs `count(before, after, since)` for every change of a collection, as the trigger would be called. */
  const trigger = (path, st, valueOf, count) => {
    const last = new Map();
    let first = true;
    let ready;
    const isReady = new Promise((r) => (ready = r));
    const unsub = adb.collection(path).onSnapshot((snap) => {
      for (const ch of snap.docChanges()) {
        const before = last.get(ch.doc.id);
        const after = ch.type === 'removed' ? undefined : valueOf(ch.doc);
        last.set(ch.doc.id, after);
        if (first) continue;
        st.calls++;
        // The change's commit time: a removed document's updateTime is its last write before the delete.
        const since = ch.type === 'removed' ? snap.readTime : ch.doc.updateTime ?? snap.readTime;
        const call = count(before, after, since)
          .then((o) => { if (o === 'counted') st.counted++; else if (o === 'covered') st.covered++; },
            (e) => st.errors.push(String(e?.message ?? e)))
          .finally(() => inFlight.delete(call));
        inFlight.add(call);
      }
      if (first) { first = false; ready(); }
    }, (e) => st.errors.push(`listen: ${e?.message ?? e}`));
    return {unsub, isReady};
  };
  const posts = trigger(`communities/${cid}/threads/${LOAD_TID}/posts`, stats, (d) => d.get('status'),
    (before, after, since) => countPostChange(adb, cid, LOAD_TID, before, after, since));
  const reactions = trigger(`communities/${cid}/threads/${LOAD_TID}/reactions`, reactionStats, (d) => d.data(),
    (before, after, since) => countReactionChange(adb, cid, LOAD_TID, before, after, since));
  await Promise.all([posts.isReady, reactions.isReady]);
  return {
    stats, reactionStats,
    async stop() {
      while (inFlight.size) await Promise.all([...inFlight]);
      posts.unsub();
      reactions.unsub();
      await deleteApp(app).catch(() => {});
    },
  };
}

const T0 = Date.UTC(2026, 11, 1, 9);
export const LOAD_TID = 'load-campaign';
const SEED_PID = 'seed-post';
const EARLIER = 60;

/** The campaign community: one thread of 61 posts (exported for bench/listener-probe.mjs). */
export function fixture(cid) {
  const founder = {uid: 'founder', pseudonym: 'Founder Rhian', relationship: 'patient', avatarHue: 120, avatarUrl: null, bio: '', tags: [],
    listed: false, badges: [], clinicianScope: null, joinedAt: T0 - 86400000, pseudonymLower: 'founder rhian'};
  return {
    community: {
      id: cid, name: {en: 'Walk for Breath'}, tagline: {en: 'Campaign'}, languages: ['en', 'cy'],
      settings: {visibility: 'public', moderation: 'post', holdFirstPosts: 0, bannedWords: [], nation: 'wales', tags: [], guidelinesVersion: 'g1', consentVersion: 'c1'},
      founderStory: null, createdAt: T0 - 86400000,
    },
    members: [founder],
    threads: [{id: LOAD_TID, key: null, title: 'Walk for Breath 2026: who is coming?', authorId: 'founder', authorName: founder.pseudonym,
      createdAt: T0 - EARLIER * 60000, lastActivityAt: T0, postCount: EARLIER + 1, status: 'visible', participants: null}],
    // An established thread of 61 posts.
    posts: [...Array.from({length: EARLIER}, (_, i) => ({id: `earlier-${String(i).padStart(3, '0')}`, threadId: LOAD_TID, authorId: 'founder',
      authorName: founder.pseudonym, authorRelationship: 'patient', authorAvatarUrl: null, authorAvatarHue: 120, authorBadges: [], parentId: null,
      createdAt: T0 - (EARLIER - i) * 60000, editedAt: null, status: 'visible', statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0},
      body: `Earlier note ${i} about the route.`})), {id: SEED_PID, threadId: LOAD_TID, authorId: 'founder', authorName: founder.pseudonym, authorRelationship: 'patient',
      authorAvatarUrl: null, authorAvatarHue: 120, authorBadges: [], parentId: null, createdAt: T0, editedAt: null,
      status: 'visible', statusReason: null, reactions: {heart: 0, hug: 0, metoo: 0, thanks: 0}, body: 'The walk is on: say hello below.'}],
  };
}

/** Owner-side REST reads (the rules' bypass), for the recount. */
export function rest(emulator, project) {
  const base = `http://${emulator}/v1/projects/${project}/databases/(default)/documents`;
  const headers = {Authorization: 'Bearer owner', 'Content-Type': 'application/json'};
  const value = (v) => {
    if (v == null) return null;
    if ('integerValue' in v) return Number(v.integerValue);
    if ('doubleValue' in v) return v.doubleValue;
    if ('stringValue' in v) return v.stringValue;
    if ('booleanValue' in v) return v.booleanValue;
    if ('timestampValue' in v) return Date.parse(v.timestampValue);
    if ('nullValue' in v) return null;
    if ('mapValue' in v) return Object.fromEntries(Object.entries(v.mapValue.fields ?? {}).map(([k, x]) => [k, value(x)]));
    if ('arrayValue' in v) return (v.arrayValue.values ?? []).map(value);
    return undefined;
  };
  const plain = (d) => ({id: d.name.split('/').pop(), name: d.name, ...Object.fromEntries(Object.entries(d.fields ?? {}).map(([k, v]) => [k, value(v)]))});
  return {
    async get(path) {
      const r = await fetch(`${base}/${path}`, {headers});
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return plain(await r.json());
    },
    /** Every document of a collection (runQuery, no limit). */
    async all(parent, collectionId) {
      const r = await fetch(`${base}/${parent}:runQuery`, {method: 'POST', headers, body: JSON.stringify({structuredQuery: {from: [{collectionId}]}})});
      if (!r.ok) throw new Error(`runQuery ${parent}/${collectionId}: ${r.status} ${await r.text()}`);
      return (await r.json()).filter((x) => x.document).map((x) => plain(x.document));
    },
  };
}

/**
 * One client: its own Firebase app and its own member identity. With `authHost`, the app signs in
 * anonymously against the Auth emulator (a real ID token); otherwise a Firestore mock token for `uid`.
 */
async function client(mod, {emulator, project, cid, authHost, uid}) {
  const [host, port] = emulator.split(':');
  if (!authHost) {
    return mod.createFirebaseStore({communityId: cid, config: {projectId: project}, emulator: {host, port: Number(port), mockUser: {uid}}});
  }
  const {initializeApp} = await import('firebase/app');
  const {initializeAuth, inMemoryPersistence, connectAuthEmulator} = await import('firebase/auth');
  const {getFirestore, connectFirestoreEmulator} = await import('firebase/firestore');
  const app = initializeApp({apiKey: 'load-bench', appId: 'load-bench', projectId: project}, `load-${uid}`);
  const auth = initializeAuth(app, {persistence: inMemoryPersistence});
  connectAuthEmulator(auth, `http://${authHost}`, {disableWarnings: true});
  connectFirestoreEmulator(getFirestore(app), host, Number(port));
  const store = await mod.createFirebaseStore({communityId: cid, app});
  await store.session.signInAnonymously();
  const dispose = store.dispose.bind(store);
  store.dispose = async () => {
    await dispose();
    const {deleteApp} = await import('firebase/app');
    await deleteApp(app).catch(() => {});
  };
  return store;
}

const joinAs = (store, name) => store.join({pseudonym: name, relationship: 'patient', guidelinesVersion: 'g1', healthConsentVersion: null});

/** Runs concurrently at most `n` of `fns`. */
async function pool(n, fns) {
  const out = [];
  let i = 0;
  await Promise.all(Array.from({length: Math.min(n, fns.length)}, async () => {
    while (i < fns.length) { const k = i++; out[k] = await fns[k](); }
  }));
  return out;
}

/**
 * The load run. Returns figures and `failures` (each invariant that did not hold, in words; empty = all held).
 */
export async function runLoad({emulator, project = 'demo-kindred-load', cid = 'walk-load', authHost = null, writers = 50, seconds = 60, rate = 10,
  reactors = 200, readers = 20, readerLimit = 50, settleMs = 60000, counts = 'server', log = () => {}} = {}) {
  const mod = await loadStoreModule();
  const db = rest(emulator, project);
  await fetch(`http://${emulator}/emulator/v1/projects/${project}/databases/(default)/documents`, {method: 'DELETE'});
  await seedFirestore({project, emulator, fixture: fixture(cid)});
  // Issue 17: counts kept by the counting function (default), or by every post's batch (--counts=client, the old design).
  const counter = counts === 'server' ? await startCounter({emulator, project, cid}) : null;
  const opts = {emulator, project, cid, authHost};
  const tag = Date.now().toString(36);

  // Set-up (not timed): writers and readers connect and join.
  const t = Date.now();
  const writerStores = await pool(10, Array.from({length: writers}, (_, i) => async () => {
    const s = await client(mod, {...opts, uid: `w${i}-${tag}`});
    await joinAs(s, `Writer ${i}`);
    return s;
  }));
  const readerStores = await pool(10, Array.from({length: readers}, (_, i) => async () => {
    const s = await client(mod, {...opts, uid: `r${i}-${tag}`});
    await joinAs(s, `Reader ${i}`);
    return s;
  }));
  log(`set-up: ${writers} writers and ${readers} readers joined in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  // The thread document as a reader's SDK sees it change (issue 17: the counting function's recounts, countedAt).
  const {doc: fsDoc, onSnapshot} = await import('firebase/firestore');
  const rollups = new Set();
  const threadUnsub = readerStores.length ? onSnapshot(fsDoc(readerStores[0].firestore, `communities/${cid}/threads/${LOAD_TID}`), (snap) => {
    const r = snap.get('countedAt');
    if (r) rollups.add(r.toMillis());
  }, () => {}) : () => {};
  // Issue 17 (s5): the reacted post as a reader sees it change (the reaction counting function's recounts).
  const reactionRollups = new Set();
  const seedUnsub = readerStores.length ? onSnapshot(fsDoc(readerStores[0].firestore, `communities/${cid}/threads/${LOAD_TID}/posts/${SEED_PID}`), (snap) => {
    const r = snap.get('reactionsCountedAt');
    if (r) reactionRollups.add(r.toMillis());
  }, () => {}) : () => {};
  // Readers watch live; each keeps its latest list and when it first saw each post.
  const readerState = readerStores.map(() => ({list: [], seen: new Map(), errors: []}));
  const unsubs = readerStores.map((s, i) => s.watchPosts(LOAD_TID, {limit: readerLimit}, (posts) => {
    const st = readerState[i];
    const now = Date.now();
    st.list = posts.map((p) => p.id);
    for (const p of posts) if (!st.seen.has(p.id)) st.seen.set(p.id, {at: now, createdAt: p.createdAt});
  }, (e) => readerState[i].errors.push(`${e.code}: ${e.message}`)));
  // Every reader has its first snapshot before the clock starts.
  const firstBy = Date.now() + 60000;
  while (readerState.some((r) => !r.list.length) && Date.now() < firstBy) await sleep(100);

  // The run: writers on a fixed schedule, reactors spread over it.
  const attempts = [];
  const reactions = [];
  const start = Date.now() + 500;
  const total = Math.round(seconds * rate);
  const writeJobs = Array.from({length: total}, (_, k) => (async () => {
    const w = k % writers;
    const store = writerStores[w];
    await sleep(Math.max(0, start + (k * 1000) / rate - Date.now()));
    const id = store.newId();
    const body = `Load ${tag} post ${k} from writer ${w}: I will be at the start line.`;
    const a = {k, w, id, body, t0: Date.now(), t1: 0, ok: false, code: null};
    attempts.push(a);
    try {
      await store.createPost({threadId: LOAD_TID, id, body});
      a.ok = true;
    } catch (e) {
      a.code = e?.code ?? String(e);
    }
    a.t1 = Date.now();
  })());
  const reactJobs = Array.from({length: reactors}, (_, k) => (async () => {
    await sleep(Math.max(0, start + (k * seconds * 1000) / Math.max(1, reactors) - Date.now()));
    const r = {k, kinds: k % 3 === 0 ? ['heart', 'hug'] : ['heart'], ok: [], refused: [], t0: Date.now(), t1: 0};
    reactions.push(r);
    let store = null;
    try {
      store = await client(mod, {...opts, uid: `m${k}-${tag}`});
      await joinAs(store, `Member ${k}`);
      for (const kind of r.kinds) {
        try {
          await store.setReaction(LOAD_TID, SEED_PID, kind, true);
          r.ok.push(kind);
        } catch (e) {
          r.refused.push(`${kind}: ${e?.code ?? e}${e?.cause?.message ? ` (${String(e.cause.message).slice(0, 600)})` : ''}`);
        }
      }
    } catch (e) {
      r.refused.push(`join: ${e?.code ?? e}`);
    } finally {
      r.t1 = Date.now();
      await store?.dispose().catch(() => {});
    }
  })());
  // Progress every 15 s (a full run on a slow emulator can take many minutes): what is confirmed so far.
  const progress = setInterval(() => {
    const done = attempts.filter((a) => a.t1);
    const ms = done.filter((a) => a.ok).map((a) => a.t1 - a.t0);
    log(`  +${Math.round((Date.now() - start) / 1000)} s: posts ${done.filter((a) => a.ok).length} confirmed, ${done.filter((a) => !a.ok).length} refused, ${attempts.length - done.length} in flight (write p50 ${pct(ms, 50)} ms, p95 ${pct(ms, 95)} ms); reactors done ${reactions.filter((r) => r.t1).length}/${reactors}`);
  }, 15000);
  await Promise.all([...writeJobs, ...reactJobs]);
  clearInterval(progress);
  const runSeconds = (Date.now() - start) / 1000;
  // The counting function catches up: every call it was given returns (each once its change is counted).
  const lastConfirmed = Date.now();
  await counter?.stop();
  const catchUpMs = counter ? Date.now() - lastConfirmed : 0;
  log(`run: ${attempts.length} posts and ${reactions.length} reactors in ${runSeconds.toFixed(1)} s`);

  // Recount, as the owner.
  const threadPath = `communities/${cid}/threads/${LOAD_TID}`;
  const posts = await db.all(threadPath, 'posts');
  const visible = posts.filter((p) => p.status === 'visible');
  const expectedList = [...posts].filter((p) => ['visible', 'hidden', 'deleted'].includes(p.status))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(-readerLimit).map((p) => p.id);
  // Readers settle on the final list (or the check below says they did not).
  const settleBy = Date.now() + settleMs;
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  while (readerState.some((r) => !same(r.list, expectedList)) && Date.now() < settleBy) await sleep(200);
  for (const u of unsubs) u();

  const failures = [];
  const byBody = new Map();
  for (const p of posts) byBody.set(p.body, [...(byBody.get(p.body) ?? []), p.id]);
  const byId = new Map(posts.map((p) => [p.id, p]));
  const confirmed = attempts.filter((a) => a.ok);
  const refused = attempts.filter((a) => !a.ok);
  for (const a of confirmed) {
    const found = byBody.get(a.body) ?? [];
    if (found.length !== 1 || found[0] !== a.id) failures.push(`confirmed post ${a.id} (attempt ${a.k}) is stored ${found.length} times (${found.join(', ')})`);
  }
  for (const a of refused) {
    if ((byBody.get(a.body) ?? []).length || byId.has(a.id)) failures.push(`refused post ${a.id} (attempt ${a.k}, ${a.code}) exists`);
  }
  // The thread document may trail its posts (the counting function catches up): wait for it as for the readers.
  const newestVisible = Math.max(...visible.map((p) => p.createdAt));
  let thread = await db.get(threadPath);
  while ((thread?.postCount !== visible.length || thread?.lastActivityAt !== newestVisible) && Date.now() < settleBy + 5000) {
    await sleep(250);
    thread = await db.get(threadPath);
  }
  threadUnsub();
  seedUnsub();
  const counted = {postCount: thread?.postCount ?? null, lastActivityAt: thread?.lastActivityAt ?? null,
    maxWritesPerSecond: counter ? maxPerSecond([...rollups]) : null};
  if (counter?.stats.errors.length) failures.push(`counting function errors: ${counter.stats.errors.slice(0, 3).join('; ')}`);
  if (counter?.reactionStats.errors.length) failures.push(`reaction counting function errors: ${counter.reactionStats.errors.slice(0, 3).join('; ')}`);
  if (counted.postCount !== visible.length) failures.push(`thread postCount ${counted.postCount} ≠ recount ${visible.length}`);
  const newest = newestVisible;
  if (counted.lastActivityAt !== newest) failures.push(`thread lastActivityAt ${new Date(counted.lastActivityAt).toISOString()} ≠ newest post ${new Date(newest).toISOString()}`);
  const reactionDocs = await db.all(threadPath, 'reactions');
  const recount = new Map();
  for (const r of reactionDocs) recount.set(`${r.postId}/${r.kind}`, (recount.get(`${r.postId}/${r.kind}`) ?? 0) + 1);
  let reactionChecks = 0;
  for (const p of posts) {
    for (const [kind, n] of Object.entries(p.reactions ?? {})) {
      reactionChecks++;
      const want = recount.get(`${p.id}/${kind}`) ?? 0;
      if (n !== want) failures.push(`post ${p.id} ${kind} count ${n} ≠ recount ${want}`);
    }
  }
  const seedHearts = reactionDocs.filter((r) => r.postId === SEED_PID && r.kind === 'heart').length;
  const heartsConfirmed = reactions.filter((r) => r.ok.includes('heart')).length;
  if (seedHearts !== heartsConfirmed) failures.push(`${heartsConfirmed} hearts confirmed but ${seedHearts} stored`);
  readerState.forEach((r, i) => {
    if (!same(r.list, expectedList)) failures.push(`reader ${i} ends with ${r.list.length} posts not matching the recount's newest ${expectedList.length} (first difference at ${r.list.findIndex((x, j) => x !== expectedList[j])})`);
    if (r.errors.length) failures.push(`reader ${i} errors: ${r.errors.join('; ')}`);
  });

  // Figures.
  const writeMs = confirmed.map((a) => a.t1 - a.t0);
  const lags = [];
  for (const r of readerState) for (const a of confirmed) { const s = r.seen.get(a.id); if (s) lags.push(s.at - s.createdAt); }
  // Thread-document writes per second: from the posts that wrote it (every visible post, --counts=client) or,
  // with the counting function, from the recounts (countedAt) a reader saw.
  const threadWritesPerSecond = counted.maxWritesPerSecond ?? maxPerSecond(visible.filter((p) => p.createdAt > T0).map((p) => p.createdAt));
  await Promise.all([...writerStores, ...readerStores].map((s) => s.dispose().catch(() => {})));
  const reactionsRefused = reactions.flatMap((r) => r.refused);
  return {
    config: {writers, seconds, rate, reactors, readers, readerLimit, auth: authHost ? 'Auth emulator' : 'mock tokens'},
    earlier: EARLIER + 1, attempts: attempts.length, confirmed: confirmed.length, refused: refused.length,
    refusedCodes: Object.fromEntries([...new Set(refused.map((a) => a.code))].map((c) => [c, refused.filter((a) => a.code === c).length])),
    errorRate: attempts.length ? refused.length / attempts.length : 0,
    reactionsConfirmed: reactions.reduce((n, r) => n + r.ok.length, 0), reactionsRefused: reactionsRefused.length, reactionErrors: reactionsRefused.slice(0, 5),
    reactionRefusedCodes: reactionsRefused.reduce((m, e) => { const c = /^[^:]+: ([a-z-]+)/.exec(e)?.[1] ?? e; m[c] = (m[c] ?? 0) + 1; return m; }, {}),
    writeP50: pct(writeMs, 50), writeP95: pct(writeMs, 95), lagP50: pct(lags, 50), lagP95: pct(lags, 95),
    achievedRate: confirmed.length / runSeconds, runSeconds,
    postsStored: posts.length, postCount: counted.postCount, reactionChecks, threadWritesPerSecond,
    counts, recountsSeen: rollups.size, catchUpMs, counter: counter?.stats ?? null,
    reactionCounter: counter?.reactionStats ?? null, reactionRecountsSeen: reactionRollups.size,
    reactionWritesPerSecond: counter ? maxPerSecond([...reactionRollups]) : null,
    failures,
  };
}

/** The most events that fall in any one-second window. */
function maxPerSecond(times) {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i] - s[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}


export function formatLoad(r) {
  const f = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
  return [
    `Load on one thread (${r.config.writers} writers × ${r.config.seconds} s at ${r.config.rate} posts/s, ${r.config.reactors} reactors, ${r.config.readers} readers; ${r.config.auth})`,
    `  posts attempted ${r.attempts}, confirmed ${r.confirmed}, refused ${r.refused} ${JSON.stringify(r.refusedCodes)}; error rate ${(r.errorRate * 100).toFixed(2)} %`,
    `  achieved ${r.achievedRate.toFixed(2)} posts/s over ${r.runSeconds.toFixed(1)} s; reactions confirmed ${r.reactionsConfirmed}, refused ${r.reactionsRefused} ${JSON.stringify(r.reactionRefusedCodes)}`,
    `  write p50 ${f(r.writeP50)}, p95 ${f(r.writeP95)};  reader lag p50 ${f(r.lagP50)}, p95 ${f(r.lagP95)}`,
    r.counts === 'server'
      ? `  thread document: counts kept by the counting function (issue 17; its handler run in-process from an Admin SDK listener): ${r.recountsSeen} recounts seen by a reader, at most ${r.threadWritesPerSecond} in one second; ${r.counter.calls} calls (${r.counter.counted} recounted, ${r.counter.covered} already counted); caught up ${f(r.catchUpMs)} after the last answer`
      : `  thread document: written by every post, at most ${r.threadWritesPerSecond} writes in one second`,
    r.counts === 'server'
      ? `  reacted post: counts kept by the reaction counting function (issue 17 s5; in-process likewise): ${r.reactionRecountsSeen} recounts seen by a reader, at most ${r.reactionWritesPerSecond} in one second; ${r.reactionCounter.calls} calls (${r.reactionCounter.counted} recounted, ${r.reactionCounter.covered} already counted)`
      : '  reacted post: written by every reaction (its batch moves the count)',
    `  recount: ${r.postsStored} posts stored, thread postCount ${r.postCount}; ${r.reactionChecks} reaction counts checked`,
    r.failures.length ? `  INVARIANTS FAILED (${r.failures.length}):\n    ${r.failures.slice(0, 20).join('\n    ')}` : '  invariants: all hold',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? def;
  const {startEmulator} = await import('../scripts/emulator.mjs');
  let emulator = opt('emulator', process.env.KINDRED_EMULATOR_HOST || '');
  let own = null;
  let auth = null;
  if (!emulator) {
    own = await startEmulator();
    emulator = `${own.host}:${own.port}`;
  }
  let authHost = null;
  // The SDK logs every write it retries after ABORTED; the figures say what happened.
  if (!args.includes('--verbose')) (await import('firebase/firestore')).setLogLevel('silent');
  try {
    if (!args.includes('--mock-auth')) {
      const {startAuthEmulator} = await import('../scripts/auth-emulator.mjs');
      auth = await startAuthEmulator();
      await auth.ready;
      authHost = `${auth.host}:${auth.port}`;
    }
    const r = await runLoad({
      emulator, authHost, project: authHost ? auth.projectId : 'demo-kindred-load',
      writers: Number(opt('writers', 50)), seconds: Number(opt('seconds', 60)), rate: Number(opt('rate', 10)),
      reactors: Number(opt('reactors', 200)), readers: Number(opt('readers', 20)), counts: opt('counts', 'server'), log: (m) => console.error(m),
    });
    console.log(args.includes('--json') ? JSON.stringify(r, null, 2) : formatLoad(r));
    process.exitCode = r.failures.length ? 1 : 0;
  } finally {
    await Promise.all([own?.stop(), auth?.stop()]);
  }
  process.exit();
}
