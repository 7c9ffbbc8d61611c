import type { Derivation } from '@ao/activity-dispatch';
import { deriveClaudeCode } from '@ao/adapter-claude-code';

/**
 * The demo fires Claude Code's payloads under AO event names, exactly as Claude's installed hooks
 * do, so Claude's table is the demo's table. Delegating (not copying) keeps the demo honest: what
 * it shows in `ao ls` is what a real Claude session with the same hooks would show.
 */
export function deriveDemo(event: string, payload: unknown): Derivation | null {
  return deriveClaudeCode(event, payload);
}
