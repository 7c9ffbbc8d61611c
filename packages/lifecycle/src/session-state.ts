import type { ActivityState, AoEvent, Facts, NeedsInputReason } from '@ao/activity-dispatch';

export interface ToolFlight {
  id?: string;
  name?: string;
}

/** Metadata the session keeps from its signals (the latest of each). */
export interface SessionFacts {
  nativeSessionId?: string;
  model?: string;
  transcriptPath?: string;
  lastPrompt?: string;
  lastNotification?: string;
  lastError?: string;
  exitReason?: string;
  /** When the session host reported the agent's exit (ao's own process-exited record). */
  processExitedAt?: number;
}

/**
 * The dialog the session waits on (docs/reducer.md, "Open requests"). `id` names this one dialog:
 * it stays while the same dialog is reported again and changes with the next one, so an answer
 * that names a dialog already gone can be refused.
 */
export interface StoredOpenRequest {
  /** `<session id>.r<n>`, n counting the session's dialogs from 1 (`requestsOpened`). */
  id: string;
  kind: NeedsInputReason;
  /** The tool that asks, when known. */
  tool: string | null;
  /** The command, file, URL or question text (a fact: one line, capped). */
  detail: string | null;
  /** When the dialog opened: the capture time of the signal that opened it, ms since the epoch. */
  askedAt: number;
}

/** The part of a session the reducer reads and writes. */
export interface ReducibleSession {
  id: string;
  launchId: string | null;
  activityState: ActivityState | null;
  terminated: boolean;
  toolsInFlight: ToolFlight[];
  /** The tool whose dialog (a permission, or a question asked through a tool) is open, as far as it is known. */
  blockedTool: ToolFlight | null;
  /** Set exactly while the session is `blocked` or `waiting_input`; null otherwise. */
  openRequest: StoredOpenRequest | null;
  /** How many dialogs the session has opened: the counter behind the request ids. */
  requestsOpened: number;
  firstSignalAt: number | null;
  lastSignalAt: number | null;
  facts: SessionFacts;
}

/** A derived signal as the reducer sees it. */
export interface ReducerSignal {
  event: AoEvent;
  state?: ActivityState;
  facts: Facts;
  launchId: string | null;
  /** Capture time, ms since the epoch. */
  at: number;
}

export type LogEntry =
  | { type: 'transition'; event: AoEvent; from: ActivityState | null; to: ActivityState; at: number; facts: Facts }
  | { type: 'signal'; event: AoEvent; at: number; facts: Facts };

export type ReduceOutcome =
  | { accepted: true; session: ReducibleSession; log: LogEntry[] }
  | { accepted: false; reason: 'stale-launch' | 'terminated'; session: ReducibleSession; log: [] };
