import { expect } from 'vitest';
import { FACT_MAX_LENGTH, dispatchSignal, isActivityState, isAoEvent, type Derivation } from '@ao/activity-dispatch';
import type { HarnessAdapter } from '@ao/registry';
import type { Fixture } from './fixture-replay.js';

/** Names no adapter may map: made up, empty, and the ones a plain-object lookup table trips on. */
const UNKNOWN_EVENTS = ['ao-conformance-no-such-event', '', ' ', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

export function checkUnknownEvents(adapter: HarnessAdapter): void {
  for (const event of UNKNOWN_EVENTS) expect(adapter.derive(event, {}), `derive("${event}")`).toBeNull();
  expect(adapter.derive(undefined as unknown as string, {}), 'derive(undefined)').toBeNull();
}

/**
 * Every alias names an event the adapter derives, and shadows none of them: a hook wired by hand
 * with the harness's own name (`PostToolUse`) derives exactly as ao's name (`post-tool-use`) does,
 * checked on the recorded payloads.
 */
export function checkEventAliases(adapter: HarnessAdapter, fixtures: Fixture[]): void {
  const aliases = Object.entries(adapter.eventAliases ?? {});
  for (const [native, event] of aliases) {
    expect(adapter.derive(native, {}), `"${native}" is also an event derive takes itself`).toBeNull();
    expect(adapter.derive(event, {}), `alias "${native}" names "${event}", which derive does not know`).not.toBeNull();
  }
  const byEvent = new Map(aliases.map(([native, event]) => [event, native]));
  for (const { event, payload } of fixtures.flatMap((fixture) => fixture.signals)) {
    const native = byEvent.get(event);
    if (native !== undefined) expect(dispatchSignal(adapter, native, payload), `dispatch("${native}")`).toEqual(dispatchSignal(adapter, event, payload));
  }
}

const HUGE = `\u001b[31m red\u0007\u0000 ${'x'.repeat(100_000)}\n\tend\u009b`;
/** Whole payloads that are not what any harness sends (the spool hands over any JSON, or none). */
const JUNK_PAYLOADS: unknown[] = [undefined, null, 0, -1, 42, true, '', 'x', HUGE, [], [1, 'a', null], {}, { a: { b: { c: [] } } }];
/** Values put in place of each field of a real payload. */
const JUNK_VALUES: unknown[] = [null, 0, false, '', [], {}, ['x', 1], { nested: { deeper: 1 } }, HUGE];

/**
 * Derive never throws on a malformed payload and what it returns stays well formed: an AO event,
 * a known state or none, facts that are clean capped strings. Tried on junk payloads for every
 * event the fixtures hold, and on each recorded payload with each of its fields (two levels
 * deep) replaced by junk.
 */
export function checkMalformedPayloads(adapter: HarnessAdapter, fixtures: Fixture[]): void {
  const samples = new Map<string, unknown[]>();
  for (const { event, payload } of fixtures.flatMap((fixture) => fixture.signals)) {
    const list = samples.get(event) ?? [];
    if (list.length < 3) list.push(payload);
    samples.set(event, list);
  }
  let tried = 0;
  for (const [event, payloads] of samples) {
    for (const payload of [...JUNK_PAYLOADS, ...payloads.flatMap(variants)]) {
      tried++;
      let derivation: Derivation | null = null;
      const label = `derive("${event}", ${preview(payload)})`;
      expect(() => (derivation = adapter.derive(event, payload)), label).not.toThrow();
      if (derivation !== null) checkWellFormed(derivation, label);
    }
  }
  expect(tried, 'no payloads were tried: the fixtures hold no signals').toBeGreaterThan(0);
}

function checkWellFormed(derivation: Derivation, label: string): void {
  expect(isAoEvent(derivation.event), `${label} gave the event "${String(derivation.event)}", not an AO event`).toBe(true);
  if (derivation.state !== undefined) expect(isActivityState(derivation.state), `${label} gave the state "${String(derivation.state)}"`).toBe(true);
  for (const [key, value] of Object.entries(derivation.facts ?? {})) {
    expect(typeof value, `${label}: fact ${key}`).toBe('string');
    expect((value as string).length, `${label}: fact ${key} is not capped`).toBeLessThanOrEqual(FACT_MAX_LENGTH);
    expect(value as string, `${label}: fact ${key} holds control characters`).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  }
}

/** The payload with each field, and each field of an object field, replaced by each junk value. */
function variants(payload: unknown): unknown[] {
  if (!isPlainObject(payload)) return [];
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(payload)) {
    for (const junk of JUNK_VALUES) out.push({ ...payload, [key]: junk });
    if (isPlainObject(value)) {
      for (const [inner] of Object.entries(value)) {
        for (const junk of JUNK_VALUES) out.push({ ...payload, [key]: { ...value, [inner]: junk } });
      }
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function preview(payload: unknown): string {
  const text = JSON.stringify(payload) ?? String(payload);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
