import { z } from 'zod';
import * as op from './operation-schemas.js';
import { sessionObjectSchema } from './session-object.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** One route of the HTTP API: what it takes (path, query, body) and what it answers. */
export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI style: `/v1/sessions/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and body (null: no body, as for 204). */
  status: number;
  response: z.ZodType | null;
  /** Answered as a `text/event-stream` instead of JSON. */
  stream?: boolean;
  /** False only for the health check. */
  auth: boolean;
}

const idParam = z.object({ id: op.statusInput.shape.id });
const requestParams = idParam.extend({ requestId: z.string().min(1).max(128) });
/** Query values arrive as strings: numbers and flags are parsed from them. */
const seqQuery = z.coerce.number().int().nonnegative();
const eventsQuery = z.object({
  after: seqQuery.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  session: z.string().min(1).max(256).optional(),
});
const answerBody = op.answerInput.pick({ checkpoint: true, timeoutSeconds: true });

/** `POST /v1/sessions/{id}/requests/{requestId}/approve` and `/deny`: the two answers to an open request. */
function answerRoute<Answer extends 'approve' | 'deny'>(answer: Answer) {
  return {
    method: 'POST',
    path: `/v1/sessions/{id}/requests/{requestId}/${answer}`,
    operationId: `${answer}Request`,
    summary: `answer this open request with ${answer === 'approve' ? 'yes' : 'no'}; 409 stale_request when it is no longer the open one`,
    params: requestParams,
    body: answerBody,
    status: 200,
    response: op.answerOutput,
    auth: true,
  } as const satisfies RouteSpec;
}

/** Every route of the API, in the order the OpenAPI document lists them (docs/api.md). */
export const ROUTES = [
  { method: 'GET', path: '/v1/health', operationId: 'health', summary: 'is the daemon up (no token needed)', status: 200, response: op.healthOutput, auth: false },
  {
    method: 'GET',
    path: '/v1/sessions',
    operationId: 'listSessions',
    summary: 'live sessions (all=1: terminated ones too)',
    query: z.object({ all: z.enum(['0', '1', 'true', 'false']).optional() }),
    status: 200,
    response: z.object({ sessions: op.lsOutput }),
    auth: true,
  },
  { method: 'GET', path: '/v1/sessions/{id}', operationId: 'getSession', summary: 'one session, by id or name', params: idParam, status: 200, response: sessionObjectSchema, auth: true },
  {
    method: 'POST',
    path: '/v1/sessions',
    operationId: 'spawnSession',
    summary: 'start a harness under a session host (dryRun: only the plan)',
    body: op.spawnInput,
    status: 201,
    response: z.union([sessionObjectSchema, op.spawnPlanSchema]),
    auth: true,
  },
  {
    method: 'POST',
    path: '/v1/sessions/{id}/messages',
    operationId: 'sendMessage',
    summary: 'type text into the session and submit it; answers once the harness acknowledged it',
    params: idParam,
    body: op.sendInput.omit({ id: true }),
    status: 200,
    response: op.sendOutput,
    auth: true,
  },
  answerRoute('approve'),
  answerRoute('deny'),
  {
    method: 'POST',
    path: '/v1/sessions/{id}/kill',
    operationId: 'killSession',
    summary: 'stop the session (SIGTERM, then SIGKILL after the grace period) and mark it terminated',
    params: idParam,
    body: op.killInput.omit({ id: true }),
    status: 200,
    response: sessionObjectSchema,
    auth: true,
  },
  {
    method: 'DELETE',
    path: '/v1/sessions/{id}',
    operationId: 'removeSession',
    summary: 'forget a terminated session, its files and its worktree',
    params: idParam,
    query: z.object({ force: z.enum(['0', '1', 'true', 'false']).optional() }),
    status: 204,
    response: null,
    auth: true,
  },
  {
    method: 'POST',
    path: '/v1/sessions/{id}/external-events',
    operationId: 'attachExternalEvent',
    summary: 'attach something from outside (a CI failure, a review) to the session',
    params: idParam,
    body: op.attachEventInput.omit({ id: true }),
    status: 201,
    response: op.attachEventOutput,
    auth: true,
  },
  {
    method: 'GET',
    path: '/v1/sessions/{id}/checkpoints',
    operationId: 'listCheckpoints',
    summary: "the session's checkpoints",
    params: idParam,
    status: 200,
    response: z.object({ checkpoints: op.checkpointsOutput }),
    auth: true,
  },
  {
    method: 'POST',
    path: '/v1/sessions/{id}/checkpoints/{n}/restore',
    operationId: 'restoreCheckpoint',
    summary: 'put the files back as they were at checkpoint n (409 changes_since_checkpoint unless force)',
    params: idParam.extend({ n: z.coerce.number().int().positive() }),
    body: op.restoreInput.pick({ force: true }),
    status: 200,
    response: op.restoreOutput,
    auth: true,
  },
  {
    method: 'GET',
    path: '/v1/sessions/{id}/output',
    operationId: 'sessionOutput',
    summary: "the session's recent terminal output, as `ao logs --json` gives it (sessions ao started; empty for adopted ones)",
    params: idParam,
    status: 200,
    response: op.outputOutput,
    auth: true,
  },
  {
    method: 'GET',
    path: '/v1/sessions/{id}/output/stream',
    operationId: 'streamOutput',
    summary:
      'SSE: the recent output, then new output as it is written: `event: output`, `data: {"base64"}`, `id: <file>:<offset>` (resumes after Last-Event-ID; `event: reset` first when output was lost in between); `event: end` once the session has ended',
    params: idParam,
    status: 200,
    response: null,
    stream: true,
    auth: true,
  },
  { method: 'POST', path: '/v1/reap', operationId: 'reap', summary: 'probe every live session once; mark the dead ones exited', body: op.reapInput, status: 200, response: op.reapOutput, auth: true },
  { method: 'GET', path: '/v1/events', operationId: 'listEvents', summary: 'a page of the event log after a cursor', query: eventsQuery, status: 200, response: op.eventsPage, auth: true },
  {
    method: 'GET',
    path: '/v1/events/stream',
    operationId: 'streamEvents',
    summary: 'SSE: `id: <seq>`, `event: <type>`, `data: <event JSON>`; resumes after Last-Event-ID; `retry:` first, `: keep-alive` every 15 s',
    query: eventsQuery.omit({ limit: true }),
    status: 200,
    response: null,
    stream: true,
    auth: true,
  },
  { method: 'GET', path: '/v1/openapi.json', operationId: 'openapi', summary: 'this document', status: 200, response: z.record(z.string(), z.unknown()), auth: true },
] as const satisfies readonly RouteSpec[];

export type Route = (typeof ROUTES)[number];
export type OperationId = Route['operationId'];
