import type {ModerationAction} from '../data/store.js';

/** Cancelable: a moderator asked for an action. `preventDefault()` writes nothing. */
export class KinModerateEvent extends Event {
  static readonly eventName = 'kin-moderate';
  constructor(
    /** What the moderator asked for. */
    readonly action: ModerationAction,
    /** The queue item acted on (`report:<id>` or `held:<threadId>/<postId>`), or the log entry id. */
    readonly itemId: string,
    /** The reason given (the placeholder of a hidden post). */
    readonly reason: string,
  ) {
    super(KinModerateEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-moderate': KinModerateEvent;
  }
}
