import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAo, tempDir } from './ao-harness.js';

/** `ao doctor` on the mode of $AO_HOME: it holds every session's prompts and tool payloads. */
async function accessCheck(aoHome: string) {
  const result = await runAo(aoHome, ['doctor', '--json'], { env: { PATH: '/usr/bin:/bin', HOME: tempDir('ao-user-home-') } });
  const checks = (JSON.parse(result.stdout) as { checks: { name: string; status: string; message: string }[] }).checks;
  return { exitCode: result.exitCode, check: checks.find((check) => check.name === 'ao home access') };
}

describe('ao doctor: who else can get into AO_HOME', () => {
  it('warns on a 0755 AO_HOME, with the chmod that fixes it', async () => {
    const aoHome = tempDir('ao-home-');
    chmodSync(aoHome, 0o755);
    const { exitCode, check } = await accessCheck(aoHome);
    expect(exitCode).toBe(0);
    expect(check).toEqual({
      name: 'ao home access',
      status: 'warn',
      message: `${aoHome} is readable by other users (mode 0755), and it holds your prompts and tool output: run chmod 700 ${aoHome}`,
    });
  });

  it('warns on a group-writable AO_HOME', async () => {
    const aoHome = tempDir('ao-home-');
    chmodSync(aoHome, 0o770);
    expect((await accessCheck(aoHome)).check).toMatchObject({ status: 'warn', message: expect.stringContaining('is readable and writable by other users (mode 0770)') });
  });

  it('is satisfied with a 0700 AO_HOME, and with the one it creates itself', async () => {
    const existing = tempDir('ao-home-');
    chmodSync(existing, 0o700);
    expect((await accessCheck(existing)).check).toEqual({ name: 'ao home access', status: 'ok', message: `${existing} is private to you (mode 0700)` });
    const created = join(tempDir('ao-parent-'), 'home');
    expect((await accessCheck(created)).check).toMatchObject({ status: 'ok' });
  });
});
