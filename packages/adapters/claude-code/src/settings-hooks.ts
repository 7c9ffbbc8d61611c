import { commandHookSettings, hookCommandSessionId } from '@ao/adapter-kit';
import { CLAUDE_HOOK_EVENTS, HARNESS_ID, HOOK_TIMEOUT_SECONDS } from './hook-events.js';

/** Claude's settings take hooks in Claude Code's shape: the kit's edits, for this harness's events. */
export const { aoHooksBlock, mergeAoHooks, removeAoHooks, inventoryAoHooks } = commandHookSettings({
  harnessId: HARNESS_ID,
  events: CLAUDE_HOOK_EVENTS,
  timeoutSeconds: HOOK_TIMEOUT_SECONDS,
});
export type { AoHookInventory, HookGroup } from '@ao/adapter-kit';
export { hookCommandSessionId };
