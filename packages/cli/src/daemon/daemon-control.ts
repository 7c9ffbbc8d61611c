import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cliEntryPath } from '../install-paths.js';
import { runningDaemon } from './daemon-lock.js';

/** Starts `ao daemon` in the background unless one runs already. Sessions never depend on it. */
export function ensureDaemon(aoHome: string): void {
  if (runningDaemon(aoHome)) return;
  mkdirSync(aoHome, { recursive: true, mode: 0o700 });
  const child = spawn(process.execPath, [cliEntryPath(), 'daemon'], { detached: true, stdio: 'ignore', env: { ...process.env, AO_HOME: aoHome } });
  child.unref();
}
