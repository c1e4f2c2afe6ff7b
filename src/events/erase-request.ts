/** Cancelable: the member confirmed "Erase my data"; `preventDefault()` erases nothing. */
export class KinEraseRequestEvent extends Event {
  static readonly eventName = 'kin-erase-request';
  constructor(
    /** The member's uid. */
    readonly uid: string,
  ) {
    super(KinEraseRequestEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-erase-request': KinEraseRequestEvent;
  }
}
