import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_BOUNDS, parseJsonBounded, type JsonBounds } from '../src/spool/bounded-json.js';
import { measureJson } from '../src/spool/json-shape.js';
import { decodePayload, JSON_PARSE_LIMITS } from '../src/spool/payload-decode.js';

const parse = (text: string | Buffer, bounds?: Partial<JsonBounds>) =>
  parseJsonBounded(Buffer.isBuffer(text) ? text : Buffer.from(text), { ...DEFAULT_JSON_BOUNDS, ...bounds });

const deepArrays = (depth: number) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('parseJsonBounded', () => {
  it('parses ordinary JSON exactly as JSON.parse does', () => {
    const samples = [
      '{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":-1.5e3,"g":""}',
      ' [ 1 , 2 ,[ ] , { } ] ',
      '"text"',
      '0',
      'null',
      '{"esc":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00","utf8":"héllo ✓ 😀"}',
      '{"":{"nested":[[1,[2,[3]]]]}}',
    ];
    for (const sample of samples) expect(parse(sample)).toEqual({ ok: true, value: JSON.parse(sample), trimmed: [] });
  });

  it('rejects what is not JSON', () => {
    for (const bad of ['', ' ', '{', '[1,]', '{"a"}', '{"a":1,}', '[1 2]', 'tru', 'truex', '01', '-', '"abc', '{"a":1}}', ']', '{1:2}', '"\\x"', '[1]x']) {
      expect(parse(bad).ok, bad).toBe(false);
    }
  });

  it('keeps a million nested arrays to the depth bound, without recursing', () => {
    const result = parse(deepArrays(1_000_000));
    expect(result.ok).toBe(true);
    let value = (result as { value: unknown }).value;
    let depth = 0;
    while (Array.isArray(value)) {
      value = value[0];
      depth++;
    }
    expect(depth).toBe(DEFAULT_JSON_BOUNDS.maxDepth);
    expect(value).toBeNull();
    expect((result as { trimmed: string[] }).trimmed).toEqual(['depth']);
  });

  it('keeps the fields around a huge or deep one, in their order', () => {
    const payload = Buffer.from(
      `{"session_id":"s1","hook_event_name":"PostToolUse","tool_name":"Read","tool_input":${'['.repeat(100_000)}${']'.repeat(100_000)},` +
        `"tool_response":{"file":{"content":"${'x'.repeat(3_000_000)}"}},"tool_use_id":"t1"}`,
    );
    const result = parse(payload);
    expect(result).toMatchObject({ ok: true, value: { session_id: 's1', hook_event_name: 'PostToolUse', tool_name: 'Read', tool_use_id: 't1' } });
    const value = (result as { value: { tool_response: { file: { content: string } } } }).value;
    expect(Object.keys(value)).toEqual(['session_id', 'hook_event_name', 'tool_name', 'tool_input', 'tool_response', 'tool_use_id']);
    expect(value.tool_response.file.content).toBe('x'.repeat(DEFAULT_JSON_BOUNDS.maxStringLength));
    expect(new Set((result as { trimmed: string[] }).trimmed)).toEqual(new Set(['depth', 'string_length']));
  });

  it("keeps OpenCode's properties.status.type below a big sibling", () => {
    const items = Array.from({ length: 5000 }, (_, i) => `{"i":${i}}`).join(',');
    const result = parse(`{"type":"session.status","properties":{"parts":[${items}],"sessionID":"ses_1","status":{"type":"idle"}}}`);
    expect(result).toMatchObject({ ok: true, value: { type: 'session.status', properties: { sessionID: 'ses_1', status: { type: 'idle' } } } });
    const parts = (result as { value: { properties: { parts: unknown[] } } }).value.properties.parts;
    expect(parts).toHaveLength(DEFAULT_JSON_BOUNDS.maxItems);
    expect(parts[255]).toEqual({ i: 255 });
    expect((result as { trimmed: string[] }).trimmed).toEqual(['items']);
  });

  it('bounds the values kept at one depth across containers', () => {
    const result = parse(`[${Array.from({ length: 20 }, () => '[1,2,3,4,5]').join(',')}]`, { maxValuesPerDepth: 12, maxItems: 100 });
    const value = (result as { value: number[][] }).value;
    expect(value.flat()).toHaveLength(12);
    expect(value[0]).toEqual([1, 2, 3, 4, 5]);
    expect((result as { trimmed: string[] }).trimmed).toEqual(['values']);
  });

  it('drops members with overlong keys, truncates escaped strings, and never sets a prototype', () => {
    const long = 'k'.repeat(300);
    const result = parse(`{"${long}":1,"s":"${'\\n'.repeat(2000)}","__proto__":{"polluted":true}}`);
    expect(result.ok).toBe(true);
    const value = (result as { value: Record<string, unknown> }).value;
    expect(value[long]).toBeUndefined();
    expect(value.s).toBe('\n'.repeat(DEFAULT_JSON_BOUNDS.maxStringLength));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(new Set((result as { trimmed: string[] }).trimmed)).toEqual(new Set(['key_length', 'string_length']));
  });

  it('truncates a multi-byte string without splitting a character into garbage', () => {
    const result = parse(`"${'é'.repeat(5000)}"`, { maxStringLength: 10 });
    expect(result).toEqual({ ok: true, value: 'é'.repeat(10), trimmed: ['string_length'] });
  });
});

describe('measureJson', () => {
  it('measures depth outside strings and stops early past a limit', () => {
    expect(measureJson(Buffer.from('{"a":"[[[[[[","b":[[1]]}'), 64, 1000)).toMatchObject({ depth: 3, exceeded: false });
    expect(measureJson(Buffer.from('"\\"[[["'), 64, 1000)).toMatchObject({ depth: 0, exceeded: false });
    expect(measureJson(deepArrays(1_000_000), 64, 1000)).toMatchObject({ depth: 65, exceeded: true });
    expect(measureJson(Buffer.from(`[${'1,'.repeat(100)}1]`), 64, 50)).toMatchObject({ exceeded: true });
  });
});

describe('decodePayload', () => {
  it('takes a small payload whole with JSON.parse, and says when one is not JSON', () => {
    expect(decodePayload(Buffer.from('{"tool_name":"Bash","n":[1,2]}'))).toEqual({ payload: { tool_name: 'Bash', n: [1, 2] }, malformed: false, trimmed: [] });
    expect(decodePayload(Buffer.from('not json'))).toEqual({ payload: undefined, malformed: true, trimmed: [] });
    expect(decodePayload(Buffer.from(' \n'))).toEqual({ payload: undefined, malformed: true, trimmed: [] });
    expect(decodePayload(Buffer.from(`[${'['.repeat(100_000)}`))).toEqual({ payload: undefined, malformed: true, trimmed: [] });
  });

  it('bounds a payload too deep, too big or with too many values, keeping its top', () => {
    const deep = decodePayload(Buffer.from(`{"notification_type":"permission_prompt","x":${deepArrays(1000)}}`));
    expect(deep).toMatchObject({ payload: { notification_type: 'permission_prompt' }, malformed: false, trimmed: ['depth'] });
    const big = decodePayload(Buffer.from(`{"tool_name":"Read","out":"${'y'.repeat(JSON_PARSE_LIMITS.maxBytes)}"}`));
    expect(big).toMatchObject({ payload: { tool_name: 'Read' }, malformed: false, trimmed: ['string_length'] });
    const many = decodePayload(Buffer.from(`{"tool_name":"Grep","hits":[${'0,'.repeat(JSON_PARSE_LIMITS.maxValues)}0]}`));
    expect(many).toMatchObject({ payload: { tool_name: 'Grep' }, malformed: false, trimmed: ['items'] });
  });
});
