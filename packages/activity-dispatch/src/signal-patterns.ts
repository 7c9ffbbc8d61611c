/**
 * The alphabets of the values that travel through argv and the environment into the spool.
 * Kept free of dependencies: the hook capture path imports this and must start fast.
 */

/** Session (and launch) ids are path components and shell words (docs/signal-path.md). */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Harness ids and event names; the same alphabet keeps the spool header valid JSON without escaping. */
export const TOKEN_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function isValidSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value);
}

export function isValidToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}
