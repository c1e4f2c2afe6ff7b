// test/support (issue 13): the one place a test imports its helpers from.
//   dom.ts      shadow-DOM queries: $, $$, text, shadowText, button
//   stores.ts   store harnesses: localHarness, firebaseHarness (emulator, real rules), emulatorHostFor
//   builders    community, member, thread, post, roles… (test/fixtures/community.ts)
//   emulator    FirestoreAdmin, fixtureDocs, REST encoding (test/helpers/firestore-admin.ts), emulatorHost
// The older paths (test/helpers/*, test/fixtures/*) keep working; new tests import from here.
export * from './dom.js';
export * from './stores.js';
export * from '../fixtures/community.js';
export {FirestoreAdmin, fixtureDocs, toRestFields, toRestValue, TIME_FIELDS} from '../helpers/firestore-admin.js';
export {emulatorHost} from '../helpers/env.js';
