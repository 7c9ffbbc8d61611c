import type { Store } from './store.js';
import { rowToSession, type SessionRecord, type SessionRow } from './session-record.js';

/**
 * Narrow reads for the passes that run on every state read (the reaper, the transcript watch):
 * each selects in SQL only the sessions and columns it needs, instead of parsing every live
 * session's JSON columns once more. With 1,000 sessions that is most of what a read costs.
 */

/** What the reaper needs to probe a session's processes. */
export interface ProbeTarget {
  id: string;
  pid: number | null;
  pidStartTime: string | null;
  hostPid: number | null;
  hostStartTime: string | null;
  /** The session host already recorded the agent's exit (facts.processExitedAt). */
  exitRecorded: boolean;
}

/** Live sessions with a process ao knows (an agent pid or a host pid). */
export function listProbeTargets(store: Store): ProbeTarget[] {
  const rows = store.db
    .prepare(
      `SELECT id, pid, pid_start_time, host_pid, host_start_time, json_extract(facts, '$.processExitedAt') IS NOT NULL AS exit_recorded
       FROM sessions WHERE terminated = 0 AND (pid IS NOT NULL OR host_pid IS NOT NULL) ORDER BY created_at, id`,
    )
    .all() as { id: string; pid: number | null; pid_start_time: string | null; host_pid: number | null; host_start_time: string | null; exit_recorded: number }[];
  return rows.map((row) => ({
    id: row.id,
    pid: row.pid,
    pidStartTime: row.pid_start_time,
    hostPid: row.host_pid,
    hostStartTime: row.host_start_time,
    exitRecorded: row.exit_recorded === 1,
  }));
}

/** Live `active` sessions whose facts name a transcript: the ones the transcript watch reads. */
const ACTIVE_WITH_TRANSCRIPT = `terminated = 0 AND activity_state = 'active' AND instr(facts, '"transcriptPath"') > 0`;

/** Whether any session is one the transcript watch would read (one query; loads no adapter). */
export function hasActiveSessionWithTranscript(store: Store): boolean {
  return store.db.prepare(`SELECT 1 FROM sessions WHERE ${ACTIVE_WITH_TRANSCRIPT} LIMIT 1`).get() !== undefined;
}

/**
 * The sessions the transcript watch reads; only those of `harnesses` when given (the harnesses
 * that can read a transcript at all).
 */
export function listActiveSessionsWithTranscript(store: Store, harnesses?: readonly string[]): SessionRecord[] {
  if (harnesses?.length === 0) return [];
  const only = harnesses ? ` AND harness IN (${harnesses.map(() => '?').join(', ')})` : '';
  const rows = store.db
    .prepare(`SELECT * FROM sessions WHERE ${ACTIVE_WITH_TRANSCRIPT}${only} ORDER BY created_at, id`)
    .all(...(harnesses ?? [])) as SessionRow[];
  return rows.map(rowToSession);
}
