import { z } from 'zod';
import { ACTIVITY_STATES, DISPLAY_STATUSES, NEEDS_INPUT_REASONS } from '@ao/activity-dispatch';

const isoTime = z.string().describe('an ISO 8601 time');
const nullableIso = isoTime.nullable();

/**
 * The dialog a session waits on: a permission or a question. Its `id` is stable for that one
 * dialog and changes with the next, so an answer can name what it answers (docs/api.md).
 */
export const openRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(NEEDS_INPUT_REASONS),
  tool: z.string().nullable().describe('the tool that asks, when known'),
  detail: z.string().nullable().describe('the command, the file path or the question text (capped)'),
  askedAt: isoTime,
});
export type OpenRequest = z.infer<typeof openRequestSchema>;

/** Something outside the agent that concerns the session: a CI failure, a review comment. */
export const externalEventSchema = z.object({
  seq: z.number().int(),
  sourceKind: z.string(),
  sourceId: z.string(),
  eventType: z.string(),
  payload: z.unknown(),
  at: isoTime,
});
export type ExternalEvent = z.infer<typeof externalEventSchema>;

/**
 * What a session has spent so far, as its harness reports it (docs/store.md, "Usage"): totals over
 * the session, read when a turn ends. `inputTokens` is the input not read from the prompt cache,
 * `cacheReadTokens` what was. `costUsd` and `contextPercent` only when the harness tells.
 */
export const sessionUsageSchema = z.object({
  model: z.string().nullable().describe('the model of the latest turn, as the harness names it'),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative().optional().describe('only when the harness reports a cost'),
  contextPercent: z.number().min(0).max(100).optional().describe('how full the context window is, only when the harness tells'),
});
export type SessionUsageObject = z.infer<typeof sessionUsageSchema>;

/** The session object of every door. Field names are a contract: add, never rename. */
export const sessionObjectSchema = z.object({
  id: z.string(),
  harness: z.string(),
  name: z.string(),
  cwd: z.string(),
  pid: z.number().int().nullable(),
  activityState: z.enum(ACTIVITY_STATES).nullable(),
  status: z.enum(DISPLAY_STATUSES),
  needsInputReason: z.enum(NEEDS_INPUT_REASONS).nullable(),
  openRequest: openRequestSchema.nullable(),
  terminated: z.boolean(),
  createdAt: nullableIso,
  lastSignalAt: nullableIso,
  firstSignalAt: nullableIso,
  launchedAt: nullableIso,
  lastTransitionAt: nullableIso,
  terminatedAt: nullableIso,
  terminatedReason: z.string().nullable(),
  launchId: z.string().nullable(),
  hostPid: z.number().int().nullable(),
  worktree: z.string().nullable(),
  toolsInFlight: z.array(z.object({ id: z.string().optional(), name: z.string().optional() })),
  lastError: z.string().nullable(),
  lastNotification: z.string().nullable(),
  lastExternalEvent: externalEventSchema.nullable(),
  nativeSessionId: z.string().nullable(),
  model: z.string().nullable(),
  transcriptPath: z.string().nullable(),
  branch: z.string().nullable().describe("the git branch checked out in cwd; null outside a work tree or on a detached HEAD"),
  usage: sessionUsageSchema.nullable().describe('what the session has spent so far; null until a turn has ended or when the harness does not tell'),
});
export type SessionObject = z.infer<typeof sessionObjectSchema>;

/** One entry of the event log; `seq` is the cursor. `from`/`to` only on transitions. */
export const eventObjectSchema = z.object({
  seq: z.number().int(),
  sessionId: z.string(),
  type: z.enum(['transition', 'signal', 'lifecycle', 'external']),
  event: z.string(),
  at: isoTime,
  from: z.enum(ACTIVITY_STATES).nullable().optional(),
  to: z.enum(ACTIVITY_STATES).optional(),
  launchId: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type EventObject = z.infer<typeof eventObjectSchema>;
