import { z } from 'zod';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { quoteValue } from '../parse-values.js';
import { eventViews, sessionViews, statusView } from './session-commands.js';
import { registerAgentData } from './register-command.js';
import { reapOnce, storeErrorFrom, type StoreErrorCode } from '@ao/lifecycle';

/**
 * `ao json`: the seed protocol (docs/architecture.md). One request on stdin, one response on stdout:
 * `{version:"v1", id?, client?, action, input?}` → `{version, id, action, ok, result | error}`.
 */
/** The largest request `ao json` reads: requests are a few hundred bytes; more is a mistake or an attack. */
const MAX_REQUEST_BYTES = 1024 * 1024;
/** Ids and action names are echoed back; longer ones are refused, not echoed. */
const MAX_ID_LENGTH = 256;
const MAX_ACTION_LENGTH = 64;
const MAX_MESSAGE_LENGTH = 500;

const requestSchema = z.object({
  version: z.literal('v1'),
  id: z.union([z.string().max(MAX_ID_LENGTH), z.number()]).optional(),
  client: z.string().max(MAX_ID_LENGTH).optional(),
  action: z.string().min(1).max(MAX_ACTION_LENGTH),
  input: z.record(z.string(), z.unknown()).optional(),
});

const idInput = z.object({ id: z.string().min(1) });
const lsInput = z.object({ all: z.boolean().optional() });
const eventsInput = z.object({ id: z.string().optional(), since: z.number().int().nonnegative().optional(), limit: z.number().int().nonnegative().optional() });
const registerInput = z.object({ agent: z.string(), cwd: z.string().optional(), pid: z.number().int().positive().optional(), name: z.string().optional() });

type Handler = (context: CliContext, input: unknown) => unknown;

const ACTIONS: Record<string, { description: string; handler: Handler }> = {
  capabilities: { description: 'list the actions this ao answers', handler: () => capabilities() },
  ls: { description: 'session objects (input: {all?})', handler: (context, input) => sessionViews(context, lsInput.parse(input).all === true) },
  status: { description: 'one session object (input: {id})', handler: (context, input) => statusView(context, idInput.parse(input).id) },
  events: { description: 'event log (input: {id?, since?, limit?})', handler: (context, input) => eventViews(context, eventsInput.parse(input)) },
  register: {
    description: 'adopt an agent ao did not start (input: {agent, cwd?, pid?, name?})',
    handler: async (context, input) => {
      const { pid, ...rest } = registerInput.parse(input);
      return (await registerAgentData(context, { ...rest, ...(pid !== undefined && { pid: String(pid) }) })).result;
    },
  },
  reap: { description: 'one reaper pass', handler: async (context) => (await context.ingest(), reapOnce({ store: context.store, logger: context.logger })) },
};

function capabilities() {
  return { version: 'v1', actions: Object.entries(ACTIONS).map(([name, { description }]) => ({ name, description })) };
}

type ErrorCode = 'invalid_request' | 'unknown_action' | 'not_found' | 'internal_error' | StoreErrorCode;

/**
 * Reads one request from a stream (stdin), at most MAX_REQUEST_BYTES: beyond that it stops
 * reading and returns null, so an endless or enormous input costs a megabyte, not all memory.
 */
export async function readRequest(input: NodeJS.ReadableStream & { destroy?: () => void }): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_REQUEST_BYTES) {
      input.destroy?.();
      return null;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handleJsonRequest(context: CliContext, raw: string | null): Promise<{ response: object; ok: boolean }> {
  if (raw === null) return fail(undefined, undefined, 'invalid_request', `the request is larger than ${MAX_REQUEST_BYTES} bytes; send one JSON request of at most 1 MiB`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return fail(undefined, undefined, 'invalid_request', 'the request is not JSON');
  }
  const request = requestSchema.safeParse(body);
  if (!request.success) {
    const issue = request.error.issues[0];
    const partial = (body ?? {}) as { id?: unknown; action?: unknown };
    return fail(partial.id, partial.action, 'invalid_request', `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
  }
  const { id, action, input } = request.data;
  const entry = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!entry) return fail(id, action, 'unknown_action', `unknown action ${quoteValue(action)}; see action "capabilities"`);
  try {
    const result = await entry.handler(context, input ?? {});
    return { ok: true, response: { version: 'v1', id: id ?? null, action, ok: true, result } };
  } catch (error) {
    if (error instanceof z.ZodError) return fail(id, action, 'invalid_request', `input.${error.issues[0]?.path.join('.')}: ${error.issues[0]?.message}`);
    if (error instanceof CliError) {
      const code: ErrorCode = error.code === 'not_found' ? 'not_found' : error.exitCode === 2 ? 'invalid_request' : 'internal_error';
      return fail(id, action, code, error.message);
    }
    const storeError = storeErrorFrom(error, context.paths.database);
    if (storeError) return fail(id, action, storeError.code, storeError.message);
    return fail(id, action, 'internal_error', error instanceof Error ? error.message : String(error));
  }
}

function fail(id: unknown, action: unknown, code: ErrorCode, message: string) {
  const echoableId = (typeof id === 'string' && id.length <= MAX_ID_LENGTH) || (typeof id === 'number' && Number.isFinite(id));
  return {
    ok: false,
    response: {
      version: 'v1',
      id: echoableId ? id : null,
      action: typeof action === 'string' && action.length <= MAX_ACTION_LENGTH ? action : null,
      ok: false,
      error: { code, message: message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message },
    },
  };
}
