/**
 * Fired when the visitor agreed, through the built-in prompt of `<kin-community consent="required">`, to
 * load the community. A host can remember the choice in its own consent records.
 */
export class KinConsentEvent extends Event {
  static readonly eventName = 'kin-consent';
  constructor(
    /** The community id of the root whose prompt was used. */
    readonly community: string,
  ) {
    super(KinConsentEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-consent': KinConsentEvent;
  }
}
