/** What happened to a connection, as the signed-in member did it. */
export type ConnectionChange = 'requested' | 'accepted' | 'declined' | 'ended' | 'blocked';

/** A connection write succeeded: a request was sent, accepted, declined or ended, or a member blocked. */
export class KinConnectionChangeEvent extends Event {
  static readonly eventName = 'kin-connection-change';
  constructor(
    /** The pair's connection id. */
    readonly connectionId: string,
    /** What the member did. */
    readonly change: ConnectionChange,
  ) {
    super(KinConnectionChangeEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-connection-change': KinConnectionChangeEvent;
  }
}
