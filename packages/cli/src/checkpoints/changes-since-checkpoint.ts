import { CliError } from '../cli-error.js';
import { displayPath } from './display-path.js';

/** How many changed paths the refusal's sentence names; `paths` holds them all. */
const PATHS_NAMED = 10;

/**
 * A restore refused: the work tree differs from the checkpoint, and replacing it would lose those
 * changes. `paths` lists every path that differs, for a caller that shows them all.
 */
export class ChangesSinceCheckpointError extends CliError {
  constructor(
    readonly n: number,
    readonly paths: readonly string[],
  ) {
    super('changes_since_checkpoint', refusal(n, paths));
  }
}

function refusal(n: number, paths: readonly string[]): string {
  const named = paths.slice(0, PATHS_NAMED).map(displayPath).join(', ');
  const more = paths.length > PATHS_NAMED ? ` and ${paths.length - PATHS_NAMED} more` : '';
  return (
    `the work tree has changed since checkpoint ${n} (${paths.length} ${paths.length === 1 ? 'path' : 'paths'}: ${named}${more}); ` +
    'pass --force to restore it anyway: a forced restore first saves the current state as a new checkpoint, so it can be undone'
  );
}
