import type { CliContext } from '../cli-context.js';
import { printJson } from '../output.js';
import { parseSeconds } from '../parse-values.js';
import { killSession as kill } from '../operations/kill-session.js';

export interface KillOptions {
  grace?: string;
  json?: boolean;
}

/** `ao kill <id> [--grace SECONDS]` */
export async function killSession(context: CliContext, idOrName: string, options: KillOptions): Promise<void> {
  const graceSeconds = parseSeconds(options.grace, '--grace');
  const result = await kill(context, { id: idOrName, ...(graceSeconds !== undefined && { graceSeconds }) });
  if (options.json) return printJson(result);
  process.stdout.write(`session ${result.id} stopped and marked terminated\n`);
}
