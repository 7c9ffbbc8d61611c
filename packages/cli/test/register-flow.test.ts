import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { loadFixture } from './fixtures.js';

interface ClaudeSettings {
  hooks: Record<string, { hooks: { command: string }[] }[]>;
}

/** Runs the hook command ao wrote for a native event, exactly as Claude Code would: through a shell, payload on stdin. */
async function fireInstalledHook(settings: ClaudeSettings, nativeEvent: string, payload: unknown, aoHome: string) {
  const groups = settings.hooks[nativeEvent];
  if (!groups) return false;
  for (const group of groups) {
    for (const hook of group.hooks) {
      const result = await execa('sh', ['-c', hook.command], { input: JSON.stringify(payload), env: { AO_HOME: aoHome }, reject: false });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe('');
    }
  }
  return true;
}

describe('ao register + installed Claude Code hooks', () => {
  it('moves ao status through the states of a real recorded permission dialog', async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    const registered = await aoJson(aoHome, ['register', '--agent', 'claude', '--cwd', project]);
    expect(registered).toMatchObject({ harness: 'claude-code', cwd: project, activityState: null, status: 'idle', terminated: false });
    const settings = JSON.parse(readFileSync(join(project, '.claude', 'settings.local.json'), 'utf8')) as ClaudeSettings;

    const fixture = loadFixture('claude-code', 'tui-permission-approved');
    const seen: [string, string | null, string, string | null][] = [];
    for (const signal of fixture.signals) {
      if (!(await fireInstalledHook(settings, signal.nativeEvent, signal.payload, aoHome))) continue;
      const status = await aoJson(aoHome, ['status', registered.id]);
      seen.push([signal.nativeEvent, status.activityState, status.status, status.needsInputReason]);
    }
    const byEvent = (name: string) => seen.find(([event]) => event === name);
    expect(byEvent('UserPromptSubmit')).toEqual(['UserPromptSubmit', 'active', 'working', null]);
    expect(byEvent('PermissionRequest')).toEqual(['PermissionRequest', 'blocked', 'needs_input', 'permission']);
    expect(byEvent('PostToolUse')).toEqual(['PostToolUse', 'active', 'working', null]);
    expect(byEvent('Stop')).toEqual(['Stop', 'idle', 'idle', null]);
    expect(seen.at(-1)?.[1]).toBe(fixture.signals.at(-1)?.nativeEvent === 'SessionEnd' ? 'exited' : 'idle');

    const events = await aoJson(aoHome, ['events', registered.id]);
    const transitions = events.filter((event: { type: string }) => event.type === 'transition');
    expect(transitions[0]).toMatchObject({ from: null, to: 'active', event: 'user-prompt-submit', sessionId: registered.id });
    for (const event of events) expect(Object.keys(event)).toEqual(expect.arrayContaining(['seq', 'sessionId', 'type', 'event', 'at']));
  });

  it('leaves nothing in git status and gives the project back on uninstall', async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    await execa('git', ['init', '-q'], { cwd: project });
    await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', project]);
    expect((await execa('git', ['status', '--porcelain'], { cwd: project })).stdout).toBe('');
    const check = await runAo(aoHome, ['check-hooks', '--agent', 'claude-code', '--cwd', project, '--json']);
    expect(check.exitCode).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ installed: true });
    await aoJson(aoHome, ['uninstall-hooks', '--agent', 'claude-code', '--cwd', project]);
    expect((await execa('ls', ['-A', project])).stdout).toBe('.git');
  });

  it('rejects an unknown harness before writing anything, naming the known ones', async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    const result = await runAo(aoHome, ['register', '--agent', 'cursor', '--cwd', project, '--json']);
    expect(result.exitCode).not.toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'unknown_harness', message: expect.stringContaining('claude-code, codex, opencode') },
    });
    expect((await execa('ls', ['-A', project])).stdout).toBe('');
    expect(await aoJson(aoHome, ['ls', '--all'])).toEqual([]);
  });

  it('refuses a pid that does not exist', async () => {
    const aoHome = tempDir('ao-home-');
    const result = await runAo(aoHome, ['register', '--agent', 'codex', '--cwd', tempDir('p-'), '--pid', '999999999', '--json']);
    expect(result.exitCode).not.toBe(0);
    expect(JSON.parse(result.stdout).error.code).toBe('not_found');
  });

  it('status of an unknown session is a not_found error', async () => {
    const result = await runAo(tempDir('ao-home-'), ['status', 'nope', '--json']);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
