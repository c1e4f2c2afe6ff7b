// Issue 16: the hub (`mode="list"`) of <kin-discussion-thread>, loaded with import() only in that mode: a
// page's conversation never downloads it.
export {HubPager} from './hub.controller.js';
export {hub} from './hub.parts.js';
