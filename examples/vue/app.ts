// A Vue 3 app composing Kindred elements with render functions (the runtime-only build: no template
// compiler, so nothing to configure). Vue sets a prop the element has as a property (`store`), any other as
// an attribute (`thread-key`), and `onKinPostCreated` listens for the `kin-post-created` DOM event.
// `kin()` below types each element's props and event handlers from the generated
// `kindred-kit/types/vue.js`. With templates instead, tell the compiler the tags are custom elements:
//   app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('kin-');
//   <kin-discussion-thread thread-key="walk-2026" :heading-level="2" @kin-post-created="onPost" />
import {createApp, defineComponent, h, ref, type PropType, type VNodeChild} from 'vue';
import type {KinVueElementProps} from 'kindred-kit/types/vue.js';
import 'kindred-kit/define.js';
import {LocalStore} from 'kindred-kit/local';
import type {CommunityStore, KinErrorEvent, KinPostCreatedEvent, SeedFixture, SessionUser} from 'kindred-kit';

/** `h()` for a Kindred element, with its props and `onKin…` handlers typed (plus any `data-*` attribute). */
function kin<T extends keyof KinVueElementProps>(tag: T, props: KinVueElementProps[T] & {[data: `data-${string}`]: unknown},
  children?: VNodeChild[]) {
  return h(tag, props, children);
}

export const App = defineComponent({
  name: 'KindredApp',
  props: {
    /** The store every element inside `<kin-community>` uses (null while it opens). */
    store: {type: Object as PropType<CommunityStore | null>, default: null},
    communityId: {type: String, required: true},
    /** The page's conversation. */
    threadKey: {type: String, required: true},
  },
  emits: {
    postCreated: (_event: KinPostCreatedEvent) => true,
    error: (_event: KinErrorEvent) => true,
  },
  setup(props, {emit}) {
    const posts = ref(0);
    return () => h('main', [
      kin('kin-community', {community: props.communityId, store: props.store, lang: 'en', onKinError: (e) => emit('error', e)}, [
        kin('kin-founder-story-banner', {headingLevel: 2, variant: 'card'}),
        kin('kin-discussion-thread', {
          'thread-key': props.threadKey,
          headingLevel: 2,
          'data-posts-this-visit': posts.value,
          onKinPostCreated: (e) => {
            // `e` is a KinPostCreatedEvent: ids and status, typed.
            posts.value++;
            emit('postCreated', e);
          },
        }),
      ]),
    ]);
  },
});

export interface StartOptions {
  communityId: string;
  threadKey: string;
  seed: SeedFixture;
  /** Signed in as this member (for previews and tests); by default signed out. */
  user?: SessionUser | null;
  onPostCreated?: (event: KinPostCreatedEvent) => void;
  onError?: (event: KinErrorEvent) => void;
}

/** Opens an in-memory LocalStore and mounts the app into `container`. */
export async function start(container: Element, {seed, user = null, communityId, threadKey, onPostCreated, onError}: StartOptions) {
  const store = await LocalStore.open({communityId, seed, persistence: 'memory', user});
  // Root props are shallow: the store reaches the element as itself, not as a reactive proxy.
  const app = createApp(App, {store, communityId, threadKey, onPostCreated, onError});
  app.mount(container);
  return {
    app, store,
    async stop() {
      app.unmount();
      await store.dispose();
    },
  };
}
