import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostEntryPath } from '../install-paths.js';
import { CliError } from '../cli-error.js';

/** Starts the session host detached (own session, no terminal): it outlives this command and the daemon. */
export function startSessionHost(sessionDir: string): number {
  const child = spawn(process.execPath, [hostEntryPath(), sessionDir], { detached: true, stdio: 'ignore', env: process.env });
  child.unref();
  if (child.pid === undefined) throw new CliError('launch_failed', 'could not start the session host process');
  return child.pid;
}

export interface HostReady {
  hostPid: number;
  agentPid: number;
}

/** Waits for the host's ready file: the agent runs and its pid is recorded, or the launch failed. */
export async function waitForHost(readyFile: string, hostPid: number, timeoutMs = 15_000): Promise<HostReady> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(readyFile)) {
      const ready = JSON.parse(readFileSync(readyFile, 'utf8')) as Partial<HostReady> & { error?: string };
      if (ready.error) throw new CliError('launch_failed', `the harness could not be started: ${ready.error}`);
      return ready as HostReady;
    }
    try {
      process.kill(hostPid, 0);
    } catch {
      throw new CliError('launch_failed', 'the session host exited before the harness started (see $AO_HOME/logs/ao.log)');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new CliError('launch_failed', `the session host did not start the harness within ${timeoutMs / 1000} s`);
}
