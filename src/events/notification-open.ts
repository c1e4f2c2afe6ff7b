import type {NotificationKind} from '../data/domain/notifications.js';

/**
 * Fired when the member opens a notification (cancelable). `href` is where the element will go (the post
 * in its thread, the moderation queue, the connections page) or null when no link is configured;
 * `preventDefault()` keeps the page where it is, for apps that route by themselves.
 */
export class KinNotificationOpenEvent extends Event {
  static readonly eventName = 'kin-notification-open';
  constructor(
    /** The notification's id. */
    readonly notificationId: string,
    readonly kind: NotificationKind,
    readonly threadId: string | null,
    readonly postId: string | null,
    readonly connectionId: string | null,
    readonly reportId: string | null,
    readonly href: string | null,
  ) {
    super(KinNotificationOpenEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kin-notification-open': KinNotificationOpenEvent;
  }
}
