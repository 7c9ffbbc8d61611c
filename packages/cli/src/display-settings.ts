import { DEFAULT_NO_SIGNAL_AFTER_MS, DEFAULT_STALE_AFTER_MS, type DisplayOptions } from '@ao/lifecycle';

function seconds(value: string | undefined, fallbackMs: number): number {
  if (value === undefined || !/^[0-9]+(\.[0-9]+)?$/.test(value)) return fallbackMs;
  return Number(value) * 1000;
}

/** Display thresholds, configurable with AO_STALE_AFTER_SECONDS and AO_NO_SIGNAL_AFTER_SECONDS. */
export function displayOptions(env: NodeJS.ProcessEnv, now: number): DisplayOptions {
  return {
    now,
    staleAfterMs: seconds(env.AO_STALE_AFTER_SECONDS, DEFAULT_STALE_AFTER_MS),
    noSignalAfterMs: seconds(env.AO_NO_SIGNAL_AFTER_SECONDS, DEFAULT_NO_SIGNAL_AFTER_MS),
  };
}
