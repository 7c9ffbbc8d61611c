import type { EventObject } from '@ao/protocol';

const STATE_WORDS: Record<string, string> = { active: 'working', idle: 'idle', waiting_input: 'asking a question', blocked: 'waiting for permission', exited: 'exited' };

/**
 * One timeline line. A signal's `data` holds the facts the adapter derived (`toolName`, the same
 * for every harness), never the harness's own payload, so the tool is named whatever the harness.
 */
export function describeEvent(event: EventObject): string {
  if (event.type === 'transition') return `${STATE_WORDS[event.from ?? ''] ?? 'new'} → ${STATE_WORDS[event.to ?? ''] ?? event.to}`;
  if (event.type === 'external') return `external: ${event.event}`;
  const toolName = event.data?.toolName;
  const tool = typeof toolName === 'string' ? ` (${toolName})` : '';
  return `${event.type === 'lifecycle' ? 'ao: ' : ''}${event.event}${tool}`;
}
