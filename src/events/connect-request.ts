/**
 * Cancelable: a member asked to connect with another member (`uid`), from the peer-match card's "say
 * hello" or from the member directory. `preventDefault()` stops it (nothing is sent). A
 * `<kin-peer-match-card>` in the same `<kin-community>` handles one fired by another element (the
 * directory) by opening its "say hello" form for that member; nothing is sent until the member confirms.
 */
export class KinConnectRequestEvent extends Event {
  static readonly eventName = 'kin-connect-request';
  constructor(
    /** The member to connect with. */
    readonly uid: string,
    /** The optional short hello ('' when none, or when fired by another element). */
    readonly message: string = '',
  ) {
    super(KinConnectRequestEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-connect-request': KinConnectRequestEvent;
  }
}
