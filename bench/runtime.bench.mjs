import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, aoPaths } from '@ao/lifecycle';
import { AO, removeHome, seedRealisticStore, sleep, waitUntil } from './bench-home.mjs';
import { median } from './stats.mjs';

function ao(aoHome, args, env = {}) {
  return JSON.parse(execFileSync(AO, [...args, '--json'], { env: { ...process.env, AO_HOME: aoHome, ...env }, encoding: 'utf8' }));
}

function timeCommand(command, args, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function readSession(aoHome, id) {
  const store = Store.open(aoPaths(aoHome).database);
  try {
    return store.getSession(id);
  } finally {
    store.close();
  }
}

function killAll(aoHome) {
  const store = Store.open(aoPaths(aoHome).database);
  for (const session of store.listSessions({ all: true })) {
    for (const pid of [session.pid, session.hostPid]) {
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {}
    }
  }
  store.close();
  try {
    process.kill(JSON.parse(readFileSync(join(aoHome, 'daemon.lock'), 'utf8')).pid, 'SIGTERM');
  } catch {}
}

/**
 * Spawn to first signal: from starting `ao spawn --agent demo` to the demo's first hook applied in
 * the store (the daemon ingests as spool files arrive). Baseline: `node -e 0` in the same run.
 * Death to exited: from SIGKILL of the agent to the store saying `exited` (host → spool → daemon).
 */
export async function benchSessionLatencies(rounds = 5) {
  const aoHome = mkdtempSync(join(tmpdir(), 'ao-bench-rt-'));
  const env = { ...process.env, AO_HOME: aoHome };
  const firstSignal = [];
  const deathToExited = [];
  const baseline = [];
  try {
    ao(aoHome, ['ls']); // creates the store
    spawn(AO, ['daemon'], { env, stdio: 'ignore', detached: true }).unref();
    await waitUntil(() => existsSync(join(aoHome, 'run', 'daemon.sock')));
    for (let round = 0; round < rounds; round++) {
      baseline.push(timeCommand('node', ['-e', '0'], env));
      const start = Date.now();
      const { id, pid } = ao(aoHome, ['spawn', '--agent', 'demo', '--cwd', aoHome]);
      const session = await waitUntil(() => readSession(aoHome, id)?.firstSignalAt && readSession(aoHome, id));
      firstSignal.push(Date.now() - start);
      void session;
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      await waitUntil(() => readSession(aoHome, id)?.activityState === 'exited');
      deathToExited.push(Date.now() - killedAt);
    }
  } finally {
    killAll(aoHome);
    await removeHome(aoHome);
  }
  return [
    { name: 'spawn (demo) to first signal in the store', p50: median(firstSignal), baseline: median(baseline), target: 'report' },
    { name: 'agent SIGKILL to exited in the store (daemon running)', p50: median(deathToExited), baseline: median(baseline), target: '≤ 1 s', pass: median(deathToExited) <= 1000 },
  ];
}

/** RSS of the daemon while 100 idle demo sessions run (each with its own session host). */
export async function benchDaemonRss(sessions = 100) {
  const aoHome = mkdtempSync(join(tmpdir(), 'ao-bench-rss-'));
  try {
    for (let i = 0; i < sessions; i++) ao(aoHome, ['spawn', '--agent', 'demo', '--cwd', aoHome]);
    await sleep(6000); // a few reaper ticks and ingestion of every startup signal
    const daemon = JSON.parse(readFileSync(join(aoHome, 'daemon.lock'), 'utf8')).pid;
    const status = readFileSync(`/proc/${daemon}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]);
    const live = ao(aoHome, ['ls']).length;
    return [{ name: `daemon RSS with ${live} idle demo sessions`, value: rssKb / 1024, target: '≤ 100 MB', pass: rssKb / 1024 <= 100 && live === sessions }];
  } finally {
    killAll(aoHome);
    await removeHome(aoHome);
  }
}

/**
 * `ao ls --json` over 1,000 realistic sessions (20 recorded payloads each): with no daemon, with a
 * daemon serving it, and with that daemon stopped (SIGSTOP), each against `node -e 0` sampled in
 * the same rounds.
 */
export async function benchList(sessions = 1000, rounds = 21, signalsPerSession = 20) {
  const aoHome = mkdtempSync(join(tmpdir(), 'ao-bench-ls-'));
  const env = { ...process.env, AO_HOME: aoHome };
  seedRealisticStore(aoHome, sessions, signalsPerSession);
  const listed = JSON.parse(execFileSync(AO, ['ls', '--json'], { env, encoding: 'utf8' })).length;
  if (listed !== sessions) throw new Error(`ao ls lists ${listed} of ${sessions} sessions`);
  const node = [];
  const sample = (samples) => {
    for (let i = 0; i < rounds; i++) {
      node.push(timeCommand('node', ['-e', '0'], env));
      samples.push(timeCommand(AO, ['ls', '--json'], env));
    }
  };
  const samples = { direct: [], daemon: [], stopped: [] };
  sample(samples.direct);
  const daemon = spawn(AO, ['daemon'], { env, stdio: 'ignore' });
  try {
    await waitUntil(() => existsSync(join(aoHome, 'run', 'daemon.sock')));
    sample(samples.daemon);
    daemon.kill('SIGSTOP');
    sample(samples.stopped);
  } finally {
    daemon.kill('SIGKILL');
    await removeHome(aoHome);
  }
  const baseline = median(node);
  const row = (what, values, target) => ({
    name: `ao ls --json, ${sessions} sessions × ${signalsPerSession} recorded signals, ${what}`,
    p50: median(values),
    baseline,
    target: target ?? 'report',
    ...(target && { pass: median(values) / baseline <= 1.5 }),
  });
  return [row('daemon running', samples.daemon, '≤ 1.5×'), row('no daemon', samples.direct, '≤ 1.5×'), row('daemon stopped (SIGSTOP)', samples.stopped)];
}
