import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAo, tempDir } from './ao-harness.js';

describe('error codes in --json output', () => {
  it('a system error is reported with an ao code, its own code kept in the sentence', async () => {
    const notADirectory = join(tempDir('ao-file-'), 'home');
    writeFileSync(notADirectory, '');
    const result = await runAo(notADirectory, ['ls', '--json']);
    expect(result.exitCode).toBe(1);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(error.message).toContain('ENOTDIR');
  });
});
