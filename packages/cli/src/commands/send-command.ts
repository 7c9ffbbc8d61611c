import type { CliContext } from '../cli-context.js';
import { printJson } from '../output.js';
import { parseSeconds } from '../parse-values.js';
import { sendMessage } from '../operations/send-message.js';

export interface SendOptions {
  force?: boolean;
  timeout?: string;
  json?: boolean;
}

/** `ao send <id> TEXT` */
export async function sendText(context: CliContext, idOrName: string, text: string, options: SendOptions): Promise<void> {
  const timeoutSeconds = parseSeconds(options.timeout, '--timeout');
  const result = await sendMessage(context, { id: idOrName, text, force: options.force === true, ...(timeoutSeconds !== undefined && { timeoutSeconds }) });
  if (options.json) return printJson(result);
  process.stdout.write(`sent to ${result.id}; the agent took it (now ${result.activityState ?? 'unknown'})\n`);
}
