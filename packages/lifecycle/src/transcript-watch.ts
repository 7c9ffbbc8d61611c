import type { TurnOutcome } from '@ao/activity-dispatch';
import { isRegularFile } from '@ao/adapter-kit';
import type { Store } from './store/store.js';
import { listActiveSessionsWithTranscript } from './store/session-queries.js';
import { writeSpoolRecord } from './spool/spool-writer.js';
import { nowNs } from './spool/capture-time.js';
import { silentLogger, type LifecycleLogger } from './logger.js';

export interface TranscriptWatchOptions {
  store: Store;
  spoolDir: string;
  /** The transcript reader of a harness's adapter, if it has one. */
  findReader: (harness: string) => ((transcriptPath: string) => TurnOutcome | null) | undefined;
  /** The harnesses findReader has a reader for, when known: the others' sessions are not even loaded. */
  harnesses?: readonly string[];
  logger?: LifecycleLogger;
}

/**
 * For `active` sessions whose harness can say from its transcript how a turn ended: when the
 * transcript records the end of a turn after the last hook, no hook is coming (Codex fires none
 * when the model API fails), so record `turn-ended` through the capture path, as a hook would.
 * Returns the sessions it wrote for. Never throws for one session's sake.
 */
export function watchTranscripts(options: TranscriptWatchOptions): string[] {
  const logger = options.logger ?? silentLogger;
  const written: string[] = [];
  for (const session of listActiveSessionsWithTranscript(options.store, options.harnesses)) {
    const path = session.facts.transcriptPath;
    if (!path) continue;
    const reader = options.findReader(session.harness);
    if (!reader) continue;
    // The path came in a hook payload: a reader is only ever handed a regular file (a FIFO would
    // block the read, and every ao command and the daemon with it; see docs/signal-path.md).
    if (!isRegularFile(path)) continue;
    let outcome: TurnOutcome | null;
    try {
      outcome = reader(path);
    } catch {
      continue;
    }
    if (!outcome || outcome.status === 'running' || outcome.at === null) continue;
    if (outcome.at <= (session.lastSignalAt ?? 0)) continue; // a hook already spoke after it
    const payload = JSON.stringify({ status: outcome.status, ...(outcome.error !== undefined && { error: outcome.error }) });
    writeSpoolRecord(options.spoolDir, { harness: session.harness, event: 'turn-ended', sessionId: session.id, launchId: session.launchId, capturedAt: nowNs() }, payload);
    logger.info({ sessionId: session.id, status: outcome.status }, 'turn end read from the transcript');
    written.push(session.id);
  }
  return written;
}
