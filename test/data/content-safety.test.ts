// Issue 18: content warnings and per-post audience, one contract run against LocalStore (memory) and
// FirebaseStore on the real Firestore emulator with the real firestore.rules. Its own file (rather than
// two more suites in local-store.test.ts / firebase-store.test.ts) so it can be run on its own quickly.
// The harnesses are test/support's (issue 13), on this file's own emulator project.
import {firebaseHarness, localHarness} from '../support/stores.js';
import {runContentSafetyContract} from './content-safety.contract.js';

runContentSafetyContract(localHarness);
runContentSafetyContract(() => firebaseHarness('demo-kindred-safety'));
