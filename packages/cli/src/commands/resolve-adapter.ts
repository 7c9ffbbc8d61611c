import { UnknownHarnessError, type HarnessAdapter } from '@ao/registry';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';

/** The adapter for --agent, or a clear error naming the harnesses ao knows. */
export async function resolveAdapter(context: CliContext, name: string | undefined): Promise<HarnessAdapter> {
  const registry = await context.loadRegistry();
  if (name === undefined) throw new CliError('invalid_argument', `--agent is required (one of: ${registry.ids().join(', ')})`, 2);
  try {
    return registry.get(name);
  } catch (error) {
    if (error instanceof UnknownHarnessError) throw new CliError('unknown_harness', error.message, 2);
    throw error;
  }
}
