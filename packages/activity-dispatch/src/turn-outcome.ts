/**
 * How a harness's last turn ended, as its transcript records it: what an adapter's
 * `readTurnOutcome` answers and what the transcript watch (lifecycle transcript-watch.ts) acts on.
 */
export type TurnStatus = 'running' | 'completed' | 'failed' | 'aborted';

export interface TurnOutcome {
  status: TurnStatus;
  /** When the transcript recorded it, ms since the epoch (null if it has no readable timestamp). */
  at: number | null;
  /** For `failed`: what went wrong, in the harness's words. */
  error?: string;
}
