import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { socketPath } from '../socket-place.js';

/** Everything the session host needs to start and supervise one launch; written by `ao spawn`. */
export interface LaunchSpec {
  sessionId: string;
  launchId: string;
  harness: string;
  command: string;
  args: string[];
  cwd: string;
  /** Environment additions on top of the host's own environment. */
  env: Record<string, string>;
  aoHome: string;
  /** Directory of this installation's `ao` launcher: put first on the agent's PATH. */
  aoBinDir: string;
  /** Sends wait until the harness has been up this long (OpenCode ignores input for ~4 s). */
  inputReadyDelayMs: number;
  /** A regular expression source: the screen shows it once the harness takes input; null if none known. */
  inputReadyPattern: string | null;
  cols: number;
  rows: number;
  /** The user's umask when they ran `ao spawn`: the agent runs under it, ao's own processes under 077. */
  userUmask: number;
}

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

export function readLaunchSpec(path: string): LaunchSpec {
  return JSON.parse(readFileSync(path, 'utf8')) as LaunchSpec;
}
