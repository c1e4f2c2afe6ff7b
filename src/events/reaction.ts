import type {ReactionKind} from '../data/types.js';

/** Fired after the member's reaction to a post was added or removed. */
export class KinReactionEvent extends Event {
  static readonly eventName = 'kin-reaction';
  constructor(
    /** Thread of the post. */
    readonly threadId: string,
    /** The post reacted to. */
    readonly postId: string,
    /** Which reaction. */
    readonly kind: ReactionKind,
    /** True when added, false when removed. */
    readonly on: boolean,
  ) {
    super(KinReactionEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-reaction': KinReactionEvent;
  }
}
