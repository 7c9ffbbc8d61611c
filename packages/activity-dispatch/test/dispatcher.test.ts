import { describe, expect, it } from 'vitest';
import { dispatchSignal, type Deriver } from '../src/index.js';

const table: Deriver = {
  id: 'table',
  derive: (event) => (event === 'stop' ? { event: 'stop', state: 'idle', facts: {} } : null),
};

describe('dispatchSignal', () => {
  it('returns the adapter derivation', () => {
    expect(dispatchSignal(table, 'stop', {})).toEqual({ ok: true, derivation: { event: 'stop', state: 'idle', facts: {} } });
  });

  it('reports an event the adapter does not know, naming it', () => {
    expect(dispatchSignal(table, 'warp', {})).toEqual({ ok: false, reason: 'unknown-event', detail: 'table does not know event "warp"' });
  });

  it('turns an adapter that throws into a reason, never a crash', () => {
    const broken: Deriver = {
      id: 'broken',
      derive: () => {
        throw new Error('bad table');
      },
    };
    expect(dispatchSignal(broken, 'stop', {})).toEqual({ ok: false, reason: 'adapter-error', detail: 'bad table' });
  });

  it('rejects a derivation naming an event outside the AO vocabulary', () => {
    const sloppy: Deriver = { id: 'sloppy', derive: () => ({ event: 'Stop' as never, state: 'idle', facts: {} }) };
    expect(dispatchSignal(sloppy, 'Stop', {})).toMatchObject({ ok: false, reason: 'adapter-error' });
  });

  it("handles ao's own process-exited for every harness, with the exit reason", () => {
    expect(dispatchSignal(table, 'process-exited', { exitCode: 3 })).toEqual({
      ok: true,
      derivation: { event: 'process-exited', state: 'exited', facts: { reason: 'exit code 3' } },
    });
    expect(dispatchSignal(table, 'process-exited', { signal: 'SIGKILL', exitCode: null })).toMatchObject({
      derivation: { facts: { reason: 'signal SIGKILL' } },
    });
    expect(dispatchSignal(table, 'process-exited', 'garbage')).toMatchObject({ ok: true, derivation: { state: 'exited', facts: {} } });
  });
});

describe('permission-answered (written by ao deny)', () => {
  it('is handled for every harness: a denial ends the turn (idle), with the answer as a fact', () => {
    expect(dispatchSignal(table, 'permission-answered', { answer: 'deny' })).toEqual({
      ok: true,
      derivation: { event: 'permission-answered', state: 'idle', facts: { reason: 'deny through ao' } },
    });
  });

  it('moves nothing for any other answer or a malformed payload: approvals come from the harness', () => {
    expect(dispatchSignal(table, 'permission-answered', { answer: 'approve' })).toEqual({
      ok: true,
      derivation: { event: 'permission-answered', facts: { reason: 'approve through ao' } },
    });
    expect(dispatchSignal(table, 'permission-answered', 'garbage')).toEqual({ ok: true, derivation: { event: 'permission-answered', facts: {} } });
  });
});
