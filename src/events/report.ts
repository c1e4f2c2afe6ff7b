import type {ReportReason} from '../data/types.js';

/** Fired after the member's report of a post was recorded for the moderators. */
export class KinReportEvent extends Event {
  static readonly eventName = 'kin-report';
  constructor(
    /** Id of the report. */
    readonly reportId: string,
    /** Thread of the reported post. */
    readonly threadId: string,
    /** The reported post. */
    readonly postId: string,
    /** Why it was reported. */
    readonly reason: ReportReason,
  ) {
    super(KinReportEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-report': KinReportEvent;
  }
}
