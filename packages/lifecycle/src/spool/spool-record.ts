import { spoolHeaderSchema, type CapturedSignal } from '@ao/activity-dispatch';

/** Reads a spool record back (see spool-format.ts for the layout). */

export type DecodeResult = { ok: true; signal: CapturedSignal } | { ok: false; reason: string };

export function decodeSpoolRecord(spoolId: string, bytes: Buffer): DecodeResult {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return { ok: false, reason: 'no header line' };
  let headerJson: unknown;
  try {
    headerJson = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
  } catch {
    return { ok: false, reason: 'header is not JSON' };
  }
  const header = spoolHeaderSchema.safeParse(headerJson);
  if (!header.success) return { ok: false, reason: `invalid header: ${header.error.issues[0]?.message ?? 'unknown'}` };
  const body = bytes.subarray(newline + 1).toString('utf8');
  let payload: unknown;
  let payloadMalformed = false;
  try {
    payload = body.trim().length === 0 ? undefined : JSON.parse(body);
    if (payload === undefined) payloadMalformed = true;
  } catch {
    payloadMalformed = true;
  }
  return { ok: true, signal: { ...header.data, spoolId, payload, payloadMalformed } };
}
