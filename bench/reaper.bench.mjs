import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, aoPaths, createSession, readProcessStartTime, reapOnce } from '@ao/lifecycle';
import { median } from './stats.mjs';

/**
 * One reaper pass over 1,000 registered live sessions (each probed by pid and start time).
 * Baseline: reading /proc/self/stat 1,000 times in this run, the unavoidable probe cost.
 */
export async function benchReaper(sessions = 1000, rounds = 7) {
  const home = mkdtempSync(join(tmpdir(), 'ao-bench-reap-'));
  const store = Store.open(aoPaths(home).database);
  const startTime = readProcessStartTime(process.pid);
  store.transaction(() => {
    for (let i = 0; i < sessions; i++) createSession(store, { harness: 'claude-code', cwd: home, pid: process.pid, pidStartTime: startTime, expectsStartupSignal: true, now: Date.now() });
  });
  const passes = [];
  const baselines = [];
  for (let round = 0; round < rounds; round++) {
    let start = process.hrtime.bigint();
    const report = await reapOnce({ store });
    passes.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (report.alive !== sessions) throw new Error(`expected ${sessions} alive, got ${report.alive}`);
    start = process.hrtime.bigint();
    for (let i = 0; i < sessions; i++) readFileSync('/proc/self/stat', 'utf8');
    baselines.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  store.close();
  rmSync(home, { recursive: true, force: true });
  const pass = median(passes);
  return [{ name: `reaper pass over ${sessions} live sessions`, p50: pass, baseline: median(baselines), target: '≤ 100 ms', pass: pass <= 100 }];
}
