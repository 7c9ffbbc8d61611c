import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requestBody, requestLine, SocketClientError } from '../src/socket-client.js';
import { tempDir } from './ao-harness.js';

/** The one request/reply client, against real unix sockets served the ways a peer may misbehave. */
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(onRequest: (socket: Socket, line: string) => void): Promise<string> {
  const path = join(tempDir('sock-'), 's.sock');
  const server = createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', (chunk) => onRequest(socket, chunk.toString('utf8')));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return path;
}

const options = { peer: 'the test peer', timeoutMs: 2000 };

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SocketClientError);
  return `${(error as SocketClientError).failure}: ${(error as Error).message}`;
}

describe('socket client', () => {
  it('one line answered: the request went out as one JSON line and the answer comes back decoded', async () => {
    const path = await serve((socket, line) => socket.write(`${JSON.stringify({ ok: true, echo: JSON.parse(line) })}\n`));
    expect(await requestLine(path, { op: 'status' }, options)).toEqual({ ok: true, echo: { op: 'status' } });
  });

  it('a length-prefixed body is returned only when exactly the announced bytes arrive', async () => {
    const exact = await serve((socket) => socket.end(`${JSON.stringify({ ok: true, bytes: 5 })}\nhello`));
    expect((await requestBody(exact, {}, options))?.toString()).toBe('hello');
    const short = await serve((socket) => socket.end(`${JSON.stringify({ ok: true, bytes: 9 })}\nhello`));
    expect(await requestBody(short, {}, options)).toBeNull();
    const refused = await serve((socket) => socket.end(`${JSON.stringify({ ok: false, error: 'another ao build' })}\n`));
    expect(await requestBody(refused, {}, options)).toBeNull();
  });

  it('no peer, a hang-up and silence are typed errors naming the peer', async () => {
    expect(await failure(requestLine(join(tempDir('sock-'), 'none.sock'), {}, options))).toBe('unreachable: cannot reach the test peer (ENOENT)');
    const hangsUp = await serve((socket) => socket.end());
    expect(await failure(requestLine(hangsUp, {}, options))).toBe('closed: the test peer closed the connection without answering');
    const silent = await serve(() => {});
    expect(await failure(requestLine(silent, {}, { ...options, timeoutMs: 50 }))).toBe('timeout: the test peer did not answer within 50 ms');
  });
});
