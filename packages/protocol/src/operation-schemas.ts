import { z } from 'zod';
import { ERROR_CODES } from './error-codes.js';
import { eventObjectSchema, externalEventSchema, sessionObjectSchema } from './session-object.js';

/**
 * One zod schema per operation's input and output: the CLI's `--json`, `ao json` and the HTTP API
 * validate and answer with these, and the OpenAPI document and `ao json capabilities` are built
 * from them, so the three doors cannot disagree.
 */
const sessionRef = z.string().min(1).max(256).describe('a session id or name');
const name = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" and "-" (at most 64)');
/** Short identifiers from outside (CI systems, reviews): bounded so a caller cannot bloat the store. */
const label = z.string().min(1).max(128);

export const errorBodySchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) });

export const lsInput = z.object({ all: z.boolean().optional() });
export const lsOutput = z.array(sessionObjectSchema);

export const statusInput = z.object({ id: sessionRef });

export const eventsInput = z.object({
  id: sessionRef.optional().describe('only this session'),
  after: z.number().int().nonnegative().optional().describe('only events after this seq (the cursor)'),
  limit: z.number().int().min(1).max(10_000).optional(),
});
export const eventsPage = z.object({ events: z.array(eventObjectSchema), nextCursor: z.number().int().nullable() });

export const registerInput = z.object({
  agent: z.string().min(1).max(64),
  cwd: z.string().min(1).max(4096).optional(),
  pid: z.number().int().positive().optional(),
  name: name.optional(),
});

export const spawnInput = z.object({
  agent: z.string().min(1).max(64),
  cwd: z.string().min(1).max(4096).optional(),
  worktree: z.boolean().optional(),
  prompt: z.string().max(100_000).optional(),
  name: name.optional(),
  args: z.array(z.string().max(4096)).max(100).optional(),
  dryRun: z.boolean().optional(),
});
export const spawnPlanSchema = z.object({
  dryRun: z.literal(true),
  harness: z.string(),
  cwd: z.string(),
  argv: z.array(z.string()),
  env: z.record(z.string(), z.string()),
  files: z.array(z.object({ path: z.string(), mode: z.number().int(), bytes: z.number().int() })),
  worktree: z.object({ path: z.string(), branch: z.string(), from: z.string() }).optional(),
});

export const sendInput = z.object({
  id: sessionRef,
  text: z.string().min(1).max(100_000),
  force: z.boolean().optional(),
  timeoutSeconds: z.number().positive().max(600).optional(),
});
export const sendOutput = z.object({
  id: z.string(),
  delivered: z.boolean(),
  acknowledged: z.boolean(),
  activityState: sessionObjectSchema.shape.activityState,
  acknowledgedAt: z.string().nullable(),
});

export const answerInput = z.object({
  id: sessionRef,
  requestId: z.string().min(1).max(128).optional().describe('the open request this answers; refused with stale_request when it is no longer the open one'),
  checkpoint: z.boolean().optional().describe('first record the working tree as a checkpoint (git work trees only)'),
  timeoutSeconds: z.number().positive().max(600).optional(),
});
export const checkpointSchema = z.object({
  n: z.number().int().positive(),
  ref: z.string(),
  commit: z.string(),
  parent: z.string().nullable(),
  takenAt: z.string(),
  reason: z.string().nullable(),
  files: z.number().int(),
});
export const answerOutput = z.object({
  id: z.string(),
  requestId: z.string(),
  answered: z.enum(['approve', 'deny']),
  activityState: sessionObjectSchema.shape.activityState,
  status: sessionObjectSchema.shape.status,
  checkpoint: checkpointSchema.nullable(),
});

export const killInput = z.object({ id: sessionRef, graceSeconds: z.number().nonnegative().max(600).optional() });
export const killOutput = z.object({ id: z.string(), stopped: z.boolean(), terminated: z.boolean() });

export const removeInput = z.object({ id: sessionRef, force: z.boolean().optional() });
export const removeOutput = z.object({
  id: z.string(),
  removed: z.boolean(),
  worktreeRemoved: z.boolean().optional(),
  branchKept: z.boolean().optional(),
  reason: z.string().optional(),
});

export const reapInput = z.object({});
export const reapOutput = z.object({
  probed: z.number().int(),
  alive: z.number().int(),
  failed: z.number().int(),
  inconclusive: z.boolean(),
  reaped: z.array(z.object({ id: z.string(), from: z.string().nullable() })),
});

export const attachEventInput = z.object({
  id: sessionRef,
  sourceKind: label.describe('what kind of system sent it: ci, review, issue…'),
  sourceId: label.describe("the sender's own id of the thing (a build number, a URL)"),
  eventType: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits, ".", "_", ":" and "-" (at most 64)'),
  payload: z.unknown().optional(),
});
export const attachEventOutput = externalEventSchema.extend({ sessionId: z.string() });

export const checkpointsInput = z.object({ id: sessionRef });
export const checkpointsOutput = z.array(checkpointSchema);

export const restoreInput = z.object({ id: sessionRef, n: z.number().int().positive(), force: z.boolean().optional() });
export const restoreOutput = z.object({
  n: z.number().int(),
  restored: z.boolean(),
  changed: z.array(z.string()),
  savedAs: checkpointSchema.nullable(),
});

export const healthOutput = z.object({ ok: z.literal(true), version: z.string() });

/** `ao logs --json`, `GET /v1/sessions/{id}/output`: the recent terminal output, raw (escape sequences kept). */
export const outputOutput = z.object({ id: z.string(), output: z.string().describe('output.log.1 then output.log, as UTF-8 text: at most 2 MiB') });
