// The second "tab" of test/faults/edit-conflict.test.ts: loaded in its own frame, so it has its own copy of
// the kit and of the Firebase SDK (its own connection to the emulator), as another tab of the member has.
import {createFirebaseStore} from '../../src/data/firebase/firebase-store.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';

const params = new URLSearchParams(document.querySelector('meta[name="kin-tab"]')!.getAttribute('content')!);
const store = await createFirebaseStore({
  communityId: params.get('cid')!,
  emulator: {host: params.get('host')!, port: Number(params.get('port')), mockUser: {uid: params.get('uid')!}},
});
const root = document.createElement('kin-community') as HTMLElement & {store: unknown};
root.setAttribute('lang', params.get('lang') ?? 'en');
root.store = store;
const thread = document.createElement('kin-discussion-thread');
thread.setAttribute('thread-key', params.get('key')!);
root.append(thread);
document.body.append(root);
(window as unknown as {kinTab: unknown}).kinTab = {store, root, thread};
