// Issue 17 (s5): what makes the load benchmark's writes slow once readers listen to the written thread.
// `node bench/listener-probe.mjs [--listeners=0,5,20] [--writes=10] [--shapes=kit,...] [--earlier=60] [--split] [--rules=FILE]`
//
// For each listener shape and count: a fresh project seeded with the load benchmark's campaign thread (61 posts,
// or --earlier=N), L listeners (each its own Firebase web app signed in with a mock token as a member, as a
// reader is), then W serial post creates written as the owner over REST (no rules on the write itself: what is
// measured is what the listeners add). Printed: write p50/p95 (REST create → answer), lag p50 (write sent →
// every listener's snapshot holds it), and the CPU time the emulator's JVM and the listeners' Node process used
// per write. --split runs the listeners in a child Node process (as separate browsers would be), so the writer's
// timings are not those of a process busy with 20 SDK clients. --rules=FILE starts the emulator with other
// rules (e.g. the posts' list rule reduced to `if true`, to see what evaluating the rules costs).
// Shapes (posts of the load thread unless said):
//   kit       the kit's member query: status in [visible, hidden, deleted], orderBy createdAt desc, __name__ desc, limit 50
//   kit5      kit with limit 5
//   kit2      kit + the member's own held posts query (authorId == me, status == held, limit 50): what watchPosts opens
//   nolimit   status in [...], orderBy createdAt (no limit)
//   last      status in [...], orderBy createdAt, __name__, limitToLast 50
//   since     createdAt > start, orderBy createdAt (only what is new since the listener opened; the page read once)
//   plain     status in [...] only: no order, no limit
//   admin     the kit query from Admin SDK apps (gRPC, no rules evaluated for the listener)
//   other     the kit query on another thread (control: listeners on a collection that is not written)
import {fork} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {initializeApp, deleteApp} from 'firebase/app';
import {getFirestore, connectFirestoreEmulator, collection, query, where, orderBy, limit, limitToLast, onSnapshot, documentId, Timestamp,
  setLogLevel} from 'firebase/firestore';
import {seedFirestore, toRestFields} from '../scripts/seed-firestore.mjs';
import {startEmulator} from '../scripts/emulator.mjs';
import {fixture, LOAD_TID} from './load.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => args.find((a) => a.startsWith(`--${n}=`))?.split('=').slice(1).join('=') ?? d;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** CPU ms (user + system) a process has used so far (Linux /proc). */
function cpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch { return NaN; }
}
setLogLevel('silent');
const cid = 'probe';
const READABLE = ['visible', 'hidden', 'deleted'];
const postsOf = (shape) => `communities/${cid}/threads/${shape === 'other' ? 'other-thread' : LOAD_TID}/posts`;

/** Opens L listeners of one shape; `onAll(id)` is called when every listener's snapshot holds that post. */
async function openListeners({emulator, project, shape, L, onAll}) {
  const [host, port] = emulator.split(':');
  const posts = postsOf(shape);
  const seen = Array.from({length: L}, () => new Set());
  const told = new Set();
  const stops = [];
  const apps = [];
  const start = Timestamp.now();
  let ready = 0;
  const check = (snapIds) => { for (const id of snapIds) if (!told.has(id) && seen.every((s) => s.has(id))) { told.add(id); onAll(id); } };
  for (let i = 0; i < L; i++) {
    const mark = (snap) => { const ids = snap.docs.map((d) => d.id); for (const id of ids) seen[i].add(id); check(ids); };
    let firstDone = false;
    const onFirst = () => { if (!firstDone) { firstDone = true; ready++; } };
    if (shape === 'admin') {
      const {initializeApp: ai, deleteApp: ad} = await import('firebase-admin/app');
      const {getFirestore: ag} = await import('firebase-admin/firestore');
      process.env.FIRESTORE_EMULATOR_HOST = emulator;
      const app = ai({projectId: project}, `probe-admin-${project}-${i}`);
      const q = ag(app).collection(posts).where('status', 'in', READABLE).orderBy('createdAt', 'desc').orderBy('__name__', 'desc').limit(50);
      stops.push(q.onSnapshot((s) => { mark(s); onFirst(); }, () => {}));
      apps.push(() => ad(app));
      continue;
    }
    const app = initializeApp({projectId: project, apiKey: 'probe', appId: 'probe'}, `probe-${project}-${i}`);
    const db = getFirestore(app);
    connectFirestoreEmulator(db, host, Number(port), {mockUserToken: {sub: `reader${i}`, user_id: `reader${i}`}});
    apps.push(() => deleteApp(app));
    const c = collection(db, posts);
    const kit = query(c, where('status', 'in', READABLE), orderBy('createdAt', 'desc'), orderBy(documentId(), 'desc'), limit(50));
    const qs = {
      kit: [kit], other: [kit],
      kit5: [query(c, where('status', 'in', READABLE), orderBy('createdAt', 'desc'), orderBy(documentId(), 'desc'), limit(5))],
      kit2: [kit, query(c, where('authorId', '==', `reader${i}`), where('status', '==', 'held'), orderBy('createdAt', 'desc'), limit(50))],
      nolimit: [query(c, where('status', 'in', READABLE), orderBy('createdAt'))],
      last: [query(c, where('status', 'in', READABLE), orderBy('createdAt'), orderBy(documentId()), limitToLast(50))],
      since: [query(c, where('status', 'in', READABLE), where('createdAt', '>', start), orderBy('createdAt'))],
      plain: [query(c, where('status', 'in', READABLE))],
    }[shape];
    let pending = qs.length;
    for (const q of qs) {
      let f = true;
      stops.push(onSnapshot(q, (s) => { if (qs[0] === q) mark(s); if (f) { f = false; if (--pending === 0) onFirst(); } }, (e) => console.error(shape, e.code)));
    }
  }
  const by = Date.now() + 60000;
  while (ready < L && Date.now() < by) await sleep(50);
  return async () => {
    for (const s of stops) s();
    await Promise.all(apps.map((a) => a().catch(() => {})));
  };
}

// The child of --split: opens the listeners, says 'ready', reports each post every listener holds, stops on 'stop'.
if (args.includes('--child')) {
  const stop = await openListeners({emulator: opt('emulator'), project: opt('project'), shape: opt('shape'), L: Number(opt('L')),
    onAll: (id) => process.send({all: id, at: Date.now()})});
  process.send({ready: true});
  process.on('message', async (m) => { if (m.stop) { await stop(); process.exit(0); } });
} else {
  const counts = opt('listeners', '0,5,20').split(',').map(Number);
  const W = Number(opt('writes', 10));
  const shapes = opt('shapes', 'kit,kit5,kit2,nolimit,last,since,plain,admin,other').split(',');
  const earlier = Number(opt('earlier', 60));
  const split = args.includes('--split');
  let emulator = opt('emulator', process.env.KINDRED_EMULATOR_HOST || '');
  let own = null;
  if (!emulator) { own = await startEmulator(opt('rules', '') ? {rules: opt('rules', '')} : {}); emulator = `${own.host}:${own.port}`; }

  const seedFixture = (n) => {
    const f = fixture(cid);
    const base = f.posts[0];
    f.posts = Array.from({length: n + 1}, (_, i) => ({...base, id: `earlier-${String(i).padStart(4, '0')}`, createdAt: Date.UTC(2026, 10, 1) + i * 1000, body: `Earlier ${i}`}));
    f.threads = [{...f.threads[0], postCount: n + 1}, {...f.threads[0], id: 'other-thread', postCount: 0}];
    for (let i = 0; i < 20; i++) f.members.push({...f.members[0], uid: `reader${i}`, pseudonym: `Reader ${i}`, pseudonymLower: `reader ${i}`});
    return f;
  };

  const run = async (shape, L, project) => {
    await fetch(`http://${emulator}/emulator/v1/projects/${project}/databases/(default)/documents`, {method: 'DELETE'});
    await seedFirestore({project, emulator, fixture: seedFixture(earlier)});
    const allAt = new Map();
    let stop;
    let childPid = process.pid;
    if (split && L > 0) {
      const child = fork(fileURLToPath(import.meta.url), ['--child', `--emulator=${emulator}`, `--project=${project}`, `--shape=${shape}`, `--L=${L}`]);
      childPid = child.pid;
      await new Promise((r) => child.on('message', (m) => { if (m.ready) r(); if (m.all) allAt.set(m.all, m.at); }));
      stop = () => new Promise((r) => { child.once('exit', r); child.send({stop: true}); });
    } else {
      stop = await openListeners({emulator, project, shape, L, onAll: (id) => allAt.set(id, Date.now())});
    }
    await sleep(300);
    const writeMs = [];
    const lagMs = [];
    const target = `communities/${cid}/threads/${LOAD_TID}/posts`;
    const cpu0 = {emu: own ? cpuMs(own.pid) : NaN, listeners: cpuMs(childPid)};
    for (let k = 0; k < W; k++) {
      const id = `probe-${k}`;
      const f = fixture(cid).posts[0];
      const t0 = Date.now();
      const r = await fetch(`http://${emulator}/v1/projects/${project}/databases/(default)/documents/${target}?documentId=${id}`, {method: 'POST',
        headers: {Authorization: 'Bearer owner', 'Content-Type': 'application/json'},
        body: JSON.stringify({fields: toRestFields({...f, id: undefined, body: `Probe ${k}`, createdAt: new Date()})})});
      if (!r.ok) throw new Error(`write ${r.status} ${await r.text()}`);
      writeMs.push(Date.now() - t0);
      if (shape !== 'other' && L > 0) {
        const until = Date.now() + 30000;
        while (!allAt.has(id) && Date.now() < until) await sleep(5);
        lagMs.push((allAt.get(id) ?? Date.now()) - t0);
      }
    }
    const cpu = {emu: ((own ? cpuMs(own.pid) : NaN) - cpu0.emu) / W, listeners: (cpuMs(childPid) - cpu0.listeners) / W};
    await stop();
    return {writeP50: pct(writeMs, 50), writeP95: pct(writeMs, 95), lagP50: pct(lagMs, 50), cpu};
  };

  console.log(`listener probe: ${W} serial owner writes per case, thread of ${earlier + 1} posts, listeners ${split ? 'in a child process' : 'in the writer\'s process'}${opt('rules', '') ? `, rules ${opt('rules', '')}` : ''}; load ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
  console.log('shape      listeners  write p50  write p95  all-saw p50   CPU per write: emulator  listeners\' process');
  let n = 0;
  for (const shape of shapes) {
    for (const L of counts) {
      if (L === 0 && shape !== shapes[0]) continue;
      const r = await run(shape, L, `demo-probe-${n++}`);
      const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
      console.log(`${shape.padEnd(10)} ${String(L).padStart(9)}  ${ms(r.writeP50).padStart(9)}  ${ms(r.writeP95).padStart(9)}  ${ms(r.lagP50).padStart(10)}   ${ms(r.cpu.emu).padStart(9)}  ${ms(r.cpu.listeners).padStart(9)}`);
    }
  }
  await own?.stop();
  process.exit(0);
}
