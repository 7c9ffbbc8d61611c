import { SESSION_ID_PATTERN, TOKEN_PATTERN } from '@ao/activity-dispatch';
import type { SpoolHeaderFields } from './spool-format.js';
import type { JsonTrim } from './bounded-json.js';
import { decodePayload } from './payload-decode.js';
import { SPOOL_HEADER_CAP_BYTES } from './spool-limits.js';

/** A captured signal once read back from the spool. */
export interface CapturedSignal extends SpoolHeaderFields {
  /** The spool record's file name: unique, and the idempotency key of its ingestion. */
  spoolId: string;
  /** The parsed payload, or undefined when the bytes were not valid JSON. */
  payload: unknown;
  payloadMalformed: boolean;
  /** What was dropped of a payload too deep or too big to keep whole (empty when kept whole). */
  payloadTrimmed: JsonTrim[];
}

/**
 * Validates a header line. Hand-written rather than zod: six fields and two patterns, and zod's
 * ~45 ms import would cost every command that ingests more than the whole hook budget.
 */
function parseHeader(value: unknown): SpoolHeaderFields | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const header = value as Record<string, unknown>;
  if (header.v !== 1) return 'unknown version';
  const { harness, event, sessionId, launchId, capturedAt } = header;
  if (typeof harness !== 'string' || !TOKEN_PATTERN.test(harness)) return 'bad harness';
  if (typeof event !== 'string' || !TOKEN_PATTERN.test(event)) return 'bad event';
  if (typeof sessionId !== 'string' || !SESSION_ID_PATTERN.test(sessionId)) return 'bad session id';
  if (launchId !== null && (typeof launchId !== 'string' || !SESSION_ID_PATTERN.test(launchId))) return 'bad launch id';
  if (typeof capturedAt !== 'string' || !/^[0-9]{1,20}$/.test(capturedAt)) return 'bad capture time';
  // Optional: records captured before these fields existed have neither.
  const sessionArg = header.sessionArg ?? null;
  if (sessionArg !== null && (typeof sessionArg !== 'string' || !SESSION_ID_PATTERN.test(sessionArg))) return 'bad session argument';
  const firer = header.firer ?? null;
  if (firer !== null && (typeof firer !== 'number' || !Number.isSafeInteger(firer) || firer <= 0)) return 'bad firer pid';
  return { harness, event, sessionId, launchId, capturedAt, sessionArg, firer };
}

/** Reads a spool record back (see spool-format.ts for the layout). */

export type DecodeResult = { ok: true; signal: CapturedSignal } | { ok: false; reason: string };

export function decodeSpoolRecord(spoolId: string, bytes: Buffer): DecodeResult {
  // Look for the header's end only where a header can be: a record of one long line is not one.
  const newline = bytes.subarray(0, SPOOL_HEADER_CAP_BYTES + 1).indexOf(0x0a);
  if (newline < 0) return { ok: false, reason: bytes.length > SPOOL_HEADER_CAP_BYTES ? 'header line too long' : 'no header line' };
  let headerJson: unknown;
  try {
    headerJson = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
  } catch {
    return { ok: false, reason: 'header is not JSON' };
  }
  const header = parseHeader(headerJson);
  if (typeof header === 'string') return { ok: false, reason: `invalid header: ${header}` };
  const { payload, malformed, trimmed } = decodePayload(bytes.subarray(newline + 1));
  return { ok: true, signal: { ...header, spoolId, payload, payloadMalformed: malformed, payloadTrimmed: trimmed } };
}
