/** The member's data was erased and they were signed out. */
export class KinErasedEvent extends Event {
  static readonly eventName = 'kin-erased';
  constructor() {
    super(KinErasedEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-erased': KinErasedEvent;
  }
}
