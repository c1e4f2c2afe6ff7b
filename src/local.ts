// `kindred-kit/local`: the embedded LocalStore (IndexedDB in a browser, memory in tests), with no
// Firebase in its import graph. Side-effect free.
export {LocalStore, type LocalStoreOptions} from './data/local/local-store.js';
export type {SeedFixture} from './data/seed.js';
export type * from './data/store.js';
