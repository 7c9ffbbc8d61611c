import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';

/**
 * ao doctor. Only node (the demo's binary) is installed here, so the real harnesses' binaries are
 * the missing ones. HOME and CLAUDE_CONFIG_DIR point at a throw-away directory.
 */
interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  message: string;
}

function machine(settings?: object) {
  const home = tempDir('ao-user-home-');
  if (settings) {
    mkdirSync(join(home, '.claude'));
    writeFileSync(join(home, '.claude', 'settings.json'), JSON.stringify(settings));
  }
  return { PATH: '/usr/bin:/bin', HOME: home, CLAUDE_CONFIG_DIR: join(home, '.claude') };
}

async function doctor(aoHome: string, args: string[], env: Record<string, string>) {
  const result = await runAo(aoHome, ['doctor', ...args, '--json'], { env });
  const checks = (JSON.parse(result.stdout) as { checks: Check[] }).checks;
  const check = (name: string) => {
    const found = checks.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no check "${name}" in ${JSON.stringify(checks.map((c) => c.name))}`);
    return found;
  };
  return { exitCode: result.exitCode, checks, check };
}

describe('ao doctor', () => {
  it('names a missing harness binary, shows the version of a present one, and says where hooks are missing', async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    const { exitCode, check, checks } = await doctor(aoHome, ['--cwd', project], machine());
    expect(exitCode).toBe(0);
    expect(check('ao home')).toMatchObject({ status: 'ok', message: `${aoHome} is writable` });
    expect(check('store').status).toBe('ok');
    expect(check('daemon')).toMatchObject({ status: 'ok', message: expect.stringContaining('not running') });
    expect(check('claude-code binary')).toEqual({
      name: 'claude-code binary',
      status: 'warn',
      message: '"claude" is not on PATH: Claude Code cannot be started (ao spawn --agent claude-code) until it is installed or PATH includes it',
    });
    expect(check('codex binary').message).toContain('"codex" is not on PATH');
    expect(check('demo binary')).toMatchObject({ status: 'ok', message: expect.stringMatching(/node: v\d+\.\d+\.\d+$/) });
    expect(check('claude-code hooks')).toMatchObject({ status: 'warn', message: expect.stringContaining(`ao's hooks are not installed: ${project}/.claude/settings.local.json does not exist.`) });
    expect(check('claude-code hooks').message).toContain(`ao register --agent claude-code --cwd ${project}`);
    expect(check('demo hooks').status).toBe('ok');
    expect(check('claude settings').status).toBe('ok');
    expect(checks.every((c) => c.message.length > 0)).toBe(true);
  });

  it('reports hooks installed by ao register as in place', async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', project]);
    const { check } = await doctor(aoHome, ['--cwd', project], machine());
    expect(check('claude-code hooks')).toMatchObject({ status: 'ok', message: `installed in ${project}` });
    expect(check('store').message).toContain('1 sessions, 1 live');
  });

  it("fails, with the reason, when the user's Claude settings disable all hooks", async () => {
    const { exitCode, check } = await doctor(tempDir('ao-home-'), [], machine({ disableAllHooks: true, model: 'opus' }));
    expect(exitCode).toBe(1);
    expect(check('claude settings').status).toBe('fail');
    expect(check('claude settings').message).toMatch(/sets "disableAllHooks": true, which silences every hook, ao's too/);
  });

  it('fails when AO_HOME cannot be written, and says what to do', async () => {
    const file = join(tempDir('ao-x-'), 'a-file');
    writeFileSync(file, '');
    const { exitCode, check } = await doctor(join(file, 'home'), [], machine());
    expect(exitCode).toBe(1);
    expect(check('ao home')).toMatchObject({ status: 'fail', message: expect.stringMatching(/is not writable \(ENOTDIR\).*set AO_HOME to a writable directory/) });
    expect(check('store').status).toBe('fail');
  });

  it('explains a session that never sent a hook, and confirms one that did', async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', project]);

    const early = await doctor(aoHome, ['--session', id], machine());
    expect(early.check(`session ${id}`)).toMatchObject({ status: 'warn', message: expect.stringContaining('no hook yet') });

    const late = await doctor(aoHome, ['--session', id], { ...machine(), AO_NO_SIGNAL_AFTER_SECONDS: '0' });
    expect(late.exitCode).toBe(1);
    const { message } = late.check(`session ${id}`);
    expect(late.check(`session ${id}`).status).toBe('fail');
    expect(message).toContain(`no hook has ever arrived from session ${id} (claude-code`);
    expect(message).toContain('its hooks are not wired (the no_signal status)');
    expect(message).toContain(`ao check-hooks --agent claude-code --cwd ${project}`);

    await runAo(aoHome, ['hooks', 'claude-code', 'user-prompt-submit', '--session', id], { input: '{"prompt":"hi"}' });
    const fired = await doctor(aoHome, ['--session', id], { ...machine(), AO_NO_SIGNAL_AFTER_SECONDS: '0' });
    expect(fired.check(`session ${id}`)).toMatchObject({ status: 'ok', message: expect.stringMatching(/^claude-code hooks fire: the first \d+s ago/) });

    expect((await doctor(aoHome, ['--session', 'nope'], machine())).check('session nope')).toMatchObject({ status: 'fail', message: 'no session "nope" (see ao ls --all)' });
  });

  it('prints a table with one line per check, and a summary', async () => {
    const result = await runAo(tempDir('ao-home-'), ['doctor', '--cwd', tempDir('ao-project-')], { env: machine() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^CHECK +STATUS +MESSAGE\n/);
    expect(result.stdout).toMatch(/\nclaude-code binary +warn +"claude" is not on PATH/);
    expect(result.stdout).toMatch(/\n0 failed, \d+ to look at\.\n$/);
  });
});
