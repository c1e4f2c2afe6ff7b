// A web-test-runner plugin for read-count tests (issue 16): what Firestore bills the test page for reads,
// counted on the wire through CDP and priced in rules reads on the emulator (bench/billed-reads.mjs, the
// same code bench:first-post uses).
//   kin-wire-start  {}                 start recording the page's Firestore traffic (REST and Listen channel)
//   kin-wire-stop   {}                 stop; {docs, rest, listenTargets, listenDocs, kinds, replays}
//   kin-rules-reads {project, replay}  the rules reads one recorded request costs, replayed signed out into
//                                      `project` (fresh, seeded like the page's by the test): {reads, paths, status}
import {rulesReadsOf, watchWire} from '../../bench/billed-reads.mjs';

export function readsPlugin() {
  const wires = new Map();
  const origin = () => `http://${process.env.KINDRED_EMULATOR_HOST}`;
  return {
    name: 'kindred-reads',
    async executeCommand({command, payload, session}) {
      if (command === 'kin-wire-start') {
        if (session.browser.type !== 'puppeteer') throw new Error('kin-wire-start needs the puppeteer (Chromium) launcher');
        const page = session.browser.getPage(session.id);
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        wires.set(session.id, {cdp, wire: watchWire(cdp, origin())});
        return true;
      }
      if (command === 'kin-wire-stop') {
        const w = wires.get(session.id);
        if (!w) throw new Error('kin-wire-stop without kin-wire-start');
        wires.delete(session.id);
        const result = await w.wire.done();
        await w.cdp.detach().catch(() => {});
        return result;
      }
      if (command === 'kin-rules-reads') return rulesReadsOf(origin(), payload.project, payload.replay);
      return undefined;
    },
  };
}
