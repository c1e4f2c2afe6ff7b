/** The member's profile (and who sees each field) was saved. */
export class KinProfileSavedEvent extends Event {
  static readonly eventName = 'kin-profile-saved';
  constructor(
    /** The member's uid. */
    readonly uid: string,
  ) {
    super(KinProfileSavedEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-profile-saved': KinProfileSavedEvent;
  }
}
