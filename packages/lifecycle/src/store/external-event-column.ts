import { isTimeMs } from './time-ms.js';
import { parseJsonObjectColumn } from './json-column.js';

/** A session's latest external event as `sessions.last_external_event` holds it (docs/store.md). */
export interface StoredExternalEvent {
  /** The event's seq in the log. */
  seq: number;
  sourceKind: string;
  sourceId: string;
  eventType: string;
  /** As stored: the reporter's JSON, or `{truncated: true, bytes}` when it was too big to keep. */
  payload: unknown;
  /** ms since the epoch. */
  at: number;
}

/** Reads the column; a value that is not a well-formed event reads as none. */
export function parseExternalEventColumn(text: string | null): StoredExternalEvent | null {
  const value = parseJsonObjectColumn(text);
  if (value === null) return null;
  const { seq, sourceKind, sourceId, eventType, payload, at } = value;
  if (typeof seq !== 'number' || !isTimeMs(at)) return null;
  if (typeof sourceKind !== 'string' || typeof sourceId !== 'string' || typeof eventType !== 'string') return null;
  return { seq, sourceKind, sourceId, eventType, payload: payload ?? null, at };
}
