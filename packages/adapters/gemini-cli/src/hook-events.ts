import type { AoEvent } from '@ao/activity-dispatch';

export const HARNESS_ID = 'gemini-cli';

/**
 * The Gemini CLI hook events ao listens to, and the AO event name each one's hook command passes
 * to `ao hooks gemini-cli <event>` (docs/harnesses/gemini-cli.md). The model-call events
 * (BeforeModel, AfterModel once per streamed chunk, BeforeToolSelection, PreCompress) are not
 * installed: they say nothing about who is waiting for whom, and each hook is a process start
 * that Gemini waits for inside its turn.
 */
export const GEMINI_HOOK_EVENTS: ReadonlyArray<{ native: string; event: AoEvent }> = [
  { native: 'SessionStart', event: 'session-start' },
  { native: 'BeforeAgent', event: 'user-prompt-submit' },
  { native: 'BeforeTool', event: 'pre-tool-use' },
  { native: 'AfterTool', event: 'post-tool-use' },
  { native: 'Notification', event: 'notification' },
  { native: 'AfterAgent', event: 'stop' },
  { native: 'SessionEnd', event: 'session-end' },
];

/** Milliseconds Gemini waits for one hook (its `timeout` is in ms); capture takes a few, this only bounds a hang. */
export const HOOK_TIMEOUT_MS = 10_000;
