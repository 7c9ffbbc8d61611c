import { connect, type Socket } from 'node:net';

/**
 * The client side of ao's unix sockets (the session host's, the daemon's): newline-delimited JSON
 * requests, answered by one JSON line, or by a JSON header line `{ok, bytes}` and that many bytes.
 * Written once for every client; imports nothing but node:net, so `ao ls` can use it.
 */

export type SocketFailure = 'unreachable' | 'timeout' | 'closed';

/** The peer could not be reached, did not answer in time, or hung up without a complete answer. */
export class SocketClientError extends Error {
  constructor(
    readonly failure: SocketFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SocketClientError';
  }
}

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

/** Connects; rejects with SocketClientError('unreachable') naming `peer` ("the session host"). */
export function openSocket(path: string, peer: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    let socket: Socket;
    try {
      socket = connect(path);
    } catch (error) {
      return reject(unreachable(peer, error));
    }
    const onError = (error: unknown) => reject(unreachable(peer, error));
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

function unreachable(peer: string, error: unknown): SocketClientError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new SocketClientError('unreachable', `cannot reach ${peer} (${reason})`);
}

export interface RequestOptions {
  /** Who answers, for error messages: "the session host", "the daemon". */
  peer: string;
  timeoutMs: number;
}

/** Sends one request line and resolves with the first JSON line answered; the connection is then closed. */
export function requestLine(path: string, request: object, options: RequestOptions): Promise<unknown> {
  return exchange(path, request, options, (received) => {
    const newline = received.indexOf(0x0a);
    if (newline < 0) return undefined;
    try {
      return { value: JSON.parse(received.subarray(0, newline).toString('utf8')) };
    } catch {
      return { value: undefined }; // not JSON: answered, but with nothing the caller can use
    }
  });
}

/**
 * Sends one request line; the answer is a JSON header line `{ok:true, bytes}` and then exactly
 * `bytes` bytes, resolved as the body. A refusal (`{ok:false}`) or a malformed header resolves null.
 */
export function requestBody(path: string, request: object, options: RequestOptions): Promise<Buffer | null> {
  return exchange(path, request, options, (received, ended) => {
    const newline = received.indexOf(0x0a);
    if (newline < 0) return undefined;
    let header: { ok?: unknown; bytes?: unknown };
    try {
      header = JSON.parse(received.subarray(0, newline).toString('utf8'));
    } catch {
      return { value: null };
    }
    if (header?.ok !== true || typeof header.bytes !== 'number') return { value: null };
    const body = received.subarray(newline + 1);
    // The peer ends the connection after the body: more or fewer bytes than announced is a broken answer.
    if (!ended) return undefined;
    return { value: body.length === header.bytes ? body : null };
  });
}

/**
 * Connects, writes the request, feeds every byte received to `complete` until it returns the
 * answer (`ended` once the peer closed its side); times out and reports a hang-up as errors.
 */
function exchange<T>(path: string, request: object, options: RequestOptions, complete: (received: Buffer, ended: boolean) => { value: T } | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    let socket: Socket;
    try {
      socket = connect(path);
    } catch (error) {
      return reject(unreachable(options.peer, error));
    }
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(new SocketClientError('timeout', `${options.peer} did not answer within ${options.timeoutMs} ms`))),
      options.timeoutMs,
    );
    const chunks: Buffer[] = [];
    const check = (ended: boolean) => {
      const answer = complete(Buffer.concat(chunks), ended);
      if (answer) settle(() => resolve(answer.value));
      else if (ended) settle(() => reject(new SocketClientError('closed', `${options.peer} closed the connection without answering`)));
    };
    socket.once('error', (error) => settle(() => reject(unreachable(options.peer, error))));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      check(false);
    });
    socket.once('end', () => check(true));
    socket.write(encodeLine(request));
  });
}
