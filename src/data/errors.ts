// Typed errors with stable codes. Elements translate the code for the member; `message` is English
// for developers and logs, and always says what to do next.

export type KindredErrorCode =
  | 'permission-denied'
  | 'invalid-argument'
  | 'not-found'
  | 'unavailable'
  | 'rate-limited'
  | 'unauthenticated'
  | 'already-exists'
  | 'misconfigured'
  | 'internal'
  // Issue 17 (fault): what was changed meanwhile elsewhere (another tab or device); nothing was overwritten.
  | 'conflict';

export class KindredError extends Error {
  override readonly name = 'KindredError';
  /**
   * @param code stable code elements switch on
   * @param message what went wrong and what to do, in plain English
   * @param field the input field at fault, for `invalid-argument`
   */
  constructor(
    readonly code: KindredErrorCode,
    message: string,
    readonly field: string | null = null,
    options?: {cause?: unknown},
  ) {
    super(message, options);
  }
}

export function isKindredError(e: unknown): e is KindredError {
  return e instanceof Error && (e as {name?: string}).name === 'KindredError' && typeof (e as KindredError).code === 'string';
}

/**
 * Issue 17: what browsers throw when code or data could not be fetched (the network dropped, a CDN
 * hiccup): "Failed to fetch dynamically imported module" (Chromium), "error loading dynamically imported
 * module" (Firefox), "Importing a module script failed" (Safari), and `fetch`'s own TypeError.
 */
export function isNetworkFailure(e: unknown): boolean {
  return e instanceof TypeError && /dynamically imported module|importing a module script failed|failed to fetch|networkerror|load failed/i.test(e.message);
}

/** Wrap anything thrown into a KindredError, keeping it when it already is one. */
export function toKindredError(e: unknown): KindredError {
  if (isKindredError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (isNetworkFailure(e)) {
    return new KindredError('unavailable', `The community cannot be reached (${message}); check your connection: it is tried again by itself.`, null, {cause: e});
  }
  return new KindredError('internal', `Something went wrong: ${message}`, null, {cause: e});
}
