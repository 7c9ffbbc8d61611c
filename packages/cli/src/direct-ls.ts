import { storeErrorFrom } from '@ao/lifecycle';
import { CliContext } from './cli-context.js';
import { listSessions } from './commands/session-commands.js';
import { printError } from './output.js';

/**
 * `ao ls [--all] [--json]` read from the store by this process, without the command-line parser
 * and the other commands' definitions (loading them costs about a fifth of what this read does).
 * Exactly what `ao ls` does through the full program: the same refresh, output and errors.
 */
export async function runDirectList(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const context = new CliContext();
  try {
    await listSessions(context, { all: args.includes('--all'), json });
    return 0;
  } catch (error) {
    // As runCli does: a damaged, missing or full store is said in ao's words (store_damaged, disk_full…).
    return printError(storeErrorFrom(error, context.paths.database) ?? error, json);
  } finally {
    context.close();
  }
}
