import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { probeProcess, readProcessStartTime } from '@ao/lifecycle';

export interface DaemonOwner {
  pid: number;
  startTime: string | null;
  startedAt: number;
}

function daemonLockPath(aoHome: string): string {
  return join(aoHome, 'daemon.lock');
}

/** The running daemon, if any: the lock's owner, checked by pid and start time. */
export function runningDaemon(aoHome: string): DaemonOwner | null {
  let owner: DaemonOwner;
  try {
    owner = JSON.parse(readFileSync(daemonLockPath(aoHome), 'utf8')) as DaemonOwner;
  } catch {
    return null;
  }
  return probeProcess(owner.pid, owner.startTime) === 'dead' ? null : owner;
}

/**
 * Takes the single-daemon lock: an exclusively created file naming its owner. A lock whose owner
 * is dead is taken over. Returns false when another live daemon holds it.
 */
export function acquireDaemonLock(aoHome: string): boolean {
  const path = daemonLockPath(aoHome);
  mkdirSync(aoHome, { recursive: true, mode: 0o700 }); // `ao daemon` may be the first ao command run for this AO_HOME
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const owner: DaemonOwner = { pid: process.pid, startTime: readProcessStartTime(process.pid), startedAt: Date.now() };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (runningDaemon(aoHome)) return false;
      try {
        unlinkSync(path); // a dead daemon's lock
      } catch {
        // another starter took it over first; the next attempt sees theirs
      }
    }
  }
  return false;
}

export function releaseDaemonLock(aoHome: string): void {
  try {
    const owner = JSON.parse(readFileSync(daemonLockPath(aoHome), 'utf8')) as DaemonOwner;
    if (owner.pid === process.pid) unlinkSync(daemonLockPath(aoHome));
  } catch {
    // nothing to release
  }
}
