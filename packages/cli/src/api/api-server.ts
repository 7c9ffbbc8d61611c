import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { CliContext } from '../cli-context.js';
import { createApiApp } from './api-app.js';
import { removeApiInfo, writeApiInfo } from './api-info.js';
import { ensureApiToken } from './api-token.js';
import type { EventHub } from './event-hub.js';
import { DEFAULT_KEEP_ALIVE_MS } from './event-stream.js';
import { BrowserLogins } from '../dashboard/browser-logins.js';

export interface ApiOptions {
  /** 0: a port the system picks. */
  port: number;
  /** The address to bind; 127.0.0.1 unless the user asked for another. */
  listen: string;
}

export interface ApiServer {
  url: string;
  stop(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Starts the HTTP API and writes `$AO_HOME/run/api.json` once it listens. */
export async function startApiServer(context: CliContext, hub: EventHub, options: ApiOptions, version: string): Promise<ApiServer> {
  const token = ensureApiToken(context.paths.home);
  const keepAliveMs = Number(context.env.AO_SSE_KEEPALIVE_MS) > 0 ? Number(context.env.AO_SSE_KEEPALIVE_MS) : DEFAULT_KEEP_ALIVE_MS;
  let port = options.port;
  const logins = new BrowserLogins(context.paths.home);
  const settings = { token, version, keepAliveMs, logins, listenAddress: LOOPBACK.has(options.listen) ? null : options.listen, get port() { return port; } };
  const app = createApiApp(context, hub, settings);
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.listen });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  const host = options.listen.includes(':') ? `[${options.listen}]` : options.listen;
  const url = `http://${host}:${port}`;
  writeApiInfo(context.paths.home, { url, pid: process.pid, keepAliveMs });
  return {
    url,
    stop: () => {
      removeApiInfo(context.paths.home, process.pid);
      server.close();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    },
  };
}
