import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { committedRepo } from './git-fixture.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitForStatus } from './runtime-harness.js';

/** The control-plane commands at the terminal: attach-event, approve --checkpoint, checkpoints, restore. */

const newHome = aoHomesCleanedAfterEach();

const gitRepo = () => committedRepo({ 'app.txt': 'v1\n' });

describe('ao attach-event', () => {
  it('records an external event shown in ao events and as lastExternalEvent, without moving the state', async () => {
    const aoHome = newHome();
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('p-')]);
    const before = await aoJson(aoHome, ['status', id]);
    const human = await runAo(aoHome, ['attach-event', id, '--source-kind', 'ci', '--source-id', 'build-9', '--type', 'ci.failed', '--payload', '{"job":"test"}']);
    expect(human).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^attached ci\.failed from ci build-9 to /) });
    const after = await aoJson(aoHome, ['status', id]);
    expect(after.lastExternalEvent).toMatchObject({ sourceKind: 'ci', sourceId: 'build-9', eventType: 'ci.failed', payload: { job: 'test' } });
    expect(after.activityState).toBe(before.activityState);
    const events = await aoJson(aoHome, ['events', id]);
    expect(events.at(-1)).toMatchObject({ type: 'external', event: 'ci.failed', data: { sourceId: 'build-9' } });
    expect((await runAo(aoHome, ['events', id])).stdout).toMatch(/external ci\.failed/);
  });

  it('refuses a payload that is not JSON or a type with spaces, writing nothing', async () => {
    const aoHome = newHome();
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('p-')]);
    for (const args of [
      ['--type', 'ci.failed', '--payload', '{nope'],
      ['--type', 'ci failed'],
    ]) {
      const refused = await runAo(aoHome, ['attach-event', id, '--source-kind', 'ci', '--source-id', '1', ...args, '--json']);
      expect(refused.exitCode).toBe(2);
      expect(JSON.parse(refused.stdout).error.code).toBe('invalid_argument');
    }
    expect((await aoJson(aoHome, ['events', id])).filter((event: { type: string }) => event.type === 'external')).toEqual([]);
  });
});

describe('checkpoints before risk, at the terminal', () => {
  it('approve --checkpoint records the tree first; ao checkpoints lists it; ao restore refuses over changes, --force puts the files back', async () => {
    const aoHome = newHome();
    const cwd = gitRepo();
    writeFileSync(join(cwd, 'notes.txt'), 'untracked work\n');
    const status = execFileSync('git', ['status', '--porcelain'], { cwd }).toString();
    const index = readFileSync(join(cwd, '.git', 'index'));
    const { id } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', cwd, '--no-daemon', '--prompt', 'this needs permission'], { env: DEMO_ENV });
    await waitForStatus(aoHome, id, (s) => s.activityState === 'blocked', 'the permission dialog');
    const answered = await aoJson(aoHome, ['approve', id, '--checkpoint']);
    expect(answered).toMatchObject({ answered: 'approve', checkpoint: { n: 1, ref: `refs/ao/checkpoints/${id}/1`, reason: expect.stringContaining('touch demo.txt') } });
    // Taking it changed nothing the user can see.
    expect(execFileSync('git', ['status', '--porcelain'], { cwd }).toString()).toBe(status);
    expect(readFileSync(join(cwd, '.git', 'index')).equals(index)).toBe(true);

    const table = await runAo(aoHome, ['checkpoints', id]);
    expect(table.stdout).toMatch(/^N\s+TAKEN\s+COMMIT\s+FILES\s+REASON\n1\s+/);
    expect(await aoJson(aoHome, ['checkpoints', id])).toEqual([answered.checkpoint]);

    // The agent damages the tree.
    writeFileSync(join(cwd, 'app.txt'), 'broken\n');
    writeFileSync(join(cwd, 'junk.txt'), 'junk\n');
    const refused = await runAo(aoHome, ['restore', id, '1', '--json']);
    expect(refused.exitCode).toBe(1);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'changes_since_checkpoint', message: expect.stringContaining('app.txt') });
    expect(readFileSync(join(cwd, 'app.txt'), 'utf8')).toBe('broken\n');

    const restored = await runAo(aoHome, ['restore', id, '1', '--force']);
    expect(restored.stdout).toMatch(/^restored checkpoint 1: 2 file\(s\) put back; the state before it is checkpoint 2\n$/);
    expect(readFileSync(join(cwd, 'app.txt'), 'utf8')).toBe('v1\n');
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('untracked work\n');
    expect(() => readFileSync(join(cwd, 'junk.txt'))).toThrow();
    const lifecycle = (await aoJson(aoHome, ['events', id])).filter((event: { type: string }) => event.type === 'lifecycle');
    expect(lifecycle.map((event: { event: string }) => event.event)).toEqual(['spawned', 'checkpoint-taken', 'checkpoint-restored']);
    expect(lifecycle.at(-1).data).toEqual({ n: 1, changed: 2, savedAs: 2 });
  });
});
