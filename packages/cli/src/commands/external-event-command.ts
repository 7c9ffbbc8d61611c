import type { CliContext } from '../cli-context.js';
import { invalidArgument } from '../cli-error.js';
import { printJson } from '../output.js';
import { attachExternalEvent } from '../operations/attach-event.js';

export interface AttachEventOptions {
  sourceKind: string;
  sourceId: string;
  type: string;
  payload?: string;
  json?: boolean;
}

const EVENT_TYPE = /^[A-Za-z0-9._:-]{1,64}$/;

/** `ao attach-event <id> --source-kind K --source-id S --type T [--payload JSON]` */
export async function attachEventCommand(context: CliContext, idOrName: string, options: AttachEventOptions): Promise<void> {
  for (const [flag, value] of [
    ['--source-kind', options.sourceKind],
    ['--source-id', options.sourceId],
  ] as const) {
    if (value.length === 0 || value.length > 128) throw invalidArgument(`${flag} must be 1 to 128 characters`);
  }
  if (!EVENT_TYPE.test(options.type)) throw invalidArgument('--type may hold only letters, digits, ".", "_", ":" and "-" (at most 64)');
  let payload: unknown = null;
  if (options.payload !== undefined) {
    try {
      payload = JSON.parse(options.payload);
    } catch {
      throw invalidArgument('--payload must be JSON, like \'{"url":"https://ci.example/1"}\'');
    }
  }
  const event = await attachExternalEvent(context, { id: idOrName, sourceKind: options.sourceKind, sourceId: options.sourceId, eventType: options.type, payload });
  if (options.json) return printJson(event);
  process.stdout.write(`attached ${event.eventType} from ${event.sourceKind} ${event.sourceId} to ${event.sessionId} (event ${event.seq})\n`);
}
