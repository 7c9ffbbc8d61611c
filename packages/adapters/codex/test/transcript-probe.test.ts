import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastCodexTurn, probeCodexRollout } from '../src/transcript-probe.js';

/**
 * Rollouts recorded from the real Codex TUI by e2e/codex.e2e.test.ts (paths scrubbed, ids and
 * times normalized): fixtures/rollouts/e2e-<scenario>.jsonl.
 */
const rollouts = join(import.meta.dirname, '..', 'fixtures', 'rollouts');
const rollout = (name: string) => join(rollouts, `e2e-${name}.jsonl`);
const text = (name: string) => readFileSync(rollout(name), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'ao-codex-probe-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The turn id Codex's hooks reported in the same run (fixtures/e2e-<scenario>.json). */
function hookTurnId(name: string): string {
  const fixture = JSON.parse(readFileSync(join(rollouts, '..', `e2e-${name}.json`), 'utf8')) as { signals: Array<{ event: string; payload: { turn_id?: string } }> };
  return fixture.signals.find((signal) => signal.event === 'user-prompt-submit')!.payload.turn_id!;
}

describe('Codex transcript probe on recorded rollouts', () => {
  it('an API error: the turn failed, with the API message (no hook said so)', () => {
    expect(probeCodexRollout(rollout('api-error'))).toEqual({ status: 'failed', turnId: hookTurnId('api-error'), at: expect.any(Number), error: 'mock: forced failure' });
  });

  it('a plain turn: completed', () => {
    expect(probeCodexRollout(rollout('plain-turn'))).toEqual({ status: 'completed', turnId: hookTurnId('plain-turn'), at: expect.any(Number) });
  });

  it('a turn still waiting on the model when the process was killed: running', () => {
    expect(probeCodexRollout(rollout('killed-mid-turn'))).toMatchObject({ status: 'running', turnId: hookTurnId('killed-mid-turn') });
  });

  it('a denied approval aborts the turn; the next prompt starts and completes another', () => {
    const lines = text('permission-denied').split('\n');
    const aborted = lines.findIndex((line) => line.includes('"type":"turn_aborted"'));
    expect(aborted).toBeGreaterThan(0);
    expect(lastCodexTurn(lines.slice(0, aborted + 1).join('\n'))).toMatchObject({ status: 'aborted', turnId: hookTurnId('permission-denied') });
    const last = lastCodexTurn(text('permission-denied'))!;
    expect(last.status).toBe('completed');
    expect(last.turnId).not.toBe(hookTurnId('permission-denied'));
  });

  it('reads only the tail: a torn first line and a torn last line are skipped', () => {
    const file = join(scratch, 'torn.jsonl');
    const whole = text('api-error');
    writeFileSync(file, `${whole}{"timestamp":"2026-01-01T00:00:00.000Z","type":"event_msg","payload":{"type":"task_started","tu`);
    // The last complete turn record still wins over the half-written line.
    expect(probeCodexRollout(file, { maxBytes: 4096 })).toMatchObject({ status: 'failed', error: 'mock: forced failure' });
  });
});

describe('lastCodexTurn', () => {
  const line = (payload: object) => JSON.stringify({ timestamp: '2026-01-01T00:00:00.000Z', type: 'event_msg', payload });

  it('is null for no turn, an unreadable file, or garbage', () => {
    expect(lastCodexTurn('')).toBeNull();
    expect(lastCodexTurn('not json\n{"type":"event_msg"}\n')).toBeNull();
    expect(probeCodexRollout(join(scratch, 'missing.jsonl'))).toBeNull();
    // A payload names the path: a device or a directory is no rollout, and is never read.
    expect(probeCodexRollout('/dev/zero')).toBeNull();
    expect(probeCodexRollout(scratch)).toBeNull();
  });

  it('keeps a non-JSON error message as it is, and names an error without a message', () => {
    expect(lastCodexTurn(line({ type: 'task_complete', turn_id: 't1', error: { message: 'stream disconnected' } }))).toMatchObject({ status: 'failed', error: 'stream disconnected' });
    expect(lastCodexTurn(line({ type: 'task_complete', turn_id: 't1', error: {} }))).toMatchObject({ status: 'failed', error: 'error' });
    expect(lastCodexTurn(line({ type: 'task_complete', turn_id: 't1', error: null }))).toMatchObject({ status: 'completed' });
  });

  it('the last turn record decides', () => {
    const rolloutText = [line({ type: 'task_complete', turn_id: 't1', error: { message: 'x' } }), line({ type: 'task_started', turn_id: 't2' }), '{"type":"response_item"}'].join('\n');
    expect(lastCodexTurn(rolloutText)).toEqual({ status: 'running', turnId: 't2', at: Date.parse('2026-01-01T00:00:00.000Z') });
  });
});
