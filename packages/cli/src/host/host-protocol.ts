import { requestLine } from '../socket-client.js';
import type { HostRequest } from './host-request-schema.js';

/**
 * The session host's control protocol on its unix socket: newline-delimited JSON both ways.
 * Requests get one reply line; `attach` then turns the connection into a stream of `output`
 * events (and accepts `write`/`resize` requests) until either side closes.
 */
// Requests are checked by the host against host-request-schema.ts (zod, which only the host loads).
export type { HostRequest } from './host-request-schema.js';

export type HostReply =
  | { ok: true; agentPid?: number; hostPid?: number; screen?: string; sentAt?: number; alive?: boolean }
  | { ok: false; error: string };

export type HostEvent = { ev: 'output'; data: string /* base64 */ } | { ev: 'exit'; exitCode: number | null; signal: string | null };

/**
 * One request, one reply, then the connection is closed. Rejects with a SocketClientError when the
 * host cannot be reached, does not answer within `timeoutMs`, or hangs up without answering.
 */
export async function requestHost(socketPath: string, request: HostRequest, timeoutMs = 5000): Promise<HostReply> {
  return (await requestLine(socketPath, request, { peer: 'the session host', timeoutMs })) as HostReply;
}
