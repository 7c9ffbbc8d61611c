// The drift report of `npm run test:e2e -- --latest`: what it finds between a committed fixture and
// the newest release's record, and how it says it.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { compareHarness, compareShapes, payloadShape, renderReport } from './drift.mjs';

const signal = (nativeEvent: string, payload: unknown) => ({ nativeEvent, event: nativeEvent, payload });

const committed = {
  scenario: 'e2e-plain-turn',
  states: ['active', 'idle'],
  signals: [
    signal('SessionStart', { session_id: 'a', source: 'startup' }),
    signal('UserPromptSubmit', { session_id: 'a', prompt: 'hi' }),
    signal('Stop', { session_id: 'a', stop_hook_active: false }),
  ],
  rollout: null,
};

const record = (overrides: Record<string, unknown> = {}) => ({
  harness: 'claude-code',
  scenario: 'plain-turn',
  fixture: 'plain-turn',
  passed: true,
  failure: null,
  states: ['active', 'idle'],
  signals: committed.signals,
  rollout: null,
  missed: [],
  ...overrides,
});

describe('payload shapes', () => {
  it('lists key paths with their types, array items under []', () => {
    const shape = payloadShape({ a: 1, b: { c: 'x', d: [{ e: null }] } });
    expect(Object.fromEntries([...shape].map(([path, types]) => [path, [...types]]))).toEqual({
      '(payload)': ['object'],
      a: ['number'],
      b: ['object'],
      'b.c': ['string'],
      'b.d': ['array'],
      'b.d[]': ['object'],
      'b.d[].e': ['null'],
    });
  });

  it('finds added and removed keys and changed types, not changed values', () => {
    expect(compareShapes(payloadShape({ a: 1, b: 'x', gone: true }), payloadShape({ a: 2, b: 3, fresh: [] }))).toEqual([
      { path: 'b', change: 'type', from: ['string'], to: ['number'] },
      { path: 'fresh', change: 'added', to: ['array'] },
      { path: 'gone', change: 'removed', from: ['boolean'] },
    ]);
  });
});

describe('a harness compared', () => {
  it('finds no drift when the newest release sent the same events, shapes and states', () => {
    const result = compareHarness({ harness: 'claude-code', pinned: '1.0.0', latest: '1.0.0', scenarios: [{ committed, record: record() }] });
    expect(result.drifted).toBe(false);
    expect(renderReport([result], { generatedAt: 'now' })).toContain('No drift');
  });

  it('reports a new event, a new payload key, another state sequence and a failed scenario', () => {
    const latest = record({
      passed: false,
      failure: 'expected [ active, idle, idle ] to deeply equal [ active, idle ]\nat line 3',
      states: ['active', 'idle', 'idle'],
      signals: [
        signal('SessionStart', { session_id: 'a', source: 'startup', model: 'm' }),
        signal('UserPromptSubmit', { session_id: 'a', prompt: 'hi' }),
        signal('Stop', { session_id: 'a', stop_hook_active: false }),
        signal('TurnSummary', { session_id: 'a' }),
      ],
    });
    const result = compareHarness({ harness: 'claude-code', pinned: '1.0.0', latest: '1.1.0', scenarios: [{ committed, record: latest }] });
    expect(result.drifted).toBe(true);
    expect(result.payloads).toEqual([
      { event: 'SessionStart', change: 'shape', changes: [{ path: 'model', change: 'added', to: ['string'] }] },
      { event: 'TurnSummary', change: 'new event' },
    ]);
    const text = renderReport([result], { generatedAt: 'now' });
    expect(text).toContain('## claude-code: 1.0.0 pinned → 1.1.0 newest');
    expect(text).toContain('- **plain-turn**: FAILED: expected [ active, idle, idle ] to deeply equal [ active, idle ]\n');
    expect(text).toContain('  - events: SessionStart, UserPromptSubmit, Stop\n    now:    SessionStart, UserPromptSubmit, Stop, TurnSummary');
    expect(text).toContain('  - states: active, idle\n    now:    active, idle, idle');
    expect(text).toContain('- SessionStart:\n  + model: string');
    expect(text).toContain('- TurnSummary: new event');
  });

  it('reports rollout record kinds that appeared or went away', () => {
    const rolloutFixture = { ...committed, rollout: [{ type: 'event_msg', payload: { type: 'task_started' } }, { type: 'event_msg', payload: { type: 'task_complete', last: 'x' } }] };
    const latest = record({ rollout: [{ type: 'event_msg', payload: { type: 'task_started' } }, { type: 'event_msg', payload: { type: 'turn_complete', last: 'x' } }] });
    const result = compareHarness({ harness: 'codex', pinned: '1', latest: '2', scenarios: [{ committed: rolloutFixture, record: latest }] });
    const text = renderReport([result], { generatedAt: 'now' });
    expect(text).toContain('rollout records new: event_msg/turn_complete');
    expect(text).toContain('rollout records gone: event_msg/task_complete');
  });

  it('names a scenario that keeps no fixture instead of comparing it', () => {
    const result = compareHarness({ harness: 'claude-code', pinned: '1', latest: '2', scenarios: [{ committed: null, record: record({ fixture: null, scenario: 'nested-agent' }) }] });
    expect(renderReport([result], { generatedAt: 'now' })).toContain('- **nested-agent**: passed (no fixture to compare)');
  });
});
