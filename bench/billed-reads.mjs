// What Firestore bills a page for reads, counted on the emulator (issue 16). Shared by bench/first-post.mjs
// and the web-test-runner plugin behind test/embed/first-post-reads.test.ts.
//
//   documents on the wire: watched through CDP (the page's own Network domain): every document in a REST
//     response (a query with no result counts 1, as Firestore bills it) and every `documentChange` in the
//     Listen channel's stream, a listen target that delivered nothing counting 1;
//   + the rules' get()/exists() reads: each request the page made is replayed once, as the same signed-out
//     visitor, into a fresh emulator project seeded the same way (`rulesReadsOf`); the distinct documents
//     the emulator's rules coverage report (/emulator/v1/projects/P:ruleCoverage) shows get()/exists()
//     reaching there are what that request costs in rules reads (Firestore bills each document a request's
//     rules read once).

const DOCS = '/databases/(default)/documents';

/** Starts recording the Firestore traffic of the page behind `cdp` (Network must be enabled). */
export function watchWire(cdp, emulatorOrigin) {
  const port = new URL(emulatorOrigin).port;
  const requests = new Map();
  const rest = [];
  let listenText = '';
  const pending = [];
  const onSent = ({requestId, request}) => {
    // Any host name on the emulator's port (tests give each client a host of its own: foo.localhost).
    if (!/^https?:/.test(request.url) || new URL(request.url).port !== port) return;
    requests.set(requestId, {url: request.url, method: request.method, postData: request.postData ?? ''});
    if (request.url.includes('/Listen/channel') && request.method === 'GET') {
      pending.push(cdp.send('Network.streamResourceContent', {requestId}).then(({bufferedData}) => {
        listenText += Buffer.from(bufferedData ?? '', 'base64').toString('utf8');
      }).catch(() => {}));
    }
  };
  const onData = ({requestId, data}) => {
    const r = requests.get(requestId);
    if (r && data && r.url.includes('/Listen/channel')) listenText += Buffer.from(data, 'base64').toString('utf8');
  };
  const onFinished = ({requestId}) => {
    const r = requests.get(requestId);
    if (!r || r.method === 'OPTIONS') return;
    if (r.url.includes('/Listen/channel')) {
      if (r.method === 'POST') pending.push(cdp.send('Network.getResponseBody', {requestId}).then(({body}) => { listenText += body; }).catch(() => {}));
      return;
    }
    if (r.url.includes('/Write/channel')) return;
    pending.push(cdp.send('Network.getResponseBody', {requestId}).then(({body, base64Encoded}) => {
      rest.push({...r, response: base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body});
    }).catch(() => {}));
  };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.dataReceived', onData);
  cdp.on('Network.loadingFinished', onFinished);
  return {
    /** Stops recording; what was read, and one replay per request for `rulesReadsOf`. */
    async done() {
      await Promise.all(pending);
      cdp.off?.('Network.requestWillBeSent', onSent);
      cdp.off?.('Network.dataReceived', onData);
      cdp.off?.('Network.loadingFinished', onFinished);
      const kinds = [];
      const replays = [];
      let docs = 0;
      const relative = (name) => name.slice(name.indexOf(DOCS) + DOCS.length);
      for (const r of rest) {
        let json;
        try {
          json = JSON.parse(r.response);
        } catch {
          continue;
        }
        if (r.url.includes(':runQuery')) {
          const n = json.filter((x) => x.document).length;
          docs += Math.max(1, n);
          const parent = relative(new URL(r.url).pathname.replace(/:runQuery$/, ''));
          const structuredQuery = JSON.parse(r.postData).structuredQuery;
          kinds.push(`list:${structuredQuery.from[0].collectionId}`);
          replays.push({kind: kinds.at(-1), query: {parent, structuredQuery}});
        } else if (r.url.includes(':batchGet')) {
          for (const x of json) {
            if (!x.found) continue;
            docs += 1;
            kinds.push(kindOfDoc(x.found.name));
            replays.push({kind: kinds.at(-1), doc: relative(x.found.name)});
          }
        } else if (r.method === 'GET' && json.name) {
          docs += 1;
          kinds.push(kindOfDoc(json.name));
          replays.push({kind: kinds.at(-1), doc: relative(json.name)});
        }
      }
      // The Listen channel's POST bodies name the targets (addTarget … targetId).
      const sent = [...requests.values()].filter((r) => r.url.includes('/Listen/channel') && r.method === 'POST')
        .map((r) => decodeURIComponent(r.postData.replace(/\+/g, ' '))).join('\n');
      const targets = new Map();
      for (const m of sent.matchAll(/"addTarget":(\{.*?"targetId":(\d+)[^}]*\})/g)) targets.set(Number(m[2]), m[1]);
      const docsByTarget = new Map();
      for (const m of listenText.matchAll(/"documentChange":\s*\{[\s\S]*?"targetIds":\s*\[([\d,\s]*)\]/g)) {
        for (const id of m[1].split(',').map((s) => Number(s.trim())).filter(Number.isFinite)) docsByTarget.set(id, (docsByTarget.get(id) ?? 0) + 1);
      }
      const listenDocs = (listenText.match(/"documentChange"/g) ?? []).length;
      docs += listenDocs;
      for (const [id, target] of targets) {
        if (!docsByTarget.get(id)) docs += 1; // a listen with nothing to send still bills one read
        const doc = /"documents":\{"documents":\["([^"]+)"/.exec(target)?.[1];
        if (doc) {
          kinds.push(`listen:${kindOfDoc(doc)}`);
          replays.push({kind: kinds.at(-1), doc: relative(doc)});
        } else {
          const t = JSON.parse(target);
          kinds.push(`listen:list:${t.query.structuredQuery.from[0].collectionId}`);
          replays.push({kind: kinds.at(-1), query: {parent: relative(t.query.parent), structuredQuery: t.query.structuredQuery}});
        }
      }
      return {docs, rest: rest.length, listenTargets: targets.size, listenDocs, kinds, replays};
    },
  };
}

const kindOfDoc = (name) => (/\/communities\/[^/]+$/.test(name) ? 'get:community' : `get:${name.split('/').slice(-2, -1)[0]}`);

/**
 * The rules reads one request costs: `replay` (from watchWire) is made over REST, signed out, in `project`
 * — a fresh project seeded like the page's, used for nothing else — and the documents its rules read
 * are taken from that project's rules coverage report. Returns {reads, paths, status}.
 */
export async function rulesReadsOf(emulatorOrigin, project, replay) {
  const docs = `${emulatorOrigin}/v1/projects/${project}${DOCS}`;
  const res = replay.doc
    ? await fetch(`${docs}${replay.doc}`)
    : await fetch(`${docs}${replay.query.parent}:runQuery`, {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({structuredQuery: replay.query.structuredQuery})});
  await res.arrayBuffer();
  const cov = await (await fetch(`${emulatorOrigin}/emulator/v1/projects/${project}:ruleCoverage`)).json();
  const src = cov.rules.files[0].content;
  const paths = new Set();
  const collect = (n) => {
    for (const v of n.values ?? []) {
      const s = v.value?.pathValue?.segments;
      if (s && s.length % 2 === 1) paths.add(s.map((x) => x.simple ?? JSON.stringify(x)).join('/'));
    }
    for (const c of n.children ?? []) collect(c);
  };
  const walk = (nodes) => {
    for (const n of nodes ?? []) {
      const text = src.slice(n.sourcePosition.currentOffset, n.sourcePosition.endOffset);
      if (/^\W{0,3}(get|exists)\(/.test(text) || /(get|exists)\(/.test(text.slice(0, 12))) collect(n);
      walk(n.children);
    }
  };
  walk(cov.report);
  return {reads: paths.size, paths: [...paths], status: res.status};
}
