import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessStopped } from '@ao/lifecycle';
import { runningDaemon, type DaemonOwner } from './daemon-lock.js';

/**
 * Whether a daemon is doing its work for this AO_HOME: serving reads, ingesting, reaping.
 * - none: no daemon (no lock, or its owner is dead or a zombie);
 * - running: its owner runs; reads may ask it, and it reaps;
 * - stopped: its owner is stopped (SIGSTOP, Ctrl-Z): alive, but it answers nothing and reaps nothing;
 * - unresponsive: it did not answer a read in time moments ago (remembered a few seconds in
 *   `$AO_HOME/run/daemon-unresponsive.json`, so the next reads do not wait on it again).
 * Anything but `running` means: read the store directly, and confirm deaths yourself.
 */
export type DaemonHealth =
  | { state: 'none' }
  | { state: 'running'; owner: DaemonOwner }
  | { state: 'stopped'; owner: DaemonOwner }
  | { state: 'unresponsive'; owner: DaemonOwner; since: number };

/** How long a daemon that did not answer is passed over. */
const UNRESPONSIVE_MEMORY_MS = 10_000;

interface UnresponsiveNote {
  pid: number;
  startTime: string | null;
  at: number;
}

function notePath(aoHome: string): string {
  return join(aoHome, 'run', 'daemon-unresponsive.json');
}

export function daemonHealth(aoHome: string, now = Date.now()): DaemonHealth {
  const owner = runningDaemon(aoHome);
  if (!owner) return { state: 'none' };
  if (isProcessStopped(owner.pid)) return { state: 'stopped', owner };
  const note = readNote(aoHome);
  // The note is about this very daemon (pid and start time), and recent.
  if (note && note.pid === owner.pid && note.startTime === owner.startTime && now - note.at < UNRESPONSIVE_MEMORY_MS && note.at <= now) {
    return { state: 'unresponsive', owner, since: note.at };
  }
  return { state: 'running', owner };
}

/** Remembers that this daemon did not answer in time. Best effort: a read must not fail for it. */
export function rememberUnresponsive(aoHome: string, owner: DaemonOwner, now = Date.now()): void {
  const path = notePath(aoHome);
  try {
    mkdirSync(join(aoHome, 'run'), { recursive: true, mode: 0o700 });
    const note: UnresponsiveNote = { pid: owner.pid, startTime: owner.startTime, at: now };
    writeFileSync(`${path}.${process.pid}.tmp`, JSON.stringify(note), { mode: 0o600 });
    renameSync(`${path}.${process.pid}.tmp`, path);
  } catch {
    // the next read waits once more; nothing worse
  }
}

function readNote(aoHome: string): UnresponsiveNote | null {
  try {
    const note = JSON.parse(readFileSync(notePath(aoHome), 'utf8')) as Partial<UnresponsiveNote>;
    return typeof note.pid === 'number' && typeof note.at === 'number' ? { pid: note.pid, startTime: note.startTime ?? null, at: note.at } : null;
  } catch {
    return null;
  }
}
