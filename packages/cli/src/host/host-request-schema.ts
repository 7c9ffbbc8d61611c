import { z } from 'zod';

/**
 * The requests a session host accepts on its socket (host-protocol.ts), checked by the host before
 * it acts on them: a client is another process, possibly of another ao version. Only the host
 * loads this module (it imports zod); clients import the type from host-protocol.ts.
 */
export const hostRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('status') }),
  z.object({ op: z.literal('send'), text: z.string(), submit: z.boolean() }),
  z.object({ op: z.literal('write'), data: z.base64() }),
  z.object({ op: z.literal('resize'), cols: z.number().int().positive(), rows: z.number().int().positive() }),
  z.object({ op: z.literal('kill'), graceMs: z.number().nonnegative() }),
  z.object({ op: z.literal('screen') }),
  z.object({ op: z.literal('attach'), replay: z.boolean() }),
]);

export type HostRequest = z.infer<typeof hostRequestSchema>;
