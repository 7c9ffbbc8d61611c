import type { LifecycleLogger } from '@ao/lifecycle';
import { parseCount } from '../parse-values.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

export interface NotifierTuning {
  groupWindowMs: number;
  retry: RetryPolicy;
  maxConcurrentSends: number;
}

export const DEFAULT_GROUP_WINDOW_MS = 1500;
const MAX_CONCURRENT_SENDS = 4;

/**
 * The notifier's timings. Settable through the environment for tests and the benchmark (a test
 * cannot wait out a 2 s backoff eight times): AO_NOTIFY_GROUP_WINDOW_MS, AO_NOTIFY_RETRY_BASE_MS,
 * AO_NOTIFY_MAX_ATTEMPTS. A malformed value is logged and the default kept: the daemon must run.
 */
export function notifierTuning(env: NodeJS.ProcessEnv, logger: LifecycleLogger): NotifierTuning {
  const read = (name: string, fallback: number, min = 0): number => {
    try {
      return parseCount(env[name] === '' ? undefined : env[name], name, { min }) ?? fallback;
    } catch (error) {
      logger.warn({ error: (error as Error).message }, 'ignoring a notification setting');
      return fallback;
    }
  };
  return {
    groupWindowMs: read('AO_NOTIFY_GROUP_WINDOW_MS', DEFAULT_GROUP_WINDOW_MS),
    retry: {
      ...DEFAULT_RETRY_POLICY,
      baseDelayMs: read('AO_NOTIFY_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 1),
      maxAttempts: read('AO_NOTIFY_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts, 1),
    },
    maxConcurrentSends: MAX_CONCURRENT_SENDS,
  };
}
