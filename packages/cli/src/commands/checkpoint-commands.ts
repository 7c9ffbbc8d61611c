import type { CliContext } from '../cli-context.js';
import { printJson, renderTable } from '../output.js';
import { parseCount } from '../parse-values.js';
import { restoreSessionCheckpoint, sessionCheckpoints } from '../operations/checkpoint-operations.js';

/** `ao checkpoints <id>` */
export async function listCheckpointsCommand(context: CliContext, idOrName: string, options: { json?: boolean }): Promise<void> {
  const checkpoints = await sessionCheckpoints(context, { id: idOrName });
  if (options.json) return printJson(checkpoints);
  if (checkpoints.length === 0) {
    process.stdout.write(`no checkpoints for ${idOrName} (ao approve ${idOrName} --checkpoint takes one)\n`);
    return;
  }
  const rows = checkpoints.map((checkpoint) => [String(checkpoint.n), checkpoint.takenAt, checkpoint.commit.slice(0, 12), String(checkpoint.files), checkpoint.reason ?? '']);
  process.stdout.write(`${renderTable(['N', 'TAKEN', 'COMMIT', 'FILES', 'REASON'], rows)}\n`);
}

/** `ao restore <id> <n> [--force]` */
export async function restoreCommand(context: CliContext, idOrName: string, n: string, options: { force?: boolean; json?: boolean }): Promise<void> {
  const result = await restoreSessionCheckpoint(context, { id: idOrName, n: parseCount(n, '<n>', { min: 1 })!, force: options.force === true });
  if (options.json) return printJson(result);
  const saved = result.savedAs ? `; the state before it is checkpoint ${result.savedAs.n}` : '';
  process.stdout.write(result.changed.length === 0 ? `nothing to restore: the files are as at checkpoint ${result.n}\n` : `restored checkpoint ${result.n}: ${result.changed.length} file(s) put back${saved}\n`);
}
