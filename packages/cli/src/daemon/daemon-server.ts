import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import type { CliContext } from '../cli-context.js';
import { lineReader } from '../socket-client.js';
import { prepareSocketDirectory } from '../socket-place.js';
import { buildId, daemonSocketPath } from './daemon-protocol.js';
import { sessionsRequestSchema } from './sessions-request-schema.js';
import { validate } from '../validated-json.js';
import { sessionsAnswerer } from './sessions-answer.js';

/**
 * Serves `ao ls` from the daemon's open store: the client then loads neither SQLite nor the
 * commands, which is most of what `ao ls` costs. Every answer follows an ingestion of the spool
 * and a transcript check, and is rendered from the store (or reused while identical to that:
 * sessions-answer.ts), so it is exactly what the client would have read itself.
 */
export interface DaemonServer {
  /** Stops listening and drops every open connection (a stopped or slow client must not keep the daemon alive). */
  stop(): void;
}

export async function startDaemonServer(context: CliContext): Promise<DaemonServer> {
  prepareSocketDirectory(context.paths.home);
  const path = daemonSocketPath(context.paths.home);
  rmSync(path, { force: true });
  const build = buildId();
  const answer = sessionsAnswerer(context);
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on(
      'data',
      lineReader(async (message) => {
        const checked = validate(sessionsRequestSchema, message);
        if (!checked.ok || checked.value.build !== build) {
          socket.end(`${JSON.stringify({ ok: false, error: checked.ok ? 'another ao build' : `unsupported request: ${checked.error}` })}\n`);
          return;
        }
        const request = checked.value;
        try {
          await context.ingest();
          const body = answer(request);
          socket.write(`${JSON.stringify({ ok: true, bytes: body.length })}\n`);
          socket.end(body);
        } catch (error) {
          socket.end(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
        }
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      try {
        chmodSync(path, 0o600);
        resolve();
      } catch (error) {
        server.close();
        reject(error);
      }
    });
  });
  return {
    stop: () => {
      server.close();
      for (const socket of connections) socket.destroy();
    },
  };
}
