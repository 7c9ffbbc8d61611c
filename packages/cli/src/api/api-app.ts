import { Hono, type Context } from 'hono';
import { httpStatusOf, ROUTES, type ErrorCode, type RouteSpec } from '@ao/protocol';
import type { CliContext } from '../cli-context.js';
import { doorErrorFrom } from '../operations/door-error.js';
import { idempotentCall, requestFingerprint, type DoorResponse } from '../operations/idempotent-call.js';
import { routeHandlers, type RouteInput } from './api-handlers.js';
import { checkHostAndOrigin, type GuardSettings } from './request-guard.js';
import { authorizeRequest } from './request-auth.js';
import { mountDashboard } from '../dashboard/dashboard-routes.js';
import type { BrowserLogins } from '../dashboard/browser-logins.js';
import { streamEvents } from './event-stream.js';
import { streamSessionOutput } from './output-stream.js';
import { parseTailCursor } from '../host/ring-log-tail.js';
import type { EventHub } from './event-hub.js';
import { findSessionOrThrow } from '../operations/session-reads.js';

/** Requests are a few hundred bytes; a body over this is refused before it is read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ApiSettings extends GuardSettings {
  token: string;
  version: string;
  keepAliveMs: number;
  /** The dashboard's logged-in browsers (docs/dashboard.md); null: only the bearer token opens the API. */
  logins: BrowserLogins | null;
  /** Where the dashboard's built files are (undefined: @ao/dashboard's dist). */
  dashboardDir?: string | null;
}

function errorResponse(c: Context, code: ErrorCode, message: string): Response {
  return c.json({ error: { code, message } }, httpStatusOf(code) as 400);
}

function send(c: Context, response: DoorResponse): Response {
  const headers = response.headers ?? {};
  if (response.status === 204) return c.body(null, 204, headers);
  if (response.json !== undefined) return c.body(response.json as Uint8Array<ArrayBuffer>, response.status as 200, { ...headers, 'content-type': 'application/json' });
  return c.json(response.body as object, response.status as 200, headers);
}

/** `/v1/sessions/{id}` → `/v1/sessions/:id` */
function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z]+)\}/g, ':$1');
}

/** The body as JSON, at most MAX_BODY_BYTES; an empty body is `{}`. */
async function readBody(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; code: ErrorCode; message: string }> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return { ok: false, code: 'payload_too_large', message: `the body is larger than ${MAX_BODY_BYTES} bytes` };
  const reader = c.req.raw.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return { ok: false, code: 'payload_too_large', message: `the body is larger than ${MAX_BODY_BYTES} bytes` };
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, code: 'invalid_request', message: 'the body is not JSON' };
  }
}

/**
 * The HTTP API (docs/api.md) as a Hono app: every route of the protocol's table, guarded (Host and
 * Origin, then the bearer token), validated by the route's zod schemas, idempotent on POST and
 * DELETE with an `Idempotency-Key`, and answered by the shared operations.
 */
export function createApiApp(context: CliContext, hub: EventHub, settings: ApiSettings): Hono {
  const app = new Hono();
  const handlers = routeHandlers(settings.version, context);

  app.use('*', async (c, next) => {
    const verdict = checkHostAndOrigin({ host: c.req.header('host'), origin: c.req.header('origin') }, settings);
    if (!verdict.ok) return errorResponse(c, 'forbidden', verdict.reason);
    await next();
    // After every call that may have changed something, streams look for new events at once.
    if (c.req.method !== 'GET') hub.notify();
  });

  if (settings.logins) mountDashboard(app, { aoHome: context.paths.home, token: settings.token, logins: settings.logins, port: () => settings.port, distDir: settings.dashboardDir });

  for (const route of ROUTES as readonly RouteSpec[]) {
    app.on(route.method, honoPath(route.path), async (c) => {
      if (route.auth) {
        const header = (name: string) => c.req.header(name);
        const verdict = authorizeRequest(
          { method: c.req.method, host: header('host'), authorization: header('authorization'), cookie: header('cookie'), origin: header('origin'), secFetchSite: header('sec-fetch-site') },
          { token: settings.token, port: settings.port, logins: settings.logins },
        );
        if (!verdict.ok) return errorResponse(c, verdict.code, verdict.message);
      }
      const input: RouteInput = { params: {}, query: {}, body: {} };
      for (const [part, schema, raw] of [
        ['params', route.params, c.req.param()],
        ['query', route.query, c.req.query()],
      ] as const) {
        if (!schema) continue;
        const parsed = schema.safeParse(raw);
        if (!parsed.success) return errorResponse(c, 'invalid_request', doorErrorFrom(parsed.error, context.paths.database).message.replace(/^input/, part));
        input[part] = parsed.data;
      }
      let rawBody: unknown = {};
      if (route.body) {
        const body = await readBody(c);
        if (!body.ok) return errorResponse(c, body.code, body.message);
        const parsed = route.body.safeParse(body.value);
        if (!parsed.success) return errorResponse(c, 'invalid_request', doorErrorFrom(parsed.error, context.paths.database).message.replace(/^input/, 'body'));
        rawBody = body.value;
        input.body = parsed.data;
      }
      if (route.operationId === 'streamEvents') {
        try {
          const sessionId = input.query.session === undefined ? undefined : findSessionOrThrow(context, input.query.session).id;
          const lastEventId = c.req.header('last-event-id');
          const after = lastEventId !== undefined && /^[0-9]+$/.test(lastEventId) ? Number(lastEventId) : (input.query.after ?? 0);
          return streamEvents(c, context, hub, { sessionId, after }, settings.keepAliveMs);
        } catch (error) {
          const failure = doorErrorFrom(error, context.paths.database);
          return errorResponse(c, failure.code, failure.message);
        }
      }
      if (route.operationId === 'streamOutput') {
        try {
          const session = findSessionOrThrow(context, input.params.id);
          return streamSessionOutput(c, context, hub, session.id, parseTailCursor(c.req.header('last-event-id')), settings.keepAliveMs);
        } catch (error) {
          const failure = doorErrorFrom(error, context.paths.database);
          return errorResponse(c, failure.code, failure.message);
        }
      }
      const handler = handlers[route.operationId as keyof typeof handlers];
      const act = async (): Promise<DoorResponse> => {
        try {
          return await handler(context, input);
        } catch (error) {
          const failure = doorErrorFrom(error, context.paths.database);
          return { status: httpStatusOf(failure.code), body: { error: failure } };
        }
      };
      if (route.method === 'GET') return send(c, await act());
      try {
        const key = c.req.header('idempotency-key');
        return send(c, await idempotentCall(context, { key, scope: 'http', fingerprint: requestFingerprint([route.method, c.req.path, rawBody, input.query]) }, act));
      } catch (error) {
        const failure = doorErrorFrom(error, context.paths.database);
        return errorResponse(c, failure.code, failure.message);
      }
    });
  }

  app.notFound((c) => {
    const known = (ROUTES as readonly RouteSpec[]).some((route) => new RegExp(`^${route.path.replace(/\{[A-Za-z]+\}/g, '[^/]+')}$`).test(c.req.path));
    return known ? errorResponse(c, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}`) : errorResponse(c, 'route_not_found', `no route ${c.req.method} ${c.req.path} (see /v1/openapi.json)`);
  });
  app.onError((error, c) => {
    context.logger.warn({ error: String(error), path: c.req.path }, 'API request failed');
    const failure = doorErrorFrom(error, context.paths.database);
    return errorResponse(c, failure.code, failure.message);
  });
  return app;
}
