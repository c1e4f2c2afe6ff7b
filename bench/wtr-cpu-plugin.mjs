// Issue 16: a web-test-runner command for the frame benchmarks (bench/thread-scroll.bench.ts): slow the
// page's CPU over CDP as Lighthouse's mobile profile does (Emulation.setCPUThrottlingRate).
//   kin-cpu {rate: 4}   (rate 1 = no throttling)
//   kin-bench-options   → the JSON in KINDRED_BENCH_OPTIONS (bench/scroll.mjs passes its command-line options)
export function cpuPlugin() {
  const sessions = new Map();
  return {
    name: 'kin-cpu',
    async executeCommand({command, payload, session}) {
      if (command === 'kin-bench-options') return JSON.parse(process.env.KINDRED_BENCH_OPTIONS || '{}');
      if (command !== 'kin-cpu') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setCPUThrottlingRate', {rate: Number(payload?.rate ?? 1)});
      return true;
    },
  };
}
