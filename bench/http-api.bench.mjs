import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Store, aoPaths } from '@ao/lifecycle';
import { keepAliveClient, startApiDaemon, subscribeEvents } from './api-client.mjs';
import { AO, recordedSignals, removeHome, seedRealisticStore } from './bench-home.mjs';
import { median, percentile } from './stats.mjs';

/** How long one hook signal may take to reach every subscriber before the run is called broken. */
const SIGNAL_TIMEOUT_MS = 10_000;
const PAGE = 1000;

function logSize(aoHome) {
  const store = Store.open(aoPaths(aoHome).database);
  try {
    return store.maxEventSeq();
  } finally {
    store.close();
  }
}

/**
 * `GET /v1/sessions` and a 1,000-event page of `GET /v1/events` from a warm keep-alive client,
 * each request interleaved with a `GET /v1/health` on the same connection: the HTTP round trip
 * with no work behind it, so machine noise hits result and baseline alike.
 */
async function timeReads(client, sessions, requests) {
  const samples = { health: [], sessions: [], page: [] };
  const run = async (record) => {
    const health = await client.get('/v1/health');
    const list = await client.get('/v1/sessions');
    const page = await client.get(`/v1/events?limit=${PAGE}`);
    if (!record) return;
    if (![health, list, page].every((answer) => answer.reused)) throw new Error('the keep-alive connection was not reused');
    samples.health.push(health.ms);
    samples.sessions.push(list.ms);
    samples.page.push(page.ms);
  };
  for (let i = 0; i < 10; i++) await run(false); // warm-up: JIT, SQLite page cache, the connection
  for (let i = 0; i < requests; i++) await run(true);
  const listed = (await client.get('/v1/sessions')).body().sessions.length;
  if (listed !== sessions) throw new Error(`GET /v1/sessions lists ${listed} of ${sessions} sessions`);
  const paged = (await client.get(`/v1/events?limit=${PAGE}`)).body().events.length;
  if (paged !== PAGE) throw new Error(`GET /v1/events?limit=${PAGE} answered ${paged} events`);
  return samples;
}

/**
 * Event stream subscribers that record, for the signal in flight, when each of them received the
 * first event of its session: `fire()` runs the real hook command and resolves once every
 * subscriber has it.
 */
function signalProbe(daemon, aoHome, payload) {
  const subscribers = [];
  let lastSeq = logSize(aoHome);
  let inFlight = null;
  const onEvent = (index) => (event, arrivedAt) => {
    lastSeq = Math.max(lastSeq, event.seq);
    const signal = inFlight;
    if (!signal || event.sessionId !== signal.sessionId || event.seq <= signal.after || signal.arrivals.has(index)) return;
    // Wall clock too: the event's `at` is the capture time the hook recorded (ms).
    signal.arrivals.set(index, { fromLaunch: arrivedAt - signal.launchedAt, fromCapture: performance.timeOrigin + arrivedAt - Date.parse(event.at) });
    if (signal.arrivals.size === subscribers.length) signal.done();
  };
  return {
    subscribers,
    async subscribe(count) {
      while (subscribers.length < count) subscribers.push(await subscribeEvents(daemon, lastSeq, onEvent(subscribers.length)));
    },
    unsubscribe(count) {
      while (subscribers.length > count) subscribers.pop().close();
    },
    async fire(sessionId) {
      let done;
      const arrived = new Promise((resolve) => (done = resolve));
      inFlight = { sessionId, after: lastSeq, arrivals: new Map(), done, launchedAt: performance.now() };
      const hook = spawn(AO, ['hooks', 'claude-code', 'user-prompt-submit', '--session', sessionId], {
        env: { ...process.env, AO_HOME: aoHome, AO_SESSION_ID: '' },
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      const exited = new Promise((resolve) => hook.once('exit', resolve));
      hook.stdin.end(payload);
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${inFlight.arrivals.size} of ${subscribers.length} subscribers got the signal for ${sessionId} within ${SIGNAL_TIMEOUT_MS} ms`)), SIGNAL_TIMEOUT_MS);
      });
      try {
        await Promise.race([Promise.all([arrived, exited]), timeout]);
      } finally {
        clearTimeout(timer);
      }
      const arrivals = [...inFlight.arrivals.values()];
      inFlight = null;
      return arrivals;
    },
    close() {
      this.unsubscribe(0);
    },
  };
}

/**
 * Hook signal to SSE subscriber: `ao hooks claude-code user-prompt-submit --session <id>` run
 * through the real launcher, one at a time, each on another Claude Code session, timed from
 * launching it until each subscriber has its event. The 1-subscriber and `clients`-subscriber
 * rounds alternate in blocks, so a noisy stretch of the machine falls on both.
 */
async function timeSignalToStream(daemon, aoHome, sessionIds, signals, clients) {
  const payload = JSON.stringify(recordedSignals('claude-code').find((signal) => signal.event === 'user-prompt-submit').payload);
  const probe = signalProbe(daemon, aoHome, payload);
  const samples = { one: [], many: [] };
  let next = 0;
  const fireMany = async (count, into) => {
    for (let i = 0; i < count; i++) {
      const arrivals = await probe.fire(sessionIds[next++ % sessionIds.length]);
      if (into) into.push(...arrivals);
    }
  };
  const blocks = 4;
  try {
    for (let block = 0; block < blocks; block++) {
      probe.unsubscribe(1);
      await probe.subscribe(1);
      await fireMany(3); // warm-up
      await fireMany(signals / blocks, samples.one);
      await probe.subscribe(clients);
      await fireMany(3);
      await fireMany(signals / blocks, samples.many);
    }
  } finally {
    probe.close();
  }
  return samples;
}

/**
 * The HTTP API of `ao daemon` over the same realistic store as `ao ls` (1,000 sessions, 20 real
 * recorded payloads each): list and event page reads against the health check on the same
 * connection, and hook signal to event stream latency with `clients` subscribers against one.
 */
export async function benchHttpApi({ sessions = 1000, signalsPerSession = 20, requests = 60, signals = 100, clients = 50 } = {}) {
  const aoHome = mkdtempSync(join(tmpdir(), 'ao-bench-api-'));
  let daemon;
  let client;
  try {
    seedRealisticStore(aoHome, sessions, signalsPerSession);
    const events = logSize(aoHome);
    daemon = await startApiDaemon(aoHome);
    client = keepAliveClient(daemon);
    const reads = await timeReads(client, sessions, requests);
    const claudeSessions = (await client.get('/v1/sessions')).body().sessions.filter((session) => session.harness === 'claude-code').map((session) => session.id);
    const stream = await timeSignalToStream(daemon, aoHome, claudeSessions, signals, clients);
    const health = median(reads.health);
    const fromLaunch = (arrivals) => arrivals.map((arrival) => arrival.fromLaunch);
    const fromCapture = (arrivals) => arrivals.map((arrival) => arrival.fromCapture);
    return {
      list: {
        name: `GET /v1/sessions, ${sessions} sessions × ${signalsPerSession} recorded signals, warm keep-alive client (${requests} requests)`,
        p50: median(reads.sessions),
        p95: percentile(reads.sessions, 95),
        baseline: health,
        target: 'p50 ≤ 10 ms',
        pass: median(reads.sessions) <= 10,
      },
      page: {
        name: `GET /v1/events?limit=${PAGE} over a log of ${events.toLocaleString('en')} events, warm keep-alive client (${requests} requests)`,
        p50: median(reads.page),
        p95: percentile(reads.page, 95),
        baseline: health,
        target: 'report',
      },
      stream: {
        name: `hook signal to SSE subscriber, ${clients} subscribers on /v1/events/stream, from launching \`ao hooks\` (sh launcher) to arrival, ${signals} signals × ${clients} subscribers`,
        p50: median(fromLaunch(stream.many)),
        p99: percentile(fromLaunch(stream.many), 99),
        fromCaptureP50: median(fromCapture(stream.many)),
        fromCaptureP99: percentile(fromCapture(stream.many), 99),
        baselineP50: median(fromLaunch(stream.one)),
        baselineP99: percentile(fromLaunch(stream.one), 99),
        target: 'p99 ≤ 100 ms',
        pass: percentile(fromLaunch(stream.many), 99) <= 100,
      },
    };
  } finally {
    client?.close();
    await daemon?.stop();
    await removeHome(aoHome);
  }
}
