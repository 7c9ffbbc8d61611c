import { z } from 'zod';

import { SESSION_ID_PATTERN, TOKEN_PATTERN } from './signal-patterns.js';

/**
 * The header line of a spool record. The capture path writes this line, a newline, then the raw
 * payload bytes exactly as the harness sent them; ingestion parses both.
 */
export const spoolHeaderSchema = z.object({
  v: z.literal(1),
  harness: z.string().regex(TOKEN_PATTERN),
  event: z.string().regex(TOKEN_PATTERN),
  sessionId: z.string().regex(SESSION_ID_PATTERN),
  launchId: z.string().regex(SESSION_ID_PATTERN).nullable(),
  /** Nanoseconds since the epoch, as a decimal string (too large for a JS number). */
  capturedAt: z.string().regex(/^[0-9]{1,20}$/),
});
export type SpoolHeader = z.infer<typeof spoolHeaderSchema>;

/** A captured signal once read back from the spool. */
export interface CapturedSignal extends SpoolHeader {
  /** The spool record's file name: unique, and the idempotency key of its ingestion. */
  spoolId: string;
  /** The parsed payload, or undefined when the bytes were not valid JSON. */
  payload: unknown;
  payloadMalformed: boolean;
}
