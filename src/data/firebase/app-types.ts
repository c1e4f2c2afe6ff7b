// Type-only re-exports so elements can name Firebase types without importing Firebase code.
export type {FirebaseApp, FirebaseOptions} from 'firebase/app';
