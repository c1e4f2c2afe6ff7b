/** Fired when the member opens or closes the crisis support panel. */
export class KinCrisisHelpToggleEvent extends Event {
  static readonly eventName = 'kin-crisis-help-toggle';
  constructor(
    /** Whether the panel is now open. */
    readonly open: boolean,
  ) {
    super(KinCrisisHelpToggleEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-crisis-help-toggle': KinCrisisHelpToggleEvent;
  }
}
