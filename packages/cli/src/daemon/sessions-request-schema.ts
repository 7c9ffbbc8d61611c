import { z } from 'zod';

/**
 * The one request the daemon serves (daemon-protocol.ts), checked before it is answered. Only the
 * daemon loads this module: `ao ls` (fast-ls.ts) imports the type alone, so it never loads zod.
 */
export const sessionsRequestSchema = z.object({
  op: z.literal('sessions'),
  all: z.boolean(),
  build: z.string(),
  staleAfterMs: z.number().nonnegative(),
  noSignalAfterMs: z.number().nonnegative(),
});

export type SessionsRequest = z.infer<typeof sessionsRequestSchema>;
