import { statSync } from 'node:fs';
import { cliEntryPath } from '../install-paths.js';
import { socketPath } from '../socket-place.js';

/**
 * The daemon's local socket: `$AO_HOME/run/daemon.sock` (or, for a long AO_HOME, the short
 * private directory socket-place.ts chooses), mode 0600. A client sends one JSON line
 * `{op:"sessions", all, build, staleAfterMs, noSignalAfterMs}`; the daemon answers with a JSON
 * header line `{ok:true, bytes}` followed by exactly that many bytes: the `ao ls --json` document.
 * `build` ties client and daemon to the same installed code: a daemon from before an upgrade
 * answers `{ok:false}` and the client reads the store itself.
 */
export function daemonSocketPath(aoHome: string): string {
  return socketPath(aoHome, 'daemon.sock');
}

export function buildId(): string {
  try {
    return String(statSync(cliEntryPath()).mtimeMs);
  } catch {
    return 'unknown';
  }
}

// Checked by the daemon against sessions-request-schema.ts (zod): the `ao ls` client must not load zod.
export type { SessionsRequest } from './sessions-request-schema.js';
