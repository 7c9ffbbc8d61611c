import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store, aoPaths, probeProcess } from '@ao/lifecycle';
import { afterEach } from 'vitest';
import { aoJson, tempDir } from './ao-harness.js';

/** Environment for spawned demo agents in tests: fast delays. */
export const DEMO_ENV = { AO_DEMO_SPEED: '0.05' };

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    last = value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitForStatus(aoHome: string, id: string, predicate: (status: any) => boolean, what: string, timeoutMs?: number) {
  let last: any;
  return waitFor(
    `${what} (last status ${JSON.stringify(last && { activityState: last.activityState, status: last.status })})`,
    async () => {
      last = await aoJson(aoHome, ['status', id]);
      return predicate(last) ? last : undefined;
    },
    timeoutMs,
  );
}

/** Alive by the same probe the reaper uses (a zombie counts as dead). */
export function isAlive(pid: number | null | undefined): boolean {
  return typeof pid === 'number' && pid > 0 && probeProcess(pid, null) === 'alive';
}

/**
 * Kills every process a test's AO_HOME started (agents, hosts, daemon), by pid. A daemon that
 * `ao spawn` started may still be taking its lock: look twice.
 */
export async function cleanupAoHome(aoHome: string): Promise<void> {
  killRecordedProcesses(aoHome);
  if (existsSync(aoPaths(aoHome).database)) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    killRecordedProcesses(aoHome);
  }
}

function killRecordedProcesses(aoHome: string): void {
  const pids: number[] = [];
  if (existsSync(aoPaths(aoHome).database)) {
    const store = Store.open(aoPaths(aoHome).database);
    for (const session of store.listSessions({ all: true })) {
      if (session.pid) pids.push(session.pid);
      if (session.hostPid) pids.push(session.hostPid);
    }
    store.close();
  }
  try {
    pids.push((JSON.parse(readFileSync(join(aoHome, 'daemon.lock'), 'utf8')) as { pid: number }).pid);
  } catch {
    // no daemon
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/**
 * A fresh AO_HOME per call, and after each test every process started under those homes is
 * killed (agents, hosts, daemons): a test file calls this once at its top.
 */
export function aoHomesCleanedAfterEach(): () => string {
  const homes: string[] = [];
  afterEach(async () => {
    for (const home of homes.splice(0)) await cleanupAoHome(home);
  });
  return () => {
    const home = tempDir('ao-home-');
    homes.push(home);
    return home;
  };
}

/**
 * Child processes a test starts (stand-in agents, fake daemons) are SIGKILLed after each test of
 * the file that calls this; returns the function that hands one over.
 */
export function childrenKilledAfterEach(): (child: ChildProcess) => ChildProcess {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  });
  return (child) => {
    children.push(child);
    return child;
  };
}
