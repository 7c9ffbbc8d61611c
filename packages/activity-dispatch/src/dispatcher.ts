import type { Derivation, Deriver } from './derivation.js';
import { isAoEvent } from './ao-events.js';
import { field, pickFacts } from './facts.js';

export type DispatchResult =
  | { ok: true; derivation: Derivation }
  | { ok: false; reason: 'unknown-event' | 'adapter-error'; detail: string };

/**
 * Asks an adapter to derive a state from a native signal. Never throws: an adapter bug or an
 * unknown event becomes a reason the caller logs, never a crash on the signal path.
 */
export function dispatchSignal(deriver: Deriver, event: string, payload: unknown): DispatchResult {
  // process-exited is ao's own event (written by the session host), the same for every harness.
  if (event === 'process-exited') return { ok: true, derivation: deriveProcessExited(payload) };
  if (event === 'turn-ended') return { ok: true, derivation: deriveTurnEnded(payload) };
  // permission-answered is ao's too (written by `ao deny`), the same for every harness.
  if (event === 'permission-answered') return { ok: true, derivation: derivePermissionAnswered(payload) };
  let derivation: Derivation | null;
  try {
    derivation = deriver.derive(event, payload);
    const alias = derivation === null && deriver.eventAliases !== undefined && Object.hasOwn(deriver.eventAliases, event) ? deriver.eventAliases[event] : undefined;
    if (alias !== undefined) derivation = deriver.derive(alias, payload);
  } catch (error) {
    return { ok: false, reason: 'adapter-error', detail: error instanceof Error ? error.message : String(error) };
  }
  if (derivation === null) return { ok: false, reason: 'unknown-event', detail: `${deriver.id} does not know event "${event}"` };
  if (!isAoEvent(derivation.event)) {
    return { ok: false, reason: 'adapter-error', detail: `${deriver.id} derived unknown AO event "${String(derivation.event)}"` };
  }
  return { ok: true, derivation };
}

function deriveProcessExited(payload: unknown): Derivation {
  const code = field(payload, 'exitCode');
  const signal = field(payload, 'signal');
  const reason = typeof signal === 'string' && signal ? `signal ${signal}` : typeof code === 'number' ? `exit code ${code}` : undefined;
  return { event: 'process-exited', state: 'exited', facts: pickFacts({ reason }) };
}

/**
 * `{answer: "deny"}`: the dialog was denied through ao. Every harness seen ends the turn and waits
 * for an instruction then (Claude: "What should Claude do instead?"), hence `idle`. Any other
 * answer carries no state: an approval is reported by the harness's own hooks, never faked.
 */
function derivePermissionAnswered(payload: unknown): Derivation {
  const answer = field(payload, 'answer');
  const facts = pickFacts({ reason: typeof answer === 'string' ? `${answer} through ao` : undefined });
  return answer === 'deny' ? { event: 'permission-answered', state: 'idle', facts } : { event: 'permission-answered', facts };
}

/** ao's own record of a turn's end, read from the harness's transcript (lifecycle transcript-watch). */
function deriveTurnEnded(payload: unknown): Derivation {
  return { event: 'turn-ended', state: 'idle', facts: pickFacts({ reason: field(payload, 'status'), error: field(payload, 'error') }) };
}
