import type { Store } from './store.js';
import type { EventRecord } from './event-record.js';
import { externalEventName } from './event-names.js';
import type { StoredExternalEvent } from './external-event-column.js';
import { isTimeMs } from './time-ms.js';

/** Bytes of an external event's payload (as JSON) the log keeps; a bigger one is replaced by its size. */
export const EXTERNAL_PAYLOAD_MAX_BYTES = 64 * 1024;

export interface NewExternalEvent {
  sessionId: string;
  /** What reports it: `github`, `ci`… */
  sourceKind: string;
  /** Which thing of that source: a check run, a pull request… */
  sourceId: string;
  /** What happened (`ci.failed`); the `event` of the logged entry. */
  eventType: string;
  /** JSON; `{truncated: true, bytes}` is kept instead when its JSON is over 64 KiB. */
  payload: unknown;
  /** ms since the epoch. */
  at: number;
}

export class UnknownSessionError extends Error {
  readonly code = 'not_found';
}

export class InvalidExternalEventError extends Error {
  readonly code = 'invalid_argument';
}

/** The payload as kept: itself, or its size when its JSON is too big (undefined is kept as null). */
export function boundedExternalPayload(payload: unknown): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    throw new InvalidExternalEventError(`payload must be JSON: ${(error as Error).message}`);
  }
  if (json === undefined) return null;
  const bytes = Buffer.byteLength(json, 'utf8');
  return bytes > EXTERNAL_PAYLOAD_MAX_BYTES ? { truncated: true, bytes } : payload;
}

/**
 * Attaches something that happened outside the agent to a session: an `external` entry in the
 * log and the session's `last_external_event`, in one transaction. The activity state does not
 * move: a CI failure says nothing about what the agent is doing (docs/store.md).
 */
export function appendExternalEvent(store: Store, input: NewExternalEvent): EventRecord {
  if (!isTimeMs(input.at)) throw new InvalidExternalEventError(`at must be a time in ms since the epoch, not ${String(input.at)}`);
  for (const name of ['sourceKind', 'sourceId', 'eventType'] as const) {
    if (typeof input[name] !== 'string' || input[name] === '') throw new InvalidExternalEventError(`${name} must be a non-empty string`);
  }
  const payload = boundedExternalPayload(input.payload);
  const data = { sourceKind: input.sourceKind, sourceId: input.sourceId, eventType: input.eventType, payload };
  return store.transaction(() => {
    const launch = store.db.prepare('SELECT launch_id FROM sessions WHERE id = ?').get(input.sessionId) as { launch_id: string | null } | undefined;
    if (launch === undefined) throw new UnknownSessionError(`no session ${input.sessionId}`);
    const event = externalEventName(input.eventType);
    const seq = store.appendEvent({ sessionId: input.sessionId, type: 'external', event, at: input.at, launchId: launch.launch_id, data });
    const latest: StoredExternalEvent = { seq, ...data, at: input.at };
    store.db.prepare('UPDATE sessions SET last_external_event = ? WHERE id = ?').run(JSON.stringify(latest), input.sessionId);
    return { seq, sessionId: input.sessionId, type: 'external', event, from: null, to: null, at: input.at, launchId: launch.launch_id, data };
  });
}
