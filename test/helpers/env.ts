// Moved to test/support/env.ts (issue 13: test/support is the one home of test helpers). This re-export
// keeps imports from branches written before the move working; import from test/support.
export * from '../support/env.js';
