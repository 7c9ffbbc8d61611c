import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCodeAdapter } from '@ao/adapter-claude-code';
import { demoAdapter } from '@ao/adapter-demo';
import { aoJson, runAo, tempDir } from './ao-harness.js';

/**
 * What ao doctor learns from the adapters: the harness version against the range the adapter was
 * tested with (a fake `claude` on PATH prints the version), and the note a hook status carries.
 */
interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  message: string;
}

/** A PATH whose `claude` prints `output` for --version, then the system's own directories. */
function pathWithClaude(output: string): string {
  const bin = tempDir('ao-fake-bin-');
  writeFileSync(join(bin, 'claude'), `#!/bin/sh\nprintf '%s\\n' '${output}'\n`);
  chmodSync(join(bin, 'claude'), 0o755);
  return `${bin}:/usr/bin:/bin`;
}

async function doctorCheck(name: string, env: Record<string, string>): Promise<Check> {
  const result = await runAo(tempDir('ao-home-'), ['doctor', '--json'], { env: { HOME: tempDir('ao-user-home-'), ...env } });
  const checks = (JSON.parse(result.stdout) as { checks: Check[] }).checks;
  const found = checks.find((check) => check.name === name);
  if (!found) throw new Error(`no check "${name}" in ${JSON.stringify(checks.map((c) => c.name))}`);
  return found;
}

describe('ao doctor, from the adapters', () => {
  it('warns when the installed harness is outside the versions its adapter was tested with', async () => {
    const { min, max } = claudeCodeAdapter.versions!.tested;
    const check = await doctorCheck('claude-code binary', { PATH: pathWithClaude('9.0.0 (Claude Code)') });
    expect(check.status).toBe('warn');
    expect(check.message).toMatch(/\/claude: 9\.0\.0 \(Claude Code\); /);
    expect(check.message).toContain(`Claude Code 9.0.0 is outside the versions ao was tested with (${min} to ${max}): its states may be wrong`);
    expect((await doctorCheck('claude-code binary', { PATH: pathWithClaude('2.1.99 (Claude Code)') })).status).toBe('warn');
  });

  it('is content with a version inside the range, at either end, and with output showing none', async () => {
    const { min, max } = claudeCodeAdapter.versions!.tested;
    for (const version of [min, max]) {
      expect(await doctorCheck('claude-code binary', { PATH: pathWithClaude(`${version} (Claude Code)`) })).toMatchObject({
        status: 'ok',
        message: expect.stringMatching(new RegExp(`/claude: ${version.replaceAll('.', '\\.')} \\(Claude Code\\)$`)),
      });
    }
    expect((await doctorCheck('claude-code binary', { PATH: pathWithClaude('dev build') })).status).toBe('ok');
  });

  it("shows the note of a harness's hook status (the demo's: it needs no hook files)", async () => {
    const note = demoAdapter.hooks.status('/project', { aoCommand: '/opt/ao/bin/ao', aoHome: '/ao-home' }).notes?.[0];
    expect(note).toMatch(/\S/);
    expect(await doctorCheck('demo hooks', { PATH: '/usr/bin:/bin' })).toMatchObject({ status: 'ok', message: note });
  });

  it("ao status shows the adapter's status notes for a session of that harness", async () => {
    const aoHome = tempDir('ao-home-');
    const project = tempDir('ao-project-');
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', project]);
    const result = await runAo(aoHome, ['status', id]);
    expect(result.exitCode).toBe(0);
    const notes = result.stdout.split('\n').filter((line) => line.startsWith('note ')).map((line) => line.replace(/^note +/, ''));
    expect(notes).toEqual(claudeCodeAdapter.statusNotes);
  });
});
