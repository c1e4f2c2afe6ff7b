import type {ContentStatus} from '../data/types.js';

/** Fired after the store confirmed a new post or reply. */
export class KinPostCreatedEvent extends Event {
  static readonly eventName = 'kin-post-created';
  constructor(
    /** Thread of the post. */
    readonly threadId: string,
    /** Id of the new post. */
    readonly postId: string,
    /** The parent post of a reply, or null. */
    readonly parentId: string | null,
    /** `visible`, or `held` when it awaits review. */
    readonly status: ContentStatus,
  ) {
    super(KinPostCreatedEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-post-created': KinPostCreatedEvent;
  }
}
