import { appendFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, renameSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { asJsonlFoldCheckpoint, foldJsonl, type JsonlFoldCheckpoint } from '../src/jsonl-fold.js';

const scratch = mkdtempSync(join(tmpdir(), 'ao-jsonl-fold-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Sums the `n` of every `{"n": …}` line; counts the lines parsed. */
const sum = (path: string, previous: JsonlFoldCheckpoint<{ total: number; parsed: number }> | null, extra: { maxBytes?: number } = {}) =>
  foldJsonl({
    path,
    previous,
    initial: () => ({ total: 0, parsed: 0 }),
    fold: (state, record) => ({ total: state.total + ((record as { n?: number }).n ?? 0), parsed: state.parsed + 1 }),
    mustContain: ['"n"'],
    ...extra,
  });

describe('folding a JSONL transcript on from where the last read stopped', () => {
  it('reads each complete line once: the next read starts at the checkpoint, a torn last line waits for its newline', () => {
    const file = join(scratch, 'a.jsonl');
    writeFileSync(file, '{"n":1}\n{"other":true}\n{"n":2}\n{"n":');
    const first = sum(file, null)!;
    expect(first.state).toEqual({ total: 3, parsed: 2 });
    expect(first.offset).toBe(Buffer.byteLength('{"n":1}\n{"other":true}\n{"n":2}\n'));
    appendFileSync(file, '4}\n{"n":10}\n');
    const second = sum(file, first)!;
    expect(second.state).toEqual({ total: 17, parsed: 4 });
    // Nothing new: nothing parsed again.
    expect(sum(file, second)!.state).toEqual(second.state);
  });

  it('starts again from the beginning when the file was replaced or cut shorter', () => {
    const file = join(scratch, 'b.jsonl');
    writeFileSync(file, '{"n":1}\n{"n":2}\n');
    const first = sum(file, null)!;
    writeFileSync(join(scratch, 'b2.jsonl'), '{"n":5}\n');
    renameSync(join(scratch, 'b2.jsonl'), file);
    expect(sum(file, first)!.state).toEqual({ total: 5, parsed: 1 });
    const shorter = { ...first, file: sum(file, null)!.file, offset: 10_000 };
    expect(sum(file, shorter)!.state).toEqual({ total: 5, parsed: 1 });
  });

  it('reads at most maxBytes a time, the rest next time; skips damaged lines and a line longer than a whole read', () => {
    const file = join(scratch, 'c.jsonl');
    writeFileSync(file, `{"n":1}\nnot json "n"\n{"n":"x${'y'.repeat(100)}"}\n{"n":2}\n{"n":3}\n`);
    const first = sum(file, null, { maxBytes: 40 })!;
    expect(first.state.total).toBe(1);
    let checkpoint = first;
    for (let i = 0; i < 10; i++) checkpoint = sum(file, checkpoint, { maxBytes: 40 })!;
    expect(checkpoint.state.total).toBe(6);
  });

  it('answers null for what is not a regular file: a missing path, a symlink, a FIFO (without blocking), a relative path', () => {
    const file = join(scratch, 'd.jsonl');
    writeFileSync(file, '{"n":1}\n');
    symlinkSync(file, join(scratch, 'link.jsonl'));
    expect(sum(join(scratch, 'missing.jsonl'), null)).toBeNull();
    expect(sum(join(scratch, 'link.jsonl'), null)).toBeNull();
    expect(sum('d.jsonl', null)).toBeNull();
    const fifo = join(scratch, 'fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    // In a child: a regression would block in open(2), which this process could not time out.
    const module = fileURLToPath(new URL('../dist/jsonl-fold.js', import.meta.url));
    const script = `const { foldJsonl } = await import(${JSON.stringify(module)}); process.stdout.write(JSON.stringify(foldJsonl({ path: process.argv[1], previous: null, initial: () => 0, fold: (s) => s + 1 })));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, fifo], { encoding: 'utf8', timeout: 10_000 });
    expect(child.signal).toBeNull();
    expect(child.stdout).toBe('null');
  });

  it('takes back a stored checkpoint only in its own shape', () => {
    const isNumber = (value: unknown): value is number => typeof value === 'number';
    expect(asJsonlFoldCheckpoint({ file: '1:2', offset: 5, state: 3 }, isNumber)).toEqual({ file: '1:2', offset: 5, state: 3 });
    for (const bad of [null, [], { file: 1, offset: 5, state: 3 }, { file: '1:2', offset: -1, state: 3 }, { file: '1:2', offset: 1.5, state: 3 }, { file: '1:2', offset: 5, state: 'x' }]) {
      expect(asJsonlFoldCheckpoint(bad, isNumber)).toBeNull();
    }
  });
});
