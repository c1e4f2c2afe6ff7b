// A web-test-runner plugin for the fault tests (issue 17): real network faults in the real Chromium and
// a Firestore emulator of the test's own that it can stop and restart while a page is open.
//   kin-network        {offline, forMs?}          CDP offline on/off (forMs: back online after forMs, timed here,
//                                                 because the page's own channel to the runner is cut too)
//   kin-drop-on-write  {match, forMs}             the next Firestore Write request whose body contains `match`
//                                                 fails as the network drops (mid-request); online again after forMs
//   kin-emulator       {action: start|stop|restart|status, docs?, projectId?} a private emulator on a fixed port;
//                                                 start/restart answer at once, `status` gives {host, port} once
//                                                 it is up; `docs` ([path, REST fields]) are written as soon as it answers
//   kin-fail-requests  {pattern, times, status?}      the next `times` requests whose URL matches a CDP `pattern` (or array)
//                                                 fail while the page stays online: a refused connection, or (with
//                                                 `status`) a server answering that status (503, 429…); later ones pass;
//                                                 `times: 0` ends the fault
//                                                 With `body`, they are answered 200 (or `status`) with that JavaScript
//                                                 instead: a tampered file, as a compromised CDN would serve (issue 17, SRI)
//   kin-cdn            {}                             starts (once) a plain static server for dist/cdn on its own port;
//                                                 answers {base} (issue 17, SRI: test/embed/sri.test.ts)
//   kin-requests       {match} | {}                   with `match`: starts recording the requests whose URL contains it
//                                                 (url, method, headers, the body's first 4,000 characters); without:
//                                                 stops and answers them (issue 17, App Check: test/embed/app-check-token.test.ts)
//   kin-failed-count   {}                             how many requests kin-fail-requests has failed so far
//   kin-failed-log     {}                             when ({at} ms since the epoch) and which ({url}) it failed
// It also lets a sandboxed (opaque-origin, storage-denied) frame, or a page on another origin, load the kit's
// modules: a request sent with an `Origin` gets `Access-Control-Allow-Origin: *` (issue 17: storage-blocked, sri).
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, resolve, sep} from 'node:path';
import {startEmulator} from '../../scripts/emulator.mjs';

/**
 * A plain static server for the built bundle (dist/cdn), on a port of its own: "another origin", serving the
 * files byte for byte (the test runner's own server may rewrite modules, which would break their hashes),
 * with CORS as a CDN answers. Resolves to its base URL.
 */
function startCdn() {
  const root = resolve('dist/cdn');
  const server = createServer(async (req, res) => {
    const path = resolve(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const type = {'.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.html': 'text/html'}[extname(path)];
    try {
      if (!path.startsWith(root + sep) || !type) throw new Error('not here');
      const body = await readFile(path);
      res.writeHead(200, {'Content-Type': type, 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store'});
      res.end(body);
    } catch {
      res.writeHead(404, {'Access-Control-Allow-Origin': '*'});
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({server, base: `http://127.0.0.1:${server.address().port}/`})));
}

async function seedDocs(emulator, projectId, docs) {
  const root = `projects/${projectId}/databases/(default)/documents`;
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await fetch(`http://${emulator.host}:${emulator.port}/v1/${root}:commit`, {
        method: 'POST', headers: {Authorization: 'Bearer owner', 'Content-Type': 'application/json'},
        body: JSON.stringify({writes: docs.map(([path, fields]) => ({update: {name: `${root}/${path}`, fields}}))}),
      });
      if (r.ok) return;
      if (attempt >= 5) throw new Error(`HTTP ${r.status} ${await r.text()}`);
    } catch (e) {
      if (attempt >= 5) throw new Error(`kin-emulator: seeding failed: ${e.message}`);
    }
    await new Promise((r) => setTimeout(r, 250 * attempt));
  }
}

export function faultPlugin() {
  /** Per test session: its CDP session and timers. */
  const sessions = new Map();
  /** Per test session: kin-fail-requests' own CDP session and what is left to fail. */
  const failing = new Map();
  let emulator = null;
  /** The dist/cdn server (kin-cdn), started on first use. */
  let cdn = null;
  let emulatorPort = null;
  /** Settles with null once the last start finished, or with why it failed. */
  let starting = Promise.resolve(null);

  async function cdpFor(session) {
    let s = sessions.get(session.id);
    if (!s) {
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      await cdp.send('Network.enable');
      s = {cdp, timer: null, fetchOn: false};
      sessions.set(session.id, s);
    }
    return s;
  }

  const setOffline = (s, offline) => s.cdp.send('Network.emulateNetworkConditions', {
    offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
  });

  return {
    name: 'kindred-faults',
    async executeCommand({command, payload, session}) {
      if (command === 'kin-network') {
        if (session.browser.type !== 'puppeteer') throw new Error('kin-network needs the puppeteer (Chromium) launcher');
        const s = await cdpFor(session);
        clearTimeout(s.timer);
        const offline = Boolean(payload?.offline);
        await setOffline(s, offline);
        // Always timed: an offline page cannot send the command that would bring it back.
        if (offline) s.timer = setTimeout(() => void setOffline(s, false).catch(() => {}), Math.min(Number(payload?.forMs) || 5000, 30000));
        return true;
      }
      if (command === 'kin-drop-on-write') {
        const s = await cdpFor(session);
        const match = String(payload?.match ?? '');
        const forMs = Number(payload?.forMs ?? 3000);
        const stage = payload?.stage === 'Response' ? 'Response' : 'Request';
        if (s.fetchOn && s.stage !== stage) {
          await s.cdp.send('Fetch.disable').catch(() => {});
          s.fetchOn = false;
        }
        s.stage = stage;
        if (!s.fetchListener) {
          s.fetchListener = true;
          s.cdp.on('Fetch.requestPaused', (ev) => {
            const body = ev.request.postData ?? '';
            const armed = s.armed;
            let text = body;
            try { text = decodeURIComponent(body.replace(/\+/g, ' ')); } catch { /* not form-encoded */ }
            if (armed && text.includes(armed.match)) {
              s.armed = null;
              s.dropped = true;
              void (async () => {
                await setOffline(s, true);
                await s.cdp.send('Fetch.failRequest', {requestId: ev.requestId, errorReason: 'InternetDisconnected'}).catch(() => {});
                await s.cdp.send('Fetch.disable').catch(() => {});
                s.fetchOn = false;
                clearTimeout(s.timer);
                s.timer = setTimeout(() => void setOffline(s, false).catch(() => {}), armed.forMs);
              })();
              return;
            }
            const go = ev.responseStatusCode !== undefined || ev.responseErrorReason !== undefined ? 'Fetch.continueResponse' : 'Fetch.continueRequest';
            void s.cdp.send(go, {requestId: ev.requestId}).catch(() => {});
          });
        }
        if (!s.fetchOn) {
          s.fetchOn = true;
          await s.cdp.send('Fetch.enable', {patterns: [{urlPattern: '*Firestore/Write/channel*', requestStage: stage}]});
        }
        s.armed = {match, forMs};
        s.dropped = false;
        return true;
      }
      if (command === 'kin-fail-requests') {
        // Its own CDP session, so its Fetch interception never meets kin-drop-on-write's.
        let f = failing.get(session.id);
        if (!f) {
          const page = session.browser.getPage(session.id);
          f = {cdp: await page.createCDPSession(), left: 0, failed: 0, status: 0, body: null, log: []};
          failing.set(session.id, f);
          f.cdp.on('Fetch.requestPaused', (ev) => {
            // A CORS preflight (a JSON POST to the emulator or to another origin) is answered as a server that
            // allows it would, and not counted: the fault is the answer to the request itself.
            if (ev.request.method === 'OPTIONS' && (f.status || f.body !== null)) {
              void f.cdp.send('Fetch.fulfillRequest', {requestId: ev.requestId, responseCode: 204, responseHeaders: [
                {name: 'Access-Control-Allow-Origin', value: '*'}, {name: 'Access-Control-Allow-Methods', value: '*'},
                {name: 'Access-Control-Allow-Headers', value: '*'}, {name: 'Access-Control-Max-Age', value: '0'}]}).catch(() => {});
              return;
            }
            if (f.left <= 0) {
              void f.cdp.send('Fetch.continueRequest', {requestId: ev.requestId}).catch(() => {});
              return;
            }
            f.left--;
            f.failed++;
            f.log.push({at: Date.now(), url: ev.request.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 120)});
            const done = f.left <= 0 ? () => f.cdp.send('Fetch.disable').catch(() => {}) : () => undefined;
            const fail = f.body !== null
              ? f.cdp.send('Fetch.fulfillRequest', {requestId: ev.requestId, responseCode: f.status || 200,
                responseHeaders: [{name: 'Content-Type', value: 'text/javascript'}, {name: 'Access-Control-Allow-Origin', value: '*'},
                  {name: 'Access-Control-Allow-Headers', value: '*'}],
                body: Buffer.from(f.body).toString('base64')})
              : f.status
              ? f.cdp.send('Fetch.fulfillRequest', {requestId: ev.requestId, responseCode: f.status,
                responseHeaders: [{name: 'Content-Type', value: 'text/plain'}, {name: 'Access-Control-Allow-Origin', value: '*'}],
                body: Buffer.from(`kin-fail-requests: ${f.status}`).toString('base64')})
              : f.cdp.send('Fetch.failRequest', {requestId: ev.requestId, errorReason: 'ConnectionRefused'});
            void fail.catch(() => {}).then(done);
          });
        }
        f.left = Math.max(0, Number(payload?.times ?? 1));
        f.status = Number(payload?.status ?? 0);
        f.body = typeof payload?.body === 'string' ? payload.body : null;
        if (f.left > 0) {
          f.failed = 0;
          f.log = [];
        }
        const patterns = [payload?.pattern ?? '*'].flat().map((p) => ({urlPattern: String(p), requestStage: 'Request'}));
        if (f.left > 0) await f.cdp.send('Fetch.enable', {patterns});
        else await f.cdp.send('Fetch.disable').catch(() => {});
        return true;
      }
      if (command === 'kin-requests') {
        const s = await cdpFor(session);
        if (!s.requests) {
          s.requests = {match: null, list: []};
          s.cdp.on('Network.requestWillBeSent', (ev) => {
            const r = s.requests;
            if (r.match && ev.request.url.includes(r.match)) {
              r.list.push({url: ev.request.url, method: ev.request.method, headers: ev.request.headers, postData: (ev.request.postData ?? '').slice(0, 4000)});
            }
          });
        }
        if (payload?.match) {
          s.requests.match = String(payload.match);
          s.requests.list = [];
          return true;
        }
        const list = s.requests.list;
        s.requests.match = null;
        s.requests.list = [];
        return list;
      }
      if (command === 'kin-cdn') {
        cdn ??= startCdn();
        return {base: (await cdn).base};
      }
      if (command === 'kin-failed-count') {
        return failing.get(session.id)?.failed ?? 0;
      }
      if (command === 'kin-failed-log') {
        return failing.get(session.id)?.log ?? [];
      }
      if (command === 'kin-drop-happened') {
        const s = await cdpFor(session);
        return Boolean(s.dropped);
      }
      if (command === 'kin-emulator') {
        const action = payload?.action;
        if (action === 'start' || action === 'restart') {
          const restart = action === 'restart' && emulatorPort;
          const up = (async () => {
            if (emulator) { await emulator.stop(); emulator = null; }
            emulator = await startEmulator({port: restart ? emulatorPort : undefined});
            emulatorPort = emulator.port;
            // A restarted emulator is empty: put the test's documents back as soon as it answers.
            if (payload?.docs?.length) await seedDocs(emulator, payload.projectId, payload.docs);
            return {host: emulator.host, port: emulator.port};
          })();
          // Answers at once: starting a JVM on a loaded machine can outlast the runner's 20 s command
          // timeout. The page polls `status` (or, after a restart, watches its elements recover).
          starting = up.then(() => null, (e) => e.message);
          return {starting: true};
        }
        if (action === 'status') {
          const failure = await Promise.race([starting, new Promise((r) => setTimeout(() => r(undefined), 1000))]);
          if (typeof failure === 'string') throw new Error(`kin-emulator: could not start: ${failure}`);
          // Never null: the runner reads null as "not my command".
          return failure === null && emulator ? {up: true, host: emulator.host, port: emulator.port} : {up: false};
        }
        if (action === 'stop') {
          await emulator?.stop();
          emulator = null;
          return true;
        }
        throw new Error(`kin-emulator: unknown action ${action}`);
      }
      return undefined;
    },
    // Separate transform-cache entries for opaque-origin requests, so only they carry the CORS header.
    // Likewise a host page loading the built kit from "another origin" (the SRI test, test/embed/sri.test.ts).
    transformCacheKey(context) {
      return context.get('origin') ? 'cross-origin' : undefined;
    },
    transform(context) {
      if (context.get('origin')) return {headers: {'Access-Control-Allow-Origin': '*'}};
      return undefined;
    },
    async serverStop() {
      if (cdn) (await cdn).server.close();
      await emulator?.stop();
    },
  };
}
