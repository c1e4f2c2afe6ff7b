// Avatars (issue 13): the one generated-avatar hue both stores give a member who picked none. The
// Firebase store used to hash with a different fold (`founder-1`: 99 there, 123 here).
import {KindredError} from '../errors.js';

/** Generated-avatar hue for a member who did not pick one: stable per uid, the same on every store. */
export function defaultAvatarHue(uid: string): number {
  let h = 0;
  for (let i = 0; i < uid.length; i++) h = (Math.imul(h, 31) + uid.charCodeAt(i)) >>> 0;
  return h % 360;
}

export function validateAvatarHue(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 359) {
    throw new KindredError('invalid-argument', 'avatarHue must be a whole number from 0 to 359.', 'avatarHue');
  }
  return value;
}
