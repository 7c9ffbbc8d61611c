import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { AO_BIN } from './ao-harness.js';
import { waitFor } from './runtime-harness.js';

export interface RunningDaemon {
  url: string;
  token: string;
  process: ResultPromise;
}

/** Starts a real `ao daemon` for aoHome and waits until its API answers. */
export async function startApiDaemon(aoHome: string, env: Record<string, string> = {}, args: string[] = []): Promise<RunningDaemon> {
  const child = execa(AO_BIN, ['daemon', ...args], { env: { AO_HOME: aoHome, AO_SESSION_ID: '', ...env }, reject: false });
  const info = await waitFor('the daemon to write run/api.json', async () => {
    try {
      const parsed = JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8')) as { url: string; pid: number };
      return parsed.pid === child.pid ? parsed : undefined;
    } catch {
      return undefined;
    }
    // A hang guard, not a timing check: a daemon starting on a loaded 2-core CI machine took over 15 s.
  }, 60_000);
  return { url: info.url, token: readFileSync(join(aoHome, 'api-token'), 'utf8').trim(), process: child };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  text: string;
}

/**
 * One HTTP request with full control of the headers (fetch will not send a foreign Host): what a
 * browser, curl or an attacker's page would send.
 */
export function rawRequest(url: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  const target = new URL(options.path, url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = text === '' ? null : JSON.parse(text);
          } catch {
            body = text;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      },
    );
    // A server may answer before it has read the whole body (413) and close: the answer is what counts.
    let answered = false;
    req.on('response', () => {
      answered = true;
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(options.body);
  });
}

/** An authorised JSON call. */
export function api(daemon: RunningDaemon, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(daemon.url, {
    method,
    path,
    headers: { authorization: `Bearer ${daemon.token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}
