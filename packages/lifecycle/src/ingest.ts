import { dispatchSignal, field, type Deriver } from '@ao/activity-dispatch';
import { reduce } from './reducer.js';
import type { Store } from './store/store.js';
import type { SessionRecord } from './store/session-record.js';
import { decodeSpoolRecord } from './spool/spool-record.js';
import { deleteSpoolRecord, listSpool, removeAbandonedTempFiles } from './spool/spool-reader.js';
import { RecordArena, readSpoolBatch } from './spool/spool-batch.js';
import { describeSpoolEntryProblem, type SpoolEntryProblem } from './spool/spool-entry.js';
import { pruneSpoolAside, setSpoolEntryAside, SPOOL_ASIDE_KINDS, SPOOL_ASIDE_RETENTION_MS } from './spool/spool-aside.js';
import { nsToMs } from './spool/capture-time.js';
import { resolveSignalOwner } from './signal-owner.js';
import { silentLogger, type LifecycleLogger } from './logger.js';
import { endsTurn, refreshUsage, type UsageReader } from './usage-refresh.js';

export interface IngestOptions {
  store: Store;
  spoolDir: string;
  /** Finds the adapter for a canonical harness id. */
  findDeriver: (harness: string) => Deriver | undefined;
  /** The adapter's usage reader for a canonical harness id, if it has one: read when a turn ends. */
  findUsageReader?: (harness: string) => UsageReader | undefined;
  logger?: LifecycleLogger;
  /** Records per transaction: bounded so a big backlog never holds the write lock for long. */
  batchSize?: number;
  /** Record bytes per transaction: a backlog of big records is read a few at a time, never whole. */
  batchBytes?: number;
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
  /** Entries named like records that cannot be read as one: set aside in spool/rejected, or skipped. */
  rejected: number;
  /** Of the dropped records, those for a session the store does not know: kept in spool/unclaimed. */
  unclaimed: number;
}

const INGESTED_KEY_RETENTION_MS = 60 * 60 * 1000;
const ABANDONED_TEMP_AGE_MS = 60 * 1000;
const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;
/** Pruning the aside directories lists and stats them: once an hour is plenty for a 7-day retention. */
const ASIDE_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const ASIDE_PRUNED_AT_KEY = 'spool_aside_pruned_at';

/** Entries this process could neither read nor set aside: logged once each, not on every pass. */
const reportedStuckEntries = new Set<string>();

/**
 * Applies every spool record, in capture order, exactly once. Each batch is one transaction that
 * also records the spool ids; files are deleted only after the commit. A crash before the commit
 * leaves the records to the next ingester; a crash after it leaves files whose ids are already
 * recorded, which the next ingester deletes without applying them again.
 *
 * Nothing in the spool can stop ingestion: an entry that cannot be read as a record is set aside
 * (spool/rejected) without ever blocking on it; a record for a session this store does not know is
 * kept (spool/unclaimed), not deleted. Batches are bounded by bytes as well as by count. See
 * docs/signal-path.md.
 */
export function ingestSpool(options: IngestOptions): IngestStats {
  const { store, spoolDir } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 500;
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  const stats: IngestStats = { consumed: 0, applied: 0, dropped: 0, duplicates: 0, rejected: 0, unclaimed: 0 };
  // Names this call has dealt with, whatever became of them: a new listing looks only at newcomers.
  const handled = new Set<string>();
  // Records of the current batch whose session is unknown (filled by applyRecord).
  let unclaimed: string[] = [];
  const arena = new RecordArena();

  for (;;) {
    const names = listSpool(spoolDir).filter((name) => !handled.has(name));
    if (names.length === 0) break;
    for (let next = 0; next < names.length; ) {
      const batch = readSpoolBatch(spoolDir, names, next, { maxRecords: batchSize, maxBytes: batchBytes }, arena);
      for (let index = next; index < batch.next; index++) handled.add(names[index] as string);
      next = batch.next;
      for (const { name, problem } of batch.bad) setAside(name, problem);
      if (batch.records.length === 0) continue;
      unclaimed = [];
      store.transaction(() => {
        const touched = new Map<string, SessionRecord>();
        for (const { name, bytes } of batch.records) {
          if (!store.markIngested(name, now())) {
            stats.duplicates++;
            continue;
          }
          stats.consumed++;
          if (applyRecord(name, bytes, touched)) stats.applied++;
          else stats.dropped++;
        }
        for (const session of touched.values()) store.saveSession(session);
        // Not applied, so not marked: moved back into the spool, such a record still applies.
        for (const name of unclaimed) store.unmarkIngested(name);
      });
      options.afterCommit?.();
      for (const { name } of batch.records) {
        if (unclaimed.includes(name)) keepUnclaimed(name);
        else deleteSpoolRecord(spoolDir, name);
      }
    }
    if (names.length < batchSize) break;
  }
  store.pruneIngested(now() - INGESTED_KEY_RETENTION_MS);
  removeAbandonedTempFiles(spoolDir, ABANDONED_TEMP_AGE_MS, now());
  pruneAsideEntries();
  return stats;

  function setAside(name: string, problem: SpoolEntryProblem): void {
    stats.rejected++;
    const what = describeSpoolEntryProblem(problem);
    const outcome = setSpoolEntryAside(spoolDir, name, 'rejected', now());
    if (outcome.moved) {
      logger.warn({ spoolId: name, problem }, `spool entry set aside in spool/rejected: ${what}`);
    } else if (!reportedStuckEntries.has(name)) {
      reportedStuckEntries.add(name);
      logger.warn({ spoolId: name, problem }, `spool entry skipped: ${what}, and it cannot be set aside: ${outcome.reason} (ao doctor says what to do)`);
    }
  }

  function keepUnclaimed(name: string): void {
    stats.unclaimed++;
    const outcome = setSpoolEntryAside(spoolDir, name, 'unclaimed', now());
    if (!outcome.moved && !reportedStuckEntries.has(name)) {
      reportedStuckEntries.add(name);
      logger.warn({ spoolId: name }, `spool record for an unknown session left in the spool: ${outcome.reason}`);
    }
  }

  function pruneAsideEntries(): void {
    const at = now();
    if (at - Number(store.getMeta(ASIDE_PRUNED_AT_KEY) ?? 0) < ASIDE_PRUNE_INTERVAL_MS) return;
    for (const kind of SPOOL_ASIDE_KINDS) {
      const removed = pruneSpoolAside(spoolDir, kind, at - SPOOL_ASIDE_RETENTION_MS);
      if (removed > 0) logger.info({ kind, removed }, 'pruned spool entries set aside more than 7 days ago');
    }
    store.setMeta(ASIDE_PRUNED_AT_KEY, String(at));
  }

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
    // The owner is almost always the session the header names: read it from the store once.
    const looked = new Map<string, SessionRecord | undefined>();
    const lookup = (id: string) => {
      if (!looked.has(id)) looked.set(id, touched.get(id) ?? store.getSession(id));
      return looked.get(id);
    };
    const owner = resolveSignalOwner({ ...signal, harness: deriver.id, sessionArg: signal.sessionArg ?? null, firer: signal.firer ?? null }, lookup);
    if (owner.owner === null) {
      logger.info({ ...context, reason: owner.reason, detail: owner.detail }, 'signal dropped: not this session\'s agent');
      return false;
    }
    const found = lookup(owner.owner);
    if (!found) {
      logger.warn({ ...context, sessionId: owner.owner }, 'signal kept in spool/unclaimed: no such session');
      unclaimed.push(name);
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
    if (signal.payloadTrimmed.length > 0) logger.warn({ ...context, trimmed: signal.payloadTrimmed }, 'signal payload too deep or too big to keep whole; derived from its top levels');
    const at = nsToMs(signal.capturedAt);
    const { derivation } = dispatched;
    const launchId = owner.launchIdApplies ? signal.launchId : null;
    const outcome = reduce(session, { ...derivation, launchId, at });
    if (!outcome.accepted) {
      logger.info({ ...context, reason: outcome.reason }, 'signal dropped by the reducer');
      return false;
    }
    let next: SessionRecord = { ...session, ...outcome.session, updatedAt: now() };
    for (const entry of outcome.log) {
      if (entry.type === 'transition') next.lastTransitionAt = entry.at;
      const logged = { sessionId: session.id, at: entry.at, launchId, data: Object.keys(entry.facts).length > 0 ? { ...entry.facts } : null };
      store.appendEvent(
        entry.type === 'transition'
          ? { ...logged, type: 'transition', event: entry.event, from: entry.from, to: entry.to }
          : { ...logged, type: 'signal', event: entry.event },
      );
    }
    // The launch's own record ends with its process (its exit code, null when a signal killed it).
    if (derivation.event === 'process-exited' && launchId !== null) store.endLaunch(launchId, at, exitCodeOf(signal.payload));
    // What the session spent, read when a turn ends (never on the hook path: here, at ingestion).
    const usageReader = endsTurn(derivation) ? options.findUsageReader?.(deriver.id) : undefined;
    if (usageReader) next = refreshUsage(store, next, usageReader, signal.payload, logger);
    touched.set(session.id, next);
    return true;
  }
}

function exitCodeOf(payload: unknown): number | null {
  const code = field(payload, 'exitCode');
  return typeof code === 'number' && Number.isInteger(code) ? code : null;
}
