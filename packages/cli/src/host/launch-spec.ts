import { join } from 'node:path';
import { socketPath } from '../socket-place.js';

/** Everything the session host needs to start one launch: the schema and its reader are in launch-spec-schema.ts (zod). */
export type { LaunchSpec } from './launch-spec-schema.js';

export interface SessionFiles {
  dir: string;
  launchSpec: string;
  launchDir: string;
  /** Written by the host once the agent runs: `{ hostPid, agentPid }` (or `{ error }`). */
  ready: string;
  output: string;
  previousOutput: string;
  /** What the host wrote on stderr: a crash before it could write its ready file. */
  hostStderr: string;
  /** The host's control socket (socket-place.ts); read only by those who use it, since it may throw `unsafe_socket_directory`. */
  readonly socket: string;
}

/** Per-session files under `$AO_HOME/sessions/<id>`; the socket where socket-place.ts puts it (`$AO_HOME/run` unless AO_HOME is long). */
export function sessionFiles(aoHome: string, sessionId: string): SessionFiles {
  const dir = join(aoHome, 'sessions', sessionId);
  return {
    dir,
    launchSpec: join(dir, 'launch.json'),
    launchDir: join(dir, 'launch'),
    ready: join(dir, 'host-ready.json'),
    output: join(dir, 'output.log'),
    previousOutput: join(dir, 'output.log.1'),
    hostStderr: join(dir, 'host-stderr.log'),
    get socket() {
      return socketPath(aoHome, `${sessionId}.sock`);
    },
  };
}
