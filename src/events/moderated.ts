import type {ModerationAction} from '../data/store.js';

/** Fired after a moderator action was applied and logged. */
export class KinModeratedEvent extends Event {
  static readonly eventName = 'kin-moderated';
  constructor(
    /** What was done. */
    readonly action: ModerationAction,
    /** The moderation log entry that records it. */
    readonly logEntryId: string,
    /** What it applied to, relative to the community ("threads/t1/posts/p1", "members/uid", "reports/r1"). */
    readonly targetPath: string,
  ) {
    super(KinModeratedEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-moderated': KinModeratedEvent;
  }
}
