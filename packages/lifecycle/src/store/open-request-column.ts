import { NEEDS_INPUT_REASONS } from '@ao/activity-dispatch';
import type { StoredOpenRequest } from '../session-state.js';
import { isTimeMs } from './time-ms.js';
import { parseJsonObjectColumn } from './json-column.js';

/**
 * Reads `sessions.open_request` (JSON, docs/store.md). Anything that is not a well-formed request
 * reads as none: a damaged value must not make the session unreadable, only unanswerable.
 */
export function parseOpenRequestColumn(text: string | null): StoredOpenRequest | null {
  const value = parseJsonObjectColumn(text);
  if (value === null) return null;
  const { id, kind, tool, detail, askedAt } = value;
  if (typeof id !== 'string' || !(NEEDS_INPUT_REASONS as readonly unknown[]).includes(kind)) return null;
  if (!isTimeMs(askedAt)) return null;
  return {
    id,
    kind: kind as StoredOpenRequest['kind'],
    tool: typeof tool === 'string' ? tool : null,
    detail: typeof detail === 'string' ? detail : null,
    askedAt,
  };
}
