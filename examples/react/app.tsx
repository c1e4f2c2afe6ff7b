// A React 19 app composing Kindred elements. React 19 supports custom elements natively: a prop the
// element has is set as a property (`store={store}`), any other as an attribute (`thread-key="…"`), and
// `onkin-post-created={…}` adds a listener for the `kin-post-created` event. The generated
// `kindred-kit/types/jsx.js` declarations type all three, so a wrong prop or handler fails to compile.
import {StrictMode, useState} from 'react';
import {createRoot, type Root} from 'react-dom/client';
import type {} from 'kindred-kit/types/jsx.js';
import 'kindred-kit/define.js';
import {LocalStore} from 'kindred-kit/local';
import type {CommunityStore, KinErrorEvent, KinPostCreatedEvent, SeedFixture, SessionUser} from 'kindred-kit';

export interface AppProps {
  /** The store every element inside `<kin-community>` uses (null while it opens). */
  store: CommunityStore | null;
  communityId: string;
  /** The page's conversation. */
  threadKey: string;
  onPostCreated?: (event: KinPostCreatedEvent) => void;
  onError?: (event: KinErrorEvent) => void;
}

export function App({store, communityId, threadKey, onPostCreated, onError}: AppProps) {
  const [posts, setPosts] = useState(0);
  return (
    <main>
      <kin-community community={communityId} store={store} lang="en" onkin-error={(e) => onError?.(e)}>
        <kin-founder-story-banner headingLevel={2} variant="card"></kin-founder-story-banner>
        <kin-discussion-thread
          thread-key={threadKey}
          headingLevel={2}
          data-posts-this-visit={posts}
          onkin-post-created={(e) => {
            // `e` is a KinPostCreatedEvent: ids and status, typed.
            setPosts((n) => n + 1);
            onPostCreated?.(e);
          }}
        ></kin-discussion-thread>
      </kin-community>
    </main>
  );
}

export interface StartOptions extends Omit<AppProps, 'store'> {
  seed: SeedFixture;
  /** Signed in as this member (for previews and tests); by default signed out. */
  user?: SessionUser | null;
}

/** Opens an in-memory LocalStore and renders the app into `container`. */
export async function start(container: Element, {seed, user = null, ...props}: StartOptions) {
  const store = await LocalStore.open({communityId: props.communityId, seed, persistence: 'memory', user});
  const root: Root = createRoot(container);
  root.render(<StrictMode><App store={store} {...props} /></StrictMode>);
  return {
    root, store,
    async stop() {
      root.unmount();
      await store.dispose();
    },
  };
}

