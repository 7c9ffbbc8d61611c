/**
 * The HTTP API from a benchmark's side: a real `ao daemon` serving it, a warm keep-alive client,
 * and Server-Sent Events subscribers that note when each event arrives.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AO, sleep, waitUntil } from './bench-home.mjs';

function readApiInfo(aoHome) {
  try {
    return JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Starts `ao daemon` for aoHome and waits until it has written run/api.json. `stop()` ends it
 * (SIGTERM, then SIGKILL); should the bench die before calling it, the exit hook kills it anyway,
 * so no daemon outlives a failed run.
 */
export async function startApiDaemon(aoHome) {
  const child = spawn(AO, ['daemon'], { env: { ...process.env, AO_HOME: aoHome, AO_SESSION_ID: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if ((await Promise.race([exited.then(() => 'exited'), sleep(3000)])) !== 'exited') {
      child.kill('SIGKILL');
      await exited;
    }
  };
  try {
    // The launcher execs node, so the daemon's pid is the child's.
    const info = await waitUntil(() => {
      if (child.exitCode !== null) throw new Error(`ao daemon exited (${child.exitCode}): ${stderr}`);
      const found = readApiInfo(aoHome);
      return found?.pid === child.pid && found;
    });
    return { url: info.url, token: readFileSync(join(aoHome, 'api-token'), 'utf8').trim(), pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A client that keeps one connection open (as a dashboard would) and times each GET from sending
 * it to the last byte of the answer; parsing the body is not counted. `reused` says the request
 * went over the already open connection.
 */
export function keepAliveClient(daemon) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(daemon.url);
  const get = (path) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const req = request({ agent, host: target.hostname, port: target.port, path, headers: { authorization: `Bearer ${daemon.token}` } }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - start;
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`GET ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
          resolve({ ms, reused: req.reusedSocket, body: () => JSON.parse(text) });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

/**
 * One subscriber of `GET /v1/events/stream?after=SEQ` on its own connection. `onEvent(event,
 * arrivedAt)` gets each event's parsed data and the performance.now() at which its bytes arrived.
 * Resolves once the stream is open (its `retry:` line has arrived).
 */
export function subscribeEvents(daemon, after, onEvent) {
  const target = new URL(daemon.url);
  return new Promise((resolve, reject) => {
    let buffered = '';
    let opened = false;
    const req = request(
      { agent: false, host: target.hostname, port: target.port, path: `/v1/events/stream?after=${after}`, headers: { authorization: `Bearer ${daemon.token}`, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`event stream: HTTP ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          const arrivedAt = performance.now();
          buffered += chunk;
          let end;
          while ((end = buffered.indexOf('\n\n')) !== -1) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            if (!opened && block.startsWith('retry:')) {
              opened = true;
              resolve({ close: () => req.destroy() });
            }
            const data = block.split('\n').find((line) => line.startsWith('data:'));
            if (data) onEvent(JSON.parse(data.slice(5).trimStart()), arrivedAt);
          }
        });
      },
    );
    req.on('error', (error) => {
      if (!opened) reject(error);
    });
    req.end();
  });
}
