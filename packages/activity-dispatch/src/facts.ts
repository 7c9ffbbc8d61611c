/**
 * Facts: metadata lifted from a native payload. Every string is capped and stripped of control
 * characters so a hostile or huge payload cannot bloat the store or garble a terminal.
 */
export interface Facts {
  nativeSessionId?: string;
  toolName?: string;
  toolUseId?: string;
  /**
   * What the tool wants to do, for a user deciding on it: the command, the file path, the URL,
   * the question's text (docs/reducer.md, "Open requests").
   */
  toolDetail?: string;
  prompt?: string;
  transcriptPath?: string;
  model?: string;
  notification?: string;
  notificationType?: string;
  reason?: string;
  error?: string;
  cwd?: string;
}

export const FACT_MAX_LENGTH = 512;

// C0 and C1 controls and DEL; newlines and tabs too, since facts are single-line display values.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;

/** A clean, capped string, or undefined when the value is not a non-empty string. */
export function cleanFact(value: unknown, max = FACT_MAX_LENGTH): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(CONTROL_CHARACTERS, ' ').trim();
  if (cleaned.length === 0) return undefined;
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** Builds a Facts object keeping only the fields that hold a usable string. */
export function pickFacts(candidates: { [K in keyof Facts]?: unknown }): Facts {
  const facts: Facts = {};
  for (const [key, value] of Object.entries(candidates) as [keyof Facts, unknown][]) {
    const cleaned = cleanFact(value);
    if (cleaned !== undefined) facts[key] = cleaned;
  }
  return facts;
}

/** Reads a property of an unknown payload if it is a plain object. */
export function field(payload: unknown, key: string): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  return (payload as Record<string, unknown>)[key];
}

export function isRecord(payload: unknown): payload is Record<string, unknown> {
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload);
}
