import type {KindredErrorCode} from '../data/errors.js';

/** Fired when something the member did (or the configuration) failed; the element also shows it. */
export class KinErrorEvent extends Event {
  static readonly eventName = 'kin-error';
  constructor(
    /** Stable error code. */
    readonly code: KindredErrorCode,
    /** English explanation for developers. */
    readonly message: string,
    /** What was being done ("load", "post", "configure"…). */
    readonly operation: string,
  ) {
    super(KinErrorEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-error': KinErrorEvent;
  }
}
