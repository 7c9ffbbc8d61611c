import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoPaths } from '@ao/lifecycle';
import { aoJson, runAo, tempDir } from './ao-harness.js';

/**
 * A store that is empty, missing or damaged: every command says so with one error
 * (store_damaged / store_missing) and how to recover, doctor fails the store check with the same
 * sentence, and no pending hook signal is lost.
 */
interface Check {
  name: string;
  status: string;
  message: string;
}
const doctorEnv = { PATH: '/usr/bin:/bin' };

async function doctor(aoHome: string): Promise<{ exitCode: number; check: (name: string) => Check | undefined }> {
  const result = await runAo(aoHome, ['doctor', '--json'], { env: doctorEnv });
  const checks = (JSON.parse(result.stdout) as { checks: Check[] }).checks;
  return { exitCode: result.exitCode, check: (name) => checks.find((check) => check.name === name) };
}

/** Three registered sessions, a hook signal waiting in the spool, no process holding the store. */
async function homeWithSessions(): Promise<{ aoHome: string; database: string; ids: string[] }> {
  const aoHome = tempDir('ao-home-');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')])).id);
  await runAo(aoHome, ['hooks', 'claude-code', 'user-prompt-submit', '--session', ids[0]!], { input: '{"prompt":"hi"}' });
  return { aoHome, database: aoPaths(aoHome).database, ids };
}

const pendingSignals = (aoHome: string) => readdirSync(aoPaths(aoHome).spool).filter((name) => name.endsWith('.sig'));

describe('a store that should exist but is empty, missing or damaged', () => {
  it('a zero-length ao.db is refused, not taken for a new store; the signals wait; the recovery the message gives works', async () => {
    const { aoHome, database, ids } = await homeWithSessions();
    truncateSync(database, 0);

    const listed = await runAo(aoHome, ['ls', '--json']);
    expect(listed.exitCode).toBe(1);
    const { error } = JSON.parse(listed.stdout);
    expect(error.code).toBe('store_damaged');
    expect(error.message).toContain(`ao's store ${database} is damaged (the file is empty)`);
    expect(error.message).toContain(`remove ${database}-created to let ao start an empty store`);
    expect(pendingSignals(aoHome)).toHaveLength(1);

    const checked = await doctor(aoHome);
    expect(checked.exitCode).toBe(1);
    expect(checked.check('store')).toMatchObject({ status: 'fail', message: error.message });

    // Recover as the message says, choosing an empty store: the signal for the forgotten session is kept aside, not lost.
    mkdirSync(join(aoHome, 'damaged'));
    renameSync(database, join(aoHome, 'damaged', 'ao.db'));
    rmSync(`${database}-created`);
    expect(await aoJson(aoHome, ['ls'])).toEqual([]);
    expect(pendingSignals(aoHome)).toEqual([]);
    expect(readdirSync(join(aoPaths(aoHome).spool, 'unclaimed'))).toHaveLength(1);
    expect((await doctor(aoHome)).check('spool unclaimed')).toMatchObject({ status: 'warn', message: expect.stringMatching(/^1 hook signal for sessions the store does not know is kept in/) });
    expect(ids).toHaveLength(3);
  });

  it('a missing ao.db is refused with store_missing', async () => {
    const { aoHome, database } = await homeWithSessions();
    rmSync(database);
    const result = await runAo(aoHome, ['status', 'x', '--json']);
    expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'store_missing', message: expect.stringContaining('restore ao.db from a backup') });
    expect(existsSync(database)).toBe(false);
    expect(pendingSignals(aoHome)).toHaveLength(1);
  });

  it('8 KB of garbage inside the store: one clear store_damaged error from every command, and doctor fails the store', async () => {
    const { aoHome, database } = await homeWithSessions();
    const fd = openSync(database, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 8192);
    closeSync(fd);

    const json = await runAo(aoHome, ['ls', '--json']);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'store_damaged', message: expect.stringContaining(`ao's store ${database} is damaged`) });
    const text = await runAo(aoHome, ['ls']);
    expect(text.exitCode).toBe(1);
    expect(text.stderr).toMatch(new RegExp(`^ao: ao's store ${database} is damaged \\(SQLite says: [^)]*\\).*Hook signals wait in .*; none is lost\\.\\n$`));
    const seed = await runAo(aoHome, ['json'], { input: JSON.stringify({ version: 'v1', action: 'ls' }) });
    expect(JSON.parse(seed.stdout)).toMatchObject({ ok: false, error: { code: 'store_damaged' } });

    const checked = await doctor(aoHome);
    expect(checked.exitCode).toBe(1);
    expect(checked.check('store')).toMatchObject({ status: 'fail', message: expect.stringContaining(`move ${database} and any ${database}-wal and ${database}-shm next to it aside`) });
    expect(pendingSignals(aoHome)).toHaveLength(1);
  });
});
