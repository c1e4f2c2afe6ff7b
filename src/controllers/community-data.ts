import type {ReactiveControllerHost} from 'lit';
import {LiveController} from './live.js';
import type {CommunityStore} from '../data/store.js';
import type {Community, MemberProfile} from '../data/types.js';

/** The community document, live, for as long as the host is connected (re-subscribes when the store changes). */
export function communityController(host: ReactiveControllerHost, store: () => CommunityStore | null) {
  return new LiveController<Community | null, [CommunityStore | null]>(host, {
    key: () => [store()],
    subscribe: ([s], next, error) => (s ? s.watchCommunity(next, error) : null),
  });
}

/** The signed-in member's own profile (null before joining), live; idle while signed out. */
export function meController(host: ReactiveControllerHost, store: () => CommunityStore | null, uid: () => string | null) {
  return new LiveController<MemberProfile | null, [CommunityStore | null, string | null]>(host, {
    key: () => [store(), uid()],
    subscribe: ([s, u], next, error) => (s && u ? s.watchMe(next, error) : null),
  });
}
