import type { AoEvent } from '@ao/activity-dispatch';

export const HARNESS_ID = 'demo';

/** The AO events the demo agent fires, each as `ao hooks demo <event>`: the ones Claude Code fires in the same situations. */
export const DEMO_EVENTS = [
  'session-start',
  'user-prompt-submit',
  'pre-tool-use',
  'post-tool-use',
  'permission-request',
  'permission-denied',
  'elicitation',
  'elicitation-result',
  'stop',
  'stop-failure',
  'session-end',
] as const satisfies readonly AoEvent[];

export type DemoEvent = (typeof DEMO_EVENTS)[number];

/** Claude's native name for an event (`pre-tool-use` → `PreToolUse`): payloads carry it as `hook_event_name`. */
export function nativeEventName(event: DemoEvent): string {
  return event
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
