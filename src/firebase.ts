// `kindred-kit/firebase`: the FirebaseStore over Cloud Firestore and Firebase Auth, for an app that
// supplies its own Firebase app (`<kin-community>` otherwise loads it lazily from its attributes).
// Side-effect free; importing it pulls in the Firebase SDK.
export {createFirebaseStore, type FirebaseStoreOptions} from './data/firebase/firebase-store.js';
export type * from './data/store.js';
