// Prints one plain line at the end: "wtr: N passed, N failed, N skipped", so CI logs say how many ran,
// and the slowest files by the time their tests took, so a slow suite shows where its minutes go.
export function countReporter() {
  let passed = 0, failed = 0, skipped = 0, printed = false;
  const perFile = new Map();
  const walk = (suite, file) => {
    if (!suite) return;
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
      perFile.set(file, (perFile.get(file) ?? 0) + (t.duration ?? 0));
    }
    for (const s of suite.suites ?? []) walk(s, file);
  };
  return {
    onTestRunFinished({sessions}) {
      for (const s of sessions) {
        walk(s.testResults, s.testFile);
        // A file that failed to load has no results but errors: count it as a failure.
        if (!s.testResults && s.errors?.length) failed++;
      }
    },
    reportTestFileResults() {},
    getTestProgress() { return ''; },
    stop() {
      if (printed) return;
      printed = true;
      const slowest = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 12);
      const total = [...perFile.values()].reduce((a, b) => a + b, 0);
      console.log(`wtr: slowest files (time inside their tests; all files ${(total / 1000).toFixed(0)} s):`);
      for (const [file, ms] of slowest) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${String(file).replace(process.cwd() + '/', '')}`);
      console.log(`wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}
