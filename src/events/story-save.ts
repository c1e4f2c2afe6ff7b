/**
 * Fired before the founder's story is saved. Cancel it (`preventDefault()`) and nothing is written;
 * the form stays open with what was typed.
 */
export class KinStorySaveEvent extends Event {
  static readonly eventName = 'kin-story-save';
  constructor(
    /** The community whose story is being saved. */
    readonly communityId: string,
    /** Whether the story being saved is in memorial mode. */
    readonly memorial: boolean,
  ) {
    super(KinStorySaveEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-story-save': KinStorySaveEvent;
  }
}
