import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isRegularFile, readRegularFileTail } from '../src/regular-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'ao-regular-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs readRegularFileTail in a child process: a regression would block in open(2), and a
 * synchronous block in this process could not be timed out.
 */
function readInChild(path: string): { result: unknown; timedOut: boolean } {
  const module = fileURLToPath(new URL('../dist/regular-file.js', import.meta.url));
  const script = `const { readRegularFileTail } = await import(${JSON.stringify(module)}); process.stdout.write(JSON.stringify(readRegularFileTail(process.argv[1], 1024)));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, path], { encoding: 'utf8', timeout: 10_000 });
  return { result: child.stdout ? JSON.parse(child.stdout) : undefined, timedOut: child.signal === 'SIGTERM' };
}

describe('reading a file whose path came from a payload', () => {
  it('reads the tail of a regular file, bounded', () => {
    const file = join(scratch, 'rollout.jsonl');
    writeFileSync(file, 'a'.repeat(100) + 'TAIL');
    expect(readRegularFileTail(file, 4)).toEqual({ bytes: Buffer.from('TAIL'), size: 104 });
    expect(readRegularFileTail(file, 1000)?.bytes.length).toBe(104);
    expect(isRegularFile(file)).toBe(true);
  });

  it('never opens a FIFO (open(2) would block until a writer came)', () => {
    const fifo = join(scratch, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(readInChild(fifo)).toEqual({ result: null, timedOut: false });
    symlinkSync(fifo, join(scratch, 'link-to-fifo'));
    expect(readInChild(join(scratch, 'link-to-fifo'))).toEqual({ result: null, timedOut: false });
  });

  it('refuses devices, directories, symlinks, relative and missing paths', () => {
    mkdirSync(join(scratch, 'dir'));
    writeFileSync(join(scratch, 'target'), 'x');
    symlinkSync(join(scratch, 'target'), join(scratch, 'link'));
    for (const path of ['/dev/zero', '/dev/null', join(scratch, 'dir'), join(scratch, 'link'), 'relative.jsonl', join(scratch, 'missing'), `${join(scratch, 'target')}\0x`]) {
      expect(readRegularFileTail(path, 1024)).toBeNull();
      expect(isRegularFile(path)).toBe(false);
    }
  });
});
