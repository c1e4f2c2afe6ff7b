/** Fired when the member opens a thread from the hub list (`threadId`) or goes back to it (null). */
export class KinThreadOpenEvent extends Event {
  static readonly eventName = 'kin-thread-open';
  constructor(
    /** The opened thread, or null when the member went back to the list. */
    readonly threadId: string | null,
  ) {
    super(KinThreadOpenEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-thread-open': KinThreadOpenEvent;
  }
}
