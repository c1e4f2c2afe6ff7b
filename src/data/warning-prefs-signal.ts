// Issue 18: a member's content-warning choices, saved by one element (<kin-profile>, or the host calling
// store.setWarningPrefs), reach every open element on the page that reads them through the same store
// (<kin-discussion-thread> folds or hides warned posts) without a reload. Both stores announce here.
import type {WarningPrefs} from './domain/safety.js';

const listeners = new WeakMap<object, Set<(uid: string, prefs: WarningPrefs) => void>>();

/** Called by a store once the member's choices are saved. */
export function announceWarningPrefs(store: object, uid: string, prefs: WarningPrefs): void {
  for (const fn of listeners.get(store) ?? []) fn(uid, prefs);
}

/** Hears every save of choices through `store`; returns the unsubscribe. */
export function onWarningPrefs(store: object, fn: (uid: string, prefs: WarningPrefs) => void): () => void {
  let set = listeners.get(store);
  if (!set) listeners.set(store, (set = new Set()));
  set.add(fn);
  return () => set!.delete(fn);
}
