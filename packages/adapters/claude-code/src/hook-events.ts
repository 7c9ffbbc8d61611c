import type { AoEvent } from '@ao/activity-dispatch';

export const HARNESS_ID = 'claude-code';

/**
 * The Claude Code hook events ao listens to, and the AO event name each one's hook command passes
 * to `ao hooks claude-code <event>`. Events ao does not map (PostToolBatch, MessageDisplay, …) are
 * not installed: each installed hook is one process start inside Claude's turn.
 */
export const CLAUDE_HOOK_EVENTS: ReadonlyArray<{ native: string; event: AoEvent }> = [
  { native: 'SessionStart', event: 'session-start' },
  { native: 'UserPromptSubmit', event: 'user-prompt-submit' },
  { native: 'PreToolUse', event: 'pre-tool-use' },
  { native: 'PostToolUse', event: 'post-tool-use' },
  { native: 'PostToolUseFailure', event: 'post-tool-use-failure' },
  { native: 'PermissionRequest', event: 'permission-request' },
  { native: 'PermissionDenied', event: 'permission-denied' },
  { native: 'Notification', event: 'notification' },
  { native: 'Stop', event: 'stop' },
  { native: 'StopFailure', event: 'stop-failure' },
  { native: 'SubagentStop', event: 'subagent-stop' },
  { native: 'SessionEnd', event: 'session-end' },
  { native: 'Elicitation', event: 'elicitation' },
  { native: 'ElicitationResult', event: 'elicitation-result' },
];

/** Seconds Claude Code waits for one hook; capture is a few milliseconds, this only bounds a hang. */
export const HOOK_TIMEOUT_SECONDS = 10;
