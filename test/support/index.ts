// test/support (issue 13): the one home of the test helpers; tests import from here.
//   dom.ts             shadow-DOM queries: $, $$, text, shadowText, button
//   builders.ts        seed builders: community, member, thread, post, roles… (T0, HOUR, DAY, uniqueCommunityId)
//   stores.ts          store harnesses: localHarness, firebaseHarness (emulator, real rules), emulatorHostFor
//   firestore-admin.ts FirestoreAdmin (owner access over REST), fixtureDocs, REST encoding
//   env.ts             where `npm test` started the emulators (emulatorHost, authEmulatorHost…)
//   events.ts          nextEvent (oneEvent typed by the event map)
//   auth-emulator.ts   sign-in emails, custom tokens, a signed-in FirebaseStore. Not re-exported here:
//                      scripts/test.mjs starts the Auth emulator for a file that names `support/auth-emulator.js`.
//   wtr-*.mjs          web-test-runner plugins (fault injection, billed reads, media features), loaded by web-test-runner.config.mjs
// test/helpers/*.ts and test/fixtures/community.ts are thin re-exports of these, kept for branches in flight.
export * from './dom.js';
export * from './stores.js';
export * from './builders.js';
export * from './events.js';
export {FirestoreAdmin, fixtureDocs, pathIn, toRestFields, toRestValue, TIME_FIELDS} from './firestore-admin.js';
export {emulatorHost, authEmulatorHost, authEmulatorReady, AUTH_EMULATOR_PROJECT} from './env.js';
