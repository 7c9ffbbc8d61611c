import { buildOpenApiDocument, ROUTES, type OperationId } from '@ao/protocol';
import type { CliContext } from '../cli-context.js';
import { answerRequest } from '../operations/answer-request.js';
import { attachExternalEvent } from '../operations/attach-event.js';
import { restoreSessionCheckpoint, sessionCheckpoints } from '../operations/checkpoint-operations.js';
import type { DoorResponse } from '../operations/idempotent-call.js';
import { killSession } from '../operations/kill-session.js';
import { reapSessions } from '../operations/reap-sessions.js';
import { removeSession } from '../operations/remove-session.js';
import { sendMessage } from '../operations/send-message.js';
import { eventsPage, getSession } from '../operations/session-reads.js';
import { sessionOutput } from '../operations/session-output.js';
import { sessionsAnswerer } from '../daemon/sessions-answer.js';
import { displayOptions } from '../display-settings.js';
import { describePlan, executeSpawn, planSpawn } from '../operations/spawn-session.js';

/** What a route's handler gets: its path parameters, query and body, each validated by the route's schema. */
export interface RouteInput {
  params: any;
  query: any;
  body: any;
}

export type RouteHandler = (context: CliContext, input: RouteInput) => Promise<DoorResponse>;

const ok = (body: unknown, status = 200): DoorResponse => ({ status, body });
const flag = (value: string | undefined) => value === '1' || value === 'true';

/** The default page size of `GET /v1/events`. */
const DEFAULT_PAGE = 1000;

/**
 * One handler per route of the table (@ao/protocol ROUTES), each a call of an operation: the HTTP
 * door has no logic of its own. A route without a handler fails the build (the Record's keys).
 */
export function routeHandlers(version: string, context: CliContext): Record<Exclude<OperationId, 'streamEvents' | 'streamOutput'>, RouteHandler> {
  // The daemon's hottest read: rendered once and reused while the store and every status are
  // unchanged (sessions-answer.ts), as the daemon's `ao ls` socket does.
  const sessionsAnswer = sessionsAnswerer(context, (views) => Buffer.from(JSON.stringify({ sessions: views })));
  return {
    health: async () => ok({ ok: true, version }),
    openapi: async () => ok(buildOpenApiDocument(ROUTES, version)),
    listSessions: async (context, { query }) => {
      const display = displayOptions(context.env, 0); // a malformed setting fails before any work
      await context.refresh();
      const request = { op: 'sessions' as const, build: '', all: flag(query.all), staleAfterMs: display.staleAfterMs!, noSignalAfterMs: display.noSignalAfterMs! };
      // Read before the sessions: a client that streams events after this seq misses no change.
      const eventSeq = context.store.maxEventSeq();
      const json = sessionsAnswer(request);
      const changesAt = sessionsAnswer.validUntil();
      // For a client that keeps the list: the stream's cursor, and when a status ages by time alone.
      const headers: Record<string, string> = { 'ao-event-seq': String(eventSeq), ...(changesAt !== null && { 'ao-status-changes-at': new Date(changesAt).toISOString() }) };
      return { status: 200, body: null, json, headers };
    },
    getSession: async (context, { params }) => ok(await getSession(context, { id: params.id })),
    spawnSession: async (context, { body }) => {
      const { dryRun, ...input } = body;
      const plan = await planSpawn(context, input);
      return dryRun ? ok(describePlan(plan)) : ok(await executeSpawn(context, plan, { startDaemon: false }), 201);
    },
    sendMessage: async (context, { params, body }) => ok(await sendMessage(context, { ...body, id: params.id })),
    approveRequest: async (context, { params, body }) => ok(await answerRequest(context, { ...body, id: params.id, requestId: params.requestId }, 'approve')),
    denyRequest: async (context, { params, body }) => ok(await answerRequest(context, { ...body, id: params.id, requestId: params.requestId }, 'deny')),
    killSession: async (context, { params, body }) => {
      const killed = await killSession(context, { ...body, id: params.id });
      return ok(await getSession(context, { id: killed.id }));
    },
    removeSession: async (context, { params, query }) => {
      await removeSession(context, { id: params.id, force: flag(query.force) });
      return ok(null, 204);
    },
    attachExternalEvent: async (context, { params, body }) => ok(await attachExternalEvent(context, { ...body, id: params.id }), 201),
    sessionOutput: async (context, { params }) => ok(await sessionOutput(context, { id: params.id })),
    listCheckpoints: async (context, { params }) => ok({ checkpoints: await sessionCheckpoints(context, { id: params.id }) }),
    restoreCheckpoint: async (context, { params, body }) => ok(await restoreSessionCheckpoint(context, { ...body, id: params.id, n: params.n })),
    reap: async (context) => ok(await reapSessions(context)),
    listEvents: async (context, { query }) =>
      ok(await eventsPage(context, { ...(query.session !== undefined && { id: query.session }), ...(query.after !== undefined && { after: query.after }), limit: query.limit ?? DEFAULT_PAGE })),
  };
}
