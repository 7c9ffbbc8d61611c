import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { sessionView, type SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { lineReader } from '../host/host-protocol.js';
import { prepareSocketDirectory } from '../socket-place.js';
import { buildId, daemonSocketPath, type SessionsRequest } from './daemon-protocol.js';

/**
 * Serves `ao ls` from the daemon's open store: the client then loads neither SQLite nor the
 * commands, which is most of what `ao ls` costs. Every answer is read fresh from SQLite after
 * ingesting the spool, so it is exactly what the client would have read itself.
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
  // Session rows, reused while the store has not changed: data_version moves when another
  // connection commits, total_changes() when this one does.
  let cached: { key: string; all: boolean; sessions: SessionRecord[] } | undefined;
  const listSessions = (all: boolean): SessionRecord[] => {
    const db = context.store.db;
    const key = `${db.pragma('data_version', { simple: true })}:${(db.prepare('SELECT total_changes() AS n').get() as { n: number }).n}`;
    if (cached?.key !== key || cached.all !== all) cached = { key, all, sessions: context.store.listSessions({ all }) };
    return cached.sessions;
  };
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on(
      'data',
      lineReader(async (message) => {
        const request = message as SessionsRequest;
        if (request?.op !== 'sessions' || request.build !== build) {
          socket.end(`${JSON.stringify({ ok: false, error: 'unsupported request or another ao build' })}\n`);
          return;
        }
        try {
          await context.ingest();
          const now = context.now();
          const options = { now, staleAfterMs: request.staleAfterMs, noSignalAfterMs: request.noSignalAfterMs };
          const body = Buffer.from(`${JSON.stringify(listSessions(request.all === true).map((session) => sessionView(session, options)), null, 2)}\n`);
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
