import { stringEnd } from './json-shape.js';

/**
 * A JSON parser whose result, time and memory are bounded whatever the text: for payloads too
 * deep or too big to hand to JSON.parse (see payload-decode.ts). It keeps what an adapter reads
 * (the top levels of the payload: `tool_name`, `hook_event_name`, OpenCode's
 * `properties.status.type`…) and drops the rest, saying what it dropped. It never recurses (a
 * million nested arrays cost a million bytes of stack, not a million frames) and it never
 * decodes a string beyond what it keeps: a dropped container is passed over in one sweep.
 *
 * The text must be JSON; the parts it drops are checked only for bracket balance and string
 * ends, so a text JSON.parse rejects may parse here when its faults lie in dropped parts (raw
 * control characters inside strings are not looked for either). Pure.
 */
export interface JsonBounds {
  /** Containers nested deeper than this (the root is at depth 0) are replaced by null. */
  maxDepth: number;
  /** Items kept per array and members per object: later ones are dropped. */
  maxItems: number;
  /** Values kept at each depth, across all containers there: bounds the whole result. */
  maxValuesPerDepth: number;
  /** UTF-16 code units kept of each string value (facts keep 512 at most). */
  maxStringLength: number;
  /** Members with a longer key are dropped: no adapter reads such a key. */
  maxKeyLength: number;
}

export const DEFAULT_JSON_BOUNDS: JsonBounds = {
  maxDepth: 8,
  maxItems: 256,
  maxValuesPerDepth: 1024,
  maxStringLength: 1024,
  maxKeyLength: 256,
};

/** What was dropped: deep containers, surplus items or values, string tails, long keys. */
export type JsonTrim = 'depth' | 'items' | 'values' | 'string_length' | 'key_length';

export type BoundedJsonResult = { ok: true; value: unknown; trimmed: JsonTrim[] } | { ok: false; reason: string };

const enum Kind {
  Array = 1,
  Object = 2,
}

const enum State {
  Value,
  ArrayFirst,
  ObjectFirst,
  Key,
  AfterValue,
}

/** A container being built: only kept containers are ever open (dropped ones are skipped whole). */
interface Frame {
  target: unknown[] | Record<string, unknown>;
  kind: Kind;
  /** Items or members kept so far. */
  count: number;
  /** In an object: the key of the member being read, or null when that member is dropped. */
  key: string | null;
}

class JsonSyntaxError extends Error {}

/** `]` or `}`. */
const closer = (kind: Kind): number => (kind === Kind.Array ? 0x5d : 0x7d);
/** Where a container's next member begins: a value in an array, a key in an object. */
const memberStart = (kind: Kind): State => (kind === Kind.Array ? State.Value : State.Key);

export function parseJsonBounded(bytes: Buffer, bounds: JsonBounds = DEFAULT_JSON_BOUNDS): BoundedJsonResult {
  try {
    return new BoundedParser(bytes, bounds).parse();
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, reason: error.message };
    throw error;
  }
}

class BoundedParser {
  private pos = 0;
  /** The open containers, outermost first: at most maxDepth of them. */
  private readonly frames: Frame[] = [];
  private readonly valuesAtDepth: number[];
  private readonly trimmed = new Set<JsonTrim>();
  private root: unknown = undefined;

  constructor(
    private readonly bytes: Buffer,
    private readonly bounds: JsonBounds,
  ) {
    this.valuesAtDepth = new Array<number>(bounds.maxDepth + 1).fill(0);
  }

  parse(): BoundedJsonResult {
    let state = State.Value;
    for (;;) {
      this.skipWhitespace();
      const byte = this.bytes[this.pos];
      switch (state) {
        case State.Value:
          if (byte === 0x7b || byte === 0x5b) {
            const kind = byte === 0x7b ? Kind.Object : Kind.Array;
            if (this.open(kind)) state = kind === Kind.Object ? State.ObjectFirst : State.ArrayFirst;
            else state = State.AfterValue;
          } else {
            this.scalar();
            state = State.AfterValue;
          }
          break;
        case State.ArrayFirst:
        case State.ObjectFirst: {
          // Just opened: either closed at once (empty) or its first member follows.
          const kind = state === State.ArrayFirst ? Kind.Array : Kind.Object;
          if (byte === closer(kind)) {
            this.close(kind);
            state = State.AfterValue;
          } else state = memberStart(kind);
          break;
        }
        case State.Key:
          this.key();
          state = State.Value;
          break;
        case State.AfterValue: {
          const frame = this.frames[this.frames.length - 1];
          if (!frame) {
            if (byte !== undefined) throw this.unexpected();
            return { ok: true, value: this.root, trimmed: [...this.trimmed] };
          }
          if (byte === 0x2c) {
            this.pos++;
            if (frame.count >= this.bounds.maxItems) {
              // Full: the rest of this container is passed over in one sweep.
              this.trim('items');
              this.pos = skipToClose(this.bytes, this.pos);
            } else state = memberStart(frame.kind);
          } else if (byte === closer(frame.kind)) {
            this.close(frame.kind);
          } else throw this.unexpected();
          break;
        }
      }
    }
  }

  /**
   * Whether the value starting now is kept: its member is not dropped, its container has room,
   * and its depth has values left. Counts it when kept.
   */
  private admit(): boolean {
    const depth = this.frames.length;
    const parent = this.frames[depth - 1];
    if (parent) {
      if (parent.kind === Kind.Object && parent.key === null) return false;
      if (parent.count >= this.bounds.maxItems) return this.trim('items');
    }
    if ((this.valuesAtDepth[depth] as number) >= this.bounds.maxValuesPerDepth) return this.trim('values');
    this.valuesAtDepth[depth] = (this.valuesAtDepth[depth] as number) + 1;
    return true;
  }

  private place(value: unknown): void {
    const parent = this.frames[this.frames.length - 1];
    if (!parent) {
      this.root = value;
      return;
    }
    parent.count++;
    if (parent.kind === Kind.Array) (parent.target as unknown[]).push(value);
    else if (parent.key === '__proto__') Object.defineProperty(parent.target, '__proto__', { value, enumerable: true, writable: true, configurable: true });
    else (parent.target as Record<string, unknown>)[parent.key as string] = value;
  }

  /** Opens a kept container and returns true, or passes over a dropped one whole and returns false. */
  private open(kind: Kind): boolean {
    if (this.admit()) {
      if (this.frames.length < this.bounds.maxDepth) {
        const target = kind === Kind.Array ? [] : {};
        this.place(target);
        this.frames.push({ target, kind, count: 0, key: null });
        this.pos++;
        return true;
      }
      this.place(null);
      this.trim('depth');
    }
    this.pos = skipToClose(this.bytes, this.pos + 1) + 1;
    if (this.bytes[this.pos - 1] !== closer(kind)) throw new JsonSyntaxError(`mismatched bracket at byte ${this.pos - 1}`);
    return false;
  }

  private close(kind: Kind): void {
    const frame = this.frames.pop();
    if (!frame || frame.kind !== kind) throw this.unexpected();
    this.pos++;
  }

  private key(): void {
    if (this.bytes[this.pos] !== 0x22) throw this.unexpected();
    const frame = this.frames[this.frames.length - 1] as Frame;
    const end = this.closingQuote();
    const key = this.decodeString(this.pos + 1, end, this.bounds.maxKeyLength + 1);
    if (key.length > this.bounds.maxKeyLength) {
      frame.key = null;
      this.trim('key_length');
    } else frame.key = key;
    this.pos = end + 1;
    this.skipWhitespace();
    if (this.bytes[this.pos] !== 0x3a) throw this.unexpected();
    this.pos++;
  }

  private scalar(): void {
    const bytes = this.bytes;
    const byte = bytes[this.pos];
    if (byte === 0x22) {
      const end = this.closingQuote();
      if (this.admit()) {
        const max = this.bounds.maxStringLength;
        const text = this.decodeString(this.pos + 1, end, max + 1);
        if (text.length > max) this.trim('string_length');
        this.place(text.length > max ? text.slice(0, max) : text);
      }
      this.pos = end + 1;
      return;
    }
    for (const [literal, value] of LITERALS) {
      if (byte === literal[0] && literal.every((expected, offset) => bytes[this.pos + offset] === expected)) {
        if (this.admit()) this.place(value);
        this.pos += literal.length;
        return;
      }
    }
    const end = numberEnd(bytes, this.pos);
    if (end < 0) throw this.unexpected();
    if (this.admit()) this.place(Number(bytes.toString('latin1', this.pos, end)));
    this.pos = end;
  }

  private closingQuote(): number {
    const end = stringEnd(this.bytes, this.pos);
    if (end < 0) throw new JsonSyntaxError(`unterminated string at byte ${this.pos}`);
    return end;
  }

  /**
   * The string between `start` and `end` (raw bytes, escapes undone), decoded only as far as
   * `limit` UTF-16 code units: a string longer than that comes back `limit` long.
   */
  private decodeString(start: number, end: number, limit: number): string {
    const bytes = this.bytes;
    // A code unit takes at most 3 bytes of UTF-8 (4 bytes make 2 units): decode no further.
    const stop = Math.min(end, start + 3 * limit + 3);
    let backslash = indexWithin(bytes, 0x5c, start, stop);
    if (backslash < 0) return bytes.toString('utf8', start, stop).slice(0, limit);
    let text = '';
    let from = start;
    while (from < stop && text.length < limit) {
      if (backslash < 0) {
        text += bytes.toString('utf8', from, stop);
        break;
      }
      text += bytes.toString('utf8', from, backslash);
      const escape = bytes[backslash + 1];
      let next = backslash + 2;
      if (escape === 0x75) {
        const hex = bytes.toString('latin1', backslash + 2, backslash + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError(`bad \\u escape at byte ${backslash}`);
        text += String.fromCharCode(parseInt(hex, 16));
        next = backslash + 6;
      } else {
        const decoded = escape === undefined ? undefined : ESCAPES[escape];
        if (decoded === undefined) throw new JsonSyntaxError(`bad escape at byte ${backslash}`);
        text += decoded;
      }
      from = next;
      backslash = indexWithin(bytes, 0x5c, from, stop);
    }
    return text.slice(0, limit);
  }

  private skipWhitespace(): void {
    const bytes = this.bytes;
    let pos = this.pos;
    for (;;) {
      const byte = bytes[pos];
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
      pos++;
    }
    this.pos = pos;
  }

  private trim(reason: JsonTrim): false {
    this.trimmed.add(reason);
    return false;
  }

  private unexpected(): JsonSyntaxError {
    const byte = this.bytes[this.pos];
    return new JsonSyntaxError(byte === undefined ? 'unexpected end of JSON' : `unexpected byte 0x${byte.toString(16)} at byte ${this.pos}`);
  }
}

const LITERALS: [number[], unknown][] = [
  [[0x74, 0x72, 0x75, 0x65], true],
  [[0x66, 0x61, 0x6c, 0x73, 0x65], false],
  [[0x6e, 0x75, 0x6c, 0x6c], null],
];

const ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

/** The first index of `byte` in [from, to), or -1: looks no further than `to`. */
function indexWithin(bytes: Buffer, byte: number, from: number, to: number): number {
  if (to - from <= 64) {
    for (let i = from; i < to; i++) if (bytes[i] === byte) return i;
    return -1;
  }
  const found = bytes.subarray(from, to).indexOf(byte);
  return found < 0 ? -1 : from + found;
}

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** The end of the JSON number starting at `start`, or -1 when none starts there. */
function numberEnd(bytes: Buffer, start: number): number {
  let pos = start;
  if (bytes[pos] === 0x2d) pos++;
  if (bytes[pos] === 0x30) {
    // "01" is not a number followed by another: JSON.parse rejects it, and so does this.
    if (isDigit(bytes[++pos])) return -1;
  } else if (isDigit(bytes[pos])) while (isDigit(bytes[pos])) pos++;
  else return -1;
  if (bytes[pos] === 0x2e) {
    if (!isDigit(bytes[++pos])) return -1;
    while (isDigit(bytes[pos])) pos++;
  }
  if (bytes[pos] === 0x65 || bytes[pos] === 0x45) {
    pos++;
    if (bytes[pos] === 0x2b || bytes[pos] === 0x2d) pos++;
    if (!isDigit(bytes[pos])) return -1;
    while (isDigit(bytes[pos])) pos++;
  }
  return pos;
}

/**
 * Passes over the rest of a container's content, from `from` (just inside it, or just after a
 * comma in it) to its closing bracket, and returns that bracket's index. Checks only that strings
 * end and brackets balance: the content is dropped.
 */
function skipToClose(bytes: Buffer, from: number): number {
  let depth = 0;
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x22) {
      i = stringEnd(bytes, i);
      if (i < 0) break;
    } else if (byte === 0x5b || byte === 0x7b) depth++;
    else if (byte === 0x5d || byte === 0x7d) {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw new JsonSyntaxError('unexpected end of JSON');
}
