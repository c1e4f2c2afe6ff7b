import {oneEvent} from '@open-wc/testing';

/** `oneEvent`, typed by the event map: `await nextEvent(el, 'kin-post-created')` gives the event class. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, name: K): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent(target, name) as unknown as Promise<GlobalEventHandlersEventMap[K]>;
}
