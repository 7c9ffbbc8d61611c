import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** alive / dead, or failed: the probe could not tell, and a failed probe must never write. */
export type ProbeResult = 'alive' | 'dead' | 'failed';

/**
 * A process's start time, an identity that survives pid reuse. Linux: `starttime` (clock ticks
 * since boot) from /proc/<pid>/stat. Elsewhere: `ps -o lstart=`. Null when the process is gone.
 * Throws when the answer cannot be had (the caller reports `failed`).
 */
export function readProcessStartTime(pid: number): string | null {
  if (process.platform === 'linux') return readLinuxStartTime(pid);
  // Loaded only off Linux: child_process costs every `ao` command a few milliseconds to load.
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const result = spawnSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000 });
  if (result.error) throw result.error;
  if (result.status !== 0) return null; // ps exits 1 when no such process
  const text = result.stdout.trim();
  return text.length > 0 ? `ps:${text}` : null;
}

/** The fields of /proc/<pid>/stat from field 3 (the state) on; null when there is no such process. */
function readLinuxStat(pid: number): string[] | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ESRCH') return null;
    throw error;
  }
  // The command name (field 2) may hold spaces and parentheses: parse after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function readLinuxStartTime(pid: number): string | null {
  const fields = readLinuxStat(pid);
  if (fields === null) return null;
  const state = fields[0];
  // A zombie has finished running; only its exit status waits for the parent.
  if (state === 'Z' || state === 'X') return null;
  const startTicks = fields[19];
  if (startTicks === undefined || !/^[0-9]+$/.test(startTicks)) throw new Error(`unparsable /proc/${pid}/stat`);
  return `linux:${startTicks}`;
}

/**
 * True when the process is stopped (SIGSTOP, Ctrl-Z: state T) or stopped by a tracer (t): alive,
 * but it does nothing until continued, so waiting on it is pointless. Linux only (/proc); elsewhere
 * false, and a stopped process looks like a slow one. Never throws.
 */
export function isProcessStopped(pid: number): boolean {
  if (process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    const state = readLinuxStat(pid)?.[0];
    return state === 'T' || state === 't';
  } catch {
    return false;
  }
}

/** Probes a pid against the start time recorded when it was adopted or launched. */
export function probeProcess(pid: number, expectedStartTime: string | null): ProbeResult {
  if (!Number.isInteger(pid) || pid <= 0) return 'failed';
  let startTime: string | null;
  try {
    startTime = readProcessStartTime(pid);
  } catch {
    return 'failed';
  }
  if (startTime === null) return 'dead';
  // Same pid, another start time: the agent died and the pid was reused.
  if (expectedStartTime !== null && startTime !== expectedStartTime) return 'dead';
  return 'alive';
}
