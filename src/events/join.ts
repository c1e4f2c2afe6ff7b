import type {Relationship} from '../data/types.js';

/** Cancelable: the visitor asked to join; `preventDefault()` stops the join (nothing is written). */
export class KinJoinSubmitEvent extends Event {
  static readonly eventName = 'kin-join-submit';
  constructor(
    /** Chosen pseudonym. */
    readonly pseudonym: string,
    /** Chosen relationship to the condition. */
    readonly relationship: Relationship,
    /** Whether explicit consent to processing health information was given. */
    readonly healthConsent: boolean,
  ) {
    super(KinJoinSubmitEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

/** The visitor is now a member. */
export class KinJoinedEvent extends Event {
  static readonly eventName = 'kin-joined';
  constructor(
    /** The new member's uid. */
    readonly uid: string,
  ) {
    super(KinJoinedEvent.eventName, {bubbles: true, composed: true});
  }
}

/** Fired by any element when a signed-out visitor tries to act; `<kin-community>` opens the join form. */
export class KinJoinRequestEvent extends Event {
  static readonly eventName = 'kin-join-request';
  constructor(
    /** What the visitor was trying to do ("post", "react", "connect"…). */
    readonly reason: string,
  ) {
    super(KinJoinRequestEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-join-submit': KinJoinSubmitEvent;
    'kin-joined': KinJoinedEvent;
    'kin-join-request': KinJoinRequestEvent;
  }
}
