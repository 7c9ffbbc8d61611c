/**
 * What several benchmarks share: the `ao` launcher, waiting, removing a bench AO_HOME, and the
 * realistic store of 1,000 sessions fed real recorded hook payloads.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store, aoPaths, createSession, ingestSpool, readProcessStartTime, writeSpoolRecord } from '@ao/lifecycle';
import { createDefaultRegistry } from '../packages/cli/dist/adapters.js';

export const AO = fileURLToPath(new URL('../packages/cli/bin/ao', import.meta.url));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(predicate, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = predicate();
    if (value) return value;
    await sleep(5);
  }
  throw new Error('timed out');
}

/** Removes a bench AO_HOME once its killed hosts have stopped writing into it. */
export async function removeHome(aoHome) {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      rmSync(aoHome, { recursive: true, force: true });
      return;
    } catch {
      await sleep(200);
    }
  }
}

const FIXTURE_HARNESSES = ['claude-code', 'codex', 'opencode'];

/** The real recorded hook signals of a harness (packages/adapters/<h>/fixtures/*.json), in file order. */
export function recordedSignals(harness) {
  const dir = fileURLToPath(new URL(`../packages/adapters/${harness}/fixtures/`, import.meta.url));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')).signals);
}

/**
 * A store of `sessions` sessions as a day of real use leaves it: each adopted with a live pid (so
 * the reaper probes every one, as it would), each fed `signalsPerSession` real recorded hook
 * payloads through the spool and ingestion (so its facts, events and state are what ao derives).
 */
export function seedRealisticStore(aoHome, sessions, signalsPerSession, pid = process.pid) {
  const paths = aoPaths(aoHome);
  const store = Store.open(paths.database);
  const registry = createDefaultRegistry();
  const signals = Object.fromEntries(FIXTURE_HARNESSES.map((harness) => [harness, recordedSignals(harness)]));
  const pidStartTime = readProcessStartTime(pid);
  let ns = BigInt(Date.now() - 3_600_000) * 1_000_000n;
  store.transaction(() => {
    for (let i = 0; i < sessions; i++) {
      const harness = FIXTURE_HARNESSES[i % FIXTURE_HARNESSES.length];
      const { id } = createSession(store, { harness, cwd: aoHome, pid, pidStartTime, expectsStartupSignal: true, now: Date.now() - 3_600_000 });
      const recorded = signals[harness];
      for (let k = 0; k < signalsPerSession; k++) {
        const signal = recorded[(i * 7 + k) % recorded.length];
        ns += 1_000_000n;
        writeSpoolRecord(paths.spool, { harness, event: signal.event, sessionId: id, launchId: null, capturedAt: ns.toString() }, JSON.stringify(signal.payload));
      }
    }
  });
  const stats = ingestSpool({ store, spoolDir: paths.spool, findDeriver: (harness) => registry.find(harness) });
  store.close();
  if (stats.consumed !== sessions * signalsPerSession) throw new Error(`seeded ${stats.consumed} of ${sessions * signalsPerSession} signals`);
}
