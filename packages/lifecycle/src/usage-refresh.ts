import type { AoEvent, Derivation } from '@ao/activity-dispatch';
import type { UsageReading, UsageSource } from '@ao/registry';
import type { Store } from './store/store.js';
import type { SessionRecord } from './store/session-record.js';
import { asSessionUsage } from './store/usage-column.js';
import { silentLogger, type LifecycleLogger } from './logger.js';

/** An adapter's `readUsage`. */
export type UsageReader = (source: UsageSource) => UsageReading | null;

/** Events after which a turn is over: the moments a session's usage is read (docs/store.md, "Usage"). */
const TURN_END_EVENTS: ReadonlySet<AoEvent> = new Set<AoEvent>(['stop', 'stop-failure', 'interrupt', 'session-end', 'process-exited', 'turn-ended']);

/** Whether a derived signal ends a turn: one of those events, or any signal that says the agent is now idle. */
export function endsTurn(derivation: Pick<Derivation, 'event' | 'state'>): boolean {
  return TURN_END_EVENTS.has(derivation.event) || derivation.state === 'idle' || derivation.state === 'exited';
}

/**
 * Reads the session's usage through its adapter and stores it with the reader's checkpoint (inside
 * the caller's transaction). Returns the session as it now is. A reader that cannot tell (null) or
 * that throws leaves the stored usage as it was: usage never goes back to "unknown".
 */
export function refreshUsage(
  store: Store,
  session: SessionRecord,
  reader: UsageReader,
  payload: unknown,
  logger: LifecycleLogger = silentLogger,
): SessionRecord {
  let reading: UsageReading | null;
  try {
    reading = reader({
      transcriptPath: session.facts.transcriptPath ?? null,
      facts: { ...session.facts },
      payload,
      checkpoint: session.usageCheckpoint,
    });
  } catch (error) {
    logger.warn({ sessionId: session.id, error: String(error) }, 'usage not read: the adapter failed');
    return session;
  }
  if (reading === null) return session;
  const { checkpoint, ...rest } = reading;
  const usage = asSessionUsage(rest);
  if (usage === null) {
    logger.warn({ sessionId: session.id }, 'usage not kept: the adapter answered something that is not a usage');
    return session;
  }
  const usageCheckpoint = checkpoint ?? null;
  store.saveUsage(session.id, usage, usageCheckpoint);
  return { ...session, usage, usageCheckpoint };
}
