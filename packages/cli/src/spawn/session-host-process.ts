import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { hostEntryPath } from '../install-paths.js';
import { z } from 'zod';
import { CliError } from '../cli-error.js';
import { readJsonFile } from '../validated-json.js';
import type { SessionFiles } from '../host/launch-spec.js';
import { pollUntil } from '../poll.js';

/**
 * Starts the session host detached (own session, no terminal): it outlives this command and the
 * daemon. Its stderr goes to a file in the session directory: a host that dies before it can
 * write its ready file (a crash in Node itself, a missing native module) says why there.
 */
export function startSessionHost(files: SessionFiles): ChildProcess {
  const stderr = openSync(files.hostStderr, 'a', 0o600);
  try {
    const child = spawn(process.execPath, [hostEntryPath(), files.dir], { detached: true, stdio: ['ignore', 'ignore', stderr], env: process.env });
    child.unref();
    if (child.pid === undefined) throw new CliError('launch_failed', 'could not start the session host process');
    return child;
  } finally {
    closeSync(stderr);
  }
}

/** The host's ready file (written by host-main.ts, read here by `ao spawn`): the agent runs, or why it could not start. */
const hostReadySchema = z.union([
  z.object({ hostPid: z.number().int().positive(), agentPid: z.number().int().positive() }),
  z.object({ error: z.string() }),
]);

export type HostReady = Extract<z.infer<typeof hostReadySchema>, { agentPid: number }>;

/** The last non-empty line the host wrote on stderr, shortened; empty when it wrote nothing. */
function lastWords(files: SessionFiles): string {
  try {
    const lines = readFileSync(files.hostStderr, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const line = lines.find((text) => /^(\w*Error|ao session host):/.test(text)) ?? lines.at(-1) ?? '';
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
  } catch {
    return '';
  }
}

/** Waits for the host's ready file: the agent runs and its pid is recorded, or the launch failed. */
export async function waitForHost(files: SessionFiles, host: ChildProcess, timeoutMs = 15_000): Promise<HostReady> {
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  host.once('exit', (code, signal) => (exit = { code, signal }));
  const started = await pollUntil(
    () => {
      if (existsSync(files.ready)) {
        const ready = readJsonFile(files.ready, hostReadySchema, 'invalid_ready_file', "the session host's ready file");
        if ('error' in ready) throw new CliError('launch_failed', `the harness could not be started: ${ready.error}`);
        return ready;
      }
      if (exit) {
        const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
        const said = lastWords(files);
        throw new CliError('launch_failed', `the session host ${how} before the harness started${said ? `: ${said}` : ', without saying why'}`);
      }
      return undefined;
    },
    { timeoutMs, intervalMs: 20 },
  );
  if (started === undefined) throw new CliError('launch_failed', `the session host did not start the harness within ${timeoutMs / 1000} s`);
  return started;
}
