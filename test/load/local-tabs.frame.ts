// The second tab of test/load/local-tabs.test.ts: loaded in its own frame (same origin, so the same IndexedDB and
// BroadcastChannel), with its own copy of the kit and its own LocalStore, as another tab of the member has.
import {LocalStore} from '../../src/data/local/local-store.js';
import type {SeedFixture} from '../../src/data/seed.js';
import '../../src/components/community/kin-community.js';
import '../../src/components/discussion-thread/kin-discussion-thread.js';

const params = new URLSearchParams(document.querySelector('meta[name="kin-tab"]')!.getAttribute('content')!);
const seed = (window as unknown as {kinSeed: SeedFixture}).kinSeed;
const store = await LocalStore.open({communityId: params.get('cid')!, seed, user: {uid: params.get('uid')!, anonymous: false}});
const root = document.createElement('kin-community') as HTMLElement & {store: unknown};
root.setAttribute('lang', 'en');
root.store = store;
const thread = document.createElement('kin-discussion-thread');
thread.setAttribute('thread-key', params.get('key')!);
thread.setAttribute('page-size', params.get('pageSize')!);
root.append(thread);
document.body.append(root);
(window as unknown as {kinTab: unknown}).kinTab = {store, root, thread};
