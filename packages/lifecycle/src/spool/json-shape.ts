/**
 * A cheap look at a JSON text before parsing it: how deep its containers nest and roughly how many
 * values it holds, counted outside strings in one pass over the bytes. Decides whether JSON.parse
 * may take the text whole (see payload-decode.ts). Pure; does not validate.
 */
export interface JsonShape {
  /** Deepest container nesting seen (0 for a scalar). */
  depth: number;
  /** Containers, string values and separators seen: an upper bound of the values in the text. */
  values: number;
  /** True when the scan stopped because a limit was passed: depth and values are then lower bounds. */
  exceeded: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Measures `bytes`, stopping as soon as `maxDepth` or `maxValues` is passed. */
export function measureJson(bytes: Buffer, maxDepth: number, maxValues: number): JsonShape {
  let depth = 0;
  let deepest = 0;
  let values = 0;
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] as number;
    if (byte === QUOTE) {
      // Jump to the closing quote: strings hold most of a real payload's bytes.
      i = stringEnd(bytes, i);
      if (i < 0) break;
      values++;
    } else if (byte === 0x5b || byte === 0x7b) {
      values++;
      if (++depth > deepest) deepest = depth;
      if (deepest > maxDepth) return { depth: deepest, values, exceeded: true };
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    } else if (byte === 0x2c) {
      values++;
    } else {
      continue;
    }
    if (values > maxValues) return { depth: deepest, values, exceeded: true };
  }
  return { depth: deepest, values, exceeded: false };
}

/**
 * The index of the quote closing the string opened at `open`, or -1 when it is not closed. A
 * quote closes the string unless an odd number of backslashes precedes it.
 */
export function stringEnd(bytes: Buffer, open: number): number {
  // Most strings are short keys and values: a plain loop finds their end sooner than indexOf,
  // whose call costs more than scanning a few bytes; long strings are left to indexOf.
  const shortEnd = Math.min(bytes.length, open + 33);
  for (let i = open + 1; i < shortEnd; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) return i;
    if (byte === BACKSLASH) i++;
  }
  let from = shortEnd;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, from);
    if (quote < 0) return -1;
    let backslashes = 0;
    for (let j = quote - 1; j > open && bytes[j] === BACKSLASH; j--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
