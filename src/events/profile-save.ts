/** Cancelable: the member pressed "Save" on their profile; `preventDefault()` writes nothing. */
export class KinProfileSaveEvent extends Event {
  static readonly eventName = 'kin-profile-save';
  constructor(
    /** Names of the fields being saved. */
    readonly fields: readonly string[],
  ) {
    super(KinProfileSaveEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-profile-save': KinProfileSaveEvent;
  }
}
