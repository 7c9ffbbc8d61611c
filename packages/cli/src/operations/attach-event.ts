import { appendExternalEvent } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { findSessionOrThrow } from './session-reads.js';

export interface AttachEventInput {
  id: string;
  sourceKind: string;
  sourceId: string;
  eventType: string;
  payload?: unknown;
}

/**
 * `event.attach`: something from outside the agent (a CI failure, a review comment) recorded on
 * the session's timeline; it shows in `ao events` and as the session's `lastExternalEvent`, and
 * does not change its activity state.
 */
export async function attachExternalEvent(context: CliContext, input: AttachEventInput) {
  await context.ingest();
  const session = findSessionOrThrow(context, input.id);
  const event = appendExternalEvent(context.store, {
    sessionId: session.id,
    sourceKind: input.sourceKind,
    sourceId: input.sourceId,
    eventType: input.eventType,
    payload: input.payload ?? null,
    at: context.now(),
  });
  const data = event.data as { sourceKind: string; sourceId: string; eventType: string; payload: unknown };
  return { seq: event.seq, sessionId: session.id, sourceKind: data.sourceKind, sourceId: data.sourceId, eventType: data.eventType, payload: data.payload, at: new Date(event.at).toISOString() };
}
