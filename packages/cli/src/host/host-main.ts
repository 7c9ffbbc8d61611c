/**
 * Entry of the session host process: `node host-main.js <session dir>`, started detached by
 * `ao spawn`. Kept apart from the CLI so that it loads only what it needs.
 */
import { join } from 'node:path';
import type { LifecycleLogger } from '@ao/lifecycle';
import { lazyFileLogger } from '../lazy-logger.js';
import { adoptPrivateUmask } from '../private-umask.js';
import { sessionFiles } from './launch-spec.js';
import { readLaunchSpec } from './launch-spec-schema.js';
import { SessionHost, writeReadyFile } from './session-host.js';

// The host's own files are private; the agent gets the user's umask from the launch spec.
adoptPrivateUmask();
const sessionDir = process.argv[2];
if (!sessionDir) {
  process.stderr.write('usage: host-main <session dir>\n');
  process.exit(2);
}
const readyFile = join(sessionDir, 'host-ready.json');
let host: SessionHost | undefined;
let logger: LifecycleLogger | undefined;

/**
 * Until the agent runs, every failure (a bad launch spec, a socket that cannot be bound, an
 * exception thrown in a callback) ends in the ready file, where `ao spawn` reads it and shows it:
 * the one place the user is sure to look. Nothing else is promised to exist (no log file).
 */
function failLaunch(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  try {
    logger?.warn({ error: message }, 'session host could not start the agent');
  } catch {
    // no log: the ready file still says it
  }
  try {
    host?.removeSocket();
    writeReadyFile(readyFile, { error: message });
  } catch {
    // ao spawn sees the host exit and shows what it wrote on stderr instead
  }
  process.stderr.write(`ao session host: ${message}\n`);
  process.exit(1);
}
process.once('uncaughtException', failLaunch);

try {
  const spec = readLaunchSpec(join(sessionDir, 'launch.json'));
  const files = sessionFiles(spec.aoHome, spec.sessionId);
  logger = lazyFileLogger(join(spec.aoHome, 'logs'), 'host');
  const started = new SessionHost(spec, files, logger);
  host = started;
  // The host is a supervisor: a terminal hang-up or a stray Ctrl-C must not end it.
  process.on('SIGHUP', () => {});
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => started.kill(3000));
  await started.start();
} catch (error) {
  failLaunch(error);
}
// Running: from here an uncaught exception ends the host the default way (stack on stderr, exit 1).
process.off('uncaughtException', failLaunch);
