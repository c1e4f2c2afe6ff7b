// Prints one plain line at the end: "wtr: N passed, N failed, N skipped", so CI logs say how many ran.
export function countReporter() {
  let passed = 0, failed = 0, skipped = 0, printed = false;
  const walk = (suite) => {
    if (!suite) return;
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  return {
    onTestRunFinished({sessions}) {
      for (const s of sessions) {
        walk(s.testResults);
        // A file that failed to load has no results but errors: count it as a failure.
        if (!s.testResults && s.errors?.length) failed++;
      }
    },
    reportTestFileResults() {},
    getTestProgress() { return ''; },
    stop() {
      if (printed) return;
      printed = true;
      console.log(`wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}
