// Compile-time checks of the generated declarations (types/jsx.d.ts, types/vue.d.ts): `npm test`'s
// typecheck fails if a wrong prop or handler type is accepted (each @ts-expect-error must find an error)
// or a right one rejected. Nothing here runs in the browser.
import type {GlobalComponents} from 'vue';
import type {} from '../../types/jsx.js';
import type {KinVueElementProps} from '../../types/vue.js';
import type {CommunityStore} from '../../src/data/store.js';
import type {KinPostCreatedEvent} from '../../src/events/post-created.js';

declare const store: CommunityStore;
const onCreated = (e: KinPostCreatedEvent) => e.parentId;

export const reactAccepted = [
  <kin-community community="asthma-wales" store={store} lang="cy" onkin-error={(e) => e.code}>
    <kin-discussion-thread thread-key="walk" headingLevel={3} mode="list" onkin-post-created={onCreated} />
    <kin-founder-story-banner variant="compact" memorial cta-href="https://example.org" />
    <kin-join with-cancel onkin-joined={(e) => e.uid} />
  </kin-community>,
];

export const reactRejected = [
  // @ts-expect-error a store is an object, not the store-mode string
  <kin-community store="local" />,
  // @ts-expect-error headingLevel is a number
  <kin-discussion-thread headingLevel="2" />,
  // @ts-expect-error mode is 'thread' | 'list'
  <kin-discussion-thread mode="grid" />,
  // @ts-expect-error a kin-post-created handler receives a KinPostCreatedEvent, which has no `post`
  <kin-discussion-thread onkin-post-created={(e) => e.post} />,
  // @ts-expect-error subscribed is read-only: not a prop
  <kin-founder-story-banner subscribed />,
];

export const vueAccepted: KinVueElementProps['kin-discussion-thread'] = {
  'thread-key': 'walk', headingLevel: 2, onKinPostCreated: onCreated, onKinError: (e) => e.code,
};
export const vueRejected: KinVueElementProps['kin-discussion-thread'][] = [
  // @ts-expect-error headingLevel is a number
  {headingLevel: '2'},
  // @ts-expect-error a kin-post-created handler receives a KinPostCreatedEvent, which has no `post`
  {onKinPostCreated: (e) => e.post},
];

type TemplateProps<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
export const vueTemplate: TemplateProps<'kin-community'> = {store, community: 'asthma-wales'};
// @ts-expect-error templates see the same prop types
export const vueTemplateRejected: TemplateProps<'kin-community'> = {store: 'local'};
