import { z } from 'zod';
import { httpStatusOf } from '@ao/protocol';
import type { CliContext } from '../cli-context.js';
import { quoteValue } from '../parse-values.js';
import { OPERATIONS, findOperation } from '../operations/operation-table.js';
import { doorErrorFrom, type DoorError } from '../operations/door-error.js';
import { idempotentCall, requestFingerprint, type DoorResponse } from '../operations/idempotent-call.js';

/**
 * `ao json`: the seed protocol (docs/api.md). One request on stdin, one response on stdout:
 * `{version:"v1", id?, client?, action, input?, idempotencyKey?}` → `{version, id, action, ok, result | error}`.
 * Every action is an operation of the shared table (operations/operation-table.ts), the same the
 * HTTP API calls.
 */
/** The largest request `ao json` reads: requests are a few hundred bytes; more is a mistake or an attack. */
const MAX_REQUEST_BYTES = 1024 * 1024;
/** Ids and action names are echoed back; longer ones are refused, not echoed. */
const MAX_ID_LENGTH = 256;
const MAX_ACTION_LENGTH = 64;

const requestSchema = z.object({
  version: z.literal('v1'),
  id: z.union([z.string().max(MAX_ID_LENGTH), z.number()]).optional(),
  client: z.string().max(MAX_ID_LENGTH).optional(),
  action: z.string().min(1).max(MAX_ACTION_LENGTH),
  input: z.record(z.string(), z.unknown()).optional(),
  idempotencyKey: z.string().min(1).max(256).optional(),
});

function capabilities() {
  return {
    version: 'v1',
    actions: [
      { name: 'capabilities', description: 'list the actions this ao answers', mutates: false, input: {} },
      ...Object.entries(OPERATIONS).map(([name, operation]) => ({
        name,
        description: operation.description,
        mutates: operation.mutates,
        input: z.toJSONSchema(operation.input, { io: 'input', unrepresentable: 'any' }),
      })),
    ],
  };
}

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
  if (raw === null) return fail(undefined, undefined, { code: 'invalid_request', message: `the request is larger than ${MAX_REQUEST_BYTES} bytes; send one JSON request of at most 1 MiB` });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return fail(undefined, undefined, { code: 'invalid_request', message: 'the request is not JSON' });
  }
  const request = requestSchema.safeParse(body);
  if (!request.success) {
    const issue = request.error.issues[0];
    const partial = (body ?? {}) as { id?: unknown; action?: unknown };
    return fail(partial.id, partial.action, { code: 'invalid_request', message: `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}` });
  }
  const { id, action, input, idempotencyKey } = request.data;
  if (action === 'capabilities') return succeed(id, action, capabilities());
  const operation = findOperation(action);
  if (!operation) return fail(id, action, { code: 'unknown_action', message: `unknown action ${quoteValue(action)}; see action "capabilities"` });
  const act = async (): Promise<DoorResponse> => {
    try {
      return { status: 200, body: { result: await operation.run(context, operation.input.parse(input ?? {})) } };
    } catch (error) {
      const doorError = doorErrorFrom(error, context.paths.database);
      return { status: httpStatusOf(doorError.code), body: { error: doorError } };
    }
  };
  try {
    const key = operation.mutates ? idempotencyKey : undefined;
    const answer = await idempotentCall(context, { key, scope: 'json', fingerprint: requestFingerprint([action, input ?? {}]) }, act);
    const answered = answer.body as { result?: unknown; error?: DoorError };
    return answered.error ? fail(id, action, answered.error) : succeed(id, action, answered.result);
  } catch (error) {
    return fail(id, action, doorErrorFrom(error, context.paths.database));
  }
}

function succeed(id: unknown, action: string, result: unknown) {
  return { ok: true, response: { version: 'v1', id: id ?? null, action, ok: true, result } };
}

function fail(id: unknown, action: unknown, error: DoorError) {
  const echoableId = (typeof id === 'string' && id.length <= MAX_ID_LENGTH) || (typeof id === 'number' && Number.isFinite(id));
  return {
    ok: false,
    response: {
      version: 'v1',
      id: echoableId ? id : null,
      action: typeof action === 'string' && action.length <= MAX_ACTION_LENGTH ? action : null,
      ok: false,
      error,
    },
  };
}
