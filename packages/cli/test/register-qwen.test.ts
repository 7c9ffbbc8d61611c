import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { aoJson, tempDir } from './ao-harness.js';
import { loadFixture } from './fixtures.js';

interface QwenSettings {
  hooks: Record<string, { hooks: { command: string; timeout: number }[] }[]>;
}

/** Runs the hook commands ao wrote for a native event, as Qwen Code does: through a shell, payload on stdin. */
async function fireInstalledHooks(settings: QwenSettings, nativeEvent: string, payload: unknown, aoHome: string): Promise<void> {
  for (const group of settings.hooks[nativeEvent] ?? []) {
    for (const hook of group.hooks) {
      const result = await execa('sh', ['-c', hook.command], { input: JSON.stringify(payload), env: { AO_HOME: aoHome }, reject: false });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe('');
    }
  }
}

describe('ao register + installed Qwen Code hooks', () => {
  it('turns the recorded denied dialog into active, blocked, active, idle through the real hooks and store', async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    await execa('git', ['init', '-q'], { cwd: project });
    const registered = await aoJson(aoHome, ['register', '--agent', 'qwen', '--cwd', project]);
    expect(registered).toMatchObject({ harness: 'qwen-code', cwd: project, activityState: null });
    const settings = JSON.parse(readFileSync(join(project, '.qwen', 'settings.json'), 'utf8')) as QwenSettings;
    // Qwen's timeout is in seconds; the hooks name their session (an adopted agent lacks ao's environment).
    expect(settings.hooks.PostToolBatch?.[0]?.hooks[0]).toMatchObject({ timeout: 10, command: expect.stringContaining(`hooks qwen-code post-tool-batch --session ${registered.id}`) });
    expect((await execa('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: project })).stdout).toBe('');

    // Recorded by e2e/qwen-code.e2e.test.ts: a shell call denied in its dialog (Esc), then `hi`.
    const fixture = loadFixture('qwen-code', 'e2e-permission-denied');
    for (const signal of fixture.signals) await fireInstalledHooks(settings, signal.nativeEvent, signal.payload, aoHome);
    const events = (await aoJson(aoHome, ['events', registered.id])) as { type: string; event: string; to?: string; data?: { reason?: string } }[];
    const transitions = events.filter((event) => event.type === 'transition');
    expect(transitions.map((event) => event.to)).toEqual(['active', 'blocked', 'active', 'idle', 'active', 'idle']);
    expect(transitions[2]).toMatchObject({ event: 'permission-denied', data: { reason: 'cancelled' } });

    const removed = await aoJson(aoHome, ['uninstall-hooks', '--agent', 'qwen-code', '--cwd', project]);
    expect(removed).toMatchObject({ changed: true });
    expect((await execa('ls', ['-A', project])).stdout).toBe('.git');
  });
});
