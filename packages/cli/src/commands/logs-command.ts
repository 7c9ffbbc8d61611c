import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { sessionFiles } from '../host/launch-spec.js';
import { readRingLog } from '../host/ring-log.js';
import { printJson } from '../output.js';
import { findSessionOrThrow } from './session-commands.js';

/** `ao logs <id> [--follow]`: the agent's recent terminal output, raw (colours and all). */
export async function showLogs(context: CliContext, idOrName: string, options: { follow?: boolean; json?: boolean }): Promise<void> {
  const session = findSessionOrThrow(context, idOrName);
  const files = sessionFiles(context.paths.home, session.id);
  const output = readRingLog(files.output, files.previousOutput);
  if (options.json) {
    if (options.follow) throw new CliError('invalid_argument', '--follow streams raw output; it cannot be combined with --json', 2);
    return printJson({ id: session.id, output: output.toString('utf8') });
  }
  process.stdout.write(output);
  if (!options.follow) return;
  let offset = fileSize(files.output);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const size = fileSize(files.output);
      if (size < offset) offset = 0; // rotated
      if (size > offset) {
        process.stdout.write(readRange(files.output, offset, size));
        offset = size;
      }
      const current = context.store.getSession(session.id);
      if (!current || current.terminated) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    process.once('SIGINT', () => {
      clearInterval(timer);
      resolve();
    });
  });
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function readRange(path: string, start: number, end: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    readSync(fd, buffer, 0, buffer.length, start);
    return buffer;
  } finally {
    closeSync(fd);
  }
}
