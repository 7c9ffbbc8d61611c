import type { CliContext } from '../cli-context.js';
import { printJson } from '../output.js';
import { parseCount } from '../parse-values.js';
import { registerSession } from '../operations/register-session.js';

export { resolveDirectory } from '../operations/register-session.js';

export interface RegisterOptions {
  agent: string;
  cwd?: string;
  pid?: string;
  name?: string;
  json?: boolean;
}

/**
 * `ao register --agent <h> [--cwd DIR] [--pid PID] [--name N]`: adopts an agent ao did not start.
 * Everything is validated before anything is written; if the hooks cannot be installed the new
 * session is removed again.
 */
export async function registerAgent(context: CliContext, options: RegisterOptions): Promise<void> {
  const { pid, json: _json, ...rest } = options;
  const { result, displayName, notes } = await registerSession(context, { ...rest, ...(pid !== undefined && { pid: parseCount(pid, '--pid', { min: 1 })! }) });
  if (options.json) return printJson(result);
  process.stdout.write(`Registered ${displayName} session ${result.id} (${result.name}) in ${result.cwd}\n`);
  for (const note of notes) process.stdout.write(`  ${note}\n`);
}

