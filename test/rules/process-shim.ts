// @firebase/rules-unit-testing reads process.env (for emulator discovery) even when host and port are
// given; the browser has no `process`, so give it an empty one before that module loads.
const g = globalThis as unknown as {process?: {env: Record<string, string | undefined>}};
g.process ??= {env: {}};
export {};
