/**
 * Entry of the session host process: `node host-main.js <session dir>`, started detached by
 * `ao spawn`. Kept apart from the CLI so that it loads only what it needs.
 */
import { join } from 'node:path';
import { lazyFileLogger } from '../lazy-logger.js';
import { adoptPrivateUmask } from '../private-umask.js';
import { readLaunchSpec, sessionFiles } from './launch-spec.js';
import { SessionHost, writeReadyFile } from './session-host.js';

// The host's own files are private; the agent gets the user's umask from the launch spec.
adoptPrivateUmask();
const sessionDir = process.argv[2];
if (!sessionDir) {
  process.stderr.write('usage: host-main <session dir>\n');
  process.exit(2);
}
const spec = readLaunchSpec(join(sessionDir, 'launch.json'));
const files = sessionFiles(spec.aoHome, spec.sessionId);
const logger = lazyFileLogger(join(spec.aoHome, 'logs'), 'host');

const host = new SessionHost(spec, files, logger);
// The host is a supervisor: a terminal hang-up or a stray Ctrl-C must not end it.
process.on('SIGHUP', () => {});
process.on('SIGINT', () => {});
process.on('SIGTERM', () => host.kill(3000));

try {
  await host.start();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.warn({ sessionId: spec.sessionId, error: message }, 'session host could not start the agent');
  writeReadyFile(files.ready, { error: message });
  process.exit(1);
}
