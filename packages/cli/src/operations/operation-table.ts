import type { z } from 'zod';
import * as schema from '@ao/protocol';
import type { CliContext } from '../cli-context.js';
import { answerRequest } from './answer-request.js';
import { attachExternalEvent } from './attach-event.js';
import { restoreSessionCheckpoint, sessionCheckpoints } from './checkpoint-operations.js';
import { killSession } from './kill-session.js';
import { registerSession } from './register-session.js';
import { reapSessions } from './reap-sessions.js';
import { pruneSessions, removeSession } from './remove-session.js';
import { sendMessage } from './send-message.js';
import { eventsPage, getSession, listEvents, listSessions } from './session-reads.js';
import { describePlan, planSpawn, executeSpawn } from './spawn-session.js';

/**
 * Every operation a JSON door (`ao json`, the HTTP API) can call, with the zod schema its input is
 * validated against. The doors stay thin: they parse, call `run`, and render the answer or the
 * typed error; none has logic of its own (docs/architecture.md, "One core, three doors").
 */
export interface Operation<Input extends z.ZodType = z.ZodType> {
  description: string;
  input: Input;
  /** Changes something: a retried call must carry an idempotency key to be acted on once. */
  mutates: boolean;
  run(context: CliContext, input: z.infer<Input>): Promise<unknown>;
}

function operation<Input extends z.ZodType>(definition: Operation<Input>): Operation {
  return definition as unknown as Operation;
}

const eventsQuery = schema.eventsInput.extend({ since: schema.eventsInput.shape.after });
const pageQuery = eventsQuery.extend({ limit: schema.eventsInput.shape.limit.default(1000) });

export const OPERATIONS = {
  ls: operation({ description: 'session objects (input: {all?})', input: schema.lsInput, mutates: false, run: (context, input) => listSessions(context, input) }),
  status: operation({ description: 'one session object (input: {id})', input: schema.statusInput, mutates: false, run: (context, input) => getSession(context, input) }),
  events: operation({
    description: 'every event after a cursor, oldest first (input: {id?, after?|since?, limit?})',
    input: eventsQuery,
    mutates: false,
    run: (context, input) => listEvents(context, input),
  }),
  'events.page': operation({
    description: 'one page of events after a cursor: {events, nextCursor} (input: {id?, after?, limit? = 1000})',
    input: pageQuery,
    mutates: false,
    run: (context, input) => eventsPage(context, input),
  }),
  register: operation({
    description: 'adopt an agent ao did not start (input: {agent, cwd?, pid?, name?})',
    input: schema.registerInput,
    mutates: true,
    run: async (context, input) => (await registerSession(context, input)).result,
  }),
  spawn: operation({
    description: 'start a harness under a session host (input: {agent, cwd?, worktree?, prompt?, name?, args?, dryRun?})',
    input: schema.spawnInput,
    mutates: true,
    run: async (context, { dryRun, ...input }) => {
      const plan = await planSpawn(context, input);
      return dryRun ? describePlan(plan) : executeSpawn(context, plan);
    },
  }),
  send: operation({ description: 'type text into a session and submit it (input: {id, text, force?, timeoutSeconds?})', input: schema.sendInput, mutates: true, run: (context, input) => sendMessage(context, input) }),
  approve: operation({
    description: 'answer the open permission request with yes (input: {id, requestId?, checkpoint?, timeoutSeconds?})',
    input: schema.answerInput,
    mutates: true,
    run: (context, input) => answerRequest(context, input, 'approve'),
  }),
  deny: operation({
    description: 'answer the open permission request with no (input: {id, requestId?, timeoutSeconds?})',
    input: schema.answerInput,
    mutates: true,
    run: (context, input) => answerRequest(context, input, 'deny'),
  }),
  kill: operation({ description: 'stop a session and mark it terminated (input: {id, graceSeconds?})', input: schema.killInput, mutates: true, run: (context, input) => killSession(context, input) }),
  rm: operation({ description: 'forget a terminated session, its files and worktree (input: {id, force?})', input: schema.removeInput, mutates: true, run: (context, input) => removeSession(context, input) }),
  prune: operation({
    description: 'forget every terminated session (input: {force?})',
    input: schema.removeInput.pick({ force: true }),
    mutates: true,
    run: (context, input) => pruneSessions(context, input),
  }),
  reap: operation({ description: 'one reaper pass', input: schema.reapInput, mutates: true, run: (context) => reapSessions(context) }),
  'event.attach': operation({
    description: 'attach an external event (a CI failure, a review) to a session (input: {id, sourceKind, sourceId, eventType, payload?})',
    input: schema.attachEventInput,
    mutates: true,
    run: (context, input) => attachExternalEvent(context, input),
  }),
  checkpoints: operation({ description: "a session's checkpoints (input: {id})", input: schema.checkpointsInput, mutates: false, run: (context, input) => sessionCheckpoints(context, input) }),
  restore: operation({
    description: 'put the files back as they were at checkpoint n (input: {id, n, force?})',
    input: schema.restoreInput,
    mutates: true,
    run: (context, input) => restoreSessionCheckpoint(context, input),
  }),
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof OPERATIONS;

export function findOperation(name: string): Operation | undefined {
  return Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name as OperationName] : undefined;
}
