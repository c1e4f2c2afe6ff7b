import {createContext} from '@lit/context';
import type {CommunityStore} from '../data/store.js';
import type {Locale, SessionUser} from '../data/types.js';
import type {KindredError} from '../data/errors.js';

/** What `<kin-community>` provides to every `kin-*` element inside it. */
export interface CommunityContextValue {
  /** Null while the store is loading or when configuration is wrong (see `error`). */
  store: CommunityStore | null;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  locale: Locale;
  /** Configuration or loading error, shown by the root; elements show their own fallback. */
  error: KindredError | null;
}

// A string key with a major version, so separately bundled copies of the kit share one context.
export const communityContext = createContext<CommunityContextValue>('kin-community@1');
