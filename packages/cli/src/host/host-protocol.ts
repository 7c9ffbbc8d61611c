import { connect, type Socket } from 'node:net';
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

export function encodeLine(message: object): string {
  return `${JSON.stringify(message)}\n`;
}

/** Splits a byte stream into JSON lines; malformed lines are skipped. */
export function lineReader(onMessage: (message: unknown) => void): (chunk: Buffer) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() === '') continue;
      try {
        onMessage(JSON.parse(line));
      } catch {
        // A garbled line is dropped; the protocol carries no state across lines.
      }
    }
  };
}

export class HostUnreachableError extends Error {
  readonly code = 'host_unreachable';
}

/** One request, one reply, then the connection is closed. */
export function requestHost(socketPath: string, request: HostRequest, timeoutMs = 5000): Promise<HostReply> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(socketPath);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new HostUnreachableError(`the session host did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new HostUnreachableError(`cannot reach the session host (${error.code ?? error.message})`));
    });
    socket.on(
      'data',
      lineReader((message) => {
        clearTimeout(timer);
        socket.end();
        resolve(message as HostReply);
      }),
    );
    socket.write(encodeLine(request));
  });
}
