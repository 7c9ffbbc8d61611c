import { DEFAULT_JSON_BOUNDS, parseJsonBounded, type JsonBounds, type JsonTrim } from './bounded-json.js';
import { measureJson } from './json-shape.js';

/**
 * How a record's payload becomes a value for the adapters. JSON.parse takes a payload whole when
 * that is cheap: small enough, shallow enough, few enough values. Anything else (a 4 MiB tool
 * output, a million nested arrays) goes through the bounded parser, which keeps the top levels
 * the adapters read and drops the rest: ingesting any backlog then costs bounded time and memory
 * per record, and the state and facts come out the same (facts are capped at 512 characters).
 */
export const JSON_PARSE_LIMITS = {
  maxBytes: 1024 * 1024,
  maxDepth: 64,
  maxValues: 50_000,
} as const;

export interface DecodedPayload {
  /** The parsed payload, or undefined when there is none or it is not JSON. */
  payload: unknown;
  malformed: boolean;
  /** What the bounded parser dropped; empty when the payload was kept whole. */
  trimmed: JsonTrim[];
}

export function decodePayload(body: Buffer, bounds: JsonBounds = DEFAULT_JSON_BOUNDS): DecodedPayload {
  if (isBlank(body)) return { payload: undefined, malformed: true, trimmed: [] };
  if (body.length <= JSON_PARSE_LIMITS.maxBytes && !measureJson(body, JSON_PARSE_LIMITS.maxDepth, JSON_PARSE_LIMITS.maxValues).exceeded) {
    try {
      return { payload: JSON.parse(body.toString('utf8')), malformed: false, trimmed: [] };
    } catch {
      return { payload: undefined, malformed: true, trimmed: [] };
    }
  }
  const parsed = parseJsonBounded(body, bounds);
  return parsed.ok ? { payload: parsed.value, malformed: false, trimmed: parsed.trimmed } : { payload: undefined, malformed: true, trimmed: [] };
}

/** Only JSON whitespace (JSON.parse would reject it as empty). */
function isBlank(body: Buffer): boolean {
  for (const byte of body) {
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return true;
}
