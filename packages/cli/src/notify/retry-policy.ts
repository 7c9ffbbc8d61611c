/**
 * When a failed delivery is tried again, and when it is given up (docs/notifications.md,
 * "Retries"). Pure.
 */
export interface RetryPolicy {
  /** The wait after the first failure; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Given up after this many attempts… */
  maxAttempts: number;
  /** …or once the notification is this old, whichever comes first: news an hour late is no news. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 2000, maxDelayMs: 120_000, maxAttempts: 8, giveUpAfterMs: 10 * 60 * 1000 };

export type RetryVerdict = { retry: true; nextAttemptAt: number } | { retry: false };

/**
 * After the `attempts`-th failed attempt (1 for the first) at `now` of a notification created at
 * `createdAt`. A `permanent` failure (the receiver refused the request itself) is not retried.
 */
export function afterFailure(policy: RetryPolicy, attempts: number, createdAt: number, now: number, permanent = false): RetryVerdict {
  if (permanent || attempts >= policy.maxAttempts) return { retry: false };
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const nextAttemptAt = now + delay;
  if (nextAttemptAt - createdAt > policy.giveUpAfterMs) return { retry: false };
  return { retry: true, nextAttemptAt };
}
