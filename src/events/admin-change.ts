/** What an admin changed in <kin-community-admin>. */
export type AdminChangeKind = 'settings' | 'invite' | 'revoke-invite' | 'revoke-role' | 'claim-invite';

/** Cancelable: an admin asked for a change in `<kin-community-admin>`. `preventDefault()` writes nothing. */
export class KinAdminChangeEvent extends Event {
  static readonly eventName = 'kin-admin-change';
  constructor(
    /** Which change. */
    readonly kind: AdminChangeKind,
    /** The invite, member uid or '' (settings) it concerns. */
    readonly subject: string,
  ) {
    super(KinAdminChangeEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

/** The change was written. */
export class KinAdminChangedEvent extends Event {
  static readonly eventName = 'kin-admin-changed';
  constructor(
    /** Which change. */
    readonly kind: AdminChangeKind,
    /** The invite, member uid or '' (settings) it concerns. */
    readonly subject: string,
  ) {
    super(KinAdminChangedEvent.eventName, {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-admin-change': KinAdminChangeEvent;
    'kin-admin-changed': KinAdminChangedEvent;
  }
}
