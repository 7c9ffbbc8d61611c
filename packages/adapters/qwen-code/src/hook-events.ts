/** The adapter's id: the `<harness>` of `ao hooks qwen-code <event>`. */
export const HARNESS_ID = 'qwen-code';

/**
 * The name each installed hook passes to `ao hooks qwen-code <name>`: the AO event of the native
 * hook, except `post-tool-batch`, which has no AO event of its own (derivation-table.ts says what
 * it becomes: a denial when the batch holds a call the user cancelled).
 */
export type QwenHookName =
  | 'session-start'
  | 'user-prompt-submit'
  | 'pre-tool-use'
  | 'post-tool-use'
  | 'post-tool-use-failure'
  | 'post-tool-batch'
  | 'permission-request'
  | 'permission-denied'
  | 'notification'
  | 'stop'
  | 'stop-failure'
  | 'session-end';

/**
 * The Qwen Code hook events ao listens to (docs/harnesses/qwen-code.md). Events that never change
 * the state (SubagentStart/Stop, PreCompact, MessageDisplay, Todo…, InstructionsLoaded) are not
 * installed: each installed hook is one process start inside Qwen's turn, run synchronously.
 */
export const QWEN_HOOK_EVENTS: ReadonlyArray<{ native: string; event: QwenHookName }> = [
  { native: 'SessionStart', event: 'session-start' },
  { native: 'UserPromptSubmit', event: 'user-prompt-submit' },
  { native: 'PreToolUse', event: 'pre-tool-use' },
  { native: 'PostToolUse', event: 'post-tool-use' },
  { native: 'PostToolUseFailure', event: 'post-tool-use-failure' },
  { native: 'PostToolBatch', event: 'post-tool-batch' },
  { native: 'PermissionRequest', event: 'permission-request' },
  { native: 'PermissionDenied', event: 'permission-denied' },
  { native: 'Notification', event: 'notification' },
  { native: 'Stop', event: 'stop' },
  { native: 'StopFailure', event: 'stop-failure' },
  { native: 'SessionEnd', event: 'session-end' },
];

/** Seconds Qwen waits for one hook (Qwen's `timeout` is in seconds); capture takes milliseconds, this only bounds a hang. */
export const HOOK_TIMEOUT_SECONDS = 10;
