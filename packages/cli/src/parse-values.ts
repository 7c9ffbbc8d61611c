import { invalidArgument } from './cli-error.js';

/**
 * The one reading of numbers a user gives ao (flags, `ao json` input, environment settings). A
 * value that is not what it should be is an error naming the value, never a silent default: a
 * mistyped `--timeout` that quietly became 15 s, or a limit SQLite rejects as "datatype
 * mismatch", leaves the user guessing.
 */

/** setTimeout keeps delays in a signed 32-bit integer of milliseconds; beyond it Node fires at once. */
const MAX_SECONDS = Math.floor(0x7fffffff / 1000);

/** What is echoed of a bad value: enough to recognise it, never a megabyte of it. */
export function quoteValue(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/**
 * A count or a cursor: a non-negative safe integer (`--limit`, `--since`, `--pid`), given as
 * decimal digits or, from JSON, as a number. Undefined stays undefined (the caller's default).
 */
export function parseCount(value: string | number | undefined, name: string, options: { min?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const min = options.min ?? 0;
  const number = typeof value === 'number' ? value : /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    const range = min > 0 ? `an integer from ${min} to ${Number.MAX_SAFE_INTEGER}` : `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`;
    throw invalidArgument(`${name} must be ${range}, got ${quoteValue(value)}`);
  }
  return number;
}

/**
 * A duration in seconds (`--timeout`, `--grace`, `AO_STALE_AFTER_SECONDS`): digits with an
 * optional fraction, at most MAX_SECONDS. Returns seconds; undefined stays undefined.
 */
export function parseSeconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(seconds) || seconds > MAX_SECONDS) {
    throw invalidArgument(`${name} must be a number of seconds from 0 to ${MAX_SECONDS}, like 5 or 0.5, got ${quoteValue(value)}`);
  }
  return seconds;
}
