import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAo, tempDir } from './ao-harness.js';
import { isErrorCode } from '../src/error-codes.js';

describe('error codes in --json output', () => {
  it('a system error is reported with an ao code, its own code kept in the sentence', async () => {
    const notADirectory = join(tempDir('ao-file-'), 'home');
    writeFileSync(notADirectory, '');
    const result = await runAo(notADirectory, ['ls', '--json']);
    expect(result.exitCode).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('internal_error');
    expect(error.message).toContain('ENOTDIR');
  });

  it('every refusal is a code of the closed set: usage errors, bad values, unknown sessions, store damage', async () => {
    const aoHome = tempDir('ao-home-');
    const damaged = tempDir('ao-damaged-');
    writeFileSync(join(damaged, 'ao.db'), 'not a database, not even close '.repeat(200));
    const runs = [
      await runAo(aoHome, ['ls', '--no-such-option', '--json']),
      await runAo(aoHome, ['events', '--limit', '100000000000000000000000', '--json']),
      await runAo(aoHome, ['status', 'nosuchsession', '--json']),
      await runAo(aoHome, ['register', '--agent', 'cursor', '--json']),
      await runAo(damaged, ['ls', '--json']),
    ];
    const codes = runs.map((run) => JSON.parse(run.stdout).error.code);
    expect(codes).toEqual(['unknown_option', 'invalid_argument', 'not_found', 'unknown_harness', 'store_damaged']);
    for (const code of codes) expect(isErrorCode(code), code).toBe(true);
  });
});
