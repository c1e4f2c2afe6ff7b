// Side-effect-free exports: classes, types, helpers. Import './define.js' to register the elements.
export {KinElement} from './components/kin-element.js';
export {KinCommunity} from './components/community/community.js';
export {KinErrorEvent} from './events/kin-error.js';
export {communityContext, type CommunityContextValue} from './context/community-context.js';
export {KindredError, isKindredError, type KindredErrorCode} from './data/errors.js';
export type * from './data/types.js';
export type * from './data/store.js';
export type {SeedFixture} from './data/seed.js';
export * as policy from './data/policy.js';
