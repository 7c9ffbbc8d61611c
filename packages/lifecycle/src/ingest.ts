import { dispatchSignal, type Deriver } from '@ao/activity-dispatch';
import { reduce } from './reducer.js';
import type { Store } from './store/store.js';
import type { SessionRecord } from './store/session-record.js';
import { decodeSpoolRecord } from './spool/spool-record.js';
import { deleteSpoolRecord, listSpool, readSpoolRecord, removeAbandonedTempFiles } from './spool/spool-reader.js';
import { nsToMs } from './spool/capture-time.js';
import { resolveSignalOwner } from './signal-owner.js';
import { silentLogger, type LifecycleLogger } from './logger.js';

export interface IngestOptions {
  store: Store;
  spoolDir: string;
  /** Finds the adapter for a canonical harness id. */
  findDeriver: (harness: string) => Deriver | undefined;
  logger?: LifecycleLogger;
  /** Records per transaction: bounded so a big backlog never holds the write lock for long. */
  batchSize?: number;
  now?: () => number;
  /** Test seam: runs after a batch commits and before its files are deleted (where a crash hurts most). */
  afterCommit?: () => void;
}

export interface IngestStats {
  /** Records read from the spool and consumed. */
  consumed: number;
  /** Records applied to a session (transition or observation). */
  applied: number;
  /** Records dropped with a logged reason (unknown session, fenced launch, bad record…). */
  dropped: number;
  /** Records skipped because an earlier ingestion already applied them. */
  duplicates: number;
}

const INGESTED_KEY_RETENTION_MS = 60 * 60 * 1000;
const ABANDONED_TEMP_AGE_MS = 60 * 1000;

/**
 * Applies every spool record, in capture order, exactly once. Each batch is one transaction that
 * also records the spool ids; files are deleted only after the commit. A crash before the commit
 * leaves the records to the next ingester; a crash after it leaves files whose ids are already
 * recorded, which the next ingester deletes without applying them again.
 */
export function ingestSpool(options: IngestOptions): IngestStats {
  const { store, spoolDir } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 500;
  const stats: IngestStats = { consumed: 0, applied: 0, dropped: 0, duplicates: 0 };

  for (;;) {
    const names = listSpool(spoolDir, batchSize);
    if (names.length === 0) break;
    const records = names.map((name) => ({ name, bytes: readSpoolRecord(spoolDir, name) }));
    store.transaction(() => {
      const touched = new Map<string, SessionRecord>();
      for (const { name, bytes } of records) {
        if (bytes === null) continue; // another ingester consumed it meanwhile
        if (!store.markIngested(name, now())) {
          stats.duplicates++;
          continue;
        }
        stats.consumed++;
        if (applyRecord(name, bytes, touched)) stats.applied++;
        else stats.dropped++;
      }
      for (const session of touched.values()) store.saveSession(session);
    });
    options.afterCommit?.();
    for (const { name } of records) deleteSpoolRecord(spoolDir, name);
    if (names.length < batchSize) break;
  }
  store.pruneIngested(now() - INGESTED_KEY_RETENTION_MS);
  removeAbandonedTempFiles(spoolDir, ABANDONED_TEMP_AGE_MS, now());
  return stats;

  function applyRecord(name: string, bytes: Buffer, touched: Map<string, SessionRecord>): boolean {
    const decoded = decodeSpoolRecord(name, bytes);
    if (!decoded.ok) {
      logger.warn({ spoolId: name, reason: decoded.reason }, 'spool record dropped: unreadable');
      return false;
    }
    const signal = decoded.signal;
    const context = { spoolId: name, sessionId: signal.sessionId, harness: signal.harness, event: signal.event };
    // The registry resolves aliases: `ao hooks claude …` is claude-code's signal.
    const deriver = options.findDeriver(signal.harness);
    if (!deriver) {
      logger.warn(context, 'signal dropped: unknown harness');
      return false;
    }
    const lookup = (id: string) => touched.get(id) ?? store.getSession(id);
    const owner = resolveSignalOwner({ ...signal, harness: deriver.id, sessionArg: signal.sessionArg ?? null, firer: signal.firer ?? null }, lookup);
    if (owner.owner === null) {
      logger.info({ ...context, reason: owner.reason, detail: owner.detail }, 'signal dropped: not this session\'s agent');
      return false;
    }
    const found = lookup(owner.owner);
    if (!found) {
      logger.warn({ ...context, sessionId: owner.owner }, 'signal dropped: no such session');
      return false;
    }
    if (found.harness !== deriver.id) {
      logger.warn({ ...context, sessionHarness: found.harness }, 'signal dropped: harness does not match the session');
      return false;
    }
    const session = owner.claimFirer === undefined ? found : { ...found, hookFirerPid: owner.claimFirer };
    const dispatched = dispatchSignal(deriver, signal.event, signal.payload);
    if (!dispatched.ok) {
      logger.warn({ ...context, reason: dispatched.reason, detail: dispatched.detail }, 'signal dropped');
      return false;
    }
    if (signal.payloadMalformed) logger.warn(context, 'signal payload is not JSON; derived without it');
    const at = nsToMs(signal.capturedAt);
    const { derivation } = dispatched;
    const launchId = owner.launchIdApplies ? signal.launchId : null;
    const outcome = reduce(session, { ...derivation, launchId, at });
    if (!outcome.accepted) {
      logger.info({ ...context, reason: outcome.reason }, 'signal dropped by the reducer');
      return false;
    }
    const next: SessionRecord = { ...session, ...outcome.session, updatedAt: now() };
    for (const entry of outcome.log) {
      if (entry.type === 'transition') next.lastTransitionAt = entry.at;
      const logged = { sessionId: session.id, at: entry.at, launchId, data: Object.keys(entry.facts).length > 0 ? { ...entry.facts } : null };
      store.appendEvent(
        entry.type === 'transition'
          ? { ...logged, type: 'transition', event: entry.event, from: entry.from, to: entry.to }
          : { ...logged, type: 'signal', event: entry.event },
      );
    }
    touched.set(session.id, next);
    return true;
  }
}
