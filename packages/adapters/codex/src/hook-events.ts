import type { AoEvent } from '@ao/activity-dispatch';

export const HARNESS_ID = 'codex';

/**
 * The Codex hook events ao wires, the AO event each passes to `ao hooks codex <event>`, and the
 * hook timeout in seconds (Codex clamps SessionEnd and Interrupt to 3 s and warns about more).
 * PreCompact, PostCompact and SubagentStart carry nothing ao uses: not wired, one process less.
 */
export const CODEX_HOOK_EVENTS: ReadonlyArray<{ native: string; event: AoEvent; timeout: number }> = [
  { native: 'SessionStart', event: 'session-start', timeout: 5 },
  { native: 'UserPromptSubmit', event: 'user-prompt-submit', timeout: 5 },
  { native: 'PreToolUse', event: 'pre-tool-use', timeout: 5 },
  { native: 'PermissionRequest', event: 'permission-request', timeout: 5 },
  { native: 'PostToolUse', event: 'post-tool-use', timeout: 5 },
  { native: 'Stop', event: 'stop', timeout: 5 },
  { native: 'SessionEnd', event: 'session-end', timeout: 3 },
  { native: 'Interrupt', event: 'interrupt', timeout: 3 },
  { native: 'SubagentStop', event: 'subagent-stop', timeout: 5 },
];
