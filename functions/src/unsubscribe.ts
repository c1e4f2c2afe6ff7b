// One-click unsubscribe links (RFC 8058): a signed, expiring token naming the community and member.
//   token = base64url(JSON [cid, uid, expiresAtMs]) + "." + base64url(HMAC-SHA256(secret, payload))
// The secret is the KINDRED_UNSUBSCRIBE_SECRET function secret; nothing is stored per link.
import {createHmac, timingSafeEqual} from 'node:crypto';

const b64url = (b: Buffer) => b.toString('base64url');

function sign(secret: string, payload: string): string {
  return b64url(createHmac('sha256', secret).update(payload).digest());
}

export function makeToken(secret: string, cid: string, uid: string, expiresAt: number): string {
  const payload = b64url(Buffer.from(JSON.stringify([cid, uid, expiresAt])));
  return `${payload}.${sign(secret, payload)}`;
}

export function unsubscribeUrl(base: string, secret: string, cid: string, uid: string, expiresAt: number): string {
  const url = new URL(base);
  url.searchParams.set('t', makeToken(secret, cid, uid, expiresAt));
  return url.toString();
}

export type TokenCheck = {ok: true; cid: string; uid: string} | {ok: false; why: 'forged' | 'expired'};

/** Checks a token's signature (constant time) and expiry. */
export function verifyToken(secret: string, token: unknown, now: number): TokenCheck {
  if (typeof token !== 'string' || token.length > 2000) return {ok: false, why: 'forged'};
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return {ok: false, why: 'forged'};
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return {ok: false, why: 'forged'};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return {ok: false, why: 'forged'};
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return {ok: false, why: 'forged'};
  const [cid, uid, exp] = parsed as [unknown, unknown, unknown];
  if (typeof cid !== 'string' || typeof uid !== 'string' || typeof exp !== 'number') return {ok: false, why: 'forged'};
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cid) || !/^[A-Za-z0-9_-]{1,128}$/.test(uid)) return {ok: false, why: 'forged'};
  if (now > exp) return {ok: false, why: 'expired'};
  return {ok: true, cid, uid};
}
