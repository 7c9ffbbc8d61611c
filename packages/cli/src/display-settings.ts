import { DEFAULT_NO_SIGNAL_AFTER_MS, DEFAULT_STALE_AFTER_MS, type DisplayOptions } from '@ao/lifecycle';
import { parseSeconds } from './parse-values.js';

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  // Empty counts as unset, as for AO_HOME (`AO_STALE_AFTER_SECONDS= ao ls`).
  const seconds = parseSeconds(env[name] === '' ? undefined : env[name], name);
  return seconds === undefined ? fallbackMs : seconds * 1000;
}

/**
 * Display thresholds, configurable with AO_STALE_AFTER_SECONDS and AO_NO_SIGNAL_AFTER_SECONDS.
 * A malformed setting is an invalid_argument error: a silently ignored one would show every
 * session with the default thresholds while the user believes theirs apply.
 */
export function displayOptions(env: NodeJS.ProcessEnv, now: number): DisplayOptions {
  return {
    now,
    staleAfterMs: milliseconds(env, 'AO_STALE_AFTER_SECONDS', DEFAULT_STALE_AFTER_MS),
    noSignalAfterMs: milliseconds(env, 'AO_NO_SIGNAL_AFTER_SECONDS', DEFAULT_NO_SIGNAL_AFTER_MS),
  };
}
