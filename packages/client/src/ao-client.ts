import type { z } from 'zod';
import type * as schema from '@ao/protocol';
import type { EventObject, SessionObject } from '@ao/protocol';
import { AoApiError } from './api-error.js';
import { readApiInfo, readApiToken, resolveAoHome, type Endpoint } from './find-daemon.js';

/** The daemon's keep-alive period when neither the options nor its api.json say (ao's default, 15 s). */
const DEFAULT_KEEP_ALIVE_MS = 15_000;
import { streamEvents, type StreamOptions } from './event-stream.js';

type Output<T extends z.ZodType> = z.output<T>;
type Input<T extends z.ZodType> = z.input<T>;

export type SpawnInput = Input<typeof schema.spawnInput>;
export type SendResult = Output<typeof schema.sendOutput>;
export type AnswerResult = Output<typeof schema.answerOutput>;
export type Checkpoint = Output<typeof schema.checkpointSchema>;
export type RestoreResult = Output<typeof schema.restoreOutput>;
export type ReapReport = Output<typeof schema.reapOutput>;
export type AttachedEvent = Output<typeof schema.attachEventOutput>;
export type EventsPage = Output<typeof schema.eventsPage>;
export type SpawnPlan = Output<typeof schema.spawnPlanSchema>;

export interface ClientOptions {
  /**
   * The API's base URL, like http://127.0.0.1:41234. Default: the daemon of `aoHome`, read from
   * its run/api.json at every call and every reconnection, so the client follows a daemon that
   * restarted on another port.
   */
  url?: string;
  /** The bearer token (default: `$AO_HOME/api-token`, read at every call). */
  token?: string;
  /** Where to look for the daemon when url or token is not given (default: $AO_HOME, else ~/.ao). */
  aoHome?: string;
  /** The server's keep-alive period (15 s; the daemon's AO_SSE_KEEPALIVE_MS): a stream silent for twice this is reopened. */
  keepAliveMs?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  /** Acted on once: a retry with the same key and body gets the first answer (docs: Idempotency). */
  idempotencyKey?: string;
}

/** A typed client of ao's HTTP API: one method per route (docs/api.md). */
export class AoClient {
  /** Where the next call goes (and which token it carries): fixed by the options, else read from aoHome each time. */
  private readonly endpoint: () => Endpoint;
  private readonly fetcher: typeof fetch;
  private readonly keepAliveMs: number;

  constructor(options: ClientOptions = {}) {
    const aoHome = options.aoHome ?? resolveAoHome();
    // Nothing is read here: a client made before the daemon starts works once it runs.
    this.endpoint = () => {
      const info = options.url === undefined ? readApiInfo(aoHome) : { url: options.url };
      const keepAliveMs = options.keepAliveMs ?? info.keepAliveMs;
      return { url: info.url.replace(/\/+$/, ''), token: options.token ?? readApiToken(aoHome), ...(keepAliveMs !== undefined && { keepAliveMs }) };
    };
    this.fetcher = options.fetch ?? fetch;
    this.keepAliveMs = options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS;
  }

  /** The URL the next call goes to (throws an `unreachable` AoApiError when no daemon serves aoHome). */
  get url(): string {
    return this.endpoint().url;
  }

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
    const { url, token } = this.endpoint();
    let response: Response;
    try {
      response = await this.fetcher(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(options.idempotencyKey !== undefined && { 'idempotency-key': options.idempotencyKey }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new AoApiError(0, 'unreachable', `cannot reach the ao daemon at ${url}: ${(error as Error).message}`);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not ao's answer (something else listens on that port, or a proxy's error page).
      throw new AoApiError(response.status, 'internal_error', `${url}${path} answered HTTP ${response.status} with a body that is not JSON: is it an ao daemon?`);
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code: AoApiError['code']; message: string } } | null)?.error;
      throw new AoApiError(response.status, error?.code ?? 'internal_error', error?.message ?? `HTTP ${response.status}`);
    }
    return parsed as T;
  }

  health(): Promise<{ ok: true; version: string }> {
    return this.call('GET', '/v1/health');
  }

  openapi(): Promise<Record<string, unknown>> {
    return this.call('GET', '/v1/openapi.json');
  }

  reap(options?: CallOptions): Promise<ReapReport> {
    return this.call('POST', '/v1/reap', {}, options);
  }

  readonly sessions = {
    list: async (query: { all?: boolean } = {}): Promise<SessionObject[]> => (await this.call<{ sessions: SessionObject[] }>('GET', `/v1/sessions${query.all ? '?all=1' : ''}`)).sessions,
    get: (id: string): Promise<SessionObject> => this.call('GET', `/v1/sessions/${encodeURIComponent(id)}`),
    spawn: (input: SpawnInput, options?: CallOptions): Promise<SessionObject> => this.call('POST', '/v1/sessions', { ...input, dryRun: false }, options),
    plan: (input: SpawnInput): Promise<SpawnPlan> => this.call('POST', '/v1/sessions', { ...input, dryRun: true }),
    send: (id: string, input: { text: string; force?: boolean; timeoutSeconds?: number }, options?: CallOptions): Promise<SendResult> =>
      this.call('POST', `/v1/sessions/${encodeURIComponent(id)}/messages`, input, options),
    kill: (id: string, input: { graceSeconds?: number } = {}, options?: CallOptions): Promise<SessionObject> => this.call('POST', `/v1/sessions/${encodeURIComponent(id)}/kill`, input, options),
    remove: (id: string, input: { force?: boolean } = {}, options?: CallOptions): Promise<void> =>
      this.call('DELETE', `/v1/sessions/${encodeURIComponent(id)}${input.force ? '?force=1' : ''}`, undefined, options),
    attachEvent: (id: string, event: { sourceKind: string; sourceId: string; eventType: string; payload?: unknown }, options?: CallOptions): Promise<AttachedEvent> =>
      this.call('POST', `/v1/sessions/${encodeURIComponent(id)}/external-events`, event, options),
    /** Resolves with the session once `until` holds, watching the event stream (no polling). */
    waitFor: async (id: string, until: (session: SessionObject) => boolean, options: { timeoutMs?: number } = {}): Promise<SessionObject> => {
      const controller = new AbortController();
      const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(), options.timeoutMs);
      try {
        // The cursor first, then the session: a change between the two is still streamed.
        const cursor = await this.lastSeq(id);
        let session = await this.sessions.get(id);
        if (until(session)) return session;
        for await (const _event of this.events.stream({ session: session.id, after: cursor, signal: controller.signal })) {
          session = await this.sessions.get(id);
          if (until(session)) return session;
        }
        session = await this.sessions.get(id);
        if (until(session)) return session;
        throw new AoApiError(0, 'wait_timed_out', `session ${id} did not reach the awaited state within ${options.timeoutMs} ms (it is ${session.status})`);
      } finally {
        clearTimeout(timer);
        controller.abort();
      }
    },
  };

  readonly requests = {
    approve: (id: string, requestId: string, input: { checkpoint?: boolean; timeoutSeconds?: number } = {}, options?: CallOptions): Promise<AnswerResult> =>
      this.call('POST', `/v1/sessions/${encodeURIComponent(id)}/requests/${encodeURIComponent(requestId)}/approve`, input, options),
    deny: (id: string, requestId: string, input: { timeoutSeconds?: number } = {}, options?: CallOptions): Promise<AnswerResult> =>
      this.call('POST', `/v1/sessions/${encodeURIComponent(id)}/requests/${encodeURIComponent(requestId)}/deny`, input, options),
  };

  readonly checkpoints = {
    list: async (id: string): Promise<Checkpoint[]> => (await this.call<{ checkpoints: Checkpoint[] }>('GET', `/v1/sessions/${encodeURIComponent(id)}/checkpoints`)).checkpoints,
    restore: (id: string, n: number, input: { force?: boolean } = {}, options?: CallOptions): Promise<RestoreResult> =>
      this.call('POST', `/v1/sessions/${encodeURIComponent(id)}/checkpoints/${n}/restore`, input, options),
  };

  readonly events = {
    list: (query: { after?: number; limit?: number; session?: string } = {}): Promise<EventsPage> => {
      const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)] as [string, string]));
      return this.call('GET', `/v1/events${params.size > 0 ? `?${params}` : ''}`);
    },
    /** Every event after `after`, live, as an async iterable; resumes by itself after a drop. */
    stream: (options: StreamOptions = {}): AsyncGenerator<EventObject> => streamEvents({ endpoint: this.endpoint, fetch: this.fetcher, keepAliveMs: this.keepAliveMs }, options),
  };

  /** The seq of the session's newest event (0 when it has none). */
  private async lastSeq(session: string): Promise<number> {
    let cursor = 0;
    for (;;) {
      const page = await this.events.list({ session, after: cursor, limit: 10_000 });
      cursor = page.events.at(-1)?.seq ?? cursor;
      if (page.nextCursor === null) return cursor;
    }
  }
}
