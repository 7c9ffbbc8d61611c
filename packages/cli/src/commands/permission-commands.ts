import type { CliContext } from '../cli-context.js';
import { parseSeconds } from '../parse-values.js';
import { printJson } from '../output.js';
import { answerRequest, type PermissionAnswer } from '../operations/answer-request.js';

export interface PermissionOptions {
  timeout?: string;
  request?: string;
  checkpoint?: boolean;
  json?: boolean;
}

/** `ao approve <id> [--request RID] [--checkpoint]`: answers the open permission dialog with the harness's own "allow once" keys. */
export function approvePermission(context: CliContext, idOrName: string, options: PermissionOptions): Promise<void> {
  return answerPermission(context, idOrName, 'approve', options);
}

/** `ao deny <id> [--request RID]`: answers the open permission dialog with the harness's own "no" keys. */
export function denyPermission(context: CliContext, idOrName: string, options: PermissionOptions): Promise<void> {
  return answerPermission(context, idOrName, 'deny', options);
}

async function answerPermission(context: CliContext, idOrName: string, answer: PermissionAnswer, options: PermissionOptions): Promise<void> {
  const timeoutSeconds = parseSeconds(options.timeout, '--timeout');
  const result = await answerRequest(
    context,
    {
      id: idOrName,
      ...(options.request !== undefined && { requestId: options.request }),
      checkpoint: options.checkpoint === true,
      ...(timeoutSeconds !== undefined && { timeoutSeconds }),
    },
    answer,
  );
  if (options.json) return printJson(result);
  const saved = result.checkpoint ? ` (checkpoint ${result.checkpoint.n} taken first: ao restore ${result.id} ${result.checkpoint.n})` : '';
  process.stdout.write(`${answer === 'approve' ? 'approved' : 'denied'} request ${result.requestId} of ${result.id}${saved}; now ${result.status}\n`);
}
