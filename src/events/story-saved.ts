/** Fired after the founder's story was saved by the store. */
export class KinStorySavedEvent extends Event {
  static readonly eventName = 'kin-story-saved';
  constructor(
    /** The community whose story was saved. */
    readonly communityId: string,
  ) {
    super(KinStorySavedEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-story-saved': KinStorySavedEvent;
  }
}
