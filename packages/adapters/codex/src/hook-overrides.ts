import { hookCommand } from '@ao/adapter-kit';
import { CODEX_HOOK_EVENTS, HARNESS_ID } from './hook-events.js';
import { tomlBasicString } from './toml-string.js';

/**
 * Codex takes ao's hooks from its command line: one `-c hooks.<Event>=[…]` per event (a TOML
 * value; a later `-c` for the same key replaces the earlier one, so each key appears once). They
 * add to the user's own hooks and run only with the trust-bypass flag (verified on 0.169: no `-c`
 * trust setting is honoured). Codex runs the command under bash, hence the shell-quoted ao path
 * inside a TOML string.
 */
export const HOOK_TRUST_BYPASS_FLAG = '--dangerously-bypass-hook-trust';

/** The `-c` pairs, pure: `['-c', 'hooks.SessionStart=[{hooks=[{type="command",command="…",timeout=5}]}]', …]`. */
export function codexHookOverrides(aoCommand: string, sessionId?: string, aoHome?: string): string[] {
  const args: string[] = [];
  for (const { native, event, timeout } of CODEX_HOOK_EVENTS) {
    const command = tomlBasicString(hookCommand(aoCommand, HARNESS_ID, event, sessionId, aoHome));
    args.push('-c', `hooks.${native}=[{hooks=[{type="command",command=${command},timeout=${timeout}}]}]`);
  }
  return args;
}

/** The overrides plus the flag without which Codex silently skips them. */
export function codexHookArgs(aoCommand: string, sessionId?: string, aoHome?: string): string[] {
  return [...codexHookOverrides(aoCommand, sessionId, aoHome), HOOK_TRUST_BYPASS_FLAG];
}
