import type { CliContext } from '../cli-context.js';
import { sessionFiles } from '../host/launch-spec.js';
import { readRingLog } from '../host/ring-log.js';
import { findSessionOrThrow } from './session-reads.js';

/** `GET /v1/sessions/{id}/output`: what `ao logs --json` prints, the output files the session host keeps. */
export async function sessionOutput(context: CliContext, input: { id: string }): Promise<{ id: string; output: string }> {
  const session = findSessionOrThrow(context, input.id);
  const files = sessionFiles(context.paths.home, session.id);
  return { id: session.id, output: readRingLog(files.output, files.previousOutput).toString('utf8') };
}
