/**
 * What a session has spent so far, as its harness reports it (docs/store.md, "Usage"). Read by the
 * session's adapter (`readUsage`) when a turn ends, never on the hook path.
 *
 * Token counts are totals over the session so far, not the last turn. `inputTokens` counts the
 * input the model was sent that was NOT read from the provider's prompt cache (cache writes
 * included); `cacheReadTokens` counts what was read from it, so input + cacheRead is everything sent.
 */
export interface SessionUsage {
  /** The model of the latest turn, as the harness names it. */
  model: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** Only when the harness reports a cost (US dollars). */
  costUsd?: number;
  /** 0-100, only when the harness can tell how full the model's context window is. */
  contextPercent?: number;
}
