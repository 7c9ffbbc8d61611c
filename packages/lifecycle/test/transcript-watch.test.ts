import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool } from '../src/ingest.js';
import { aoPaths } from '../src/ao-paths.js';
import type { TurnOutcome } from '@ao/activity-dispatch';
import { watchTranscripts } from '../src/transcript-watch.js';
import { testDeriver } from './test-deriver.js';

let home: string;
let store: Store;
let rollout: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-transcript-'));
  store = Store.open(aoPaths(home).database);
  rollout = join(home, 'rollout.jsonl');
  writeFileSync(rollout, '{}\n');
});
afterEach(() => store.close());

function activeSession(lastSignalAt: number, transcriptPath = rollout) {
  const session = createSession(store, { harness: testDeriver.id, cwd: home, launchId: 'L1', expectsStartupSignal: true, now: lastSignalAt });
  store.saveSession({ ...session, activityState: 'active', lastSignalAt, firstSignalAt: lastSignalAt, facts: { transcriptPath } });
  return session.id;
}

function watch(outcome: TurnOutcome | null, harnesses?: string[]) {
  const read: string[] = [];
  const written = watchTranscripts({
    store,
    spoolDir: aoPaths(home).spool,
    ...(harnesses && { harnesses }),
    findReader: (harness) => (harness === testDeriver.id ? (path) => (read.push(path), outcome) : undefined),
  });
  ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver: () => testDeriver });
  return { written, read };
}

describe('turn ends read from a transcript', () => {
  it('a failed turn recorded after the last hook ends the turn: idle, with the error', () => {
    const id = activeSession(1_000);
    const { written, read } = watch({ status: 'failed', at: 2_000, error: 'unexpected status 400 Bad Request' });
    expect(read).toEqual([rollout]);
    expect(written).toEqual([id]);
    const session = store.getSession(id)!;
    expect(session.activityState).toBe('idle');
    expect(session.facts.lastError).toBe('unexpected status 400 Bad Request');
    expect(store.listEvents({ sessionId: id }).at(-1)).toMatchObject({ type: 'transition', event: 'turn-ended', from: 'active', to: 'idle', launchId: 'L1' });
  });

  it('says nothing while the turn runs, or when a hook already spoke after the recorded end', () => {
    const id = activeSession(5_000);
    expect(watch({ status: 'running', at: 6_000 }).written).toEqual([]);
    expect(watch({ status: 'failed', at: 4_000, error: 'old' }).written).toEqual([]);
    expect(watch(null).written).toEqual([]);
    expect(store.getSession(id)!.activityState).toBe('active');
  });

  it('reads nothing for sessions that are not active or have no transcript', () => {
    const id = activeSession(1_000);
    store.saveSession({ ...store.getSession(id)!, activityState: 'idle' });
    const noTranscript = createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: 1 });
    store.saveSession({ ...noTranscript, activityState: 'active' });
    expect(watch({ status: 'failed', at: 9_000 }).read).toEqual([]);
  });

  it('hands a reader only regular files: a payload naming a FIFO, a device or a relative path is skipped', () => {
    const fifo = join(home, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero', 'rollout.jsonl', home]) activeSession(1_000, path);
    expect(watch({ status: 'failed', at: 9_000 }).read).toEqual([]);
  });

  it('loads only the sessions of the harnesses that can read a transcript, when told which', () => {
    activeSession(1_000);
    expect(watch({ status: 'failed', at: 9_000 }, ['another-harness']).read).toEqual([]);
    expect(watch({ status: 'failed', at: 9_000 }, [testDeriver.id]).read).toEqual([rollout]);
  });
});
