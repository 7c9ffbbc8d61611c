import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.mjs';

const AO = fileURLToPath(new URL('../packages/cli/bin/ao', import.meta.url));
const FIXTURE = JSON.parse(readFileSync(fileURLToPath(new URL('../packages/adapters/claude-code/fixtures/tui-permission-approved.json', import.meta.url)), 'utf8'));
const payloadOf = (nativeEvent) => JSON.stringify(FIXTURE.signals.find((signal) => signal.nativeEvent === nativeEvent).payload);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, predicate, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** Runs the hook command ao installs, through `sh -c` with the payload on stdin, without blocking this process's event loop. */
function fireHook(env, sessionId, event, payload) {
  const child = spawn('sh', ['-c', `'${AO}' hooks claude-code ${event} --session ${sessionId}`], { env, stdio: ['pipe', 'ignore', 'ignore'] });
  child.stdin.end(payload);
  return once(child, 'exit');
}

/**
 * A needs-input hook signal to the webhook POST on 127.0.0.1, with the daemon's default settings
 * (a 1.5 s grouping window: episodes are spaced beyond it, so each is a lone notification, which is
 * never held). Baseline, same episodes: the same signal to its transition on the API's SSE stream
 * (hook → spool → ingestion → event hub), the path every notification rides on before its own work
 * (decision, store, POST).
 */
export async function benchNotifyLatency(episodes = 30) {
  const aoHome = mkdtempSync(join(tmpdir(), 'ao-bench-notify-'));
  const env = { ...process.env, AO_HOME: aoHome, AO_SESSION_ID: '', AO_LAUNCH_ID: '' };
  const ao = (args) => JSON.parse(execFileSync(AO, [...args, '--json'], { env, encoding: 'utf8' }));
  const received = new Map(); // request id → arrival
  let hang = false; // a receiver that never answers, for the second half
  const server = createServer((req, res) => {
    if (hang) return; // left open: the daemon's send times out
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const notification of body.kind === 'group' ? body.notifications : [body]) if (notification.request) received.set(notification.request.id, at);
      res.end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const daemon = spawn(AO, ['daemon'], { env, stdio: 'ignore' });
  const streaming = new AbortController();
  try {
    ao(['notify', 'set', '--desktop', 'off']);
    ao(['notify', 'add-webhook', `http://127.0.0.1:${server.address().port}/hook`]);
    const project = join(aoHome, 'project');
    mkdirSync(project);
    const { id } = ao(['register', '--agent', 'claude-code', '--cwd', project, '--pid', String(process.pid)]);
    await until('the daemon API', () => existsSync(join(aoHome, 'run', 'api.json')));
    const { url } = JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8'));
    const token = readFileSync(join(aoHome, 'api-token'), 'utf8').trim();

    // The SSE stream: arrival of each transition of the session, by its target state, in order.
    const streamed = { blocked: [], idle: [] };
    const response = await fetch(`${url}/v1/events/stream?session=${id}`, { headers: { authorization: `Bearer ${token}` }, signal: streaming.signal });
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((line) => line.startsWith('data:'));
            if (!data) continue;
            const event = JSON.parse(data.slice(5));
            if (event.type === 'transition' && streamed[event.to]) streamed[event.to].push(performance.now());
          }
        }
      } catch {
        // aborted at the end
      }
    })();

    const toWebhook = [];
    const toStream = [];
    for (let episode = 1; episode <= episodes; episode++) {
      const start = performance.now();
      await fireHook(env, id, 'permission-request', payloadOf('PermissionRequest'));
      const delivered = await until(`request r${episode} at the webhook`, () => received.get(`${id}.r${episode}`));
      const streamedAt = await until(`transition ${episode} on the stream`, () => streamed.blocked[episode - 1]);
      toWebhook.push(delivered - start);
      toStream.push(streamedAt - start);
      await fireHook(env, id, 'stop', payloadOf('Stop'));
      await until('the turn to end', () => streamed.idle[episode - 1]);
      await sleep(Math.max(0, delivered + 1600 - performance.now())); // past the grouping window
    }

    // The same signals while the webhook hangs (each send waits out its 5 s timeout): ingestion and
    // the stream must not wait with it.
    hang = true;
    const whileHung = [];
    for (let episode = 1; episode <= episodes; episode++) {
      const start = performance.now();
      await fireHook(env, id, 'permission-request', payloadOf('PermissionRequest'));
      whileHung.push((await until(`transition ${episode} on the stream (webhook hung)`, () => streamed.blocked[episodes + episode - 1])) - start);
      await fireHook(env, id, 'stop', payloadOf('Stop'));
      await until('the turn to end', () => streamed.idle[episodes + episode - 1]);
    }
    const p50 = percentile(toWebhook, 50);
    const p99 = percentile(toWebhook, 99);
    return [
      {
        name: `needs-input hook → webhook POST on 127.0.0.1 (${episodes} episodes)`,
        p50,
        p99,
        baseline: percentile(toStream, 50),
        baselineP99: percentile(toStream, 99),
        target: 'p99 ≤ 1 s',
        pass: p99 <= 1000 && received.size === episodes,
      },
      {
        name: `needs-input hook → SSE stream while the webhook hangs (${episodes} episodes)`,
        p50: percentile(whileHung, 50),
        p99: percentile(whileHung, 99),
        baseline: percentile(toStream, 50),
        baselineP99: percentile(toStream, 99),
        target: 'p50 ≤ 1.5× (ingestion not held up)',
        pass: percentile(whileHung, 50) <= 1.5 * percentile(toStream, 50),
      },
    ];
  } finally {
    streaming.abort();
    daemon.kill('SIGTERM');
    await once(daemon, 'exit').catch(() => {});
    server.closeAllConnections();
    server.close();
    rmSync(aoHome, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchNotifyLatency(Number(process.argv[2] ?? 30)));
