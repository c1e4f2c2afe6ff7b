/**
 * Fired before a post or reply is written. Cancelable: `preventDefault()` and nothing is written (the
 * draft is kept).
 */
export class KinPostSubmitEvent extends Event {
  static readonly eventName = 'kin-post-submit';
  constructor(
    /** Thread the post goes to. */
    readonly threadId: string,
    /** The client-made post id (the same on every retry). */
    readonly postId: string,
    /** The parent post of a reply, or null. */
    readonly parentId: string | null,
    /** The text about to be posted. */
    readonly body: string,
  ) {
    super(KinPostSubmitEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-post-submit': KinPostSubmitEvent;
  }
}
