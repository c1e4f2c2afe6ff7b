// Whether Firebase Auth keeps a session on this device, answered without loading Firebase Auth (issue 16):
// a visitor who never signed in here gets the reader's fast path and no Auth download at all.

/** Whether Firebase Auth already keeps a session on this device (a member signed in before). */
export async function hasPersistedAuth(): Promise<boolean> {
  try {
    if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
      if ((await indexedDB.databases()).some((d) => d.name === 'firebaseLocalStorageDb')) return true;
    }
    return Object.keys(localStorage).some((k) => k.startsWith('firebase:authUser:'));
  } catch {
    return false;
  }
}
