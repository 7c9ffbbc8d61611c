import type { ActivityState, AoEvent, Facts } from '@ao/activity-dispatch';

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

/** The part of a session the reducer reads and writes. */
export interface ReducibleSession {
  id: string;
  launchId: string | null;
  activityState: ActivityState | null;
  terminated: boolean;
  toolsInFlight: ToolFlight[];
  /** The tool whose dialog (a permission, or a question asked through a tool) is open, as far as it is known. */
  blockedTool: ToolFlight | null;
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
